package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live progress line: late, cheap, in place on a terminal, silent in logs unless forced. */
class ProgressLineTest {
    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000L);

    private ProgressLine line(boolean forced, boolean terminal) {
        return new ProgressLine(new PrintWriter(err), forced, terminal, clock::get);
    }

    @Test
    void nothingDuringTheFirstSecond() {
        ProgressLine progress = line(false, true);
        progress.started(3);
        clock.addAndGet(900_000_000L);
        progress.artifactDone(1024);
        progress.finish();
        assertEquals("", err.toString());
    }

    @Test
    void onATerminalItIsRedrawnInPlaceAndClearedAtTheEnd() {
        ProgressLine progress = line(false, true);
        progress.started(3);
        clock.addAndGet(2_000_000_000L);
        progress.artifactDone(3L * 1024 * 1024);
        assertEquals("\rsbomgate: verifying 1/3 files, 3.0 MiB, 1.5 MiB/s", err.toString());
        progress.artifactDone(0);
        assertEquals("\rsbomgate: verifying 1/3 files, 3.0 MiB, 1.5 MiB/s", err.toString(), "not redrawn within 100 ms");
        clock.addAndGet(ProgressLine.TERMINAL_INTERVAL_NANOS);
        progress.artifactDone(1024 * 1024);
        assertTrue(err.toString().endsWith("\rsbomgate: verifying 3/3 files, 4.0 MiB, 1.9 MiB/s"), err.toString());
        progress.finish();
        int width = "sbomgate: verifying 3/3 files, 4.0 MiB, 1.9 MiB/s".length();
        assertTrue(err.toString().endsWith("\r" + " ".repeat(width) + "\r"), "the line is wiped: " + err);
    }

    @Test
    void silentInLogsUnlessForced() {
        ProgressLine quiet = line(false, false);
        quiet.started(1);
        clock.addAndGet(5_000_000_000L);
        quiet.artifactDone(10);
        quiet.finish();
        assertEquals("", err.toString());

        ProgressLine forced = line(true, false);
        forced.started(2);
        clock.addAndGet(2_000_000_000L);
        forced.artifactDone(10);
        forced.artifactDone(10);
        forced.finish();
        assertEquals(List.of("sbomgate: verifying 1/2 files, 10 B, 5 B/s", "sbomgate: verifying 2/2 files, 20 B, 10 B/s (done)"),
                err.toString().lines().toList());
    }

    @Test
    void countsEveryArtifactFromManyThreads() throws Exception {
        ProgressLine progress = line(true, true);
        progress.started(80_000);
        clock.addAndGet(2_000_000_000L);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    progress.artifactDone(1);
                    clock.addAndGet(1_000L);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(progress.line(80_000, 80_000, clock.get()).startsWith("sbomgate: verifying 80000/80000 files, 78.1 KiB"));
        String drawn = err.toString();
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("sbomgate: verifying "), last);
    }

    @Test
    void sizesAreHumanReadable() {
        assertEquals("512 B", ProgressLine.size(512));
        assertEquals("1.5 KiB", ProgressLine.size(1536));
        assertEquals("2.0 GiB", ProgressLine.size(2L * 1024 * 1024 * 1024));
    }
}
