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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content rules end to end through {@link Main#run}, over tarballs made by the real {@code npm pack}: init
 * records the approved package's hooks, check blocks the update that adds a postinstall and passes its benign
 * twin, and approving the hook records it.
 */
class ContentGateTest {
    private static final Path NPM = Path.of("src/test/resources/content/npm");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String PURL = "pkg:npm/sbomgate-demo-hooks@";

    @TempDir
    Path dir;
    Path baseline;
    String stdout;
    String stderr;

    @BeforeEach
    void approveVersion100() throws IOException {
        baseline = dir.resolve(".sbomgate");
        assertEquals(0, run(gate("init", "1.0.0")), stdout + stderr);
    }

    private String[] gate(String command, String version, String... more) throws IOException {
        Path artifacts = Files.createDirectories(dir.resolve("artifacts-" + version));
        String file = "sbomgate-demo-hooks-" + version + ".tgz";
        Files.copy(NPM.resolve(file), artifacts.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path sbom = dir.resolve("bom-" + version + ".json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"app","version":"1","bom-ref":"app"}},
                 "components":[{"type":"library","bom-ref":"hooks","name":"sbomgate-demo-hooks","version":"%s","purl":"%s%s"}],
                 "dependencies":[{"ref":"app","dependsOn":["hooks"]}]}
                """.formatted(version, PURL, version));
        List<String> args = new ArrayList<>(List.of(command, "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
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

    @Test
    void theBaselineRecordsTheApprovedPackagesContent() throws IOException {
        String json = Files.readString(baseline.resolve("baseline.json"));
        assertTrue(json.contains("\"format\": 3"), json);
        assertTrue(json.contains("\"size\": 304,") && json.contains("\"package\": \"NPM\"") && json.contains("\"hooks\": []"), json);
    }

    @Test
    void anUpdateAddingAPostinstallIsBlockedAndApprovingRecordsIt() throws IOException {
        assertEquals(1, run(gate("check", "1.0.1")), stdout + stderr);
        assertTrue(stdout.contains("INSTALL_HOOK_ADDED") && stdout.contains("adds npm script postinstall")
                && stdout.contains("node setup.js"), stdout);

        assertEquals(0, run(gate("approve", "1.0.1", "--accept", "INSTALL_HOOK_ADDED:" + PURL + "1.0.1", "--reason",
                "setup.js reviewed: SEC-42")), stdout + stderr);
        assertTrue(Files.readString(baseline.resolve("baseline.json")).contains("\"value\": \"node setup.js\""));
        assertEquals(0, run(gate("check", "1.0.1")), stdout + stderr);
        assertFalse(stdout.contains("INSTALL_HOOK_ADDED"), stdout);
    }

    @Test
    void itsBenignTwinPasses() throws IOException {
        assertEquals(0, run(gate("check", "1.0.2")), stdout + stderr);
        assertFalse(stdout.contains("INSTALL_HOOK_ADDED") || stdout.contains("CONTENT_ANOMALY"), stdout);
    }
}
