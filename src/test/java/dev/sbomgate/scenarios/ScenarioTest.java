package dev.sbomgate.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.cli.Main;
import dev.sbomgate.finding.RuleId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every scenario under {@code samples/} (a folder with an {@code EXPECTED} file, see samples/README.md) through
 * {@code sbomgate check} and compares the exit code and the set of blocking rules with what the folder expects. The
 * folder's name drives the expectation: {@code pass-*} must pass, {@code fail-*} must be blocked.
 */
class ScenarioTest {

    /** The instant every scenario is judged at: after every signature in the samples, before any waiver's 2030 expiry. */
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    static final Path SAMPLES = Path.of("samples");

    /** The scenarios the project promises (samples/README.md); a missing one is an error, not a smaller test run. */
    static final Set<String> REQUIRED = Set.of(
            "pass-signed-patch-update", "pass-waived-unsigned", "pass-pinned-rotation-allowed",
            "fail-resigned-by-new-key", "fail-untrusted-signer", "fail-unsigned-update", "fail-same-version-new-content",
            "fail-rollback", "fail-patch-adds-dependency", "fail-typosquat", "fail-hash-mismatch",
            "fail-tampered-baseline", "fail-expired-waiver", "pass-pypi-attestation", "fail-pypi-attestation-other-repo",
            "pass-npm-provenance-kept", "fail-npm-provenance-dropped", "fail-npm-publisher-changed");

    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
    }

    /** One scenario's expectation: the exit code and the blocking rule IDs, from its EXPECTED file. */
    record Expected(int exitCode, SortedSet<String> blocking) {
        static Expected read(Path folder) throws IOException {
            List<String> lines = Files.readAllLines(folder.resolve("EXPECTED"), StandardCharsets.UTF_8);
            assertEquals(1, lines.size(), folder + "/EXPECTED: expected one line, found " + lines.size());
            List<String> tokens = Arrays.asList(lines.get(0).trim().split(" +"));
            int code = Integer.parseInt(tokens.get(0));
            List<String> rules = tokens.subList(1, tokens.size());
            for (String rule : rules) {
                assertTrue(RuleId.parse(rule).filter(id -> id.name().equals(rule)).isPresent(),
                        folder + "/EXPECTED: '" + rule + "' is not a rule ID");
            }
            assertEquals(rules.stream().sorted().distinct().toList(), rules, folder + "/EXPECTED: rule IDs must be sorted and distinct");
            assertEquals(code == 0, rules.isEmpty(), folder + "/EXPECTED: exit 0 goes with no blocking rule, exit 1 with at least one");
            return new Expected(code, new TreeSet<>(rules));
        }
    }

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> folders = Files.list(SAMPLES)) {
            return folders.filter(p -> Files.isRegularFile(p.resolve("EXPECTED"))).sorted().toList();
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result check(Path baselineDir) {
        return run("check", "--baseline", baselineDir.toString(), "--format", "json");
    }

    static SortedSet<String> blockingRules(JsonNode report) {
        SortedSet<String> rules = new TreeSet<>();
        report.path("findings").forEach(f -> {
            if ("block".equals(f.path("severity").asText())) {
                rules.add(f.path("rule").asText());
            }
        });
        return rules;
    }

    /** One line per finding, for failure messages. */
    static String describe(JsonNode report) {
        List<String> lines = new ArrayList<>();
        report.path("findings").forEach(f -> lines.add("  " + f.path("severity").asText() + " " + f.path("rule").asText() + " "
                + f.path("subject").asText() + ": " + f.path("title").asText()));
        return String.join("\n", lines);
    }

    @Test
    void everyRequiredScenarioIsThere() throws IOException {
        Set<String> present = scenarios().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        SortedSet<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(present);
        assertTrue(missing.isEmpty(), "scenario folders missing under samples/: " + missing);
    }

    @TestFactory
    Stream<DynamicTest> eachScenarioGivesItsExpectedVerdict(@TempDir Path temp) throws IOException {
        return scenarios().stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            String name = folder.getFileName().toString();
            Expected expected = Expected.read(folder);
            if (name.startsWith("pass-")) {
                assertEquals(0, expected.exitCode(), name + ": a pass-* scenario must expect exit 0");
            } else if (name.startsWith("fail-")) {
                assertEquals(1, expected.exitCode(), name + ": a fail-* scenario must expect exit 1");
            } else {
                fail(name + ": a scenario folder is named pass-* or fail-*");
            }

            Path copy = temp.resolve(name);
            copyTree(folder, copy);
            Result result = check(copy.resolve(".sbomgate"));
            assertEquals("", result.err(), name + ": stderr");
            JsonNode report = JSON.readTree(result.out());
            // inputs.json must send check to the candidate (bom.json), not to the approved SBOM.
            assertEquals(sha256(copy.resolve("bom.json")), report.path("inputs").path("sbomSha256").asText(), name + ": SBOM checked");
            assertTrue(report.path("inputs").path("baseline").asBoolean(), name + ": the baseline was not found");
            String findings = describe(report);
            assertEquals(expected.blocking(), blockingRules(report), name + ": blocking rules; findings:\n" + findings);
            assertEquals(expected.exitCode(), result.code(), name + ": exit code; findings:\n" + findings);
            assertEquals(expected.exitCode(), report.path("exitCode").asInt(), name + ": the report's exitCode");
        }));
    }

    /** As the README shows it, from the repository root: {@code check --baseline samples/NAME/.sbomgate}, which must write nothing. */
    @Test
    void checkRunsInPlaceFromTheRepositoryRootAndWritesNothing() throws IOException {
        Path folder = SAMPLES.resolve("pass-signed-patch-update");
        SortedMap<String, String> before = snapshot(folder);
        Result result = run("check", "--baseline", "samples/pass-signed-patch-update/.sbomgate");
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().startsWith("PASSED"), result.out());
        assertEquals(before, snapshot(folder), "check changed files in " + folder);
    }

    /** A planned key rotation is approved by naming the finding; the next check then passes and the log has two entries. */
    @Test
    void approvingTheRotationRecordsTheNewSignerAndTheNextCheckPasses(@TempDir Path temp) throws IOException {
        Path copy = temp.resolve("fail-resigned-by-new-key");
        copyTree(SAMPLES.resolve("fail-resigned-by-new-key"), copy);
        Path baseline = copy.resolve(".sbomgate");
        JsonNode report = JSON.readTree(check(baseline).out());
        List<String> accept = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if ("block".equals(f.path("severity").asText())) {
                accept.add(f.path("accept").asText());
            }
        });
        assertEquals(List.of("SIGNER_CHANGED:pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom"), accept);

        Result approve = run("approve", "--baseline", baseline.toString(), "--by", "test", "--accept", accept.get(0),
                "--reason", "Jackson moved to its 2022 key (FasterXML/jackson KEYS)");
        assertEquals(0, approve.code(), approve.out() + approve.err());
        assertEquals(2, Files.readAllLines(baseline.resolve("approvals.jsonl")).size());

        Result again = check(baseline);
        JsonNode after = JSON.readTree(again.out());
        assertEquals(0, again.code(), describe(after));
        assertTrue(blockingRules(after).isEmpty(), describe(after));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Every file under {@code dir} (hidden ones too) → its size, modification time and SHA-256. */
    static SortedMap<String, String> snapshot(Path dir) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                String attributes = Files.isDirectory(p) ? "dir"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + sha256(p);
                files.put(dir.relativize(p).toString(), attributes);
            }
        }
        return files;
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
