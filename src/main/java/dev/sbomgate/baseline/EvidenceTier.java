package dev.sbomgate.baseline;

/**
 * How strong the evidence verified for an approved artifact was (docs/formats.md §1.3), weakest first:
 * {@code NONE} &lt; {@code REGISTRY} &lt; {@code PUBLISHER}. Only verified evidence by a pinned key, registry key or
 * identity counts.
 */
public enum EvidenceTier {
    /** Nothing verified by a pin. */
    NONE,
    /** The registry vouches for the artifact (an npm registry signature or publish attestation). */
    REGISTRY,
    /** The publisher signed it: an OpenPGP, key-pair or Sigstore signature, SLSA provenance or a PEP 740 attestation. */
    PUBLISHER;

    public boolean isAtLeast(EvidenceTier other) {
        return compareTo(other) >= 0;
    }
}
