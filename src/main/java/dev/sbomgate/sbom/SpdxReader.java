package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps an SPDX 2.2 or 2.3 document (JSON, or tag-value read into the same tree by {@link SpdxTagValue}) into an
 * {@link Inventory}, after validating it against the official SPDX JSON schema of its version (shipped in
 * {@code schema/spdx/}, see SOURCES.md there). The mapping is documented in docs/sbom-formats.md.
 */
final class SpdxReader {

    /** Package purposes (SPDX 2.3 {@code primaryPackagePurpose}) as CycloneDX component types. */
    private static final Map<String, String> PURPOSE = Map.ofEntries(Map.entry("APPLICATION", "application"),
            Map.entry("FRAMEWORK", "framework"), Map.entry("LIBRARY", "library"),
            Map.entry("CONTAINER", "container"), Map.entry("OPERATING-SYSTEM", "operating-system"),
            Map.entry("DEVICE", "device"), Map.entry("FIRMWARE", "firmware"), Map.entry("SOURCE", "library"),
            Map.entry("ARCHIVE", "file"), Map.entry("FILE", "file"), Map.entry("INSTALL", "application"),
            Map.entry("OTHER", "library"));
    private static final Set<String> NO_VALUE = Set.of("NOASSERTION", "NONE", "");

    private final Path file;
    private final String format;

    private SpdxReader(Path file, String format) {
        this.file = file;
        this.format = format;
    }

    /** An SPDX 2.x JSON document, already read into a tree by the strict mapper. */
    static Inventory json(Path file, JsonNode root) {
        return new SpdxReader(file, "json").read(root);
    }

    /** An SPDX 2.x tag-value document. */
    static Inventory tagValue(Path file, byte[] bytes) {
        ObjectNode root = SpdxTagValue.parse(file, bytes);
        return new SpdxReader(file, "tag-value").read(root);
    }

    private Inventory read(JsonNode root) {
        if (!root.isObject()) {
            throw Parsed.bad(file, "not an SPDX document: expected a JSON object");
        }
        String spdxVersion = root.path("spdxVersion").asText("");
        String schema = switch (spdxVersion) {
            case "SPDX-2.3" -> "spdx/spdx-2.3.schema.json";
            case "SPDX-2.2" -> "spdx/spdx-2.2.schema.json";
            default -> throw Parsed.bad(file, "unsupported SPDX version " + Text.quote(spdxVersion)
                    + "; sbomgate reads SPDX-2.2 and SPDX-2.3 (JSON, tag-value) and SPDX 3.0.1 (JSON-LD)");
        };
        ((ObjectNode) root).remove("$schema");
        List<com.networknt.schema.Error> violations;
        try {
            violations = SpecSchemas.json(schema, "spdx/").validate(root);
        } catch (RuntimeException e) {
            throw Parsed.bad(file, "cannot be checked against the " + spdxVersion + " JSON schema: "
                    + Untrusted.message(e.getMessage()));
        }
        List<dev.sbomgate.model.Deviation> deviations = List.of();
        if (!violations.isEmpty()) {
            KnownDeviations.Outcome outcome = KnownDeviations.sort("SPDX", root,
                    violations.stream().map(JsonLoader::pointerAndMessage).toList());
            if (!outcome.refused().isEmpty()) {
                throw Parsed.bad(file, Violations.describe(spdxVersion + " JSON schema"
                        + ("tag-value".equals(format) ? " (tag-value read into its JSON form)" : ""), outcome.refused()));
            }
            deviations = outcome.tolerated();
        }

        Map<String, JsonNode> packages = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode p : root.path("packages")) {
            String id = p.path("SPDXID").asText();
            if (packages.putIfAbsent(id, p) != null) {
                throw Parsed.bad(file, "SPDXID " + Text.quote(id) + " is declared by two packages; SPDX identifiers "
                        + "must be unique within a document");
            }
            index++;
        }
        String documentId = root.path("SPDXID").asText();
        // the subject: documentDescribes, or SPDXRef-DOCUMENT DESCRIBES X (or X DESCRIBED_BY SPDXRef-DOCUMENT)
        List<String> described = new ArrayList<>();
        root.path("documentDescribes").forEach(n -> described.add(n.asText()));
        Map<String, SortedSet<String>> deps = new TreeMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (JsonNode r : root.path("relationships")) {
            String from = r.path("spdxElementId").asText();
            String type = r.path("relationshipType").asText();
            String to = r.path("relatedSpdxElement").asText();
            if (type.equals("DESCRIBES") && from.equals(documentId)) {
                described.add(to);
            } else if (type.equals("DESCRIBED_BY") && to.equals(documentId)) {
                described.add(from);
            }
        }
        String rootId = described.stream().filter(packages::containsKey).findFirst().orElse(null);
        for (JsonNode r : root.path("relationships")) {
            String from = r.path("spdxElementId").asText();
            String type = r.path("relationshipType").asText();
            String to = r.path("relatedSpdxElement").asText();
            // edges between packages of this document only: files, snippets, NOASSERTION/NONE and elements of
            // other documents (DocumentRef-…:SPDXRef-…) are not components
            if (!packages.containsKey(from) || !packages.containsKey(to)) {
                continue;
            }
            switch (type) {
                case "DEPENDS_ON", "DEV_DEPENDENCY_OF_REVERSED", "BUILD_DEPENDENCY_OF_REVERSED" -> edge(deps, from, to);
                case "DEPENDENCY_OF", "DEV_DEPENDENCY_OF", "BUILD_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF",
                     "PROVIDED_DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF", "TEST_DEPENDENCY_OF" -> edge(deps, to, from);
                case "CONTAINS" -> contain(parents, from, to, rootId);
                case "CONTAINED_BY" -> contain(parents, to, from, rootId);
                default -> {
                    // other relationship types (GENERATED_FROM, COPY_OF, DYNAMIC_LINK, …) are not mapped
                }
            }
        }
        Component rootComponent = null;
        List<Component> components = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : packages.entrySet()) {
            Component c = component(e.getKey(), e.getValue(), parents.get(e.getKey()));
            if (e.getKey().equals(rootId)) {
                rootComponent = c;
            } else {
                components.add(c);
            }
        }
        JsonNode creation = root.path("creationInfo");
        List<String> tools = new ArrayList<>();
        creation.path("creators").forEach(n -> {
            String text = n.asText("");
            if (text.startsWith("Tool:")) {
                tools.add(Untrusted.printable(text.substring(5).strip()));
            }
        });
        String namespace = root.path("documentNamespace").asText(null);
        Inventory inventory = new Inventory(file, format, spdxVersion, blankToNull(namespace), 1,
                instant(creation.path("created").asText(null)), rootComponent, tools, components,
                new TreeMap<>(deps), deviations);
        return inventory;
    }

    private static void edge(Map<String, SortedSet<String>> deps, String from, String to) {
        deps.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
    }

    /** A package CONTAINS another: like a nested CycloneDX component (parentRef), except inside the subject. */
    private static void contain(Map<String, String> parents, String parent, String child, String rootId) {
        if (!parent.equals(rootId) && !child.equals(parent)) {
            parents.putIfAbsent(child, parent);
        }
    }

    private Component component(String id, JsonNode p, String parentRef) {
        String name = p.path("name").asText();
        String what = "package " + Text.quote(id);
        Purl purl = null;
        for (JsonNode ref : p.path("externalRefs")) {
            String category = ref.path("referenceCategory").asText();
            if (!("PACKAGE-MANAGER".equals(category) || "PACKAGE_MANAGER".equals(category))
                    || !"purl".equals(ref.path("referenceType").asText())) {
                continue;
            }
            String locator = ref.path("referenceLocator").asText();
            Purl parsed;
            try {
                parsed = Purl.parse(locator);
            } catch (IllegalArgumentException ex) {
                throw Parsed.bad(file, what + " has a malformed purl " + Text.quote(locator) + ": "
                        + Untrusted.message(ex.getMessage()));
            }
            if (purl != null && !purl.equals(parsed)) {
                throw Parsed.bad(file, what + " declares two different purls (" + Text.quote(purl.toString())
                        + " and " + Text.quote(locator) + "); expected one");
            }
            purl = parsed;
        }
        Map<HashAlgorithm, Digest> hashes = new TreeMap<>();
        for (JsonNode checksum : p.path("checksums")) {
            String alg = checksum.path("algorithm").asText();
            String value = checksum.path("checksumValue").asText().strip().toLowerCase(Locale.ROOT);
            HashAlgorithm algorithm = HashAlgorithm.fromName(alg).orElseThrow(() ->
                    Parsed.bad(file, what + " declares a checksum with an algorithm sbomgate cannot check: "
                            + Text.quote(alg) + "; expected SHA1, SHA256, SHA384, SHA512, SHA3-*, BLAKE2b-*, BLAKE3 or MD5"));
            if (!Digest.isWellFormed(algorithm, value)) {
                throw Parsed.bad(file, what + " declares a malformed " + algorithm.cycloneDxName() + " checksum "
                        + Text.quote(value));
            }
            Digest digest = new Digest(algorithm, value);
            Digest previous = hashes.putIfAbsent(algorithm, digest);
            if (previous != null && !previous.equals(digest)) {
                throw Parsed.bad(file, what + " declares two different " + algorithm.cycloneDxName() + " checksums");
            }
        }
        List<ExternalReference> refs = new ArrayList<>();
        String download = p.path("downloadLocation").asText("");
        if (!NO_VALUE.contains(download)) {
            refs.add(new ExternalReference("distribution", download));
        }
        String homepage = p.path("homepage").asText("");
        if (!NO_VALUE.contains(homepage)) {
            refs.add(new ExternalReference("website", homepage));
        }
        List<String> licenses = new ArrayList<>();
        String declared = p.path("licenseDeclared").asText("");
        String concluded = p.path("licenseConcluded").asText("");
        if (!NO_VALUE.contains(declared)) {
            licenses.add(declared);
        } else if (!NO_VALUE.contains(concluded)) {
            licenses.add(concluded);
        }
        String version = blankToNull(p.path("versionInfo").asText(null));
        String type = PURPOSE.getOrDefault(p.path("primaryPackagePurpose").asText("LIBRARY"), "library");
        return new Component(id, purl, type, null, name, version, new ArrayList<>(hashes.values()),
                party(p.path("supplier").asText(null)), null, party(p.path("originator").asText(null)), null,
                licenses, refs, null, List.of(), parentRef);
    }

    /** "Organization: ACME (ops@acme.example)" or "Person: Jane" → the name; NOASSERTION → null. */
    static String party(String text) {
        if (text == null || NO_VALUE.contains(text.strip())) {
            return null;
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon > 0 && (t.startsWith("Organization") || t.startsWith("Person") || t.startsWith("Tool"))) {
            t = t.substring(colon + 1).strip();
        }
        int paren = t.lastIndexOf(" (");
        if (paren > 0 && t.endsWith(")")) {
            t = t.substring(0, paren).strip();
        }
        return t.isEmpty() ? null : t;
    }

    private Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Parsed.bad(file, "creationInfo.created " + Text.quote(text)
                    + " is not a UTC date-time such as 2024-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
