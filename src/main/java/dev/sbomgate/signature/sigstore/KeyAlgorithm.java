package dev.sbomgate.signature.sigstore;

import dev.sbomgate.model.HashAlgorithm;

/**
 * The signing algorithms a Sigstore bundle, certificate, log or timestamp authority may use here: an allowlist
 * (Sigstore's {@code PublicKeyDetails}, algorithm registry), parsed from the key itself at the edge.
 */
enum KeyAlgorithm {
    /** ECDSA on NIST P-256 with SHA-256: Fulcio's and Rekor's default. */
    ECDSA_P256(HashAlgorithm.SHA_256, "SHA256withECDSA"),
    /** ECDSA on NIST P-384 with SHA-384. */
    ECDSA_P384(HashAlgorithm.SHA_384, "SHA384withECDSA"),
    /** ECDSA on NIST P-521 with SHA-512. */
    ECDSA_P521(HashAlgorithm.SHA_512, "SHA512withECDSA"),
    /** RSA PKCS#1 v1.5 with SHA-256 (some CT logs and self-managed keys). */
    RSA_PKCS1_SHA256(HashAlgorithm.SHA_256, "SHA256withRSA"),
    /** PureEdDSA (RFC 8032): Rekor v2 checkpoints, DSSE envelopes; never a pre-hashed message signature. */
    ED25519(null, "Ed25519");

    private final HashAlgorithm digest;
    private final String jcaName;

    KeyAlgorithm(HashAlgorithm digest, String jcaName) {
        this.digest = digest;
        this.jcaName = jcaName;
    }

    /** The digest the signature is made over, or null for Ed25519, which hashes internally. */
    HashAlgorithm digest() {
        return digest;
    }

    String jcaName() {
        return jcaName;
    }
}
