package dev.sbomgate.signature.sigstore;

import dev.sbomgate.model.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The artifact's digests, computed in one streaming pass for every algorithm asked for up front, and in one more pass
 * for an algorithm asked for only later (a log entry naming SHA-512, say). Not thread-safe: one per verification.
 */
final class ArtifactDigests {

    private final Path artifact;
    /** The artifact already in memory, or null to read it from {@link #artifact}. */
    private final byte[] bytes;
    private final Map<HashAlgorithm, byte[]> digests = new EnumMap<>(HashAlgorithm.class);

    ArtifactDigests(Path artifact, Set<HashAlgorithm> upFront) {
        this(artifact, null, upFront);
    }

    ArtifactDigests(Path artifact, byte[] bytes, Set<HashAlgorithm> upFront) {
        this.artifact = artifact;
        this.bytes = bytes;
        compute(upFront);
    }

    /** The artifact's digest in this algorithm (SHA-256, SHA-384 or SHA-512). */
    byte[] get(HashAlgorithm algorithm) {
        if (!digests.containsKey(algorithm)) {
            compute(EnumSet.of(algorithm));
        }
        return digests.get(algorithm).clone();
    }

    private void compute(Set<HashAlgorithm> algorithms) {
        Map<HashAlgorithm, MessageDigest> running = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm algorithm : algorithms) {
            if (algorithm != HashAlgorithm.SHA_256 && algorithm != HashAlgorithm.SHA_384 && algorithm != HashAlgorithm.SHA_512) {
                throw new IllegalArgumentException("not a SHA-2 digest: " + algorithm);
            }
            try {
                running.put(algorithm, MessageDigest.getInstance(algorithm.jcaName()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no " + algorithm.jcaName(), e);
            }
        }
        if (bytes != null) {
            running.forEach((algorithm, digest) -> digests.put(algorithm, digest.digest(bytes)));
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(artifact)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (MessageDigest digest : running.values()) {
                    digest.update(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + artifact + ": " + e, e);
        }
        running.forEach((algorithm, digest) -> digests.put(algorithm, digest.digest()));
    }
}
