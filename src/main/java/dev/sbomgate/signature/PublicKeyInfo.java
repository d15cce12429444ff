package dev.sbomgate.signature;

import dev.sbomgate.model.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a public key file holds, for pinning and for {@code trust show}: one entry per primary key
 * (OpenPGP) or per key pair / certificate.
 *
 * @param kind        {@link SignatureKind#OPENPGP} or {@link SignatureKind#KEYPAIR}
 * @param fingerprint the pin: OpenPGP primary key fingerprint, or SHA-256 of the SubjectPublicKeyInfo
 * @param algorithm   e.g. {@code RSA-4096}, {@code Ed25519}, {@code ECDSA-P256}
 * @param userIds     OpenPGP user IDs (shown, never trusted), or the certificate subject
 * @param created     key creation time, or null (key pairs have none)
 * @param expires     expiry of the primary key (or certificate notAfter), or null for none
 * @param revoked     whether the file carries a valid revocation of the primary key
 * @param subkeys     fingerprints of subkeys with a valid binding signature that may sign
 * @param revocation  the primary key's own revocation (OpenPGP), its reason mapped; null when not revoked or unknown
 */
public record PublicKeyInfo(
        SignatureKind kind,
        Fingerprint fingerprint,
        String algorithm,
        List<String> userIds,
        Instant created,
        Instant expires,
        boolean revoked,
        List<Fingerprint> subkeys,
        Revocation revocation) {

    /** Without the revocation's reason: a revoked key's reason then reads as compromised (fail closed). */
    public PublicKeyInfo(SignatureKind kind, Fingerprint fingerprint, String algorithm, List<String> userIds,
                         Instant created, Instant expires, boolean revoked, List<Fingerprint> subkeys) {
        this(kind, fingerprint, algorithm, userIds, created, expires, revoked, subkeys,
                revoked ? new Revocation(null, RevocationReason.COMPROMISED) : null);
    }

    /**
     * Why a key was revoked, as trust.json v2 names it (docs/formats.md 2.2). From an OpenPGP Reason for Revocation
     * (RFC 9580 section 5.2.3.31): "key compromised" → compromised, "key superseded" → superseded, "key retired" →
     * retired; no reason, "no reason specified" and any other code are hard revocations in RFC 9580, so compromised.
     */
    public enum RevocationReason {
        COMPROMISED, SUPERSEDED, RETIRED
    }

    /**
     * A key's own revocation.
     *
     * @param created when the revocation was made, or null when unknown
     * @param reason  why
     */
    public record Revocation(Instant created, RevocationReason reason) {
        public Revocation {
            Objects.requireNonNull(reason, "reason");
        }
    }

    public PublicKeyInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(algorithm, "algorithm");
        userIds = List.copyOf(userIds == null ? List.of() : userIds);
        subkeys = List.copyOf(subkeys == null ? List.of() : subkeys);
        if (revoked != (revocation != null)) {
            throw new IllegalArgumentException("a revoked key (and only one) has a revocation");
        }
    }

    /**
     * Why this key is too weak to trust, or null: RSA under 2048 bits (NIST SP 800-131A), DSA (dropped by FIPS
     * 186-5) and ElGamal (forbidden for signatures by RFC 9580), as the OpenPGP and key-pair verifiers judge
     * their signatures ({@code WEAK_CRYPTO}).
     */
    public String weakness() {
        return weakness(algorithm);
    }

    /** As {@link #weakness()}, for an algorithm name such as {@code RSA-1024} or {@code DSA-1024}. */
    public static String weakness(String algorithm) {
        java.util.regex.Matcher rsa = java.util.regex.Pattern.compile("RSA-(\\d+)").matcher(algorithm);
        if (rsa.matches() && Integer.parseInt(rsa.group(1)) < 2048) {
            return "is under 2048 bits";
        }
        if (algorithm.startsWith("DSA") || algorithm.startsWith("ElGamal")) {
            return "is a legacy algorithm";
        }
        return null;
    }
}
