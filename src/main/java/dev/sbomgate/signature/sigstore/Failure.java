package dev.sbomgate.signature.sigstore;

import dev.sbomgate.signature.SignatureStatus;
import java.util.Objects;

/**
 * Why one verification step refused a bundle: the status it maps to and one line for humans. Thrown inside this
 * package only and turned into a {@link dev.sbomgate.signature.SignatureCheck} at its edge, never further.
 */
final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SignatureStatus status;

    private Failure(SignatureStatus status, String message) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    SignatureStatus status() {
        return status;
    }

    /** The bundle (or trusted root) is not something we can read: bad JSON, encoding, version, missing parts. */
    static Failure malformed(String message) {
        return new Failure(SignatureStatus.MALFORMED, message);
    }

    /** A present proof does not verify: signature, log entry, inclusion proof, checkpoint, timestamp, binding. */
    static Failure bad(String message) {
        return new Failure(SignatureStatus.BAD_SIGNATURE, message);
    }

    /** Nothing the trust store holds vouches for the signer: an unknown certificate authority or key. */
    static Failure unknownKey(String message) {
        return new Failure(SignatureStatus.UNKNOWN_KEY, message);
    }

    /** The certificate (or the authority behind it) was not valid when the signature was made. */
    static Failure expired(String message) {
        return new Failure(SignatureStatus.KEY_EXPIRED, message);
    }

    /** Verifies, but with an algorithm or key size too weak to count. */
    static Failure weak(String message) {
        return new Failure(SignatureStatus.WEAK_CRYPTO, message);
    }
}
