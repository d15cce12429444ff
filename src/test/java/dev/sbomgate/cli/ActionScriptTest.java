package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's shell step (ci/github/run.sh, which action.yml runs) under a fake GITHUB_* environment:
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are files in a temp directory, GITHUB_ACTIONS=true, and sbomgate is this
 * build's classes (a wrapper script), run on the bundled samples. A real runner is not reachable from here; the
 * steps around the script (setup-java, cache, upload-sarif) are GitHub's own actions.
 */
class ActionScriptTest {
    private static final Path SCRIPT = Path.of("ci/github/run.sh");

    @TempDir
    Path dir;
    Path outputs;
    Path summary;
    Path sbomgate;
    String log;

    @BeforeEach
    void runner() throws IOException {
        outputs = Files.createFile(dir.resolve("github_output"));
        summary = Files.createFile(dir.resolve("step_summary"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        sbomgate = script("sbomgate", "exec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.sbomgate.cli.Main \"$@\"\n");
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private int run(Map<String, String> inputs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("SBOMGATE") || k.equals("NO_COLOR"));
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("RUNNER_TEMP", dir.toString());
        env.put("SBOMGATE", sbomgate.toString());
        env.put("SBOMGATE_OUTPUT_DIR", dir.resolve("reports").toString());
        env.putAll(inputs);
        Process p = pb.start();
        log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private Map<String, String> outputs() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(outputs)) {
            values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return values;
    }

    private static Map<String, String> sample(String name) {
        Path sample = Path.of("samples", name);
        Map<String, String> inputs = new HashMap<>();
        inputs.put("SBOMGATE_SBOM", sample.resolve("bom.json").toString());
        inputs.put("SBOMGATE_BASELINE", sample.resolve(".sbomgate").toString());
        inputs.put("SBOMGATE_ARTIFACTS", sample.resolve("artifacts") + "\n");
        inputs.put("SBOMGATE_FETCH", "false");
        return inputs;
    }

    @Test
    void aPassingSampleGivesItsVerdictCountsReportsAndSummary() throws Exception {
        Map<String, String> inputs = sample("pass-signed-patch-update");
        inputs.put("SBOMGATE_FORMATS", "html, codequality");
        assertEquals(0, run(inputs), log);
        Map<String, String> out = outputs();
        assertEquals("passed", out.get("verdict"));
        assertEquals("0", out.get("exit-code"));
        assertEquals("0", out.get("blocking"));
        assertEquals("0", out.get("warnings"));
        assertEquals("2", out.get("components"));
        assertEquals("1", out.get("changes"));
        JsonNode sarif = new ObjectMapper().readTree(Path.of(out.get("sarif")).toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertTrue(Files.isRegularFile(dir.resolve("reports/sbomgate.html")));
        assertTrue(new ObjectMapper().readTree(dir.resolve("reports/gl-code-quality-report.json").toFile()).isArray());
        assertTrue(Files.readString(summary).contains("PASSED"), Files.readString(summary));
        assertTrue(log.contains("upgraded  pkg:maven/com.fasterxml.jackson.core/jackson-core?type=pom  2.21.1 -> 2.21.3"), log);
    }

    @Test
    void aBlockedSampleFailsTheStepAnnotatesAndCounts() throws Exception {
        assertEquals(1, run(sample("fail-resigned-by-new-key")), log);
        Map<String, String> out = outputs();
        assertEquals("blocked", out.get("verdict"));
        assertEquals("1", out.get("blocking"));
        assertTrue(log.contains("::error file="), log);
        assertTrue(Files.readString(summary).contains("BLOCKED"));
    }

    @Test
    void failOnBlockFalseLetsTheStepPassWithTheVerdictInItsOutputs() throws Exception {
        Map<String, String> inputs = sample("fail-resigned-by-new-key");
        inputs.put("SBOMGATE_FAIL", "false");
        assertEquals(0, run(inputs), log);
        assertEquals("blocked", outputs().get("verdict"));
    }

    @Test
    void fetchRunsFirstAndItsEvidenceIsCheckedWithItsReleaseTimes() throws Exception {
        Path calls = dir.resolve("calls");
        sbomgate = script("fake-sbomgate", "echo \"$*\" >>'" + calls + "'\n"
                + "if [[ $1 == fetch ]]; then mkdir -p \"$5\" && echo '{}' >\"$5/release-times.json\"; fi\n");
        Map<String, String> inputs = new HashMap<>();
        inputs.put("SBOMGATE_SBOM", "target/bom.json");
        inputs.put("SBOMGATE_POLICY", "policies/strict.yaml");
        assertEquals(0, run(inputs), log);
        List<String> lines = Files.readAllLines(calls);
        Path evidence = dir.resolve("sbomgate-evidence");
        assertEquals("fetch --sbom target/bom.json --into " + evidence, lines.get(0));
        assertTrue(lines.get(1).startsWith("check --baseline .sbomgate --sbom target/bom.json --policy policies/strict.yaml --metadata "
                + evidence + "/release-times.json --artifacts " + evidence + " --format sarif --output "), lines.get(1));
        assertTrue(lines.get(1).endsWith(" --format text"), lines.get(1));
    }

    @Test
    void aFailedFetchStopsBeforeTheCheckAndSaysSo() throws Exception {
        Path calls = dir.resolve("calls");
        sbomgate = script("fake-sbomgate", "echo \"$*\" >>'" + calls + "'\n[[ $1 == fetch ]] && exit 2\nexit 0\n");
        assertEquals(2, run(Map.of("SBOMGATE_SBOM", "bom.json")), log);
        assertEquals(1, Files.readAllLines(calls).size(), "no check after a failed fetch");
        assertEquals("error", outputs().get("verdict"));
        assertTrue(log.contains("::error::sbomgate fetch failed (exit 2)"), log);
    }

    @Test
    void anUnknownFormatIsBadInput() throws Exception {
        Map<String, String> inputs = sample("pass-signed-patch-update");
        inputs.put("SBOMGATE_FORMATS", "pdf");
        assertEquals(2, run(inputs), log);
        assertFalse(outputs().containsKey("sarif"));
    }
}
