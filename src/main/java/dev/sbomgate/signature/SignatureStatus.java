package dev.sbomgate.signature;

/**
 * The outcome of checking one signature. The cryptographic verifiers produce the first group; the verify
 * stage, which knows the component's purl and the trust store's scopes and windows, adds the second.
 */
public enum SignatureStatus {
    // From the cryptographic verifiers:
    /** The signature verifies with a key from the trust store, valid at the signature's creation time. */
    VERIFIED,
    /** A signature is present, its key is known, and it does not verify over these bytes. */
    BAD_SIGNATURE,
    /** No key in the trust store made this signature (the issuer is reported when the signature names it). */
    UNKNOWN_KEY,
    /** The key (or signing subkey) had expired when the signature was made. */
    KEY_EXPIRED,
    /** The key (or signing subkey) is revoked. */
    KEY_REVOKED,
    /** MD5 or SHA-1 digest, RSA under 2048 bits, DSA: never valid. */
    WEAK_CRYPTO,
    /** The signature file is not a signature we can read (empty, garbage, a public key, too large). */
    MALFORMED,

    // Added by the verify stage:
    /** No signature file beside the artifact. */
    UNSIGNED,
    /** Valid, by a pinned key, but that key is not pinned for this component's purl. */
    NOT_PINNED_FOR_PURL,
    /** Valid, by a pinned key, but made outside the pin's notBefore/notAfter window. */
    OUTSIDE_PIN_WINDOW;

    public boolean isValid() {
        return this == VERIFIED;
    }
}
