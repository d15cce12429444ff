package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init, check, approve, verify, explain and rules through {@link Main#run}, over a real Maven Central POM, its
 * real signature and its signer's real public key.
 */
class GateCommandsTest {
    private static final Path REAL = Path.of("src/test/resources/signature/pgp/real");
    private static final String KEY = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";
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
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        baseline = dir.resolve(".sbomgate");
        for (String f : List.of("jackson-annotations-2.21.pom", "jackson-annotations-2.21.pom.asc")) {
            Files.copy(REAL.resolve("artifacts").resolve(f), artifacts.resolve(f));
        }
        sbom = dir.resolve("bom.json");
        writeSbom(sha256(artifacts.resolve("jackson-annotations-2.21.pom")));
        assertEquals(0, run("trust", "add", REAL.resolve("keys/" + KEY + ".asc").toString(), "--trust",
                baseline.resolve("trust").toString(), "--name", "Jackson release key", "--scope",
                "pkg:maven/com.fasterxml.jackson.core/*"), stderr);
    }

    private void writeSbom(String sha256) throws IOException {
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[{"type":"library","bom-ref":"jx","group":"com.fasterxml.jackson.core","name":"jackson-annotations",
                   "version":"2.21","purl":"pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom",
                   "hashes":[{"alg":"SHA-256","content":"%s"}]}],
                 "dependencies":[{"ref":"demo","dependsOn":["jx"]}]}
                """.formatted(sha256));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
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
        for (dev.sbomgate.rules.RuleId id : dev.sbomgate.rules.RuleId.values()) {
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
