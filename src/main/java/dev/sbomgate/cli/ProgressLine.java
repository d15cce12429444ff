package dev.sbomgate.cli;

import dev.sbomgate.verify.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The live progress line on standard error while artifacts are hashed and verified: files, bytes and rate. It
 * appears only once the work has run for about a second, redrawn in place on a terminal; elsewhere (CI logs) it is
 * silent unless {@code --progress} asks for it, and then writes a plain line every few seconds. Called from the
 * hashing threads: counters are atomic, and one compare-and-set per call decides which thread draws.
 */
final class ProgressLine implements Progress {
    static final long DELAY_NANOS = 1_000_000_000L;
    static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long start;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong nextDraw;
    private volatile int total = -1;
    private int drawnWidth;
    private boolean drawn;

    /**
     * @param err      standard error
     * @param forced   {@code --progress}: show it even when standard error is not a terminal
     * @param terminal whether standard error is a terminal (draw in place)
     * @param nanoTime the clock, {@link System#nanoTime} outside tests
     */
    ProgressLine(PrintWriter err, boolean forced, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.enabled = forced || terminal;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.nextDraw = new AtomicLong(start + DELAY_NANOS);
    }

    @Override
    public void started(int components) {
        total = components;
    }

    @Override
    public void artifactDone(long artifactBytes) {
        int files = done.incrementAndGet();
        long sum = bytes.addAndGet(Math.max(0, artifactBytes));
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        long next = nextDraw.get();
        if (now - next < 0 || !nextDraw.compareAndSet(next, now + (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS))) {
            return;
        }
        draw(line(files, sum, now));
    }

    /** Clears the line on a terminal; in a log, writes the final count if a line was written at all. */
    void finish() {
        synchronized (err) {
            if (!drawn) {
                return;
            }
            if (terminal) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
            } else {
                err.println(line(done.get(), bytes.get(), nanoTime.getAsLong()) + " (done)");
                err.flush();
            }
            drawn = false;
        }
    }

    private void draw(String line) {
        synchronized (err) {
            if (terminal) {
                String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
                err.print("\r" + padded);
                drawnWidth = Math.max(drawnWidth, line.length());
            } else {
                err.println(line);
            }
            err.flush();
            drawn = true;
        }
    }

    String line(int files, long totalBytes, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        int expected = total;
        return "sbomgate: verifying " + files + (expected >= 0 ? "/" + expected : "") + " files, " + size(totalBytes) + ", "
                + size((long) (totalBytes / seconds)) + "/s";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
