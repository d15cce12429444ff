package dev.sbomgate.cli;

import dev.sbomgate.gate.Timings;
import java.io.PrintWriter;
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
     * The time from the process's start (as the OS records it, to its clock tick) to this command's start: JVM
     * start-up, class loading and option parsing. 0 when the OS does not tell.
     */
    private static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(started -> Math.max(0, Duration.between(started, Instant.now()).toNanos()))
                .orElse(0L);
    }
}
