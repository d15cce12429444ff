package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.gate.Timings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --timings} on check and verify, through {@link Main#run}: stage names on stderr, stdout untouched. */
class TimingsOptionTest {
    private static final Path REAL = Path.of("src/test/resources/signature/pgp/real");
    private static final String KEY = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";
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
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        baseline = dir.resolve(".sbomgate");
        for (String f : List.of("jackson-annotations-2.21.pom", "jackson-annotations-2.21.pom.asc")) {
            Files.copy(REAL.resolve("artifacts").resolve(f), artifacts.resolve(f));
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(artifacts.resolve("jackson-annotations-2.21.pom"))));
        sbom = dir.resolve("bom.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[{"type":"library","bom-ref":"jx","group":"com.fasterxml.jackson.core","name":"jackson-annotations",
                   "version":"2.21","purl":"pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom",
                   "hashes":[{"alg":"SHA-256","content":"%s"}]}],
                 "dependencies":[{"ref":"demo","dependsOn":["jx"]}]}
                """.formatted(sha256));
        assertEquals(0, run("trust", "add", REAL.resolve("keys/" + KEY + ".asc").toString(), "--trust",
                baseline.resolve("trust").toString(), "--name", "Jackson release key", "--scope",
                "pkg:maven/com.fasterxml.jackson.core/*"), stderr);
        assertEquals(0, run("init", "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()), stderr);
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK, args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String[] check(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--sbom", sbom.toString(), "--baseline",
                baseline.toString(), "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The stage names of the timings report on stderr, in the order printed; fails on any line of another shape. */
    private static List<String> stageNames(String err) {
        List<String> lines = err.lines().toList();
        assertEquals("sbomgate timings (milliseconds of wall-clock time):", lines.get(0), err);
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
    void verifyPrintsItsStagesAndMarksDiffAndRulesAsNotRun() {
        assertEquals(0, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust",
                baseline.resolve("trust").toString(), "--timings"), stderr);
        assertEquals(Timings.STAGES.size() + 1, stageNames(stderr).size(), stderr);
        assertTrue(Pattern.compile("(?m)^  diff +-$").matcher(stderr).find(), stderr);
        assertTrue(Pattern.compile("(?m)^  rules +-$").matcher(stderr).find(), stderr);
        assertTrue(Pattern.compile("(?m)^  hash +\\d+").matcher(stderr).find(), stderr);
        assertTrue(stdout.contains("1 of 1 components proven"), stdout);
    }
}
