package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.content.Archives;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, defect 6, end to end through {@link Main#run}: a zip sdist whose end of central directory record claims
 * 65,535 entries while its directory holds fewer is an unsafe archive, which blocks {@code check}; the same zip
 * with its end record intact passes.
 */
class ZipEndRecordGateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    String stdout;
    String stderr;

    private static byte[] sdist() {
        return Archives.zip().add("demo-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n")
                .add("demo-1.0/demo.py", "print(1)").bytes();
    }

    private String[] gate(String command, String version, byte[] zip) throws IOException {
        Path artifacts = Files.createDirectories(dir.resolve("artifacts-" + version));
        Files.write(artifacts.resolve("demo-" + version + ".zip"), zip);
        Path sbom = dir.resolve("bom-" + version + ".json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"app","version":"1","bom-ref":"app"}},
                 "components":[{"type":"library","bom-ref":"demo","name":"demo","version":"%s","purl":"pkg:pypi/demo@%s"}],
                 "dependencies":[{"ref":"app","dependsOn":["demo"]}]}
                """.formatted(version, version));
        return List.of(command, "--sbom", sbom.toString(), "--baseline", dir.resolve(".sbomgate").toString(),
                "--artifacts", artifacts.toString()).toArray(String[]::new);
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
    void endRecordDisagreeingWithItsCentralDirectoryBlocksCheck() throws IOException {
        assertEquals(0, run(gate("init", "1.0", sdist())), stdout + stderr);
        assertEquals(0, run(gate("check", "1.0", sdist())), stdout + stderr);
        assertFalse(stdout.contains("CONTENT_ANOMALY"), stdout);

        byte[] bad = sdist();
        int end = bad.length - 22;
        for (int at : new int[] {end + 8, end + 10}) {
            bad[at] = (byte) 0xff;
            bad[at + 1] = (byte) 0xff;
        }
        assertEquals(1, run(gate("check", "1.0", bad)), stdout + stderr);
        assertTrue(stdout.contains("CONTENT_ANOMALY") && stdout.contains("archive is unsafe")
                && stdout.contains("claims 65535 entries"), stdout);
    }
}
