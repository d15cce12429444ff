package dev.sbomgate.signature;

import dev.sbomgate.model.Fingerprint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What checking one signature file over one artifact found.
 *
 * @param kind           the signature's format
 * @param status         the outcome
 * @param signer         the pinned fingerprint of the key that made it: for OpenPGP the primary key's
 *                       fingerprint even when a subkey signed; null when no key was found
 * @param signingKey     the fingerprint of the key or subkey that actually signed (equal to signer for primary keys), or null
 * @param issuer         what the signature itself names as issuer (key id or fingerprint hex), or null; shown when the key is unknown
 * @param created        the signature's creation time (OpenPGP signature creation time subpacket), or null when the format has none
 * @param algorithm      e.g. {@code RSA-4096/SHA-512}, {@code Ed25519}, {@code ECDSA-P256/SHA-256}
 * @param signatureFile  the file checked
 * @param detail         one line for humans: why it failed, or who signed
 * @param signatureSha256 SHA-256 (64 lower-case hex) of the signature file's bytes as the verifier read them, or null
 *                       when it could not read them; recorded in the baseline for reuse (docs/formats.md §1.2)
 * @param publisher      the publisher identity a verified Sigstore-based check proved (repository, workflow, ref…),
 *                       or null (other kinds, failed checks, a bundle signed with a plain key)
 */
public record SignatureCheck(
        SignatureKind kind,
        SignatureStatus status,
        Fingerprint signer,
        Fingerprint signingKey,
        String issuer,
        Instant created,
        String algorithm,
        Path signatureFile,
        String detail,
        String signatureSha256,
        Publisher publisher) {

    public SignatureCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        if (signatureSha256 != null && !signatureSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a signature file's SHA-256 is 64 lower-case hex digits, got '"
                    + signatureSha256 + "'");
        }
        if (publisher != null && status != SignatureStatus.VERIFIED) {
            throw new IllegalArgumentException("a publisher identity is named only by a verified check");
        }
    }

    /** A check naming no publisher identity. */
    public SignatureCheck(SignatureKind kind, SignatureStatus status, Fingerprint signer, Fingerprint signingKey,
                          String issuer, Instant created, String algorithm, Path signatureFile, String detail,
                          String signatureSha256) {
        this(kind, status, signer, signingKey, issuer, created, algorithm, signatureFile, detail, signatureSha256, null);
    }

    /** A check whose signature file's bytes were not hashed. */
    public SignatureCheck(SignatureKind kind, SignatureStatus status, Fingerprint signer, Fingerprint signingKey,
                          String issuer, Instant created, String algorithm, Path signatureFile, String detail) {
        this(kind, status, signer, signingKey, issuer, created, algorithm, signatureFile, detail, null, null);
    }

    /** A copy with another status and detail: how the verify stage records a scope or window verdict. */
    public SignatureCheck withStatus(SignatureStatus newStatus, String newDetail) {
        return new SignatureCheck(kind, newStatus, signer, signingKey, issuer, created, algorithm, signatureFile, newDetail,
                signatureSha256, newStatus == SignatureStatus.VERIFIED ? publisher : null);
    }

    /** A copy naming the SHA-256 of the signature file's bytes as read. */
    public SignatureCheck withSignatureSha256(String sha256) {
        return new SignatureCheck(kind, status, signer, signingKey, issuer, created, algorithm, signatureFile, detail, sha256,
                publisher);
    }

    /** SHA-256 of bytes as 64 lower-case hex: how verifiers fill {@link #signatureSha256()} from what they read. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A copy of another kind: how a verifier built on another one (npm attestations on Sigstore bundles) names its result. */
    public SignatureCheck withKind(SignatureKind newKind) {
        return new SignatureCheck(newKind, status, signer, signingKey, issuer, created, algorithm, signatureFile, detail,
                null, publisher);
    }

    /** A copy naming the publisher identity this verified check proved. */
    public SignatureCheck withPublisher(Publisher newPublisher) {
        return new SignatureCheck(kind, status, signer, signingKey, issuer, created, algorithm, signatureFile, detail,
                signatureSha256, newPublisher);
    }
}
