package dev.sbomgate.baseline;

import dev.sbomgate.signature.SignatureKind;

/**
 * What one piece of verified evidence recorded in a baseline is (docs/formats.md §1.2 {@code checks[].kind}). The
 * first three are today's {@link SignatureKind}s, the deciding signature beside the artifact; the others are the
 * registry evidence of issue 15.
 */
public enum EvidenceKind {
    OPENPGP,
    KEYPAIR,
    SIGSTORE,
    /** An npm {@code dist.signatures} entry, verified with a pinned registry key. */
    NPM_REGISTRY_SIGNATURE,
    /** npm SLSA provenance (a Sigstore DSSE bundle) from a pinned identity. */
    NPM_PROVENANCE,
    /** The npm registry's own publish attestation (a Sigstore bundle signed by the registry's identity). */
    NPM_PUBLISH_ATTESTATION,
    /** A PEP 740 attestation from a pinned identity. */
    PYPI_ATTESTATION;

    /**
     * The tier verified evidence of this kind gives (docs/formats.md §1.3, the ecosystem table: the registry kinds
     * exist only for npm, so for Maven and PyPI every kind here is a publisher's): the one place tiers are decided.
     */
    public EvidenceTier tier() {
        return switch (this) {
            case OPENPGP, KEYPAIR, SIGSTORE, NPM_PROVENANCE, PYPI_ATTESTATION -> EvidenceTier.PUBLISHER;
            case NPM_REGISTRY_SIGNATURE, NPM_PUBLISH_ATTESTATION -> EvidenceTier.REGISTRY;
        };
    }

    /** Whether the result depends on the Sigstore trusted root: the check then records the root's SHA-256. */
    public boolean sigstoreBased() {
        return this == SIGSTORE || this == NPM_PROVENANCE || this == NPM_PUBLISH_ATTESTATION || this == PYPI_ATTESTATION;
    }

    /** Whether this is a signature beside the artifact, the kind a baseline's {@code signature} member records. */
    public boolean isSignatureFile() {
        return this == OPENPGP || this == KEYPAIR || this == SIGSTORE;
    }

    /** The kind of a signature check, by name: a {@link SignatureKind} added for one of these kinds maps to it. */
    public static EvidenceKind of(SignatureKind kind) {
        return valueOf(kind.name());
    }
}
