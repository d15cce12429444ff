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
        String detail) {

    public SignatureCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    /** A copy with another status and detail: how the verify stage records a scope or window verdict. */
    public SignatureCheck withStatus(SignatureStatus newStatus, String newDetail) {
        return new SignatureCheck(kind, newStatus, signer, signingKey, issuer, created, algorithm, signatureFile, newDetail);
    }

    /** A copy of another kind: how a verifier built on another one (npm attestations on Sigstore bundles) names its result. */
    public SignatureCheck withKind(SignatureKind newKind) {
        return new SignatureCheck(newKind, status, signer, signingKey, issuer, created, algorithm, signatureFile, detail);
    }
}
