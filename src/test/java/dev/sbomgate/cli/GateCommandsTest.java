package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init, check, approve, verify, explain and rules through {@link Main#run}, over a real Maven Central POM, its
 * real signature and its signer's real public key.
 */
class GateCommandsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

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
    }

    private int run(String... args) {
        SignedPomProject.Run result = SignedPomProject.run(CLOCK, args);
        stdout = result.stdout();
        stderr = result.stderr();
        return result.code();
    }

    private String[] gate(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void initThenCheckPasses() {
        assertEquals(0, run(gate("init")), stderr);
        assertTrue(stdout.contains("1 signed by pinned keys"), stdout);
        assertTrue(Files.isRegularFile(baseline.resolve("baseline.json")));
        assertEquals(0, run(gate("check")), stdout + stderr);
        assertTrue(stdout.startsWith("PASSED"), stdout);
    }

    @Test
    void checkWithoutSbomRepeatsTheRecordedInputs() {
        assertEquals(0, run(gate("init")), stderr);
        assertEquals(0, run("check", "--baseline", baseline.toString(), "-q"), stderr);
        assertEquals(1, stdout.lines().count(), "-q prints the verdict line alone: " + stdout);
    }

    @Test
    void initNeverOverwritesWithoutForce() {
        assertEquals(0, run(gate("init")), stderr);
        assertEquals(2, run(gate("init")));
        assertTrue(stderr.contains("already holds a baseline") && stderr.contains("--force"), stderr);
        assertEquals(0, run(gate("init", "--force")), stderr);
    }

    @Test
    void checkWithoutBaselineIsBadConfiguration() {
        assertEquals(2, run(gate("check")));
        assertTrue(stderr.contains("holds no baseline") && stderr.contains("sbomgate init"), stderr);
    }

    @Test
    void initRefusesAnArtifactThatFailsVerification() throws IOException {
        Files.writeString(artifacts.resolve("jackson-annotations-2.21.pom"), "<!-- tampered -->", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, run(gate("init")));
        assertTrue(stdout.startsWith("BLOCKED"), stdout);
        assertTrue(stdout.contains("HASH_MISMATCH"), stdout);
        assertTrue(stderr.contains("init refused"), stderr);
        assertFalse(Files.exists(baseline.resolve("baseline.json")), "nothing is written when init is refused");
    }

    @Test
    void checkBlocksATamperedArtifactAndApproveNeedsItAcceptedByName() throws IOException {
        assertEquals(0, run(gate("init")), stderr);
        Files.writeString(artifacts.resolve("jackson-annotations-2.21.pom"), "<!-- tampered -->", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, run(gate("check")));
        assertTrue(stdout.contains("HASH_MISMATCH"), stdout);
        String baselineBefore = readBaseline();

        assertEquals(1, run(gate("approve", "--reason", "looks fine")));
        assertTrue(stderr.contains("approve refused") && stderr.contains("--accept 'HASH_MISMATCH:"), stderr);
        assertEquals(baselineBefore, readBaseline(), "a refused approve writes nothing");

        assertEquals(2, run(gate("approve", "--reason", "x", "--accept", "UNSIGNED:pkg:maven/nothing/here@1")));
        assertTrue(stderr.contains("matches no blocking finding"), stderr);
    }

    @Test
    void approveRecordsWhoWhyAndWhatWasAccepted() throws IOException {
        assertEquals(0, run(gate("init")), stderr);
        assertEquals(0, run(gate("approve", "--reason", "routine re-approval", "--by", "alice")), stderr);
        List<String> log = Files.readAllLines(baseline.resolve("approvals.jsonl"));
        assertEquals(2, log.size());
        assertTrue(log.get(1).contains("\"alice\"") && log.get(1).contains("routine re-approval"), log.get(1));
    }

    @Test
    void approveNeedsAReason() {
        assertEquals(2, run(gate("approve")));
        assertTrue(stderr.contains("--reason"), stderr);
    }

    @Test
    void jsonReportIsByteIdenticalForIdenticalInputs() {
        assertEquals(0, run(gate("init")), stderr);
        assertEquals(0, run(gate("check", "--format", "json")));
        String first = stdout;
        assertEquals(0, run(gate("check", "--format", "json")));
        assertEquals(first, stdout);
        assertTrue(first.contains("\"verdict\" : \"passed\""), first);
    }

    @Test
    void outputFileIsWrittenWhole() throws IOException {
        assertEquals(0, run(gate("init")), stderr);
        Path report = dir.resolve("reports/gate.json");
        assertEquals(0, run(gate("check", "--format", "json", "--output", report.toString())));
        assertTrue(Files.readString(report).contains("\"verdict\""));
        assertEquals("", stdout);
    }

    @Test
    void badInputsExitTwoWithOneLine() throws IOException {
        assertEquals(0, run(gate("init")), stderr);
        assertEquals(2, run("check", "--sbom", dir.resolve("missing.json").toString(), "--baseline", baseline.toString()));
        assertEquals(1, stderr.lines().count(), stderr);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "rules: {NOPE: block}\n");
        assertEquals(2, run(gate("check", "--policy", policy.toString())));
        assertTrue(stderr.contains("unknown rule 'NOPE'"), stderr);
        assertEquals(2, run(gate("check", "--artifacts", dir.resolve("no-such-dir").toString())));
        assertTrue(stderr.contains("no-such-dir"), stderr);
    }

    @Test
    void verifyProvesEachComponent() {
        assertEquals(0, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust",
                baseline.resolve("trust").toString()), stderr);
        assertTrue(stdout.contains("1 of 1 components proven"), stdout);
        assertEquals(1, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust",
                dir.resolve("empty-trust").toString()));
        assertTrue(stdout.contains("unknown key"), stdout);
    }

    @Test
    void explainAndRulesDescribeEveryRule() {
        assertEquals(0, run("rules"));
        for (dev.sbomgate.finding.RuleId id : dev.sbomgate.finding.RuleId.values()) {
            assertTrue(stdout.contains(id.name()), id.name());
        }
        assertEquals(0, run("explain", "signer_changed"));
        assertTrue(stdout.startsWith("SIGNER_CHANGED"), stdout);
        assertEquals(2, run("explain", "NOT_A_RULE"));
        assertTrue(stderr.contains("unknown rule"), stderr);
    }

    private String readBaseline() throws IOException {
        return Files.readString(baseline.resolve("baseline.json"));
    }
}
