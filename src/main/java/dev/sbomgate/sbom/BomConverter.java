package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import dev.sbomgate.text.Untrusted;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.cyclonedx.util.TimestampUtils;

/**
 * Converts a CycloneDX document, as a JSON tree in the shape of CycloneDX JSON (a JSON SBOM as it was validated; an
 * XML SBOM as {@link XmlLoader} maps it), into our records, at once and completely. Only the fields the gate judges
 * are read, by their JSON names; nothing else of the document is bound. Whatever the schema lets through but we
 * cannot use without hiding evidence (a malformed purl, a hash of the wrong length, two components claiming one
 * bom-ref) is bad input here.
 */
final class BomConverter {

    private final Path file;
    /** bom-refs declared anywhere in the component tree, with their first holder (a JSON object, or a record converted ahead). */
    private final Map<String, Object> declared = new HashMap<>();
    /** bom-refs handed out so far: the declared ones and the synthesised ones. */
    private final Set<String> taken = new HashSet<>();
    private final List<Component> components = new ArrayList<>();
    private int position;

    private BomConverter(Path file) {
        this.file = file;
    }

    static Inventory convert(Parsed parsed) {
        return new BomConverter(parsed.file()).inventory(parsed);
    }

    private Inventory inventory(Parsed parsed) {
        JsonNode bom = parsed.bom();
        JsonNode metadata = bom.path("metadata");
        JsonNode rootNode = metadata.get("component");
        if (rootNode != null && rootNode.isObject()) {
            declare(List.of(rootNode));
        } else {
            rootNode = null;
        }
        List<JsonNode> top = elements(bom.get("components"));
        List<List<Component>> converted = parsed.ahead() == null ? null : parsed.ahead().components();
        if (converted == null) {
            declare(top);
        } else {
            // the same walk, in the same order: a list converted ahead holds its component tree depth-first
            for (int i = 0; i < converted.size(); i++) {
                if (converted.get(i) != null) {
                    for (Component record : converted.get(i)) {
                        declare(record.bomRef(), null, record);
                    }
                } else if (i < top.size()) {
                    declare(List.of(top.get(i)));
                }
            }
        }
        taken.addAll(declared.keySet());

        // metadata.component is the subject of the SBOM; the components nested inside it (e.g. the packages of
        // the main module in cyclonedx-gomod's output) are parts of the subject itself, not what it is made
        // from, so only the subject is kept (as the root), and the inventory lists bom.components.
        Component root = null;
        if (rootNode != null) {
            root = component(rootNode, null, "the root component (metadata.component)");
        }
        flattenTop(top, converted);

        return new Inventory(file, parsed.syntax().label(), parsed.version().getVersionString(),
                blankToNull(text(bom, "serialNumber")), version(bom.get("version")),
                parsed.hasTimestamp() ? timestamp(metadata.get("timestamp")) : null, root, tools(metadata), components,
                dependencies(bom.get("dependencies"), parsed.extraDependencies(),
                        parsed.ahead() == null ? null : parsed.ahead().dependencies()));
    }

    /** The BOM's version: an integer from 1 (schema: minimum 1); absent or below 1 reads as 1, as the library did. */
    private int version(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return 1;
        }
        if (!node.canConvertToInt()) {
            throw Parsed.bad(file, "the BOM's \"version\" " + Untrusted.message(node.toString(), Text.MAX_VALUE)
                    + " is not an integer sbomgate can count (1 to " + Integer.MAX_VALUE + ")");
        }
        return Math.max(1, node.intValue());
    }

    /**
     * metadata.timestamp as cyclonedx-core-java reads it ({@link TimestampUtils}: {@code yyyy-MM-dd'T'HH:mm:ss},
     * optional milliseconds and offset); one it cannot read is no timestamp, as before.
     */
    private static Instant timestamp(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        Date date = TimestampUtils.parseTimestamp(node.textValue());
        return date == null ? null : date.toInstant();
    }

    /** The objects of a JSON array (a converted-ahead element's placeholder and anything not an object skipped later). */
    private static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    /** CycloneDX refType: "every bom-ref must be unique within the BOM". Two holders would make the graph ambiguous. */
    private void declare(List<JsonNode> nodes) {
        for (JsonNode node : nodes) {
            if (node == null || !node.isObject()) {
                continue;
            }
            String ref = text(node, "bom-ref");
            if (ref != null && !ref.isEmpty()) {
                declare(ref, node, null);
            }
            declare(elements(node.get("components")));
        }
    }

    /** Declares one bom-ref, held by a JSON object or by the record it was converted to (the same label either way). */
    private void declare(String ref, JsonNode node, Component record) {
        Object holder = node != null ? node : record;
        Object previous = declared.putIfAbsent(ref, holder);
        if (previous != null) {
            throw Parsed.bad(file, "bom-ref " + Text.quote(ref) + " is declared twice (by " + Text.quote(label(previous))
                    + " and " + Text.quote(label(holder)) + "); bom-refs must be unique within a CycloneDX BOM");
        }
    }

    private static String label(Object holder) {
        if (holder instanceof Component record) {
            // the record keeps group and version blank-to-null and the name as it was: label(node) of its node
            return (record.group() == null ? "" : record.group() + "/") + record.name()
                    + (record.version() == null ? "" : "@" + record.version());
        }
        return label((JsonNode) holder);
    }

    /**
     * The records one top-level component and its nested components convert to, depth-first, worked out ahead of
     * the rest (on the thread that validated it) when that cannot depend on the other components: when each of
     * them declares its bom-ref (no ref to synthesise, which depends on the refs taken by others) and none is bad
     * input. Null otherwise; the conversion in order then does it, with its messages.
     */
    static List<Component> ahead(Path file, JsonNode node) {
        try {
            BomConverter converter = new BomConverter(file);
            return converter.aheadAll(node, null) ? converter.components : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean aheadAll(JsonNode node, String parentRef) {
        String ref = node.isObject() ? text(node, "bom-ref") : null;
        if (ref == null || ref.isEmpty()) {
            return false;
        }
        Component component = component(node, parentRef, null);
        components.add(component);
        for (JsonNode nested : elements(node.get("components"))) {
            if (!aheadAll(nested, component.bomRef())) {
                return false;
            }
        }
        return true;
    }

    /** {@link #flatten} of bom.components, taking the components converted {@link #ahead} as they are. */
    private void flattenTop(List<JsonNode> nodes, List<List<Component>> converted) {
        if (converted == null || converted.size() != nodes.size()) {
            flatten(nodes, null);
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            List<Component> done = converted.get(i);
            if (done != null) {
                components.addAll(done);
                position += done.size();
                continue;
            }
            flatten(List.of(nodes.get(i)), null);
        }
    }

    /** Depth-first, in document order: a nested component follows its parent (CycloneDX component.components). */
    private void flatten(List<JsonNode> nodes, String parentRef) {
        for (JsonNode node : nodes) {
            if (node == null || !node.isObject()) {
                continue;
            }
            position++;
            Component component = component(node, parentRef, null);
            components.add(component);
            flatten(elements(node.get("components")), component.bomRef());
        }
    }

    private Component component(JsonNode node, String parentRef, String description) {
        int at = position;
        String declaredRef = text(node, "bom-ref");
        // only built when a message needs it
        Supplier<String> what = () -> description != null ? description
                : declaredRef != null && !declaredRef.isEmpty() ? "component " + Text.quote(declaredRef)
                : "component #" + at + " " + Text.quote(label(node));
        String name = text(node, "name");
        if (name == null || name.isBlank()) {
            throw Parsed.bad(file, what.get() + " has no name; every component needs one to be matched across SBOMs");
        }
        String purlText = text(node, "purl");
        Purl purl = purl(purlText, what);
        String ref = declaredRef != null && !declaredRef.isEmpty() ? declaredRef : synthesiseRef(node, purlText);
        String type = text(node, "type");
        return new Component(
                ref,
                purl,
                type == null ? null : type.toLowerCase(Locale.ROOT),
                blankToNull(text(node, "group")),
                name,
                blankToNull(text(node, "version")),
                hashes(node, what),
                entityName(node.get("supplier")),
                blankToNull(text(node, "publisher")),
                authors(node),
                entityName(node.get("manufacturer")),
                licenses(node.get("licenses")),
                references(node.get("externalReferences")),
                text(node, "scope"),
                properties(node.get("properties")),
                parentRef);
    }

    /** A malformed purl is bad input: the purl is the identity every later stage matches components by. */
    private Purl purl(String text, Supplier<String> what) {
        if (text == null) {
            return null;
        }
        try {
            return Purl.parse(text);
        } catch (IllegalArgumentException e) {
            throw Parsed.bad(file, what.get() + " has a malformed purl " + Text.quote(text) + ": " + Untrusted.message(e.getMessage(), 160));
        }
    }

    /**
     * A component without a bom-ref gets one that is stable across runs and across unrelated edits of the SBOM:
     * its purl, else group/name@version, with "#2", "#3"… appended only if that is already taken.
     */
    private String synthesiseRef(JsonNode node, String purl) {
        String base = purl != null && !purl.isBlank() ? purl.trim() : label(node);
        String ref = base;
        for (int n = 2; !taken.add(ref); n++) {
            ref = base + "#" + n;
        }
        return ref;
    }

    /**
     * Declared hashes are evidence: one we cannot read is bad input, never skipped. They are the component's own
     * {@code hashes} and those of its {@code distribution} external references (CycloneDX 1.5+
     * externalReference.hashes): cyclonedx-npm 3.x records the npm integrity of the package tarball only there.
     * The schema (hash-alg, hash-content) allows any listed algorithm with any of the digest lengths; we also
     * require the length to fit the algorithm, and refuse two different values for one algorithm.
     */
    private List<Digest> hashes(JsonNode node, Supplier<String> what) {
        Map<HashAlgorithm, Digest> byAlgorithm = new TreeMap<>();
        addHashes(byAlgorithm, node.get("hashes"), what, () -> "");
        for (JsonNode reference : elements(node.get("externalReferences"))) {
            if (reference.isObject() && "distribution".equals(text(reference, "type"))) {
                addHashes(byAlgorithm, reference.get("hashes"), what,
                        () -> " for its distribution " + Text.quote(text(reference, "url")));
            }
        }
        return List.copyOf(byAlgorithm.values());
    }

    private void addHashes(Map<HashAlgorithm, Digest> byAlgorithm, JsonNode hashes, Supplier<String> what,
                           Supplier<String> where) {
        for (JsonNode hash : elements(hashes)) {
            if (!hash.isObject()) {
                continue;
            }
            String name = text(hash, "alg");
            String value = text(hash, "content");
            HashAlgorithm algorithm = HashAlgorithm.fromName(name).orElseThrow(() -> Parsed.bad(file,
                    what.get() + " declares a hash with unknown algorithm " + Text.quote(name) + where.get()
                            + "; expected a CycloneDX hash-alg such as SHA-256 or SHA-512"));
            if (!wellFormed(algorithm, value)) {
                String shown = value == null ? "" : value.trim();
                throw Parsed.bad(file, what.get() + " declares a malformed " + algorithm.cycloneDxName() + " hash "
                        + Text.quote(shown) + where.get() + ": expected " + algorithm.hexLength() + " hex digits, found "
                        + shown.length() + " characters");
            }
            Digest digest = new Digest(algorithm, value);
            Digest previous = byAlgorithm.putIfAbsent(algorithm, digest);
            if (previous != null && !previous.equals(digest)) {
                throw Parsed.bad(file, what.get() + " declares two different " + algorithm.cycloneDxName() + " hashes ("
                        + abbreviate(previous.hex()) + " and " + abbreviate(digest.hex()) + "); an SBOM must not contradict itself");
            }
        }
    }

    /** {@link Digest#isWellFormed}, without a stream per hash (hundreds of thousands of hashes in a large SBOM). */
    private static boolean wellFormed(HashAlgorithm algorithm, String hex) {
        String h = hex == null ? "" : hex.trim();
        if (h.length() != algorithm.hexLength()) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** CycloneDX 1.6 {@code authors} (contacts) and the older free-text {@code author}, distinct, in that order. */
    private static String authors(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode contact : elements(node.get("authors"))) {
            String name = blankToNull(text(contact, "name"));
            String named = name != null ? name : blankToNull(text(contact, "email"));
            if (named != null) {
                names.add(named);
            }
        }
        String legacy = blankToNull(text(node, "author"));
        if (legacy != null) {
            names.add(legacy);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /**
     * SPDX licence ids, else licence names, and SPDX expressions (CycloneDX licenseChoice: a list of
     * {@code {"license": …}} items or one {@code {"expression": …}} item; CycloneDX 1.7 lets the two mix), in order.
     */
    private static List<String> licenses(JsonNode choice) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : elements(choice)) {
            JsonNode license = item.get("license");
            if (license != null && license.isObject()) {
                String id = blankToNull(text(license, "id"));
                String text = id != null ? id : blankToNull(text(license, "name"));
                if (text != null) {
                    out.add(text);
                }
            }
            String expression = blankToNull(text(item, "expression"));
            if (expression != null) {
                out.add(expression.trim());
            }
        }
        return out;
    }

    private static List<ExternalReference> references(JsonNode array) {
        List<ExternalReference> out = new ArrayList<>();
        for (JsonNode reference : elements(array)) {
            String url = blankToNull(text(reference, "url"));
            if (url == null) {
                continue; // the schema requires a url; an empty one points nowhere
            }
            String type = text(reference, "type");
            out.add(new ExternalReference(type == null ? "other" : type, url.trim()));
        }
        return out;
    }

    private static List<Property> properties(JsonNode array) {
        List<Property> out = new ArrayList<>();
        for (JsonNode property : elements(array)) {
            String name = text(property, "name");
            if (name != null) {
                out.add(new Property(name, text(property, "value")));
            }
        }
        return out;
    }

    /**
     * CycloneDX dependencies: each entry names a ref and the refs it depends on ({@code dependsOn}). Entries for one
     * ref are merged; a ref listed with no dependsOn is kept with an empty set (the SBOM states it depends on
     * nothing). (The 1.1 XML dependency-graph extension's nested entries arrive flattened, see {@link XmlLoader}.)
     */
    private TreeMap<String, SortedSet<String>> dependencies(JsonNode entries,
                                                            Map<String, SortedSet<String>> extraDependencies,
                                                            TreeMap<String, SortedSet<String>> ahead) {
        TreeMap<String, SortedSet<String>> graph = ahead != null ? ahead : new TreeMap<>();
        if (ahead == null) {
            for (JsonNode entry : elements(entries)) {
                if (!entry.isObject()) {
                    continue;
                }
                String ref = text(entry, "ref");
                if (ref == null || ref.isEmpty()) {
                    throw Parsed.bad(file, "a dependency entry has no ref; each entry of \"dependencies\" must name the bom-ref it is about");
                }
                SortedSet<String> targets = graph.computeIfAbsent(ref, k -> new TreeSet<>());
                for (JsonNode target : elements(entry.get("dependsOn"))) {
                    if (!target.isTextual() || target.textValue().isEmpty()) {
                        throw Parsed.bad(file, "the dependencies of " + Text.quote(ref) + " include an entry without a ref");
                    }
                    targets.add(target.textValue());
                }
            }
        }
        extraDependencies.forEach((ref, targets) -> graph.computeIfAbsent(ref, k -> new TreeSet<>()).addAll(targets));
        return graph;
    }

    /**
     * What {@link #dependencies} does with one entry, when it needs nothing else (it has a ref, and each of its
     * targets is a ref): true, the entry added. False otherwise, the graph untouched; the graph is then built the
     * usual way, with its messages. Lets JsonStream build the graph while it reads.
     */
    static boolean addPlain(TreeMap<String, SortedSet<String>> graph, JsonNode entry) {
        String ref = entry.isObject() ? text(entry, "ref") : null;
        if (ref == null || ref.isEmpty()) {
            return false;
        }
        List<JsonNode> targets = elements(entry.get("dependsOn"));
        for (JsonNode target : targets) {
            if (!target.isTextual() || target.textValue().isEmpty()) {
                return false;
            }
        }
        SortedSet<String> set = graph.computeIfAbsent(ref, k -> new TreeSet<>());
        for (JsonNode target : targets) {
            set.add(target.textValue());
        }
        return true;
    }

    /**
     * Tools as "vendor name version": the legacy {@code metadata.tools} array and CycloneDX 1.5+ tools object
     * ({@code components}, {@code services}).
     */
    private static List<String> tools(JsonNode metadata) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode tools = metadata.get("tools");
        if (tools == null) {
            return List.of();
        }
        if (tools.isArray()) {
            for (JsonNode tool : tools) {
                if (tool.isObject()) {
                    add(out, text(tool, "vendor"), text(tool, "name"), text(tool, "version"));
                }
            }
        } else if (tools.isObject()) {
            for (JsonNode c : elements(tools.get("components"))) {
                if (c.isObject()) {
                    add(out, firstNonBlank(text(c, "group"), entityName(c.get("supplier")),
                            entityName(c.get("manufacturer")), text(c, "publisher"), text(c, "author")),
                            text(c, "name"), text(c, "version"));
                }
            }
            for (JsonNode s : elements(tools.get("services"))) {
                if (s.isObject()) {
                    add(out, firstNonBlank(text(s, "group"), entityName(s.get("provider"))), text(s, "name"),
                            text(s, "version"));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void add(Set<String> out, String... parts) {
        List<String> words = new ArrayList<>();
        for (String part : parts) {
            String p = blankToNull(part);
            if (p != null) {
                words.add(Untrusted.message(p, Text.MAX_VALUE));
            }
        }
        if (!words.isEmpty()) {
            out.add(String.join(" ", words));
        }
    }

    private static String label(JsonNode node) {
        String group = blankToNull(text(node, "group"));
        String name = text(node, "name");
        String version = blankToNull(text(node, "version"));
        return (group == null ? "" : group + "/") + (name == null ? "" : name) + (version == null ? "" : "@" + version);
    }

    /** A string member of a JSON object, or null when absent or not a string. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 16 ? hex : hex.substring(0, 16) + "…";
    }

    private static String entityName(JsonNode entity) {
        return entity == null || !entity.isObject() ? null : blankToNull(text(entity, "name"));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (blankToNull(v) != null) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
