package dev.sbomgate.signature.npm;

import dev.sbomgate.model.Fingerprint;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A registry signing key as the verifier needs it (the trust store's pin, without scopes): an ECDSA P-256 key named
 * by the registry's {@code keyid}. The keyid is the registry's name for the key, matched exactly against a signature's
 * {@code keyid}; it is not derivable from the key (npm's {@code SHA256:jl3b…} is not the SHA-256 of the DER key).
 *
 * @param keyid       as the registry names it
 * @param fingerprint SHA-256 of the DER SubjectPublicKeyInfo, as 64 hex: the pin
 * @param key         the public key
 * @param der         its DER SubjectPublicKeyInfo
 * @param expires     the registry's {@code expires}, or null for none: a signature dated after it is KEY_EXPIRED
 */
public record RegistryKey(String keyid, Fingerprint fingerprint, PublicKey key, byte[] der, Instant expires) {

    public RegistryKey {
        Objects.requireNonNull(keyid, "keyid");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(key, "key");
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** The key as a PEM public key file, for the key-pair verifier that checks key-signed Sigstore bundles. */
    public byte[] pem() {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
