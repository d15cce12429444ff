package dev.sbomgate.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Purl;
import dev.sbomgate.model.ReleaseDates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseMetadataLoaderTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("metadata.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    /** Loads and expects a one-line BadInputException naming the file and the entry; returns its message. */
    private String refused(String json) throws IOException {
        Path file = write(json);
        BadInputException e = assertThrows(BadInputException.class, () -> ReleaseMetadataLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void loadsPublishTimesKeyedByCanonicalPurl() throws IOException {
        ReleaseDates dates = ReleaseMetadataLoader.load(write("""
                {"releases": [
                  {"purl": "pkg:npm/axios@1.14.1", "published": "2026-03-31T00:21:00Z"},
                  {"purl": "pkg:npm/@types/node@20.1.0", "published": "2026-03-31T02:21:00+02:00"},
                  {"purl": "pkg:pypi/LiteLLM@1.82.8", "published": "2026-03-24T10:52:00.5Z"}
                ]}
                """));
        assertEquals(Map.of(
                "pkg:npm/axios@1.14.1", Instant.parse("2026-03-31T00:21:00Z"),
                "pkg:npm/%40types/node@20.1.0", Instant.parse("2026-03-31T00:21:00Z"),
                "pkg:pypi/litellm@1.82.8", Instant.parse("2026-03-24T10:52:00.5Z")), dates.publishedByPurl());
        assertEquals(Optional.of(Instant.parse("2026-03-31T00:21:00Z")),
                dates.publishedAt(Purl.parse("pkg:npm/%40types/node@20.1.0")));
    }

    @Test
    void anEmptyListIsFine() throws IOException {
        assertTrue(ReleaseMetadataLoader.load(write("{\"releases\": []}")).publishedByPurl().isEmpty());
    }

    @Test
    void unknownKeysAreRefused() throws IOException {
        assertTrue(refused("{\"releases\": [], \"generator\": \"x\"}").endsWith(
                "'generator': unknown key (expected one of [releases])"));
        assertTrue(refused("{\"releases\": [{\"purl\": \"pkg:npm/a@1.0.0\", \"published\": \"2026-01-01T00:00:00Z\", "
                + "\"sha\": \"x\"}]}").contains("releases[0].'sha': unknown key (expected one of [published, purl])"));
    }

    @Test
    void missingKeysAndWrongTypesAreRefused() throws IOException {
        assertTrue(refused("{}").endsWith("releases: required key is missing"));
        assertTrue(refused("{\"releases\": {}}").endsWith("releases: expected an array but found an object"));
        assertTrue(refused("{\"releases\": [{\"purl\": \"pkg:npm/a@1.0.0\"}]}").endsWith("releases[0].published: required key is missing"));
        assertTrue(refused("{\"releases\": [{\"purl\": 7, \"published\": \"2026-01-01T00:00:00Z\"}]}")
                .endsWith("releases[0].purl: expected a string but found a number"));
        assertTrue(refused("{\"releases\": [\"pkg:npm/a@1.0.0\"]}").contains("releases[0]: expected an object"));
        assertTrue(refused("[]").contains("expected a JSON object with key 'releases' but found an array"));
    }

    @Test
    void badPurlsAreRefused() throws IOException {
        assertTrue(refused("{\"releases\": [{\"purl\": \"npm/axios@1.14.1\", \"published\": \"2026-01-01T00:00:00Z\"}]}")
                .contains("releases[0].purl: malformed purl 'npm/axios@1.14.1'"));
        assertTrue(refused("{\"releases\": [{\"purl\": \"pkg:npm/axios\", \"published\": \"2026-01-01T00:00:00Z\"}]}")
                .contains("releases[0].purl: purl 'pkg:npm/axios' has no version"));
    }

    @Test
    void badTimesAreRefused() throws IOException {
        String ok = "{\"purl\": \"pkg:npm/a@1.0.0\", \"published\": \"2026-01-01T00:00:00Z\"}";
        for (String time : new String[] {"2026-03-31T00:21:00", "2026-03-31", "yesterday", "2026-13-01T00:00:00Z"}) {
            String message = refused("{\"releases\": [" + ok + ", {\"purl\": \"pkg:npm/b@1.0.0\", \"published\": \"" + time + "\"}]}");
            assertTrue(message.contains("releases[1].published: expected an ISO-8601 time with zone like 2026-03-31T00:21:00Z "
                    + "but found '" + time + "'"), message);
        }
    }

    @Test
    void aReleaseListedTwiceIsRefusedEvenSpelledDifferently() throws IOException {
        String message = refused("""
                {"releases": [
                  {"purl": "pkg:npm/%40types/node@20.1.0", "published": "2026-01-01T00:00:00Z"},
                  {"purl": "pkg:npm/@types/node@20.1.0", "published": "2026-01-02T00:00:00Z"}
                ]}""");
        assertTrue(message.endsWith("releases[1].purl: purl 'pkg:npm/%40types/node@20.1.0' is listed twice (first at releases[0]); "
                + "give each release one publish time"), message);
    }

    @Test
    void invalidJsonIsRefusedWithItsPosition() throws IOException {
        assertTrue(refused("{\"releases\": [").contains(": not valid JSON at line 1"));
        assertTrue(refused("{\"releases\": [], \"releases\": []}").contains("not valid JSON"));
        assertTrue(refused("{\"releases\": []} {}").contains("not valid JSON"));
        assertTrue(refused("{\"releases\": [] /* no */}").contains("not valid JSON"));
        assertTrue(refused("").contains("empty"));
    }

    @Test
    void aMissingFileIsBadInput() {
        Path missing = dir.resolve("nope.json");
        BadInputException e = assertThrows(BadInputException.class, () -> ReleaseMetadataLoader.load(missing));
        assertEquals(missing + ": metadata file not found", e.getMessage());
    }

    @Test
    void controlCharactersInValuesStayOnOneLine() throws IOException {
        String message = refused("{\"releases\": [{\"purl\": \"pkg:npm/a@1.0.0\", \"published\": \"2026\\n01\"}]}");
        assertTrue(message.contains("'2026\\u000a01'"), message);
    }
}
