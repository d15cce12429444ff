package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sbomgate.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validation against the official SPDX 3.0.1 JSON schema, one {@code @graph} element at a time against the class
 * its {@code type} names. The schema itself says every element is {@code anyOf} its 300-odd classes; a validator
 * trying them all costs about 90 ms per element (a 1,000-package document took 92 s, docs/PERFORMANCE.md). Each class
 * of the schema requires {@code type} to be its own name, so an element can only be valid as the class it names:
 * checking that one class, with the schema's {@code unevaluatedProperties: false}, accepts what the schema accepts,
 * except an element that fails its own class but would pass a superclass's (refused here: fail closed). The root
 * (an object of {@code @context} and {@code @graph} only) is checked here as the schema's first {@code oneOf} branch
 * says; the second branch (a document that is one bare element, no {@code @graph}) is not a document sbomgate reads.
 */
final class Spdx3Schema {
    private static final String RESOURCE = "/dev/sbomgate/sbom/schema/spdx/spdx-3.0.1.schema.json";
    private static final Map<String, Schema> BY_CLASS = new ConcurrentHashMap<>();
    private static volatile JsonNode schemaDocument;
    private static volatile Set<String> classes;

    private Spdx3Schema() {
    }

    /** The violations of {@code root}, each "pointer: message"; empty when it is valid. */
    static List<Map.Entry<String, String>> violations(JsonNode root) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (!root.isObject()) {
            out.add(Map.entry("", "is not an object"));
            return out;
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("@context") && !name.equals("@graph")) {
                out.add(Map.entry("", "property " + name + " is not evaluated and the schema does not allow unevaluated properties"));
            }
        }
        JsonNode graph = root.get("@graph");
        if (graph == null || !graph.isArray()) {
            out.add(Map.entry("", "required property '@graph' (an array) not found"));
            return out;
        }
        Set<String> known = classes();
        for (int i = 0; i < graph.size(); i++) {
            JsonNode element = graph.get(i);
            String at = "/@graph/" + i;
            JsonNode type = element.get("type");
            if (!element.isObject() || type == null || !type.isTextual() || !known.contains(type.asText())) {
                out.add(Map.entry(at, type == null || !type.isTextual() ? "an element without a textual type"
                        : "type " + type.asText() + " is not an SPDX 3.0.1 class"));
                continue;
            }
            for (com.networknt.schema.Error e : classSchema(type.asText()).validate(element)) {
                Map.Entry<String, String> v = JsonLoader.pointerAndMessage(e);
                out.add(Map.entry(at + v.getKey(), v.getValue()));
            }
            if (out.size() > 100) {
                break; // enough to say what is wrong
            }
        }
        return out;
    }

    /** The class names of the schema's {@code AnyClass}. */
    private static Set<String> classes() {
        Set<String> c = classes;
        if (c == null) {
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode ref : document().path("$defs").path("AnyClass").path("anyOf")) {
                String r = ref.path("$ref").asText("");
                if (r.startsWith("#/$defs/")) {
                    names.add(r.substring("#/$defs/".length()));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("the bundled SPDX 3.0.1 schema lists no classes");
            }
            classes = c = Set.copyOf(names);
        }
        return c;
    }

    /** The schema with its root replaced by one class and {@code unevaluatedProperties: false}, as the graph items are. */
    private static Schema classSchema(String name) {
        return BY_CLASS.computeIfAbsent(name, n -> {
            ObjectNode doc = ((ObjectNode) document()).deepCopy();
            doc.remove(List.of("type", "properties", "required", "oneOf", "unevaluatedProperties"));
            doc.put("type", "object");
            doc.put("$ref", "#/$defs/" + n);
            doc.put("unevaluatedProperties", false);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
            return registry.getSchema(doc);
        });
    }

    private static JsonNode document() {
        JsonNode d = schemaDocument;
        if (d == null) {
            ObjectMapper mapper = Mappers.beans();
            try (InputStream in = Spdx3Schema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled SPDX 3.0.1 schema is missing: " + RESOURCE);
                }
                schemaDocument = d = mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return d;
    }
}
