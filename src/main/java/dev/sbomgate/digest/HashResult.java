package dev.sbomgate.digest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of hashing one file: its digests, or the one-line reason it could not be read. Exactly one of
 * {@code digests} and {@code error} is non-null.
 */
public record HashResult(Path file, FileDigests digests, String error) {

    public HashResult {
        Objects.requireNonNull(file, "file");
        if ((digests == null) == (error == null)) {
            throw new IllegalArgumentException("a hash result has either digests or an error, not both or neither");
        }
    }

    public static HashResult ok(Path file, FileDigests digests) {
        return new HashResult(file, Objects.requireNonNull(digests, "digests"), null);
    }

    public static HashResult failed(Path file, String error) {
        return new HashResult(file, null, Objects.requireNonNull(error, "error"));
    }

    public boolean isOk() {
        return digests != null;
    }
}
