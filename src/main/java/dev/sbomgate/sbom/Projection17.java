package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * What of a CycloneDX 1.7 document the gate judges, in the shape of CycloneDX 1.6, so that the library's 1.6 beans
 * can bind it after the document passed the 1.7 schema. 1.7 adds fields (component {@code patentAssertions},
 * {@code definitions.patents}, new cryptography properties) and changes the type of some (e.g.
 * {@code cryptoProperties.protocolProperties.ikev2TransformTypes}) that the 1.6 beans cannot bind, and that no rule
 * reads: they are left out here. Kept: identity and time (bomFormat, specVersion, serialNumber, version,
 * metadata.timestamp, metadata.tools, metadata.component), components with what the inventory maps (see
 * {@link SbomReader}), and dependencies. A licence keeps its id, name or expression; 1.7's
 * {@code expressionDetails} and {@code acknowledgement} are left out (the expression itself is what is judged).
 */
final class Projection17 {

    private static final Set<String> TOP = Set.of("bomFormat", "specVersion", "serialNumber", "version", "metadata",
            "components", "dependencies");
    private static final Set<String> METADATA = Set.of("timestamp", "tools", "component");
    private static final Set<String> COMPONENT = Set.of("bom-ref", "type", "group", "name", "version", "purl",
            "hashes", "supplier", "publisher", "author", "authors", "manufacturer", "licenses", "externalReferences",
            "scope", "properties", "components", "description", "cpe");
    private static final Set<String> ENTITY = Set.of("bom-ref", "name", "url");
    private static final Set<String> CONTACT = Set.of("bom-ref", "name", "email", "phone");
    private static final Set<String> REFERENCE = Set.of("type", "url", "comment", "hashes");
    private static final Set<String> HASH = Set.of("alg", "content");
    private static final Set<String> PROPERTY = Set.of("name", "value");
    private static final Set<String> LICENSE = Set.of("id", "name", "url");
    private static final Set<String> DEPENDENCY = Set.of("ref", "dependsOn");
    private static final Set<String> SERVICE = Set.of("bom-ref", "group", "name", "version", "provider");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Projection17() {
    }

    static ObjectNode of(JsonNode root) {
        ObjectNode out = keep(root, TOP);
        if (out.get("metadata") instanceof ObjectNode metadata) {
            ObjectNode m = keep(metadata, METADATA);
            if (m.get("component") != null) {
                m.set("component", component(m.get("component")));
            }
            JsonNode tools = m.get("tools");
            if (tools != null && tools.isObject()) {
                ObjectNode t = NODES.objectNode();
                t.set("components", each(tools.get("components"), Projection17::component));
                t.set("services", each(tools.get("services"), s -> {
                    ObjectNode service = keep(s, SERVICE);
                    if (service.get("provider") != null) {
                        service.set("provider", keep(service.get("provider"), ENTITY));
                    }
                    return service;
                }));
                m.set("tools", t);
            }
            out.set("metadata", m);
        }
        if (out.get("components") != null) {
            out.set("components", each(out.get("components"), Projection17::component));
        }
        if (out.get("dependencies") != null) {
            out.set("dependencies", each(out.get("dependencies"), d -> keep(d, DEPENDENCY)));
        }
        return out;
    }

    private static ObjectNode component(JsonNode node) {
        ObjectNode c = keep(node, COMPONENT);
        for (String entity : new String[] {"supplier", "manufacturer"}) {
            if (c.get(entity) != null) {
                c.set(entity, keep(c.get(entity), ENTITY));
            }
        }
        replace(c, "authors", a -> keep(a, CONTACT));
        replace(c, "hashes", h -> keep(h, HASH));
        replace(c, "properties", p -> keep(p, PROPERTY));
        replace(c, "externalReferences", r -> {
            ObjectNode ref = keep(r, REFERENCE);
            replace(ref, "hashes", h -> keep(h, HASH));
            return ref;
        });
        JsonNode licenses = c.get("licenses");
        if (licenses != null && licenses.isArray() && licenses.size() > 1) {
            // 1.7 lets licences and expressions mix in one list; the 1.6 beans hold a list of licences or one
            // expression. Each expression is carried as a licence name: the inventory lists both as the same text.
            c.set("licenses", each(licenses, l -> l.get("expression") == null ? license(l)
                    : NODES.objectNode().set("license", NODES.objectNode().set("name", l.get("expression")))));
        } else {
            replace(c, "licenses", Projection17::license);
        }
        replace(c, "components", Projection17::component);
        return c;
    }

    /** A licenseChoice item: {@code {"license": {...}}} or {@code {"expression": "..."}} (1.7 adds details to both). */
    private static ObjectNode license(JsonNode node) {
        ObjectNode out = NODES.objectNode();
        if (node.get("license") != null) {
            out.set("license", keep(node.get("license"), LICENSE));
        }
        if (node.get("expression") != null) {
            out.set("expression", node.get("expression"));
        }
        return out;
    }

    private static void replace(ObjectNode parent, String field, java.util.function.Function<JsonNode, JsonNode> each) {
        if (parent.get(field) != null) {
            parent.set(field, each(parent.get(field), each));
        }
    }

    private static ArrayNode each(JsonNode array, java.util.function.Function<JsonNode, JsonNode> each) {
        ArrayNode out = NODES.arrayNode();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                out.add(each.apply(item));
            }
        }
        return out;
    }

    private static ObjectNode keep(JsonNode node, Set<String> fields) {
        ObjectNode out = NODES.objectNode();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (fields.contains(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    /**
     * The XML counterpart, for {@link XmlScan}: an element of a CycloneDX 1.7 document left out of the copy the
     * 1.6 beans bind. At the top, everything but metadata, components and dependencies; inside a component,
     * 1.7's {@code patentAssertions}.
     */
    static boolean skippedXml(String local, int depth, boolean inComponent) {
        if (depth == 2) {
            return !Set.of("metadata", "components", "dependencies").contains(local);
        }
        return inComponent && "patentAssertions".equals(local);
    }
}
