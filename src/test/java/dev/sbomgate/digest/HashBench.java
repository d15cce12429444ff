package dev.sbomgate.digest;

import dev.sbomgate.model.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Benchmark driver for bench/hash-bench.sh; not a test. Every mode runs {@code runs} timed iterations after one
 * untimed warm-up iteration (JIT, page cache) and prints one line per iteration and the medians of wall time and
 * process CPU time. With {@code runs} 0 it makes one cold pass and prints the digest, for timing from outside.
 *
 * <pre>
 * file  FILE RUNS VARIANT     VARIANT: digests[-KiB][:ALG,ALG…] | stream-KiB | channel-KiB | direct-KiB | mmap
 * many  DIR  RUNS THREADS     every regular file directly in DIR, with ParallelHasher(THREADS), SHA-256 only
 * cpu   MiB  RUNS ALG         ALG over an in-memory buffer: the algorithm's speed without I/O
 * </pre>
 */
public final class HashBench {

    private HashBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: HashBench file FILE RUNS VARIANT | many DIR RUNS THREADS | cpu MIB RUNS ALG");
            System.exit(2);
        }
        String mode = args[0];
        int runs = Integer.parseInt(args[2]);
        Task task;
        long bytes;
        String label;
        switch (mode) {
            case "file" -> {
                Path file = Path.of(args[1]);
                bytes = Files.size(file);
                label = "java " + args[3];
                task = fileTask(file, args[3]);
            }
            case "many" -> {
                List<Path> files;
                try (Stream<Path> list = Files.list(Path.of(args[1]))) {
                    files = list.filter(Files::isRegularFile).sorted().toList();
                }
                long total = 0;
                for (Path f : files) {
                    total += Files.size(f);
                }
                bytes = total;
                ParallelHasher hasher = new ParallelHasher(Integer.parseInt(args[3]));
                label = "java ParallelHasher threads=" + args[3] + " files=" + files.size();
                task = () -> {
                    List<HashResult> results = hasher.hashAll(files, Set.of());
                    for (HashResult r : results) {
                        if (!r.isOk()) {
                            throw new IOException(r.file() + ": " + r.error());
                        }
                    }
                    return results.get(0).digests().sha256().hex();
                };
            }
            case "cpu" -> {
                byte[] data = new byte[Math.toIntExact(Long.parseLong(args[1]) * 1024 * 1024)];
                new java.util.Random(1).nextBytes(data);
                bytes = data.length;
                HashAlgorithm algorithm = HashAlgorithm.fromName(args[3]).orElseThrow();
                label = "java in-memory " + algorithm.cycloneDxName();
                task = () -> Digests.compute(data, Set.of(algorithm)).get(algorithm).orElseThrow().hex();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        String first = task.run(); // warm-up
        if (runs == 0) {
            // One cold pass only, for timing the whole process from outside (JVM start-up included).
            System.out.println(first);
            return;
        }
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            String hex = task.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
            if (!hex.equals(first)) {
                throw new IllegalStateException("digest changed between runs");
            }
            System.out.printf(Locale.ROOT, "run %d: wall %.3f s, process cpu %.3f s%n", i + 1, seconds[i], cpu[i]);
        }
        double wall = median(seconds);
        double cpuMedian = median(cpu);
        // Wall MB/s is what a user waits for; MB per CPU-second is the per-core cost, comparable with
        // openssl's user+sys time whatever else the machine is doing.
        System.out.printf(Locale.ROOT, "RESULT %s: median wall %.3f s (%.0f MB/s), median cpu %.3f s (%.0f MB per cpu-s) [%s…]%n",
                label, wall, bytes / wall / 1e6, cpuMedian, bytes / cpuMedian / 1e6, first.substring(0, 16));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    interface Task {
        String run() throws Exception;
    }

    private static Task fileTask(Path file, String variant) {
        if (variant.startsWith("digests")) {
            // digests[-KiB][:ALG,ALG…]: the production path, optionally with another buffer size.
            int colon = variant.indexOf(':');
            String head = colon < 0 ? variant : variant.substring(0, colon);
            int size = head.contains("-") ? Integer.parseInt(head.substring(head.indexOf('-') + 1)) * 1024 : Digests.BUFFER_SIZE;
            EnumSet<HashAlgorithm> algorithms = EnumSet.noneOf(HashAlgorithm.class);
            if (colon >= 0) {
                for (String name : variant.substring(colon + 1).split(",")) {
                    algorithms.add(HashAlgorithm.fromName(name).orElseThrow(() -> new IllegalArgumentException(name)));
                }
            }
            byte[] buffer = new byte[size];
            return () -> Digests.compute(file, algorithms, buffer).sha256().hex();
        }
        if (variant.equals("mmap")) {
            return () -> mmap(file);
        }
        if (variant.startsWith("dslice-")) {
            String[] parts = variant.split("-");
            int read = Integer.parseInt(parts[1]) * 1024;
            int slice = Integer.parseInt(parts[2]) * 1024;
            return () -> directSliced(file, ByteBuffer.allocateDirect(read), new byte[slice]);
        }
        int dash = variant.indexOf('-');
        String kind = variant.substring(0, dash);
        int size = Integer.parseInt(variant.substring(dash + 1)) * 1024;
        return switch (kind) {
            case "stream" -> () -> stream(file, size);
            case "channel" -> () -> channel(file, ByteBuffer.allocate(size));
            case "direct" -> () -> channel(file, ByteBuffer.allocateDirect(size));
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    private static String stream(Path file, int size) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[size];
        try (InputStream in = new java.io.FileInputStream(file.toFile())) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String channel(Path file, ByteBuffer buffer) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                if (ch.read(buffer) < 0) {
                    break;
                }
                buffer.flip();
                md.update(buffer);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String directSliced(Path file, ByteBuffer buffer, byte[] slice) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                if (ch.read(buffer) < 0) {
                    break;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    int n = Math.min(slice.length, buffer.remaining());
                    buffer.get(slice, 0, n);
                    md.update(slice, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String mmap(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long chunk = 64L * 1024 * 1024;
            for (long pos = 0; pos < size; pos += chunk) {
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, pos, Math.min(chunk, size - pos));
                md.update(map);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
