package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where in the SBOM text each component is declared. */
class SbomLinesTest {
    private static Component component(String bomRef, String purl) {
        Purl p = purl == null ? null : Purl.parse(purl);
        return new Component(bomRef, p, "library", null, p == null ? bomRef : p.name(), null, List.of(), null, null, null, null,
                List.of(), List.of(), null, List.of(), null);
    }

    private static Map<String, Integer> locate(String text, Component... components) throws Exception {
        return SbomLines.locate(new BufferedReader(new StringReader(text)), List.of(components));
    }

    @Test
    void jsonBomRefLinesIgnoringDependencyRefs() throws Exception {
        String json = """
                {"bomFormat": "CycloneDX",
                 "dependencies": [{"ref": "b", "dependsOn": ["a"]}],
                 "components": [
                  {"type": "library",
                   "bom-ref": "a",
                   "name": "a"},
                  {"bom-ref" : "we\\"ird\\u0041", "name": "b"}
                 ]}
                """;
        assertEquals(Map.of("a", 5, "we\"irdA", 7), locate(json, component("a", null), component("we\"irdA", null), component("c", null)));
    }

    @Test
    void fallsBackToThePurlForSynthesisedBomRefs() throws Exception {
        String json = "{\"components\": [\n{\"name\": \"x\",\n \"purl\": \"pkg:maven/org.example/x@1.0?type=jar\"}]}\n";
        assertEquals(Map.of("synth-1", 3), locate(json, component("synth-1", "pkg:maven/org.example/x@1.0?type=jar")));
    }

    @Test
    void xmlAttributesAndPurlElements() throws Exception {
        String xml = """
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6">
                  <components>
                    <component type="library" bom-ref="a&amp;b">
                      <name>a</name>
                    </component>
                    <component type="library">
                      <bom:purl>pkg:npm/left-pad@1.3.0</bom:purl>
                    </component>
                  </components>
                </bom>
                """;
        assertEquals(Map.of("a&b", 4, "gen", 8), locate(xml, component("a&b", null), component("gen", "pkg:npm/left-pad@1.3.0")));
    }

    @Test
    void minifiedJsonIsAllOnTheFirstLine() throws Exception {
        assertEquals(Map.of("a", 1, "b", 1), locate("{\"components\":[{\"bom-ref\":\"a\"},{\"bom-ref\":\"b\"}]}",
                component("a", null), component("b", null)));
    }
}
