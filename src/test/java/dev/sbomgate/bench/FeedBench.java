package dev.sbomgate.bench;

import dev.sbomgate.feed.FeedRecord;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.feed.SnapshotFile;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The feed lookup's cost (issue 19): a snapshot of npm's size ({@code RECORDS} MAL- records, default 220,000, with
 * the real feed's shape: mostly one "introduced: 0" range, some explicit versions), written and read back, indexed,
 * then every component of a {@code COMPONENTS}-component SBOM (default 100,000; 1 in 1,000 listed) matched. Prints
 * wall and CPU milliseconds (this thread) per step. Not a test: bench/feed-bench.sh runs it.
 */
public final class FeedBench {
    private FeedBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 220_000;
        int components = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Random random = new Random(7);
        List<FeedRecord> feed = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            String name = "mal-" + Integer.toString(i, 36) + "-" + Integer.toString(random.nextInt(1 << 20), 36);
            boolean explicit = random.nextInt(4) == 0;
            feed.add(new FeedRecord("MAL-2026-" + i, List.of(), Instant.parse("2026-01-01T00:00:00Z"), null,
                    "Malicious code in " + name + " (npm)", "npm", "npm", name,
                    explicit ? List.of("1.0." + random.nextInt(5)) : List.of(),
                    explicit ? List.of() : List.of(new FeedRecord.Range("SEMVER", List.of(new FeedRecord.Event("introduced", "0")))),
                    List.of()));
        }
        List<Component> sbom = new ArrayList<>(components);
        for (int i = 0; i < components; i++) {
            String name = i % 1000 == 0 ? feed.get(random.nextInt(records)).name() : "pkg-" + i;
            Purl p = Purl.parse("pkg:npm/" + name + "@1.0." + random.nextInt(5));
            sbom.add(new Component(p.toString(), p, "library", null, p.name(), p.version(), List.of(), null, null, null, null,
                    List.of(), List.of(), null, List.of(), null));
        }
        Path dir = Files.createTempDirectory("feed-bench");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= 3; run++) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            SnapshotFile.write(dir, Instant.now(), "bench", List.of("npm"), 0, feed);
            long w1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            FeedSnapshot read = SnapshotFile.read(dir).orElseThrow();
            long w2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            int matched = 0;
            for (Component c : sbom) {
                matched += read.matches(c, List.of()).size();
            }
            long w3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            System.out.printf("run %d: %d records (%d KiB), %d components, %d matched | write %d ms (cpu %d) | read+index %d ms"
                            + " (cpu %d) | match %d ms (cpu %d)%n", run, records, Files.size(dir.resolve(SnapshotFile.NAME)) / 1024,
                    components, matched, (w1 - w0) / 1_000_000, (c1 - c0) / 1_000_000, (w2 - w1) / 1_000_000,
                    (c2 - c1) / 1_000_000, (w3 - w2) / 1_000_000, (c3 - c2) / 1_000_000);
        }
        Files.deleteIfExists(dir.resolve(SnapshotFile.NAME));
        Files.deleteIfExists(dir);
    }
}
