package dev.sbomgate.digest;

import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The digests of one file's bytes, computed in one read, and how many bytes there were.
 *
 * @param size    the number of bytes hashed
 * @param digests one digest per algorithm computed, in {@link HashAlgorithm} order; always holds SHA-256
 */
public record FileDigests(long size, Map<HashAlgorithm, Digest> digests) {

    public FileDigests {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        Objects.requireNonNull(digests, "digests");
        EnumMap<HashAlgorithm, Digest> copy = new EnumMap<>(HashAlgorithm.class);
        digests.forEach((algorithm, digest) -> {
            if (digest.algorithm() != algorithm) {
                throw new IllegalArgumentException("digest " + digest + " filed under " + algorithm.cycloneDxName());
            }
            copy.put(algorithm, digest);
        });
        if (!copy.containsKey(HashAlgorithm.SHA_256)) {
            throw new IllegalArgumentException("file digests always include SHA-256");
        }
        digests = Collections.unmodifiableMap(copy);
    }

    /** The SHA-256 digest, which is always computed. */
    public Digest sha256() {
        return digests.get(HashAlgorithm.SHA_256);
    }

    public Optional<Digest> get(HashAlgorithm algorithm) {
        return Optional.ofNullable(digests.get(algorithm));
    }
}
