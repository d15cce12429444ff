package dev.sbomgate.bench;

import dev.sbomgate.baseline.BaselineStore;
import dev.sbomgate.baseline.StoredBaseline;
import dev.sbomgate.gate.Gate;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Timings;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.PolicyLoader;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Progress;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A quick, in-process look at the stages this side of the SBOM reader, for iterating on them without the CLI: reads
 * the baseline directory RUNS times (the first run is the cold one a real check pays), loads the candidate SBOM
 * once, then runs {@link Gate#evaluateTimed} RUNS times and prints the diff and rules stages of each. Not a test.
 *
 * <pre>
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/bench.cp) dev.sbomgate.bench.GateStagesBench \
 *     BASELINE_DIR CANDIDATE.cdx.json POLICY.yaml [RUNS=3]
 * </pre>
 * The pair and the baseline directory come from bench/check-bench.sh (SbomPairGenerator, then {@code sbomgate init}).
 */
public final class GateStagesBench {
    private GateStagesBench() {
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Milliseconds all collectors spent so far. */
    private static long gc() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    public static void main(String[] args) {
        Path baselineDir = Path.of(args[0]);
        Path sbom = Path.of(args[1]);
        Path policyFile = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        StoredBaseline stored = null;
        for (int i = 0; i < runs; i++) {
            stored = null;
            long t = System.nanoTime();
            long cpu = cpu();
            long gc = gc();
            stored = new BaselineStore(baselineDir).load().orElseThrow();
            System.out.printf("baseline load %d: %d ms wall, %d ms thread CPU, %d ms GC (%d components, %d tamper lines)%n",
                    i + 1, (System.nanoTime() - t) / 1_000_000, (cpu() - cpu) / 1_000_000, gc() - gc,
                    stored.baseline().components().size(), stored.tamperEvidence().size());
        }
        long t = System.nanoTime();
        Inventory candidate = SbomReader.read(sbom);
        System.out.printf("candidate load: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        Policy policy = PolicyLoader.load(policyFile);
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        GateInput input = new GateInput(sbom, "1".repeat(64), candidate, stored, TrustStore.empty(), null, policy, null,
                now, null);
        for (int i = 0; i < runs; i++) {
            long cpu = cpu();
            long gc = gc();
            Gate.Timed timed = new Gate().evaluateTimed(input, Progress.NONE);
            StringBuilder line = new StringBuilder("evaluate " + (i + 1) + ":");
            for (Timings.Stage stage : timed.timings().stages()) {
                line.append(' ').append(stage.name()).append(' ').append(stage.wallNanos() / 1_000_000).append(" ms");
            }
            System.out.println(line + "; thread CPU " + (cpu() - cpu) / 1_000_000 + " ms, GC " + (gc() - gc) + " ms; "
                    + timed.verdict().findings().size() + " findings");
        }
    }
}
