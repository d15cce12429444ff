package dev.sbomgate.digest;

import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes many files on a fixed pool of threads (one file per task, one read buffer per thread) and returns
 * the results in input order. A file that cannot be read yields a failed {@link HashResult}; it never aborts
 * the others.
 */
public final class ParallelHasher {

    private final int threads;

    /** A hasher using {@code threads} threads; at least 1. */
    public ParallelHasher(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** A hasher with one thread per available processor. */
    public static ParallelHasher allCores() {
        return new ParallelHasher(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * Hashes every file for {@code algorithms} plus SHA-256; result {@code i} is for {@code files.get(i)}.
     * Throws {@link IllegalStateException} only if the calling thread is interrupted while waiting.
     */
    public List<HashResult> hashAll(List<Path> files, Collection<HashAlgorithm> algorithms) {
        Objects.requireNonNull(files, "files");
        List<Path> input = List.copyOf(files);
        EnumSet<HashAlgorithm> wanted = EnumSet.of(HashAlgorithm.SHA_256);
        wanted.addAll(algorithms);
        if (input.isEmpty()) {
            return List.of();
        }
        int poolSize = Math.min(threads, input.size());
        if (poolSize == 1) {
            byte[] buffer = new byte[Digests.BUFFER_SIZE];
            List<HashResult> results = new ArrayList<>(input.size());
            for (Path file : input) {
                results.add(hashOne(file, wanted, buffer));
            }
            return List.copyOf(results);
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, task -> {
            Thread t = new Thread(task, "sbomgate-hash-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // One buffer per pool thread; the threads, and with them the buffers, end with this call.
        ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[Digests.BUFFER_SIZE]);
        try {
            List<Future<HashResult>> futures = new ArrayList<>(input.size());
            for (Path file : input) {
                futures.add(pool.submit(() -> hashOne(file, wanted, buffers.get())));
            }
            List<HashResult> results = new ArrayList<>(input.size());
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), input.get(i)));
            }
            return List.copyOf(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static HashResult await(Future<HashResult> future, Path file) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing artifacts", e);
        } catch (ExecutionException e) {
            // hashOne catches I/O errors; anything else (an Error, a bug) is recorded against the file, not lost.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return HashResult.failed(file, "cannot hash: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + Untrusted.message(cause.getMessage())));
        }
    }

    static HashResult hashOne(Path file, Collection<HashAlgorithm> algorithms, byte[] buffer) {
        try {
            return HashResult.ok(file, Digests.compute(file, algorithms, buffer));
        } catch (IOException | RuntimeException e) {
            return HashResult.failed(file, describe(e));
        }
    }

    /** One line for the report: what went wrong, without the path (the result carries it) and without a stack trace. */
    static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "cannot read: no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        String message = e.getMessage();
        return "cannot read: " + (message == null || message.isBlank() ? e.getClass().getSimpleName() : Untrusted.message(message));
    }
}
