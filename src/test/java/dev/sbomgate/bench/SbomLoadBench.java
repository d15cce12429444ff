package dev.sbomgate.bench;

import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a candidate SBOM: JSON parse with duplicate-key detection, CycloneDX 1.6 JSON-schema validation, the
 * CycloneDX bean parse and the conversion into an {@link Inventory}, on a synthetic SBOM of {@link #components}
 * components from {@link SbomPairGenerator}. Run by bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SbomLoadBench {
    @Param({"1000", "10000"})
    public int components;

    private Path dir;

    @Setup
    public void generate() throws IOException {
        dir = Files.createTempDirectory("sbomgate-jmh-load");
        SbomPairGenerator.main(new String[] {Integer.toString(components), dir.toString()});
    }

    @TearDown
    public void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public Inventory read() {
        return SbomReader.read(dir.resolve("new.cdx.json"));
    }
}
