package dev.sbomgate.bench;

import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import java.nio.file.Path;

/**
 * Loads one SBOM a few times in this JVM and prints the wall time of each load, the first one being the cold,
 * fresh-JVM case that {@code sbomgate check} pays. Not a test; used by bench/sbom-load-bench.sh.
 *
 * <pre>java -Xmx1g -cp target/test-classes:target/classes:$(cat target/bench.cp) dev.sbomgate.bench.SbomLoadTimer FILE [RUNS]</pre>
 */
public final class SbomLoadTimer {
    private SbomLoadTimer() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            Inventory inventory = SbomReader.read(file);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpu = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
            System.out.println("load " + (i + 1) + ": " + ms + " ms (process CPU " + cpu + " ms), " + inventory.components().size() + " components, "
                    + inventory.dependencies().size() + " dependency entries");
        }
        // where the CPU went: this JVM as a whole (JIT and GC threads included), and the Java threads by name
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                byName.merge(info.getThreadName().replaceAll("[0-9]+$", "N"), Math.max(0, cpu) / 1_000_000, Long::sum);
            }
        }
        long process = os.getProcessCpuTime() / 1_000_000;
        System.out.println("cpu ms: process " + process + ", threads " + byName);
    }
}
