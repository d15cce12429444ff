import dev.sbomgate.baseline.BaselineStore;
import dev.sbomgate.cli.Main;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Where a small check's fixed cost goes: one cold JVM runs the stages of {@code sbomgate check} one after the other,
 * on one thread, and prints for each the wall time, the process's CPU time (all threads: JIT compilers and GC
 * included), the classes it loaded and the JIT's compilation time. A stage pays for the classes and cold code it is
 * the first to use, so the order matters and is the gate's own: the JSON mappers, the SBOM, the baseline, the trust
 * store, picocli's model of {@code check} (through {@code check --help}), then the whole check through
 * {@code Main.run} (the policy, artifacts, signatures, diff, rules, report: it pays only for what the stages before
 * it did not).
 * Not a test: run it by hand, with the launcher's JVM options and no class-data archive (docs/PERFORMANCE.md, "Fixed
 * cost"):
 * {@code java -XX:+UseParallelGC -XX:CompileThresholdScaling=10 -cp target/sbomgate.jar bench/StartupPhases.java
 * samples/fail-resigned-by-new-key/.sbomgate}
 *
 * <p>Arguments: the baseline directory of a sample (its inputs.json names the SBOM and the artifacts).
 */
public final class StartupPhases {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static long wall = System.nanoTime();
    private static long cpu = OS.getProcessCpuTime();
    private static long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    private static long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

    public static void main(String[] args) throws Exception {
        Path baseline = Path.of(args[0]);
        Path sample = baseline.getParent();
        long startMs = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf("%-28s %8s %8s %8s %8s%n", "phase", "wall ms", "cpu ms", "classes", "jit ms");
        System.out.printf("%-28s %8d %8s %8d %8s%n", "JVM start to main", startMs, "-", classes, "-");
        phase("JSON mappers (Mappers)", () -> dev.sbomgate.json.Mappers.strictJson());
        phase("SBOM (SbomReader)", () -> SbomReader.readDocument(sample.resolve("bom.json")));
        phase("baseline (BaselineStore)", () -> new BaselineStore(baseline).load());
        phase("trust store (TrustStoreLoader)", () -> TrustStoreLoader.load(baseline.resolve("trust")));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, "UTF-8");
        int[] code = new int[1];
        phase("command line (check --help)", () -> Main.run(quiet, quiet, "check", "--help"));
        phase("rest of check (Main.run)", () -> code[0] = Main.run(quiet, quiet, "check", "--baseline", baseline.toString()));
        phase("second check, warm-ish", () -> Main.run(quiet, quiet, "check", "--baseline", baseline.toString()));
        System.out.printf("exit code of the check: %d; process CPU %d ms in all%n", code[0], OS.getProcessCpuTime() / 1_000_000);
    }

    interface Step {
        void run() throws Exception;
    }

    private static void phase(String name, Step step) throws Exception {
        step.run();
        long w = System.nanoTime();
        long c = OS.getProcessCpuTime();
        long k = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long j = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        System.out.printf("%-28s %8d %8d %8d %8d%n", name, (w - wall) / 1_000_000, (c - cpu) / 1_000_000, k - classes, j - jit);
        wall = w;
        cpu = c;
        classes = k;
        jit = j;
    }
}
