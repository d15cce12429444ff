package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.model.Deviation;
import dev.sbomgate.text.Untrusted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documented list of schema violations that real generators write and sbomgate loads anyway
 * (docs/sbom-formats.md, "Real generators' deviations"), each reported as an SBOM_DEVIATION finding.
 *
 * <p>An entry tolerates one kind of violation in one field the gate does not judge. A violation anywhere under a
 * judged field (hashes, checksums, purl and other package identifiers, version, dependencies and relationships,
 * bom-ref and SPDXID) is never tolerated, whatever an entry's pattern says: the document is refused as before.
 */
final class KnownDeviations {

    /** Path segments of what the gate judges: a violation under any of them is refused. */
    private static final Set<String> JUDGED = Set.of("hashes", "checksums", "checksum", "purl", "version",
            "versionInfo", "dependencies", "dependsOn", "relationships", "bom-ref", "ref", "SPDXID",
            "referenceLocator", "externalRefs", "bomFormat", "specVersion", "spdxVersion", "serialNumber");

    /** One documented deviation. */
    enum Entry {
        /**
         * CycloneDX {@code externalReferences[].url} is an iri-reference (JSON schema {@code format}); npm's
         * {@code repository.url} is copied verbatim, and scp-like git remotes ({@code git@github.com:o/r.git}) are
         * not IRIs. From 1.5 the field may also be a BOM-Link ({@code urn:cdx:…}), so the validator also reports
         * that the value does not match that pattern. Seen in {@code npm sbom --sbom-format cyclonedx} (npm 11).
         */
        CDX_EXTERNAL_REFERENCE_URL("cdx-external-reference-url", "CycloneDX",
                Pattern.compile("(/[a-zA-Z]+/\\d+|/metadata/component|/metadata/tools/components/\\d+)*"
                        + "/externalReferences/\\d+/url"),
                "iri-reference", List.of("regex pattern ^urn:cdx:"), "an RFC 3987 IRI-reference");

        private final String id;
        private final String family;
        private final Pattern pointer;
        private final String message;
        private final List<String> alsoAllowed;
        private final String expected;

        /**
         * @param message     a fragment of the validator's message that the violation must have
         * @param alsoAllowed fragments of the other messages the validator gives for the same value (the other
         *                    branches of an {@code anyOf}); a message with neither means the value is refused
         */
        Entry(String id, String family, Pattern pointer, String message, List<String> alsoAllowed, String expected) {
            this.id = id;
            this.family = family;
            this.pointer = pointer;
            this.message = message;
            this.alsoAllowed = alsoAllowed;
            this.expected = expected;
        }

        private boolean allows(List<String> messages) {
            boolean required = false;
            for (String m : messages) {
                if (m.contains(message)) {
                    required = true;
                } else if (alsoAllowed.stream().noneMatch(m::contains)) {
                    return false;
                }
            }
            return required;
        }

        String id() {
            return id;
        }

        /** What the schema calls for in the field, for the finding's "expected". */
        String expected() {
            return expected;
        }
    }

    /** What the schema checks said, split into what is tolerated and what is refused. */
    record Outcome(List<Deviation> tolerated, List<String> refused) {
    }

    private KnownDeviations() {
    }

    /**
     * Sorts a document's schema violations.
     *
     * @param family     {@code CycloneDX} or {@code SPDX}
     * @param root       the document's tree (to name the generator and the component of a field)
     * @param violations pairs of JSON pointer and message, in the validator's order
     */
    static Outcome sort(String family, JsonNode root, List<Map.Entry<String, String>> violations) {
        Map<String, List<String>> byPointer = new LinkedHashMap<>();
        for (Map.Entry<String, String> v : violations) {
            byPointer.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(v.getValue());
        }
        List<Deviation> tolerated = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String generator = null;
        for (Map.Entry<String, List<String>> v : byPointer.entrySet()) {
            String pointer = v.getKey();
            Entry entry = match(family, pointer, v.getValue());
            if (entry == null) {
                v.getValue().stream().distinct().forEach(m -> refused.add((pointer.isEmpty() ? "" : pointer + ": ") + m));
                continue;
            }
            if (generator == null) {
                generator = generator(family, root);
            }
            JsonNode value = root.at(pointer);
            tolerated.add(new Deviation(entry.id(), pointer, generator, componentRef(family, root, pointer),
                    Untrusted.message(Text.quote(value.isTextual() ? value.textValue() : value.toString())
                            + " is not " + entry.expected(), Text.MAX_VALUE * 2)));
        }
        return new Outcome(List.copyOf(tolerated), List.copyOf(refused));
    }

    /** The entry that tolerates this violation, or null (refused). */
    static Entry match(String family, String pointer, List<String> messages) {
        if (pointer == null || pointer.isEmpty() || messages.isEmpty()) {
            return null;
        }
        for (String segment : pointer.split("/")) {
            if (JUDGED.contains(segment)) {
                return null;
            }
        }
        for (Entry entry : Entry.values()) {
            if (entry.family.equals(family) && entry.pointer.matcher(pointer).matches()
                    && entry.allows(messages)) {
                return entry;
            }
        }
        return null;
    }

    /** The entry with this id (for the rule's texts), or null. */
    static Entry byId(String id) {
        for (Entry entry : Entry.values()) {
            if (entry.id.equals(id)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The generator as the document names it: CycloneDX {@code metadata.tools} (the 1.2-1.4 array of
     * vendor/name/version, or 1.5's {@code components} and {@code services}), SPDX {@code creationInfo.creators}
     * entries starting with {@code Tool:}.
     */
    static String generator(String family, JsonNode root) {
        List<String> names = new ArrayList<>();
        if ("SPDX".equals(family)) {
            for (JsonNode creator : root.path("creationInfo").path("creators")) {
                String text = creator.asText("");
                if (text.startsWith("Tool:")) {
                    names.add(text.substring(5).strip());
                }
            }
        } else {
            JsonNode tools = root.path("metadata").path("tools");
            List<JsonNode> list = new ArrayList<>();
            if (tools.isArray()) {
                tools.forEach(list::add);
            } else {
                tools.path("components").forEach(list::add);
                tools.path("services").forEach(list::add);
            }
            for (JsonNode tool : list) {
                StringBuilder sb = new StringBuilder();
                for (String key : List.of("vendor", "group", "name", "version")) {
                    String part = tool.path(key).asText("");
                    if (!part.isBlank()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(part.strip());
                    }
                }
                if (sb.length() > 0) {
                    names.add(sb.toString());
                }
            }
        }
        if (names.isEmpty()) {
            return "an unnamed generator";
        }
        return Untrusted.message(String.join(", ", names), Text.MAX_VALUE * 2);
    }

    /** The bom-ref (else purl) of the innermost CycloneDX component, or the SPDXID of the SPDX package, holding the field. */
    private static String componentRef(String family, JsonNode root, String pointer) {
        String[] parts = pointer.split("/");
        JsonNode node = root;
        JsonNode holder = null;
        for (int i = 1; i < parts.length && !node.isMissingNode(); i++) {
            String part = parts[i];
            node = node.isArray() && part.matches("\\d{1,9}") ? node.path(Integer.parseInt(part)) : node.path(part);
            String parent = parts[i - 1];
            boolean element = part.matches("\\d{1,9}") && ("components".equals(parent) || "packages".equals(parent));
            if (!node.isMissingNode() && (element || ("component".equals(part) && "metadata".equals(parent)))) {
                holder = node;
            }
        }
        if (holder == null) {
            return null;
        }
        String key = "SPDX".equals(family) ? "SPDXID" : "bom-ref";
        String ref = holder.path(key).asText("");
        if (ref.isEmpty() && !"SPDX".equals(family)) {
            ref = holder.path("purl").asText("");
        }
        return ref.isEmpty() ? null : ref;
    }
}
