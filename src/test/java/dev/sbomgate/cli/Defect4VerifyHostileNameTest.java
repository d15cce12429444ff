package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, defect 4: {@code verify} printed a component's name raw, so {@code evil ESC[2J ESC[31m PASSED U+202E}
 * cleared a reviewer's screen and painted PASSED; its JSON kept U+202E raw. verify now renders through report/.
 */
class Defect4VerifyHostileNameTest {
    private static final String HOSTILE = "evil\u001b[2J\u001b[31mPASSED\u202e";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path sbom;
    Path artifacts;
    Path trust;
    String stdout;

    @BeforeEach
    void hostileSbom() throws Exception {
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        trust = Files.createDirectories(dir.resolve("trust"));
        sbom = dir.resolve("bom.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,
                 "components":[{"type":"library","bom-ref":"evil","name":"evil\\u001b[2J\\u001b[31mPASSED\\u202e","version":"1.0"}]}
                """);
    }

    private int verify(String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--sbom", sbom.toString(), "--artifacts",
                artifacts.toString(), "--trust", trust.toString()));
        args.addAll(List.of(more));
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK, Environment.empty(), args.toArray(String[]::new));
        stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void defect4TextShowsTheNameEscapedNeverRaw() {
        assertEquals(1, verify()); // its artifact is missing: MISSING_ARTIFACT blocks
        assertFalse(stdout.contains("\u001b"), stdout);
        assertFalse(stdout.contains("\u202e"), stdout);
        assertTrue(stdout.contains("evil\\u001b[2J\\u001b[31mPASSED\\u202e@1.0"), stdout);
        assertTrue(stdout.contains("MISSING_ARTIFACT"), stdout);
        assertTrue(stdout.contains("0 of 1 components proven"), stdout);
    }

    @Test
    void defect4JsonEscapesTheBidiOverrideAndKeepsTheName() throws Exception {
        assertEquals(1, verify("--format", "json"));
        assertFalse(stdout.contains("\u202e"), stdout);
        assertFalse(stdout.contains("\u001b"), stdout);
        assertTrue(stdout.toLowerCase(java.util.Locale.ROOT).contains("passed\\u202e"), stdout);
        // the data is unchanged: a JSON reader gets the name back exactly
        assertTrue(new ObjectMapper().readTree(stdout).toString().contains("PASSED\\u202E")
                || new ObjectMapper().readTree(stdout).findValuesAsText("subject").stream().anyMatch(s -> s.contains(HOSTILE)),
                stdout);
    }

    @Test
    void defect4EveryFormatOfVerifyIsProducedWithoutRawControls() throws Exception {
        List<String> formats = List.of("json", "sarif", "junit", "markdown", "html");
        List<String> args = new java.util.ArrayList<>();
        for (String format : formats) {
            args.addAll(List.of("--format", format, "--output", dir.resolve("verify." + format).toString()));
        }
        args.addAll(List.of("--format", "text"));
        assertEquals(1, verify(args.toArray(String[]::new)));
        assertTrue(stdout.contains("MISSING_ARTIFACT"), stdout);
        for (String format : formats) {
            String report = Files.readString(dir.resolve("verify." + format));
            assertTrue(report.contains("MISSING_ARTIFACT"), format + ": " + report);
            assertFalse(report.contains("\u001b"), format);
            assertFalse(report.contains("\u202e"), format);
        }
    }
}
