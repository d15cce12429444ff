package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports through {@link Main#run}: several formats from one evaluation, the pairing of --format and --output,
 * colours, and the GitHub Actions integration driven by an injected environment. The project is a real Maven Central
 * POM with its real signature and its signer's real key (as in GateCommandsTest).
 */
class ReportCommandsTest {
    private static final Path REAL = Path.of("src/test/resources/signature/pgp/real");
    private static final String KEY = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path artifacts;
    Path baseline;
    Path sbom;
    String stdout;
    String stderr;

    @BeforeEach
    void project() throws Exception {
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        baseline = dir.resolve(".sbomgate");
        for (String f : List.of("jackson-annotations-2.21.pom", "jackson-annotations-2.21.pom.asc")) {
            Files.copy(REAL.resolve("artifacts").resolve(f), artifacts.resolve(f));
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(artifacts.resolve("jackson-annotations-2.21.pom"))));
        sbom = dir.resolve("bom.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[{"type":"library","bom-ref":"jx","group":"com.fasterxml.jackson.core","name":"jackson-annotations",
                   "version":"2.21","purl":"pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom",
                   "hashes":[{"alg":"SHA-256","content":"%s"}]}],
                 "dependencies":[{"ref":"demo","dependsOn":["jx"]}]}
                """.formatted(sha256));
        assertEquals(0, run(Environment.empty(), "trust", "add", REAL.resolve("keys/" + KEY + ".asc").toString(), "--trust",
                baseline.resolve("trust").toString(), "--name", "Jackson release key", "--scope",
                "pkg:maven/com.fasterxml.jackson.core/*"), stderr);
        assertEquals(0, run(Environment.empty(), gate("init", "--by", "alice")), stderr);
    }

    private void tamper() throws IOException {
        Files.writeString(artifacts.resolve("jackson-annotations-2.21.pom"), "<!-- tampered -->", StandardOpenOption.APPEND);
    }

    private int run(Environment environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK, environment, args);
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
    void severalReportsFromOneEvaluation() throws Exception {
        tamper();
        Path out = dir.resolve("reports");
        assertEquals(1, run(Environment.empty(), gate("check", "--format", "json", "--output", out.resolve("gate.json").toString(),
                "--format", "sarif", "--output", out.resolve("gate.sarif").toString(),
                "--format", "junit", "--output", out.resolve("gate.xml").toString(),
                "--format", "markdown", "--output", out.resolve("gate.md").toString(),
                "--format", "html", "--output", out.resolve("gate.html").toString(), "--format", "text")), stderr);
        assertTrue(stdout.startsWith("BLOCKED"), "the text report, the only one without an --output, on standard output: " + stdout);
        assertTrue(stdout.contains("HASH_MISMATCH"));
        JsonNode json = JSON.readTree(Files.readString(out.resolve("gate.json")));
        assertEquals("blocked", json.get("verdict").asText());
        assertEquals("alice", json.at("/approvals/0/approvedBy").asText(), "the approval history is in the report");
        assertEquals("Jackson release key", json.at("/trustStore/0/name").asText(), "and the trust store's pins");
        assertEquals(3, json.at("/components/0/line").asInt(), "the component's line in bom.json");
        JsonNode sarif = JSON.readTree(Files.readString(out.resolve("gate.sarif")));
        JsonNode result = sarif.at("/runs/0/results/0");
        assertEquals("HASH_MISMATCH", result.get("ruleId").asText());
        assertEquals(3, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith("bom.json"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        assertEquals(1, factory.newDocumentBuilder().parse(out.resolve("gate.xml").toFile()).getElementsByTagName("failure").getLength(),
                "one component, failed");
        assertTrue(Files.readString(out.resolve("gate.md")).startsWith("## ❌ sbomgate: BLOCKED"));
        assertTrue(Files.readString(out.resolve("gate.html")).contains("Content-Security-Policy"));
        try (var files = Files.list(out)) {
            assertEquals(5, files.count(), "no temporary file is left beside the reports");
        }
    }

    @Test
    void theNthOutputTakesTheNthFormatWhereverTheyStand() throws Exception {
        Path a = dir.resolve("a.out");
        Path b = dir.resolve("b.out");
        assertEquals(0, run(Environment.empty(), gate("check", "--output", a.toString(), "--format", "json", "--format", "junit",
                "--output", b.toString(), "--format", "markdown")), stderr);
        assertEquals("passed", JSON.readTree(Files.readString(a)).get("verdict").asText());
        assertTrue(Files.readString(b).startsWith("<?xml"));
        assertTrue(stdout.startsWith("## ✅ sbomgate: PASSED"), "the format without an output, last, on standard output: " + stdout);
    }

    @Test
    void aLoneOutputTakesTheDefaultTextFormat() throws Exception {
        Path report = dir.resolve("gate.txt");
        assertEquals(0, run(Environment.empty(), gate("check", "--output", report.toString())), stderr);
        assertEquals("", stdout);
        assertTrue(Files.readString(report).startsWith("PASSED"));
    }

    @Test
    void pairingErrorsAreBadInputBeforeAnythingRuns() {
        assertEquals(2, run(Environment.empty(), gate("check", "--format", "json", "--format", "sarif")));
        assertTrue(stderr.contains("would both go to standard output"), stderr);
        assertEquals(2, run(Environment.empty(), gate("check", "--format", "json", "--output", "a.json", "--output", "b.json")));
        assertTrue(stderr.contains("--output b.json has no --format"), stderr);
        assertEquals(2, run(Environment.empty(), gate("check", "--format", "json", "--output", "a.json", "--format", "html",
                "--output", "a.json")));
        assertTrue(stderr.contains("given twice"), stderr);
        assertEquals(2, run(Environment.empty(), gate("check", "--format", "pdf")));
        assertTrue(stderr.contains("pdf"), stderr);
        assertFalse(Files.exists(Path.of("a.json")), "nothing was written");
    }

    @Test
    void initAndApproveWriteTheirReportFilesToo() throws Exception {
        Path report = dir.resolve("approve.json");
        assertEquals(0, run(Environment.empty(), gate("approve", "--reason", "routine", "--by", "bob", "--format", "json",
                "--output", report.toString())), stderr);
        assertTrue(stdout.startsWith("Approved"), stdout);
        assertEquals("passed", JSON.readTree(Files.readString(report)).get("verdict").asText());
        tamper();
        assertEquals(1, run(Environment.empty(), gate("approve", "--reason", "x", "--format", "sarif")));
        assertEquals("2.1.0", JSON.readTree(stdout).get("version").asText(), "a refused approve shows the report asked for");
    }

    @Test
    void helpDocumentsThePairing() {
        assertEquals(0, run(Environment.empty(), "check", "--help"));
        String help = stdout.replaceAll("\\s+", " ");
        assertTrue(help.contains("the n-th --format goes with the n-th --output"), help);
        assertTrue(help.contains("text, json, sarif, junit, markdown, html"), help);
        assertTrue(stdout.contains("--progress"), stdout);
    }

    @Test
    void colourOnATerminalOnlyAndNeverUnderNoColor() {
        assertEquals(0, run(new Environment(Map.of(), true, true), gate("check")));
        assertTrue(stdout.startsWith("\u001b["), "a terminal gets colours: " + stdout);
        assertEquals(0, run(new Environment(Map.of("NO_COLOR", "1"), true, true), gate("check")));
        assertFalse(stdout.contains("\u001b"), "NO_COLOR turns them off");
        assertEquals(0, run(new Environment(Map.of(), false, false), gate("check")));
        assertFalse(stdout.contains("\u001b"), "a pipe or file gets none");
        assertEquals(0, run(new Environment(Map.of(), true, true), gate("check", "--output", dir.resolve("t.txt").toString())));
        assertFalse(stderr.contains("\u001b"));
    }

    @Test
    void githubStepSummaryIsAppendedAndAnnotationsGoToStdout() throws Exception {
        tamper();
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "# earlier step\n");
        Environment github = new Environment(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), false, false);
        assertEquals(1, run(github, gate("check")));
        String written = Files.readString(summary);
        assertTrue(written.startsWith("# earlier step\n## ❌ sbomgate: BLOCKED"), "appended, not replaced: " + written);
        List<String> annotations = stdout.lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(3, annotations.size(), "one per finding (hash mismatch, bad signature, mutated release): " + stdout);
        assertTrue(annotations.stream().allMatch(a -> a.startsWith("::error file=") && a.contains("bom.json,line=3,title=")), stdout);
        assertTrue(annotations.stream().anyMatch(a -> a.contains("title=HASH_MISMATCH pkg%3Amaven/com.fasterxml.jackson.core/")), stdout);
        assertTrue(stdout.startsWith("BLOCKED"), "the report comes first");
    }

    @Test
    void annotationsMoveToStderrWhenStdoutCarriesAMachineReadableReport() throws Exception {
        tamper();
        Environment github = new Environment(Map.of("GITHUB_ACTIONS", "true"), false, false);
        assertEquals(1, run(github, gate("check", "--format", "json")));
        assertEquals("blocked", JSON.readTree(new ByteArrayInputStream(stdout.getBytes(StandardCharsets.UTF_8))).get("verdict").asText(),
                "standard output is the JSON report alone");
        assertTrue(stderr.lines().anyMatch(l -> l.startsWith("::error file=")), stderr);
    }

    @Test
    void withoutGithubVariablesNothingGithubIsWritten() throws Exception {
        tamper();
        assertEquals(1, run(Environment.empty(), gate("check")));
        assertFalse(stdout.contains("::error") || stderr.contains("::error"));
    }

    @Test
    void anUnwritableStepSummaryWarnsButKeepsTheVerdict() {
        Environment github = new Environment(Map.of("GITHUB_STEP_SUMMARY", dir.toString()), false, false);
        assertEquals(0, run(github, gate("check")), stderr);
        assertTrue(stderr.contains("warning: cannot append the job summary"), stderr);
    }
}
