package dev.sbomgate.signature.sigstore;

import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * What verifying one Sigstore bundle over one artifact found: the outcome as a {@link SignatureCheck}, and for a
 * verified keyless bundle the certificate identity, which the verify stage matches against the trust store's
 * identity pins (the cryptographic verifier knows no pins).
 *
 * @param check    the outcome; for a verified keyless bundle {@code signer} is {@link CertificateIdentity#fingerprint()}
 * @param identity the signing certificate's identity when the bundle verified with a certificate, else null
 * @param signedAt the verified signing time (the log's integrated time, else the earliest RFC 3161 time), or null
 * @param log      the transparency log entry, e.g. {@code rekor.sigstore.dev entry 172840812}, or null
 * @param statement the verified DSSE payload (an in-toto statement) of a verified envelope bundle, else null: the
 *                  npm and PyPI verifiers read its subject names and provenance claims
 */
public record BundleVerification(SignatureCheck check, CertificateIdentity identity, Instant signedAt, String log,
                                 byte[] statement) {

    public BundleVerification {
        Objects.requireNonNull(check, "check");
        if (identity != null && check.status() != SignatureStatus.VERIFIED) {
            throw new IllegalArgumentException("an identity is reported only for a verified bundle");
        }
        if (statement != null && check.status() != SignatureStatus.VERIFIED) {
            throw new IllegalArgumentException("a statement is reported only for a verified bundle");
        }
        statement = statement == null ? null : statement.clone();
    }

    public BundleVerification(SignatureCheck check, CertificateIdentity identity, Instant signedAt, String log) {
        this(check, identity, signedAt, log, null);
    }

    @Override
    public byte[] statement() {
        return statement == null ? null : statement.clone();
    }
}
