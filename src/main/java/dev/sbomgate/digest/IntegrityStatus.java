package dev.sbomgate.digest;

/** What the declared digests, taken together, say about an artifact's integrity. */
public enum IntegrityStatus {
    /** At least one strong (not MD5, not SHA-1) digest was declared, and every declared digest matches. */
    PROVEN,
    /** At least one declared digest differs from the computed one. */
    MISMATCH,
    /**
     * Only MD5 and/or SHA-1 were declared and they match. Not proof: both have practical collisions
     * (RFC 6151, RFC 6194; SHAttered 2017), so an attacker can craft different bytes with the same digest.
     */
    WEAK_ONLY,
    /**
     * No declared digest differs, but at least one declared algorithm was not computed, so not everything the
     * SBOM states could be checked. Fail closed: this is not proof.
     */
    INCOMPLETE,
    /** The SBOM declares no digest for the component. */
    NONE_DECLARED,
    /** No artifact was hashed (none was looked for, found or readable): nothing is known. */
    NOT_CHECKED;

    /** Only {@link #PROVEN} shows the artifact is the one the SBOM describes. */
    public boolean isProof() {
        return this == PROVEN;
    }
}
