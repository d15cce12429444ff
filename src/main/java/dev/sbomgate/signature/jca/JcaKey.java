package dev.sbomgate.signature.jca;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * One parsed key-pair public key. Package-private: the Bouncy Castle key parameters never leave this package.
 *
 * @param algorithm   the allowlisted algorithm
 * @param bits        the RSA modulus size, or the curve size
 * @param fingerprint SHA-256 of the DER SubjectPublicKeyInfo
 * @param parameters  the Bouncy Castle public key (immutable)
 * @param subject     the certificate subject, or null for a bare key
 * @param notAfter    the certificate's notAfter, or null for a bare key
 */
record JcaKey(KeyAlgorithm algorithm, int bits, Fingerprint fingerprint, AsymmetricKeyParameter parameters,
              String subject, Instant notAfter) {

    /** RSA keys below this size verify, but their signatures are reported as {@code WEAK_CRYPTO}. */
    static final int MIN_STRONG_RSA_BITS = 2048;

    JcaKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.isPrivate()) {
            throw new IllegalArgumentException("a private key is not a pin");
        }
    }

    String label() {
        return algorithm.label(bits);
    }

    boolean isWeak() {
        return algorithm == KeyAlgorithm.RSA && bits < MIN_STRONG_RSA_BITS;
    }

    /** The length in bytes of an RSA signature by this key (RFC 8017 section 8.2.1: k octets). */
    int rsaSignatureLength() {
        return (bits + 7) / 8;
    }

    PublicKeyInfo info() {
        return new PublicKeyInfo(SignatureKind.KEYPAIR, fingerprint, label(),
                subject == null || subject.isEmpty() ? List.of() : List.of(subject), null, notAfter, false, List.of());
    }
}
