package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Inventory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonStream}, the element-by-element road for valid JSON documents, against the whole-tree road it
 * shortcuts: it accepts no document the whole-tree validation refuses, and what it accepts converts to the same
 * inventory and the same trees.
 */
class JsonStreamTest {

    /**
     * Valid JSON vectors the stream hands to the whole-tree road, with why. None of 1.2 to 1.6; every CycloneDX 1.7
     * document takes the whole-tree road (the stream knows the library's schemas, 1.2 to 1.6, only), which the
     * check below tells by {@link JsonLoader#next()}.
     */
    static final Set<String> VALID_NOT_STREAMED = Set.of();

    private final JsonLoader loader = new JsonLoader(SbomReader.DEFAULT_MAX_DEPTH);

    @TestFactory
    Stream<DynamicTest> everyJsonFixtureGetsTheSameVerdictAndInventoryBothWays() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Fixtures.resource(""))) {
            files = walk.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        }
        assertTrue(files.size() > 250, "JSON fixtures found: " + files.size());
        return files.stream().map(f -> dynamicTest(Fixtures.resource("").relativize(f).toString(), () -> compare(f)));
    }

    private void compare(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Parsed streamed = loader.streamed(file, bytes);
        Object whole;
        try {
            whole = loader.whole(file, bytes);
        } catch (BadInputException e) {
            whole = e.getMessage();
        }
        String name = file.getFileName().toString();
        if (streamed == null) {
            boolean validVector = name.startsWith("valid-") && whole instanceof Parsed;
            assertTrue(!validVector || VALID_NOT_STREAMED.contains(name) || loader.next(),
                    "a valid vector not streamed: " + name);
            return;
        }
        assertTrue(whole instanceof Parsed, () -> "streamed, but the whole-tree road refuses it: " + "");
        Parsed parsed = (Parsed) whole;
        assertEquals(parsed.version(), streamed.version());
        assertEquals(parsed.hasTimestamp(), streamed.hasTimestamp());
        JsonNode wholeComponents = parsed.bom().path("components");
        JsonNode streamedComponents = streamed.bom().path("components");
        // a component converted ahead leaves a JSON null in the array; the inventories below compare its records
        assertEquals(wholeComponents.size(), streamedComponents.size(), "components");
        for (int i = 0; i < wholeComponents.size(); i++) {
            if (!streamedComponents.get(i).isNull()) {
                assertEquals(wholeComponents.get(i), streamedComponents.get(i), "component " + i);
            } else {
                assertNotNull(streamed.ahead().components().get(i), "component " + i + " neither kept nor converted");
            }
        }
        assertEquals(parsed.bom().path("dependencies"), streamed.bom().path("dependencies"), "dependencies");
        assertEquals(without(parsed.bom()), without(streamed.bom()), "the rest of the document");
        assertEquals(converted(parsed), converted(streamed), "inventory");
    }

    /** The document without its streamed arrays. */
    private static JsonNode without(JsonNode bom) {
        return ((ObjectNode) bom.deepCopy()).without(List.of("components", "dependencies"));
    }

    private static Object converted(Parsed parsed) {
        try {
            return BomConverter.convert(parsed);
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    @Test
    void equalComponentsAreRefusedByTheSchemaAsBefore(@TempDir Path dir) throws IOException {
        String component = "{\"type\":\"library\",\"name\":\"a\",\"version\":\"1\"}";
        Path file = Fixtures.write(dir, "dup.json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
                + component + ",{\"version\":\"1\",\"name\":\"a\",\"type\":\"library\"}]}");
        assertNull(loader.streamed(file, Files.readAllBytes(file)));
        String message = Fixtures.rejected(file);
        assertTrue(message.contains("/components: must have only unique items"), message);
    }

    @Test
    void aViolationInsideAStreamedElementIsReportedWithItsDocumentPath(@TempDir Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[");
        for (int i = 0; i < 600; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"library\",\"name\":\"c").append(i).append('"')
                    .append(i == 517 ? ",\"purl\":17" : "").append('}');
        }
        Path file = Fixtures.write(dir, "bad.json", json.append("]}").toString());
        assertNull(loader.streamed(file, Files.readAllBytes(file)));
        String message = Fixtures.rejected(file);
        assertTrue(message.contains("/components/517/purl: integer found, string expected"), message);
    }

    @Test
    void arraysBeforeTheSpecVersionAreStreamedToo(@TempDir Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\"components\":[");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"library\",\"bom-ref\":\"r").append(i)
                    .append("\",\"name\":\"c").append(i).append("\"}");
        }
        json.append("],\"dependencies\":[{\"ref\":\"r1\",\"dependsOn\":[\"r2\"]}],\"specVersion\":\"1.5\",\"bomFormat\":\"CycloneDX\"}");
        Path file = Fixtures.write(dir, "late.json", json.toString());
        byte[] bytes = Files.readAllBytes(file);
        Parsed streamed = loader.streamed(file, bytes);
        assertNotNull(streamed);
        Inventory inventory = BomConverter.convert(streamed);
        assertEquals(1000, inventory.components().size());
        assertEquals("r999", inventory.components().get(999).bomRef());
        assertEquals(BomConverter.convert(loader.whole(file, bytes)), inventory);
    }

    @Test
    void aBomRefDeclaredTwiceIsNamedAsBeforeWhetherConvertedAheadOrNot(@TempDir Path dir) throws IOException {
        // "x" first on a component converted ahead, then nested inside one that is not (no bom-ref of its own)
        String json = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
                + "{\"type\":\"library\",\"bom-ref\":\"x\",\"group\":\" \",\"name\":\"first\",\"version\":\"1\"},"
                + "{\"type\":\"library\",\"name\":\"outer\",\"components\":["
                + "{\"type\":\"library\",\"bom-ref\":\"x\",\"group\":\"g\",\"name\":\"second\"}]}]}";
        Path file = Fixtures.write(dir, "twice.json", json);
        byte[] bytes = Files.readAllBytes(file);
        Parsed streamed = loader.streamed(file, bytes);
        assertNotNull(streamed);
        assertNotNull(streamed.ahead().components().get(0));
        assertNull(streamed.ahead().components().get(1));
        String message = Fixtures.rejected(file);
        assertTrue(message.endsWith(": bom-ref 'x' is declared twice (by 'first@1' and 'g/second'); bom-refs must be unique"
                + " within a CycloneDX BOM"), message);
        assertEquals(converted(loader.whole(file, bytes)), converted(streamed));
    }

    @Test
    void trailingContentDuplicateKeysAndDeepNestingAreLeftToTheWholeTreeRoad(@TempDir Path dir) throws IOException {
        String ok = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"library\",\"name\":\"a\"}]}";
        for (String json : List.of(ok + " {}", ok.replace("\"components\"", "\"version\":1,\"version\":2,\"components\""),
                ok.replace("\"name\":\"a\"", "\"name\":\"a\",\"x\":" + "[".repeat(300) + "]".repeat(300)))) {
            Path file = Fixtures.write(dir, "odd.json", json);
            try {
                assertNull(loader.streamed(file, Files.readAllBytes(file)), json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Fixtures.rejected(file);
        }
    }
}
