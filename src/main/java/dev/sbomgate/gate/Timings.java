package dev.sbomgate.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How long each stage of one run took, for {@code --timings}: wall-clock time per stage in pipeline order, and for
 * the stages that run on a thread pool also the time summed over its threads.
 *
 * @param stages the stages measured, at most one per name of {@link #STAGES}
 */
public record Timings(List<Stage> stages) {

    /** The stage names, in pipeline order: the only names a stage may have, and the order they are printed in. */
    public static final List<String> STAGES = List.of("start", "load", "locate", "hash", "verify", "diff", "rules", "report");

    /**
     * One stage's cost.
     *
     * @param name        one of {@link #STAGES}
     * @param wallNanos   wall-clock time the run spent in it
     * @param threadNanos elapsed time summed over the threads that ran it side by side, or 0 for a one-thread stage
     * @param threads     the size of the pool that ran it, or 1
     */
    public record Stage(String name, long wallNanos, long threadNanos, int threads) {
        public Stage {
            if (!STAGES.contains(name)) {
                throw new IllegalArgumentException("unknown stage '" + name + "', expected one of " + STAGES);
            }
            if (wallNanos < 0 || threadNanos < 0 || threads < 1) {
                throw new IllegalArgumentException("negative time or no thread for stage " + name);
            }
        }

        /** A stage run by the calling thread alone. */
        public static Stage of(String name, long wallNanos) {
            return new Stage(name, wallNanos, 0, 1);
        }
    }

    public Timings {
        stages = List.copyOf(stages);
        if (stages.stream().map(Stage::name).distinct().count() != stages.size()) {
            throw new IllegalArgumentException("a stage is measured twice: " + stages);
        }
    }

    /** No stage measured yet. */
    public static Timings none() {
        return new Timings(List.of());
    }

    /** These timings plus {@code stage} (replacing a stage of the same name). */
    public Timings with(Stage stage) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            if (!s.name().equals(stage.name())) {
                out.add(s);
            }
        }
        out.add(stage);
        return new Timings(out);
    }

    /** These timings plus {@code other}'s stages. */
    public Timings with(Timings other) {
        Timings out = this;
        for (Stage stage : other.stages()) {
            out = out.with(stage);
        }
        return out;
    }

    /**
     * The report printed on standard error: one line per stage name of {@link #STAGES} in that order (a stage
     * that did not run shows "-"), then the total. Whole milliseconds, no locale: the format is fixed, only the
     * numbers vary from run to run.
     *
     * @param totalNanos the whole run's wall-clock time
     */
    public String render(long totalNanos) {
        StringBuilder sb = new StringBuilder("sbomgate timings (milliseconds of wall-clock time):\n");
        for (String name : STAGES) {
            Stage stage = stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            sb.append(String.format(Locale.ROOT, "  %-7s %8s", name, stage == null ? "-" : ms(stage.wallNanos())));
            if (stage != null && stage.threadNanos() > 0) {
                sb.append(String.format(Locale.ROOT, "  (%s summed over %d threads)", ms(stage.threadNanos()),
                        stage.threads()));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  %-7s %8s", "total", ms(totalNanos))).append('\n');
        return sb.toString();
    }

    private static String ms(long nanos) {
        return Long.toString((nanos + 500_000) / 1_000_000);
    }

    /**
     * Splits the wall time of a stage whose parts ran interleaved on a pool (find, hash, check signatures per
     * artifact) into per-part wall times, in proportion to each part's summed thread time.
     *
     * @param names       the parts' stage names
     * @param wallNanos   the whole stage's wall time
     * @param threadNanos each part's summed thread time, in the order of {@code names}
     * @param threads     the pool's size
     */
    public static Timings split(List<String> names, long wallNanos, long[] threadNanos, int threads) {
        Objects.requireNonNull(names, "names");
        if (names.size() != threadNanos.length) {
            throw new IllegalArgumentException("one thread time per name expected");
        }
        long sum = 0;
        for (long t : threadNanos) {
            sum += t;
        }
        Timings out = none();
        for (int i = 0; i < names.size(); i++) {
            long share = sum == 0 ? 0 : Math.round((double) wallNanos * threadNanos[i] / sum);
            out = out.with(new Stage(names.get(i), share, threadNanos[i], Math.max(1, threads)));
        }
        return out;
    }
}
