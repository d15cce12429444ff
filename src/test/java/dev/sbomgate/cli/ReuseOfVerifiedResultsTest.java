package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Reuse of verified results (docs/formats.md §1.7, issue 17) through {@link Main#run}: {@code check} after
 * {@code init} reuses the recorded OpenPGP result of a real Maven Central POM; every refusal reason of the table that a
 * command line can provoke is reported for the component; {@code --full} verifies everything; and the decisions that
 * can change (pin removed, window narrowed, scope narrowed) still block with reuse on.
 */
class ReuseOfVerifiedResultsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String POM = SignedPomProject.POM;
    private static final String ASC = POM + ".asc";
    private static final Path KEY_FILE = SignedPomProject.REAL.resolve("keys/" + SignedPomProject.KEY + ".asc");

    @TempDir
    Path dir;
    Path artifacts;
    Path baseline;
    Path sbom;
    String stdout;
    String stderr;

    @BeforeEach
    void approved() throws IOException, NoSuchAlgorithmException {
        SignedPomProject project = SignedPomProject.create(dir, CLOCK);
        artifacts = project.artifacts();
        baseline = project.baseline();
        sbom = project.sbom();
        assertEquals(0, run(gate("init")), stderr);
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

    /** {@code check --format json} (plus {@code more}), its exit code in {@code code[0]}. */
    private JsonNode check(int[] code, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--format", "json"));
        args.addAll(List.of(more));
        code[0] = run(gate("check", args.toArray(String[]::new)));
        return new ObjectMapper().readTree(stdout);
    }

    private static JsonNode component(JsonNode report) {
        return report.path("components").get(0);
    }

    private static List<String> refusals(JsonNode report) {
        List<String> out = new ArrayList<>();
        component(report).path("reuse").path("refused").forEach(r -> out.add(r.path("file").asText() + ": "
                + r.path("reason").asText()));
        return out;
    }

    private void assertCounts(JsonNode report, boolean enabled, int reused, int refused, int verified) {
        JsonNode counts = report.path("summary").path("reuse");
        assertEquals(enabled, counts.path("enabled").asBoolean(), counts.toString());
        assertEquals(reused, counts.path("reused").asInt(), counts.toString());
        assertEquals(refused, counts.path("refused").asInt(), counts.toString());
        assertEquals(verified, counts.path("verified").asInt(), counts.toString());
    }

    private void repin(String... options) {
        assertEquals(0, run("trust", "remove", "--trust", baseline.resolve("trust").toString(), SignedPomProject.KEY), stderr);
        List<String> args = new ArrayList<>(List.of("trust", "add", KEY_FILE.toString(), "--trust",
                baseline.resolve("trust").toString(), "--name", "Jackson release key"));
        args.addAll(List.of(options));
        assertEquals(0, run(args.toArray(String[]::new)), stderr);
    }

    @Test
    void checkAfterInitReusesTheRecordedSignatureAndContent() throws IOException {
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(0, code[0], stdout + stderr);
        assertCounts(report, true, 1, 0, 0);
        assertEquals(1, report.path("summary").path("reuse").path("content").asInt(), report.path("summary").toString());
        JsonNode c = component(report);
        assertEquals("verified", c.path("signatureStatus").asText());
        assertEquals(List.of(ASC), List.of(c.path("reuse").path("reused").get(0).asText()));
        assertTrue(c.path("reuse").path("content").asBoolean(), c.toString());
        assertEquals(SignedPomProject.KEY, c.path("signer").asText());
    }

    @Test
    void textReportAndTimingsCountTheReuse() {
        assertEquals(0, run(gate("check", "--timings")), stderr);
        assertTrue(stdout.contains("Reuse: 1 signature check reused from the approval, 0 refused, 0 verified in full"),
                stdout);
        assertTrue(stderr.contains("  reuse: 1 signature check reused from the approval, 0 refused, 0 verified in full"),
                stderr);
    }

    @Test
    void fullVerifiesEverything() throws IOException {
        int[] code = new int[1];
        JsonNode report = check(code, "--full");
        assertEquals(0, code[0], stdout + stderr);
        assertCounts(report, false, 0, 0, 1);
        assertTrue(component(report).path("reuse").isNull(), component(report).toString());
        assertEquals(0, run(gate("check", "--full")), stderr);
        assertFalse(stdout.contains("Reuse:"), "with reuse off the text report says nothing of it: " + stdout);
    }

    @Test
    void initAndApproveVerifyInFull() throws IOException {
        Path json = dir.resolve("approve.json");
        assertEquals(0, run(gate("approve", "--reason", "re-approval", "--format", "json", "--output", json.toString())),
                stderr);
        JsonNode approved = new ObjectMapper().readTree(json.toFile());
        assertCounts(approved, false, 0, 0, 1);
        assertEquals(0, run(gate("init", "--force", "--format", "json", "--output", json.toString())), stderr);
        assertCounts(new ObjectMapper().readTree(json.toFile()), false, 0, 0, 1);
        int[] code = new int[1];
        assertCounts(check(code), true, 1, 0, 0); // what approve recorded is reusable again
    }

    @Test
    void artifactChangedIsRefusedAndVerifiedInFull() throws IOException {
        Files.writeString(artifacts.resolve(POM), "<!-- changed -->", StandardOpenOption.APPEND);
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(1, code[0], stdout);
        assertEquals(List.of(ASC + ": artifact changed"), refusals(report));
        assertCounts(report, true, 0, 1, 1);
        assertEquals("bad_signature", component(report).path("signatureStatus").asText());
        assertFalse(component(report).path("reuse").path("content").asBoolean());
    }

    @Test
    void signatureFileChangedIsRefusedAndVerifiedInFull() throws IOException {
        // The same signature re-armoured with a comment header: other bytes, still a good signature.
        Path asc = artifacts.resolve(ASC);
        Files.writeString(asc, Files.readString(asc).replace("-----BEGIN PGP SIGNATURE-----\n",
                "-----BEGIN PGP SIGNATURE-----\nComment: re-armoured\n"));
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(0, code[0], stdout);
        assertEquals(List.of(ASC + ": signature file changed"), refusals(report));
        assertCounts(report, true, 0, 1, 1);
        assertEquals("verified", component(report).path("signatureStatus").asText());
        assertTrue(component(report).path("reuse").path("content").asBoolean(), "the artifact itself is unchanged");
    }

    @Test
    void signatureFileMissingIsRefusedAndBlocks() throws IOException {
        Files.delete(artifacts.resolve(ASC));
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(1, code[0], stdout);
        assertEquals(List.of(ASC + ": signature file missing"), refusals(report));
        assertCounts(report, true, 0, 1, 0);
        assertEquals("unsigned", component(report).path("signatureStatus").asText());
    }

    @Test
    void keyRepinnedFromOtherBytesIsRefused() throws IOException {
        // The same key, the same fingerprint, from a file with other bytes: its material changed.
        Path other = dir.resolve("same-key-other-bytes.asc");
        Files.writeString(other, Files.readString(KEY_FILE).replace("-----BEGIN PGP PUBLIC KEY BLOCK-----\n",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: re-exported\n"));
        assertEquals(0, run("trust", "remove", "--trust", baseline.resolve("trust").toString(), SignedPomProject.KEY), stderr);
        assertEquals(0, run("trust", "add", other.toString(), "--trust", baseline.resolve("trust").toString(), "--name",
                "Jackson release key", "--scope", "pkg:maven/com.fasterxml.jackson.core/*"), stderr);
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(List.of(ASC + ": key re-pinned"), refusals(report));
        assertCounts(report, true, 0, 1, 1);
        assertEquals("verified", component(report).path("signatureStatus").asText());
    }

    @Test
    void keyRemovedAfterApprovalIsRefusedAndBlocks() throws IOException {
        assertEquals(0, run("trust", "remove", "--trust", baseline.resolve("trust").toString(), SignedPomProject.KEY), stderr);
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(1, code[0], stdout);
        assertEquals(List.of(ASC + ": key re-pinned"), refusals(report));
        assertEquals("unknown_key", component(report).path("signatureStatus").asText());
    }

    @Test
    void windowNarrowedAfterApprovalBlocksAlthoughTheResultIsReused() throws IOException {
        // The same key file (same material): the cryptographic result is reused, the window is judged again. The
        // real signature was made on 2026-01-18.
        repin("--scope", "pkg:maven/com.fasterxml.jackson.core/*", "--not-before", "2026-06-01");
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(1, code[0], stdout);
        assertCounts(report, true, 1, 0, 0);
        assertEquals("outside_pin_window", component(report).path("signatureStatus").asText());
        assertTrue(report.path("findings").toString().contains("KEY_NOT_VALID"), report.path("findings").toString());
    }

    @Test
    void scopeNarrowedAfterApprovalBlocksAlthoughTheResultIsReused() throws IOException {
        repin("--scope", "pkg:maven/org.example/*");
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(1, code[0], stdout);
        assertCounts(report, true, 1, 0, 0);
        assertEquals("not_pinned_for_purl", component(report).path("signatureStatus").asText());
    }

    @Test
    void tamperedBaselineIsNeverReused() throws IOException {
        Path file = baseline.resolve("baseline.json");
        Files.writeString(file, Files.readString(file).replace("\"jackson-annotations\"", "\"jackson-annotations\" "));
        int[] code = new int[1];
        JsonNode report = check(code);
        assertEquals(1, code[0], stdout);
        assertTrue(report.path("findings").toString().contains("BASELINE_TAMPERED"), report.path("findings").toString());
        assertEquals(List.of(ASC + ": baseline tampered"), refusals(report));
        assertCounts(report, true, 0, 1, 1);
        assertFalse(component(report).path("reuse").path("content").asBoolean());
    }
}
