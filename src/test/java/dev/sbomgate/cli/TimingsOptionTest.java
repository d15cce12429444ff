package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.gate.Timings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --timings} on check and verify, through {@link Main#run}: stage names on stderr, stdout untouched. */
class TimingsOptionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    /** One line per stage: two spaces, the name, a number of milliseconds or "-" for a stage that did not run. */
    private static final Pattern STAGE_LINE = Pattern.compile("  [a-z]+ +(\\d+|-)(  \\(\\d+ summed over \\d+ threads\\))?");

    @TempDir
    Path dir;
    Path artifacts;
    Path baseline;
    Path sbom;
    String stdout;
    String stderr;

    @BeforeEach
    void project() throws IOException, NoSuchAlgorithmException {
        SignedPomProject project = SignedPomProject.create(dir, CLOCK);
        artifacts = project.artifacts();
        baseline = project.baseline();
        sbom = project.sbom();
        assertEquals(0, run("init", "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()), stderr);
    }

    private int run(String... args) {
        SignedPomProject.Run result = SignedPomProject.run(CLOCK, args);
        stdout = result.stdout();
        stderr = result.stderr();
        return result.code();
    }

    private String[] check(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--sbom", sbom.toString(), "--baseline",
                baseline.toString(), "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * The stage names of the timings report on stderr, in the order printed; fails on any line of another shape, or
     * when the last line is not the reuse counts (docs/formats.md §1.7).
     */
    private static List<String> stageNames(String err) {
        List<String> all = err.lines().toList();
        assertEquals("sbomgate timings (milliseconds of wall-clock time):", all.get(0), err);
        assertTrue(all.get(all.size() - 1).startsWith("  reuse: "), err);
        List<String> lines = all.subList(0, all.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(STAGE_LINE.matcher(line).matches(), "unexpected line: '" + line + "' in\n" + err);
        }
        return lines.subList(1, lines.size()).stream().map(l -> l.strip().split(" +")[0]).toList();
    }

    @Test
    void checkPrintsEveryStageOnStderrInPipelineOrder() {
        assertEquals(0, run(check("--timings")), stderr);
        assertEquals(List.of("start", "load", "locate", "hash", "verify", "diff", "rules", "report", "total"),
                stageNames(stderr));
        assertFalse(stderr.contains(" - "), "every stage of check ran: " + stderr);
    }

    @Test
    void checkReportOnStdoutIsTheSameWithAndWithoutTimings() {
        assertEquals(0, run(check("--format", "json")), stderr);
        String plain = stdout;
        assertEquals("", stderr);
        assertEquals(0, run(check("--format", "json", "--timings")), stderr);
        assertEquals(plain, stdout, "--timings leaves the report alone");
        assertFalse(stdout.contains("timings"), stdout);
    }

    @Test
    void withoutTheOptionNothingIsPrintedOnStderr() {
        assertEquals(0, run(check()), stderr);
        assertEquals("", stderr);
    }

    @Test
    void verifyPrintsItsStagesAndMarksDiffAsNotRun() {
        assertEquals(0, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust",
                baseline.resolve("trust").toString(), "--timings"), stderr);
        assertEquals(Timings.STAGES.size() + 1, stageNames(stderr).size(), stderr);
        assertTrue(Pattern.compile("(?m)^  diff +-$").matcher(stderr).find(), stderr);
        assertTrue(Pattern.compile("(?m)^  rules +\\d+").matcher(stderr).find(), stderr); // verify is a gate run: its rules run
        assertTrue(Pattern.compile("(?m)^  hash +\\d+").matcher(stderr).find(), stderr);
        assertTrue(stdout.contains("1 of 1 components proven"), stdout);
    }

    @Test
    void theLastLineCountsReusedAndVerifiedSignatureChecks() {
        assertEquals(0, run(check("--timings")), stderr);
        assertTrue(stderr.endsWith("  reuse: 1 signature check reused from the approval, 0 refused, 0 verified in full;"
                + " 1 content summary reused\n"), stderr);
        assertEquals(0, run(check("--timings", "--full")), stderr);
        assertTrue(stderr.endsWith("  reuse: off; 1 signature check verified in full\n"), stderr);
        assertEquals(0, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust",
                baseline.resolve("trust").toString(), "--timings"), stderr);
        assertTrue(stderr.endsWith("  reuse: off; 1 signature check verified in full\n"), stderr);
    }
}
