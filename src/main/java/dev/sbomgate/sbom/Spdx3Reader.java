package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Purl;
import dev.sbomgate.text.Untrusted;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps an SPDX 3.0.1 JSON-LD document (the {@code @context}/{@code @graph} serialisation, SPDX 3.0.1
 * "Serializations") into an {@link Inventory}, after validating it against the official SPDX 3.0.1 JSON schema
 * (shipped in {@code schema/spdx/}). Elements are told apart by their {@code type} and linked by {@code spdxId};
 * the mapping is documented in docs/sbom-formats.md.
 */
final class Spdx3Reader {

    static final String CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";

    private final Path file;

    private Spdx3Reader(Path file) {
        this.file = file;
    }

    static Inventory read(Path file, JsonNode root) {
        return new Spdx3Reader(file).map(root);
    }

    private Inventory map(JsonNode root) {
        String context = root.path("@context").asText("");
        if (!CONTEXT.equals(context)) {
            throw Parsed.bad(file, "unsupported SPDX 3 JSON-LD context " + Text.quote(context)
                    + "; sbomgate reads SPDX 3.0.1 (\"@context\": \"" + CONTEXT + "\")");
        }
        List<Map.Entry<String, String>> violations;
        try {
            violations = Spdx3Schema.violations(root);
        } catch (RuntimeException e) {
            throw Parsed.bad(file, "cannot be checked against the SPDX 3.0.1 JSON schema: "
                    + Untrusted.message(e.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw Parsed.bad(file, Violations.describe("SPDX 3.0.1 JSON schema",
                    violations.stream().map(v -> (v.getKey().isEmpty() ? "" : v.getKey() + ": ") + v.getValue()).toList()));
        }
        Map<String, JsonNode> byId = new HashMap<>();
        Map<String, JsonNode> packages = new LinkedHashMap<>();
        List<JsonNode> relationships = new ArrayList<>();
        JsonNode document = null;
        JsonNode sbom = null;
        for (JsonNode element : root.path("@graph")) {
            String type = element.path("type").asText();
            String id = element.hasNonNull("spdxId") ? element.path("spdxId").asText() : element.path("@id").asText();
            if (!id.isEmpty() && byId.putIfAbsent(id, element) != null) {
                throw Parsed.bad(file, "spdxId " + Text.quote(id) + " is declared by two elements; "
                        + "SPDX identifiers must be unique");
            }
            switch (type) {
                case "software_Package" -> packages.put(id, element);
                case "Relationship", "LifecycleScopedRelationship" -> relationships.add(element);
                case "SpdxDocument" -> document = document == null ? element : document;
                case "software_Sbom" -> sbom = sbom == null ? element : sbom;
                default -> {
                }
            }
        }
        String rootId = null;
        for (JsonNode holder : new JsonNode[] {sbom, document}) {
            if (holder != null && rootId == null) {
                for (JsonNode r : holder.path("rootElement")) {
                    if (packages.containsKey(r.asText())) {
                        rootId = r.asText();
                        break;
                    }
                }
            }
        }
        Map<String, SortedSet<String>> deps = new TreeMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, List<String>> declared = new HashMap<>();
        Map<String, List<String>> concluded = new HashMap<>();
        for (JsonNode r : relationships) {
            String from = r.path("from").asText();
            String type = r.path("relationshipType").asText();
            for (JsonNode toNode : r.path("to")) {
                String to = toNode.asText();
                if (type.equals("hasDeclaredLicense") || type.equals("hasConcludedLicense")) {
                    String expression = licence(byId.get(to));
                    if (expression != null) {
                        (type.equals("hasDeclaredLicense") ? declared : concluded)
                                .computeIfAbsent(from, k -> new ArrayList<>()).add(expression);
                    }
                    continue;
                }
                if (!packages.containsKey(from) || !packages.containsKey(to)) {
                    continue;
                }
                if (type.equals("dependsOn")) {
                    deps.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                } else if (type.equals("contains") && !from.equals(rootId) && !from.equals(to)) {
                    parents.putIfAbsent(to, from);
                }
            }
        }
        Component rootComponent = null;
        List<Component> components = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : packages.entrySet()) {
            List<String> licences = declared.getOrDefault(e.getKey(), concluded.getOrDefault(e.getKey(), List.of()));
            Component c = component(e.getKey(), e.getValue(), byId, licences, parents.get(e.getKey()));
            if (e.getKey().equals(rootId)) {
                rootComponent = c;
            } else {
                components.add(c);
            }
        }
        JsonNode creation = document == null ? null : creationInfo(document.path("creationInfo"), byId, root);
        List<String> tools = new ArrayList<>();
        Instant created = null;
        if (creation != null) {
            for (JsonNode t : creation.path("createdUsing")) {
                JsonNode tool = byId.get(t.asText());
                if (tool != null && tool.hasNonNull("name")) {
                    tools.add(Untrusted.printable(tool.path("name").asText()));
                }
            }
            created = instant(creation.path("created").asText(null));
        }
        String serial = document == null ? null : document.path("spdxId").asText(null);
        return new Inventory(file, "json-ld", "SPDX-3.0.1", serial, 1, created, rootComponent, tools, components,
                new TreeMap<>(deps));
    }

    /** A creationInfo is an object in place or a reference to a {@code CreationInfo} element by its {@code @id}. */
    private static JsonNode creationInfo(JsonNode node, Map<String, JsonNode> byId, JsonNode root) {
        if (node.isObject()) {
            return node;
        }
        return node.isTextual() ? byId.get(node.asText()) : null;
    }

    private static String licence(JsonNode element) {
        if (element == null) {
            return null;
        }
        if (element.hasNonNull("simplelicensing_licenseExpression")) {
            return element.path("simplelicensing_licenseExpression").asText();
        }
        if (element.hasNonNull("expandedlicensing_licenseId")) {
            return element.path("expandedlicensing_licenseId").asText();
        }
        return null;
    }

    private Component component(String id, JsonNode p, Map<String, JsonNode> byId, List<String> licences,
                                String parentRef) {
        String what = "package " + Text.quote(id);
        List<String> purls = new ArrayList<>();
        if (p.hasNonNull("software_packageUrl")) {
            purls.add(p.path("software_packageUrl").asText());
        }
        for (JsonNode ext : p.path("externalIdentifier")) {
            if ("packageUrl".equals(ext.path("externalIdentifierType").asText())) {
                purls.add(ext.path("identifier").asText());
            }
        }
        Purl purl = null;
        for (String text : purls) {
            Purl parsed;
            try {
                parsed = Purl.parse(text);
            } catch (IllegalArgumentException e) {
                throw Parsed.bad(file, what + " has a malformed purl " + Text.quote(text) + ": "
                        + Untrusted.message(e.getMessage()));
            }
            if (purl != null && !purl.equals(parsed)) {
                throw Parsed.bad(file, what + " declares two different purls (" + Text.quote(purl.toString())
                        + " and " + Text.quote(text) + "); expected one");
            }
            purl = parsed;
        }
        Map<HashAlgorithm, Digest> hashes = new TreeMap<>();
        for (JsonNode v : p.path("verifiedUsing")) {
            if (!"Hash".equals(v.path("type").asText())) {
                continue;
            }
            String alg = v.path("algorithm").asText();
            String value = v.path("hashValue").asText().strip().toLowerCase(java.util.Locale.ROOT);
            HashAlgorithm algorithm = HashAlgorithm.fromName(alg).orElseThrow(() -> Parsed.bad(file, what
                    + " declares a hash with an algorithm sbomgate cannot check: " + Text.quote(alg)));
            if (!Digest.isWellFormed(algorithm, value)) {
                throw Parsed.bad(file, what + " declares a malformed " + algorithm.cycloneDxName() + " hash "
                        + Text.quote(value));
            }
            Digest previous = hashes.putIfAbsent(algorithm, new Digest(algorithm, value));
            if (previous != null && !previous.hex().equals(value)) {
                throw Parsed.bad(file, what + " declares two different " + algorithm.cycloneDxName() + " hashes");
            }
        }
        List<ExternalReference> refs = new ArrayList<>();
        if (p.hasNonNull("software_downloadLocation")) {
            refs.add(new ExternalReference("distribution", p.path("software_downloadLocation").asText()));
        }
        if (p.hasNonNull("software_homePage")) {
            refs.add(new ExternalReference("website", p.path("software_homePage").asText()));
        }
        for (JsonNode ext : p.path("externalRef")) {
            if ("vcs".equals(ext.path("externalRefType").asText())) {
                for (JsonNode locator : ext.path("locator")) {
                    refs.add(new ExternalReference("vcs", locator.asText()));
                }
            }
        }
        String supplier = agentName(p.path("suppliedBy").asText(null), byId);
        List<String> originators = new ArrayList<>();
        for (JsonNode o : p.path("originatedBy")) {
            String name = agentName(o.asText(), byId);
            if (name != null) {
                originators.add(name);
            }
        }
        String purpose = p.path("software_primaryPurpose").asText("library");
        String type = switch (purpose) {
            case "application", "framework", "library", "container", "firmware", "device", "file" -> purpose;
            case "operatingSystem" -> "operating-system";
            default -> "library";
        };
        String name = p.path("name").asText();
        if (name.isBlank()) {
            throw Parsed.bad(file, what + " has no name");
        }
        return new Component(id, purl, type, null, name, p.path("software_packageVersion").asText(null),
                new ArrayList<>(hashes.values()), supplier, null,
                originators.isEmpty() ? null : String.join(", ", originators), null, licences, refs, null, List.of(),
                parentRef);
    }

    private static String agentName(String id, Map<String, JsonNode> byId) {
        if (id == null) {
            return null;
        }
        JsonNode agent = byId.get(id);
        return agent == null || !agent.hasNonNull("name") ? null : agent.path("name").asText();
    }

    private Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Parsed.bad(file, "creationInfo.created " + Text.quote(text) + " is not a UTC date-time");
        }
    }
}
