package dev.sbomgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {
    private static final long MS = 1_000_000;

    @Test
    void rendersEveryStageInPipelineOrderWithWholeMilliseconds() {
        Timings timings = Timings.none()
                .with(Timings.Stage.of("report", 4 * MS))
                .with(Timings.Stage.of("load", 1_499_999))
                .with(new Timings.Stage("hash", 30 * MS, 58 * MS, 2));
        assertEquals("""
                sbomgate timings (milliseconds of wall-clock time):
                  start          -
                  load           1
                  locate         -
                  hash          30  (58 summed over 2 threads)
                  verify         -
                  diff           -
                  rules          -
                  report         4
                  total        100
                """, timings.render(100 * MS));
    }

    @Test
    void aStageMeasuredAgainReplacesTheFirst() {
        Timings timings = Timings.none().with(Timings.Stage.of("diff", MS)).with(Timings.Stage.of("diff", 7 * MS));
        assertEquals(List.of(Timings.Stage.of("diff", 7 * MS)), timings.stages());
    }

    @Test
    void splitsAParallelStageByThreadTime() {
        Timings split = Timings.split(List.of("locate", "hash", "verify"), 100 * MS, new long[] {0, 150 * MS, 50 * MS}, 2);
        assertEquals(List.of(new Timings.Stage("locate", 0, 0, 2), new Timings.Stage("hash", 75 * MS, 150 * MS, 2),
                new Timings.Stage("verify", 25 * MS, 50 * MS, 2)), split.stages());
    }

    @Test
    void nothingToSplitGivesZeroes() {
        Timings split = Timings.split(List.of("hash"), 5 * MS, new long[] {0}, 1);
        assertEquals(0, split.stages().get(0).wallNanos());
    }

    @Test
    void refusesUnknownStagesAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> Timings.Stage.of("parse", 1));
        assertThrows(IllegalArgumentException.class, () -> Timings.Stage.of("hash", -1));
        assertThrows(IllegalArgumentException.class,
                () -> new Timings(List.of(Timings.Stage.of("hash", 1), Timings.Stage.of("hash", 2))));
    }
}
