import dev.sbomgate.content.ContentInspector;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.digest.Digests;
import dev.sbomgate.model.HashAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Hashing alone against hashing plus content inspection, over real archives: read whole and inspected from memory
 * (zips by their central directory: what verify does for files up to 64 MiB), and streamed in one pass (larger files).
 * Usage (see bench/content-bench.sh): java -cp CLASSPATH bench/ContentBench.java DIR [MAX_FILES] [ROUNDS]
 */
public class ContentBench {
    private static final Set<HashAlgorithm> SHA256 = Set.of(HashAlgorithm.SHA_256);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(jar|whl|tgz|tar\\.gz|zip)")).sorted().toList());
        }
        // An even spread over the sorted list, so the sample is not one group's artifacts.
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < Math.min(max, all.size()); i++) {
            files.add(all.get((int) ((long) i * all.size() / Math.min(max, all.size()))));
        }
        long bytes = 0;
        for (Path p : files) {
            bytes += Files.size(p);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d archives, %.1f MiB, %d cores, %s%n", files.size(), bytes / 1048576.0, cores,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        // Warm the page cache and the JIT once.
        run(files, 1, Mode.HASH_AND_INSPECT);
        for (int threads : cores > 1 ? List.of(1, cores) : List.of(1)) {
            List<Double> hash = new ArrayList<>();
            List<Double> both = new ArrayList<>();
            List<Double> whole = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                hash.add(run(files, threads, Mode.HASH));
                whole.add(run(files, threads, Mode.READ_HASH_AND_INSPECT));
                both.add(run(files, threads, Mode.HASH_AND_INSPECT));
                bare.add(run(files, threads, Mode.INFLATE));
            }
            double h = median(hash);
            double w = median(whole);
            double b = median(both);
            double i = median(bare);
            System.out.printf(Locale.ROOT, "%d thread(s): hashing %.2f s (%.0f MiB/s); read whole + hashing + inspection"
                            + " (zips by their central directory, as verify does) %.2f s (%.0f MiB/s), x%.1f;"
                            + " streaming hashing + inspection (files over 64 MiB) %.2f s (%.0f MiB/s), x%.1f;"
                            + " for scale, bare ZipInputStream/GZIPInputStream inflation of every entry %.2f s%n",
                    threads, h, bytes / 1048576.0 / h, w, bytes / 1048576.0 / w, w / h, b, bytes / 1048576.0 / b, b / h, i);
        }
        long problems = 0;
        long hooks = 0;
        for (Path p : files) {
            ContentSummary s = summary(p);
            hooks += s.hooks().size();
            if (!s.complete()) {
                problems++;
                System.out.println("  " + p + ": " + s.problem());
            }
        }
        System.out.println("hooks recorded: " + hooks + "; archives with a problem: " + problems);
    }

    private enum Mode { HASH, READ_HASH_AND_INSPECT, HASH_AND_INSPECT, INFLATE }

    private static double run(List<Path> files, int threads, Mode mode) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path p : files) {
                futures.add(pool.submit(() -> {
                    try {
                        switch (mode) {
                            case HASH -> Digests.compute(p, SHA256);
                            case HASH_AND_INSPECT -> Digests.compute(p, SHA256,
                                    in -> ContentInspector.inspect(in, p.getFileName().toString(), null));
                            case READ_HASH_AND_INSPECT -> {
                                byte[] whole = Files.readAllBytes(p);
                                Digests.compute(whole, SHA256);
                                ContentInspector.inspect(whole, p.getFileName().toString(), null);
                            }
                            case INFLATE -> inflate(p);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Every entry inflated and discarded: the floor for any streaming reader built on java.util.zip. */
    private static void inflate(Path p) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (java.io.InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(p), 256 * 1024)) {
            if (p.toString().endsWith(".jar") || p.toString().endsWith(".whl") || p.toString().endsWith(".zip")) {
                java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(raw);
                while (zip.getNextEntry() != null) {
                    while (zip.read(buffer, 0, buffer.length) >= 0) {
                        // discard
                    }
                }
            } else {
                java.io.InputStream gz = new java.util.zip.GZIPInputStream(raw, 64 * 1024);
                while (gz.read(buffer, 0, buffer.length) >= 0) {
                    // discard
                }
            }
        }
    }

    private static ContentSummary summary(Path p) throws IOException {
        ContentSummary[] out = new ContentSummary[1];
        Digests.compute(p, SHA256, in -> out[0] = ContentInspector.inspect(in, p.getFileName().toString(), null));
        ContentSummary whole = ContentInspector.inspect(Files.readAllBytes(p), p.getFileName().toString(), null);
        if (!whole.equals(out[0])) {
            System.out.println("  " + p + ": the central-directory and streaming readers differ:\n    " + whole + "\n    " + out[0]);
        }
        return whole;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
