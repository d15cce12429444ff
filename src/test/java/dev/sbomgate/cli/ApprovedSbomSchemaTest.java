package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approved SBOM's schema verdict (docs/formats.md §1.7, issue 17): {@code init} records that the approved bytes
 * passed their JSON schema with nothing tolerated ({@code sbom.schemaValid}); a {@code check} of those very bytes
 * reaches the verdict {@code --full} reaches; and the record only counts when the authenticated baseline holds it,
 * so a flag written into {@code baseline.json} by hand does not let an SBOM that fails its schema through.
 */
class ApprovedSbomSchemaTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SignedPomProject project;

    @BeforeEach
    void approved() throws IOException, NoSuchAlgorithmException {
        project = SignedPomProject.create(dir, CLOCK);
        SignedPomProject.Run init = run("init");
        assertEquals(0, init.code(), init.stderr());
    }

    private SignedPomProject.Run run(String command, String... more) {
        String[] args = new String[7 + more.length];
        String[] base = {command, "--sbom", project.sbom().toString(), "--baseline", project.baseline().toString(),
                "--artifacts", project.artifacts().toString()};
        System.arraycopy(base, 0, args, 0, 7);
        System.arraycopy(more, 0, args, 7, more.length);
        return SignedPomProject.run(CLOCK, args);
    }

    private JsonNode baselineJson() throws IOException {
        return JSON.readTree(project.baseline().resolve("baseline.json").toFile());
    }

    @Test
    void initRecordsThatTheApprovedBytesPassedTheirSchema() throws IOException, NoSuchAlgorithmException {
        JsonNode sbom = baselineJson().path("sbom");
        assertEquals(sha256(Files.readAllBytes(project.sbom())), sbom.path("sha256").asText());
        assertTrue(sbom.path("schemaValid").asBoolean(), sbom.toString());
    }

    @Test
    void aCheckOfTheApprovedBytesReachesTheVerdictOfAFullCheck() throws IOException {
        SignedPomProject.Run reusing = run("check", "--format", "json");
        SignedPomProject.Run full = run("check", "--format", "json", "--full");
        assertEquals(0, reusing.code(), reusing.stderr());
        assertEquals(full.code(), reusing.code());
        JsonNode a = JSON.readTree(reusing.stdout());
        JsonNode b = JSON.readTree(full.stdout());
        assertEquals(b.path("verdict"), a.path("verdict"));
        assertEquals(b.path("findings"), a.path("findings"));
        assertEquals(b.path("inputs").path("sbom"), a.path("inputs").path("sbom"));
    }

    @Test
    void aSchemaValidFlagWrittenByHandDoesNotLetAnInvalidSbomThrough() throws IOException, NoSuchAlgorithmException {
        // the same SBOM with a component type its schema does not know: parseable, convertible, invalid
        String invalid = Files.readString(project.sbom()).replace("\"type\":\"library\"", "\"type\":\"rootkit\"");
        Files.writeString(project.sbom(), invalid);
        // baseline.json edited to claim these bytes passed their schema at the approval (the log no longer matches it)
        ObjectNode baseline = (ObjectNode) baselineJson();
        String forged = sha256(invalid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ((ObjectNode) baseline.path("sbom")).put("sha256", forged);
        Files.write(project.baseline().resolve("baseline.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(baseline));
        // the first read does skip the schema (the hint matches these bytes); the authenticated load then refuses it
        assertEquals(forged, new dev.sbomgate.baseline.BaselineStore(project.baseline()).schemaValidSbomHint());

        SignedPomProject.Run check = run("check");
        assertEquals(2, check.code(), check.stdout() + check.stderr());
        assertTrue(check.stderr().contains("CycloneDX 1.6 JSON schema"), check.stderr());
        assertTrue(check.stderr().contains("/components/0/type"), check.stderr());
    }

    @Test
    void otherBytesAreValidatedAsAlways() throws IOException {
        String invalid = Files.readString(project.sbom()).replace("\"type\":\"library\"", "\"type\":\"rootkit\"");
        Files.writeString(project.sbom(), invalid);
        SignedPomProject.Run check = run("check");
        assertEquals(2, check.code(), check.stdout() + check.stderr());
        assertTrue(check.stderr().contains("CycloneDX 1.6 JSON schema"), check.stderr());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
