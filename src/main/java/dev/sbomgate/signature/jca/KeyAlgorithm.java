package dev.sbomgate.signature.jca;

import dev.sbomgate.model.HashAlgorithm;
import java.util.List;

/** The key-pair algorithms sbomgate accepts: an allowlist, parsed at the edge from the key's OID and curve. */
enum KeyAlgorithm {
    /** PureEdDSA over the whole message (RFC 8032 section 5.1), as {@code cosign} and {@code openssl pkeyutl -rawin} sign. */
    ED25519(List.of()),
    /** ECDSA on NIST P-256 (secp256r1); {@code cosign} and {@code openssl dgst -sha256} hash with SHA-256. */
    ECDSA_P256(List.of(HashAlgorithm.SHA_256)),
    /** ECDSA on NIST P-384 (secp384r1); SHA-384 is its natural digest, and {@code openssl dgst -sha256} also makes SHA-256 ones. */
    ECDSA_P384(List.of(HashAlgorithm.SHA_384, HashAlgorithm.SHA_256)),
    /** RSA (rsaEncryption keys); the padding (PKCS#1 v1.5 or PSS) and the digest are read from the signature itself. */
    RSA(List.of(HashAlgorithm.SHA_256, HashAlgorithm.SHA_384, HashAlgorithm.SHA_512));

    private final List<HashAlgorithm> digests;

    KeyAlgorithm(List<HashAlgorithm> digests) {
        this.digests = digests;
    }

    /** The digests a signature by such a key is tried with, most likely first. */
    List<HashAlgorithm> digests() {
        return digests;
    }

    /** The display name, e.g. {@code Ed25519}, {@code ECDSA-P256}, {@code RSA-3072}. */
    String label(int bits) {
        switch (this) {
            case ED25519:
                return "Ed25519";
            case ECDSA_P256:
                return "ECDSA-P256";
            case ECDSA_P384:
                return "ECDSA-P384";
            default:
                return "RSA-" + bits;
        }
    }
}
