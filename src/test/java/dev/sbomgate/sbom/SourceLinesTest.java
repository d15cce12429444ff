package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where in the SBOM text each component is declared, as the parser saw it during its one read (issue 12: no second
 * read, no text scan); both JSON roads (streamed and whole tree) and XML.
 */
class SourceLinesTest {
    @TempDir
    Path dir;

    private Map<String, Integer> lines(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        SbomReader.Document document = new SbomReader().locatingLines().loadDocument(file);
        return document.lines().of(document.inventory().components());
    }

    @Test
    void jsonBomRefLinesIgnoringDependencyRefs() throws IOException {
        String json = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "dependencies": [{"ref": "b\\"x", "dependsOn": ["a"]}],
                 "components": [
                  {"type": "library",
                   "bom-ref": "a",
                   "name": "a"},
                  {"type": "library", "bom-ref" : "b\\"x", "name": "b",
                   "components": [
                     {"type": "library",
                      "bom-ref": "nested", "name": "n"}]}
                 ]}
                """;
        assertEquals(Map.of("a", 5, "b\"x", 7, "nested", 10), lines("bom.json", json));
    }

    @Test
    void jsonFallsBackToThePurlForSynthesisedBomRefs() throws IOException {
        String json = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1, \"components\": [\n"
                + "{\"type\": \"library\", \"name\": \"x\", \"version\": \"1.0\",\n"
                + " \"purl\": \"pkg:maven/org.example/x@1.0?type=jar\"}]}\n";
        Map<String, Integer> lines = lines("bom.json", json);
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(3, lines.values().iterator().next());
    }

    @Test
    void jsonReadTheWholeTreeWayHasTheSameLines() throws IOException {
        String json = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "components": [
                  {"type": "library", "name": "a", "version": "1",
                   "bom-ref": "a"}]}
                """;
        Path file = Files.writeString(dir.resolve("bom.json"), json);
        SourceLines.Recorder recorder = new SourceLines.Recorder();
        Parsed parsed = new JsonLoader(SbomReader.DEFAULT_MAX_DEPTH, recorder).whole(file, Files.readAllBytes(file));
        assertEquals(Map.of("a", 4), recorder.lines().of(BomConverter.convert(parsed).components()));
        assertEquals(Map.of("a", 4), lines("bom.json", json), "the streamed road agrees");
    }

    @Test
    void jsonWithTrailingContentIsStillRefusedWhenLinesAreRecorded() throws IOException {
        Path file = Files.writeString(dir.resolve("bom.json"),
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1} {\"more\":1}");
        assertThrows(BadInputException.class, () -> new SbomReader().locatingLines().loadDocument(file));
    }

    @Test
    void xmlAttributesAndPurlElements() throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                  <components>
                    <component type="library" bom-ref="a&amp;b">
                      <name>a</name>
                    </component>
                    <component type="library">
                      <name>left-pad</name>
                      <version>1.3.0</version>
                      <purl>pkg:npm/left-pad@1.3.0</purl>
                    </component>
                  </components>
                </bom>
                """;
        Map<String, Integer> lines = lines("bom.xml", xml);
        assertEquals(4, lines.get("a&b"), lines.toString());
        assertEquals(10, lines.get("pkg:npm/left-pad@1.3.0"), lines.toString());
    }

    @Test
    void minifiedJsonIsAllOnTheFirstLine() throws IOException {
        assertEquals(Map.of("a", 1, "b", 1), lines("bom.json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
                + "\"version\":1,\"components\":[{\"type\":\"library\",\"name\":\"a\",\"bom-ref\":\"a\"},"
                + "{\"type\":\"library\",\"name\":\"b\",\"bom-ref\":\"b\"}]}"));
    }

    @Test
    void noLinesUnlessAsked() throws IOException {
        Path file = Files.writeString(dir.resolve("bom.json"), "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
                + "\"version\":1,\"components\":[{\"type\":\"library\",\"name\":\"a\",\"bom-ref\":\"a\"}]}");
        assertSame(SourceLines.NONE, SbomReader.readDocument(file).lines());
    }
}
