package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StageClockTest {

    /**
     * ProcessHandle's start instant is boot time (whole seconds) plus the start tick, so it places the start up to one
     * second too early; the /proc reading must agree with it within that second and never be the larger one.
     */
    @Test
    void linuxProcessAgeIsProcessHandlesWithoutTheCutSecondOfBootTime() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        long fromProc = StageClock.linuxSinceProcessStart();
        long fromHandle = Duration.between(started, Instant.now()).toNanos();
        long tick = Duration.ofMillis(20).toNanos();
        assertTrue(fromProc > 0, "a running process has an age: " + fromProc);
        assertTrue(fromProc <= fromHandle + tick, fromProc + " ns from /proc, " + fromHandle + " ns from ProcessHandle");
        assertTrue(fromProc >= fromHandle - Duration.ofSeconds(1).toNanos() - tick,
                fromProc + " ns from /proc, " + fromHandle + " ns from ProcessHandle");
    }
}
