package dev.sbomgate.digest;

/** How one declared digest compares with the digest computed over the artifact. */
public enum DigestMatch {
    /** Computed and equal (hex compared case-insensitively). */
    MATCH,
    /** Computed and different: the bytes are not the ones the SBOM describes. */
    MISMATCH,
    /** The algorithm was not computed, so nothing is known. */
    NOT_COMPUTED
}
