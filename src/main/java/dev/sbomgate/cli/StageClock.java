package dev.sbomgate.cli;

import dev.sbomgate.gate.Timings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Measures a command's stages for {@code --timings}, from the process's start to the report, and prints them. */
final class StageClock {
    private final long commandStart = System.nanoTime();
    private final long startNanos = sinceProcessStart();
    private long last = commandStart;
    private long measured;
    private Timings timings = Timings.none();

    /** Ends the stage {@code name}, which began where the previous stage ended. */
    void stage(String name) {
        long now = System.nanoTime();
        timings = timings.with(Timings.Stage.of(name, Math.max(0, now - last - measured)));
        measured = 0;
        last = now;
    }

    /** Adds stages measured elsewhere (the gate's); their time is not counted again in the next {@link #stage}. */
    void add(Timings inner) {
        timings = timings.with(inner);
        measured += inner.stages().stream().mapToLong(Timings.Stage::wallNanos).sum();
    }

    /** Prints the stages on {@code err}: standard error, so that reports on standard output stay clean. */
    void print(PrintWriter err) {
        long inProcess = System.nanoTime() - commandStart;
        err.print(timings.with(Timings.Stage.of("start", startNanos)).render(startNanos + inProcess));
        err.flush();
    }

    /**
     * The time from the process's start to this command's start: JVM start-up, class loading and option parsing. 0
     * when the OS does not tell.
     */
    private static long sinceProcessStart() {
        long sinceBoot = linuxSinceProcessStart();
        if (sinceBoot >= 0) {
            return sinceBoot;
        }
        return ProcessHandle.current().info().startInstant()
                .map(started -> Math.max(0, Duration.between(started, Instant.now()).toNanos()))
                .orElse(0L);
    }

    /** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every architecture Linux runs Java on). */
    private static final long USER_HZ = 100;

    /**
     * On Linux, both ends measured from boot: the process's start time in clock ticks ({@code /proc/self/stat}, field
     * 22, proc(5)) against the time since boot ({@code /proc/uptime}, to 10 ms). {@link ProcessHandle.Info#startInstant}
     * adds the boot time, which the kernel gives in whole seconds ({@code btime} in /proc/stat): its answer is late by
     * the fraction of a second that was cut, up to a second too much "start". -1 when /proc cannot tell.
     */
    static long linuxSinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            // field 2 (the command name, in parentheses) may itself hold spaces and parentheses: count after the last ')'
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(after[22 - 3]);
            double upSeconds = Double.parseDouble(uptime.trim().split(" ")[0]);
            long nanos = Math.round(upSeconds * 1e9) - startTicks * (1_000_000_000L / USER_HZ);
            return nanos >= 0 ? nanos : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
