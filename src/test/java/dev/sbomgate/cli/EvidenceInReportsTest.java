package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, part 5: every report format shows each component's evidence (tier; provenance repository@ref, workflow,
 * commit), on the real npm scenario samples/fail-npm-publisher-changed (provenance of 1.0.5 from release-slsa3.yml).
 */
class EvidenceInReportsTest {

    static final String REPOSITORY_AT_REF = "https://github.com/laurentsimon/provenance-npm-test@refs/heads/main";
    static final String WORKFLOW = ".github/workflows/release-slsa3.yml";
    static final String COMMIT = "34490b44db557f009617bcb92b8780f972c189ab";

    @TempDir
    Path dir;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), args);
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path sample() throws IOException {
        Path from = Path.of("samples/fail-npm-publisher-changed");
        Path to = dir.resolve("s");
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
        return to;
    }

    private String check(Path s, String format) {
        return run("check", "--baseline", s.resolve(".sbomgate").toString(), "--format", format);
    }

    @Test
    void everyFormatShowsTheTierAndTheProvenance() throws IOException {
        Path s = sample();
        for (String format : new String[] {"json", "sarif", "junit", "markdown", "html"}) {
            String report = check(s, format);
            assertTrue(report.contains("PUBLISHER") || report.contains("publisher"), format + ": tier\n" + report);
            // Markdown escapes punctuation as entities: compare its text with them decoded
            String text = format.equals("markdown") ? report.replace("&#58;", ":").replace("&#64;", "@").replace("&#46;", ".")
                    .replace("&#45;", "-").replace("&#47;", "/") : report.replace("\\/", "/");
            assertTrue(text.contains(REPOSITORY_AT_REF) || (text.contains("laurentsimon/provenance-npm-test")
                    && text.contains("refs/heads/main")), format + ": repository@ref\n" + report);
            assertTrue(text.contains(WORKFLOW), format + ": workflow\n" + report);
            assertTrue(text.contains(COMMIT), format + ": commit\n" + report);
        }
        String text = run("verify", "--sbom", s.resolve("bom.json").toString(), "--artifacts", s.resolve("artifacts").toString(),
                "--trust", s.resolve(".sbomgate/trust").toString());
        assertTrue(text.contains("tier:      PUBLISHER: provenance " + REPOSITORY_AT_REF + ", workflow " + WORKFLOW
                + ", commit " + COMMIT), text);
    }

    @Test
    void theJsonReportNamesThePublisherIdentityPerComponent() throws IOException {
        JsonNode report = new ObjectMapper().readTree(check(sample(), "json"));
        JsonNode component = report.path("components").get(0);
        assertEquals("publisher", component.path("tier").asText());
        JsonNode publisher = component.path("publisher");
        assertEquals("https://github.com/laurentsimon/provenance-npm-test", publisher.path("repository").asText());
        assertEquals(WORKFLOW, publisher.path("workflow").asText());
        assertEquals("refs/heads/main", publisher.path("ref").asText());
        assertEquals(COMMIT, publisher.path("commit").asText());
        assertEquals("workflow_dispatch", publisher.path("trigger").asText());
        assertEquals("github-hosted", publisher.path("runner").asText());
        JsonNode finding = report.path("findings").get(0);
        assertEquals("SIGNER_CHANGED", finding.path("rule").asText());
    }
}
