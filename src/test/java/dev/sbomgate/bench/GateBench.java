package dev.sbomgate.bench;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.gate.BaselineBuilder;
import dev.sbomgate.baseline.StoredBaseline;
import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.SbomDiff;
import dev.sbomgate.gate.Gate;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.PolicyLoader;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.EvidenceCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gate's in-memory stages on a synthetic SBOM pair from {@link SbomPairGenerator}, loaded once: the diff alone
 * ({@link SbomDiff#compare}), and the whole {@link Gate#evaluate} without artifacts (evidence NOT_SEARCHED, diff,
 * matching, every rule, waivers) under policies/default.yaml with MISSING_ARTIFACT lowered to warn. Run by
 * bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class GateBench {
    @Param({"1000", "10000", "100000"})
    public int components;

    private Inventory approved;
    private GateInput input;

    @Setup
    public void load() throws IOException {
        Path dir = Files.createTempDirectory("sbomgate-jmh-gate");
        SbomPairGenerator.main(new String[] {Integer.toString(components), dir.toString()});
        approved = SbomReader.read(dir.resolve("old.cdx.json"));
        Inventory candidate = SbomReader.read(dir.resolve("new.cdx.json"));
        Path policyFile = dir.resolve("policy.yaml");
        Files.writeString(policyFile, Files.readString(Path.of("policies/default.yaml"))
                .replaceFirst("(?m)^  MISSING_ARTIFACT: block.*$", "  MISSING_ARTIFACT: warn"));
        Policy policy = PolicyLoader.load(policyFile);
        TrustStore trust = TrustStore.empty();
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        Baseline baseline = BaselineBuilder.build(approved,
                new EvidenceCollector(null, trust, now).collect(approved.components()), "0".repeat(64),
                trust.digest().toString());
        input = new GateInput(dir.resolve("new.cdx.json"), "1".repeat(64), candidate,
                new StoredBaseline(baseline, List.of(), List.of()), trust, null, policy, null, now, null);
        for (String f : List.of("old.cdx.json", "new.cdx.json", "policy.yaml")) {
            Files.delete(dir.resolve(f));
        }
        Files.delete(dir);
    }

    @Benchmark
    public List<Change> diff() {
        return SbomDiff.compare(approved.components(), input.candidate().components());
    }

    @Benchmark
    public Verdict evaluate() {
        return new Gate().evaluate(input);
    }
}
