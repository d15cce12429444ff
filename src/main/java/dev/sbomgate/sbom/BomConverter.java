package dev.sbomgate.sbom;

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
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalContact;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Service;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Converts CycloneDX beans into our records, at once and completely, so that no bean leaves this package.
 * Whatever the schema lets through but we cannot use without hiding evidence (a malformed purl, a hash of the
 * wrong length, two components claiming one bom-ref) is bad input here.
 */
final class BomConverter {

    private final Path file;
    /** bom-refs declared anywhere in the component tree, with their first holder (a bean, or a record converted ahead). */
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
        Bom bom = parsed.bom();
        Metadata metadata = bom.getMetadata();
        org.cyclonedx.model.Component rootBean = metadata == null ? null : metadata.getComponent();
        if (rootBean != null) {
            declare(List.of(rootBean));
        }
        List<List<Component>> converted = parsed.ahead() == null ? null : parsed.ahead().components();
        if (converted == null) {
            declare(bom.getComponents());
        } else {
            // the same walk, in the same order: a list converted ahead holds its component tree depth-first
            for (int i = 0; i < converted.size(); i++) {
                if (converted.get(i) != null) {
                    for (Component record : converted.get(i)) {
                        declare(record.bomRef(), null, record);
                    }
                } else {
                    declare(java.util.Collections.singletonList(bom.getComponents().get(i)));
                }
            }
        }
        taken.addAll(declared.keySet());

        // metadata.component is the subject of the SBOM; the components nested inside it (e.g. the packages of
        // the main module in cyclonedx-gomod's output) are parts of the subject itself, not what it is made
        // from, so only the subject is kept (as the root), and the inventory lists bom.components.
        Component root = null;
        if (rootBean != null) {
            root = component(rootBean, null, "the root component (metadata.component)");
        }
        flattenTop(bom.getComponents(), converted);

        int version = bom.getVersion() < 1 ? 1 : bom.getVersion();
        Instant timestamp = !parsed.hasTimestamp() || metadata == null || metadata.getTimestamp() == null
                ? null : metadata.getTimestamp().toInstant();
        return new Inventory(file, parsed.syntax().label(), parsed.version().getVersionString(),
                blankToNull(bom.getSerialNumber()), version, timestamp, root, tools(metadata), components,
                dependencies(bom.getDependencies(), parsed.extraDependencies(),
                        parsed.ahead() == null ? null : parsed.ahead().dependencies()));
    }

    /** CycloneDX refType: "every bom-ref must be unique within the BOM". Two holders would make the graph ambiguous. */
    private void declare(List<org.cyclonedx.model.Component> beans) {
        if (beans == null) {
            return;
        }
        for (org.cyclonedx.model.Component bean : beans) {
            if (bean == null) {
                continue;
            }
            String ref = bean.getBomRef();
            if (ref != null && !ref.isEmpty()) {
                declare(ref, bean, null);
            }
            declare(bean.getComponents());
        }
    }

    /** Declares one bom-ref, held by a bean or by the record it was converted to (the same label either way). */
    private void declare(String ref, org.cyclonedx.model.Component bean, Component record) {
        Object holder = bean != null ? bean : record;
        Object previous = declared.putIfAbsent(ref, holder);
        if (previous != null) {
            throw Parsed.bad(file, "bom-ref " + Text.quote(ref) + " is declared twice (by " + Text.quote(label(previous))
                    + " and " + Text.quote(label(holder)) + "); bom-refs must be unique within a CycloneDX BOM");
        }
    }

    private static String label(Object holder) {
        if (holder instanceof Component record) {
            // the record keeps group and version blank-to-null and the name as it was: label(bean) of its bean
            return (record.group() == null ? "" : record.group() + "/") + record.name()
                    + (record.version() == null ? "" : "@" + record.version());
        }
        return label((org.cyclonedx.model.Component) holder);
    }

    /**
     * The records one top-level component and its nested components convert to, depth-first, worked out ahead of
     * the rest (on the thread that bound the bean) when that cannot depend on the other components: when each of
     * them declares its bom-ref (no ref to synthesise, which depends on the refs taken by others) and none is bad
     * input. Null otherwise; the conversion in order then does it, with its messages.
     */
    static List<Component> ahead(Path file, org.cyclonedx.model.Component bean) {
        try {
            BomConverter converter = new BomConverter(file);
            return converter.aheadAll(bean, null) ? converter.components : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean aheadAll(org.cyclonedx.model.Component bean, String parentRef) {
        if (bean.getBomRef() == null || bean.getBomRef().isEmpty()) {
            return false;
        }
        Component component = component(bean, parentRef, null);
        components.add(component);
        if (bean.getComponents() != null) {
            for (org.cyclonedx.model.Component nested : bean.getComponents()) {
                if (nested != null && !aheadAll(nested, component.bomRef())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@link #flatten} of bom.components, taking the components converted {@link #ahead} as they are. */
    private void flattenTop(List<org.cyclonedx.model.Component> beans, List<List<Component>> converted) {
        if (beans == null || converted == null || converted.size() != beans.size()) {
            flatten(beans, null);
            return;
        }
        for (int i = 0; i < beans.size(); i++) {
            List<Component> done = converted.get(i);
            if (done != null) {
                components.addAll(done);
                position += done.size();
                continue;
            }
            flatten(java.util.Collections.singletonList(beans.get(i)), null);
        }
    }

    /** Depth-first, in document order: a nested component follows its parent (CycloneDX component.components). */
    private void flatten(List<org.cyclonedx.model.Component> beans, String parentRef) {
        if (beans == null) {
            return;
        }
        for (org.cyclonedx.model.Component bean : beans) {
            if (bean == null) {
                continue;
            }
            position++;
            Component component = component(bean, parentRef, null);
            components.add(component);
            flatten(bean.getComponents(), component.bomRef());
        }
    }

    private Component component(org.cyclonedx.model.Component bean, String parentRef, String description) {
        int at = position;
        // only built when a message needs it
        Supplier<String> what = () -> description != null ? description
                : bean.getBomRef() != null && !bean.getBomRef().isEmpty() ? "component " + Text.quote(bean.getBomRef())
                : "component #" + at + " " + Text.quote(label(bean));
        String name = bean.getName();
        if (name == null || name.isBlank()) {
            throw Parsed.bad(file, what.get() + " has no name; every component needs one to be matched across SBOMs");
        }
        Purl purl = purl(bean.getPurl(), what);
        String ref = bean.getBomRef() != null && !bean.getBomRef().isEmpty() ? bean.getBomRef() : synthesiseRef(bean);
        return new Component(
                ref,
                purl,
                bean.getType() == null ? null : bean.getType().getTypeName().toLowerCase(Locale.ROOT),
                blankToNull(bean.getGroup()),
                name,
                blankToNull(bean.getVersion()),
                hashes(bean, what),
                entityName(bean.getSupplier()),
                blankToNull(bean.getPublisher()),
                authors(bean),
                entityName(bean.getManufacturer()),
                licenses(bean.getLicenses()),
                references(bean.getExternalReferences()),
                bean.getScope() == null ? null : bean.getScope().getScopeName(),
                properties(bean.getProperties()),
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
    private String synthesiseRef(org.cyclonedx.model.Component bean) {
        String base = bean.getPurl() != null && !bean.getPurl().isBlank() ? bean.getPurl().trim() : label(bean);
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
    private List<Digest> hashes(org.cyclonedx.model.Component bean, Supplier<String> what) {
        Map<HashAlgorithm, Digest> byAlgorithm = new TreeMap<>();
        addHashes(byAlgorithm, bean.getHashes(), what, () -> "");
        if (bean.getExternalReferences() != null) {
            for (org.cyclonedx.model.ExternalReference reference : bean.getExternalReferences()) {
                if (reference != null && reference.getType() == org.cyclonedx.model.ExternalReference.Type.DISTRIBUTION) {
                    addHashes(byAlgorithm, reference.getHashes(), what,
                            () -> " for its distribution " + Text.quote(reference.getUrl()));
                }
            }
        }
        return List.copyOf(byAlgorithm.values());
    }

    private void addHashes(Map<HashAlgorithm, Digest> byAlgorithm, List<Hash> hashes, Supplier<String> what,
                           Supplier<String> where) {
        if (hashes == null) {
            return;
        }
        for (Hash hash : hashes) {
            if (hash == null) {
                continue;
            }
            HashAlgorithm algorithm = HashAlgorithm.fromName(hash.getAlgorithm()).orElseThrow(() -> Parsed.bad(file,
                    what.get() + " declares a hash with unknown algorithm " + Text.quote(hash.getAlgorithm()) + where.get()
                            + "; expected a CycloneDX hash-alg such as SHA-256 or SHA-512"));
            if (!wellFormed(algorithm, hash.getValue())) {
                String value = hash.getValue() == null ? "" : hash.getValue().trim();
                throw Parsed.bad(file, what.get() + " declares a malformed " + algorithm.cycloneDxName() + " hash "
                        + Text.quote(value) + where.get() + ": expected " + algorithm.hexLength() + " hex digits, found "
                        + value.length() + " characters");
            }
            Digest digest = new Digest(algorithm, hash.getValue());
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
    @SuppressWarnings("deprecation") // author is deprecated in 1.6, but SBOMs of every earlier version use it
    private static String authors(org.cyclonedx.model.Component bean) {
        Set<String> names = new LinkedHashSet<>();
        if (bean.getAuthors() != null) {
            for (OrganizationalContact contact : bean.getAuthors()) {
                if (contact != null) {
                    String name = blankToNull(contact.getName());
                    String named = name != null ? name : blankToNull(contact.getEmail());
                    if (named != null) {
                        names.add(named);
                    }
                }
            }
        }
        String legacy = blankToNull(bean.getAuthor());
        if (legacy != null) {
            names.add(legacy);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** SPDX licence ids, else licence names, and SPDX expressions (CycloneDX licenseChoice). */
    private static List<String> licenses(LicenseChoice choice) {
        if (choice == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (choice.getLicenses() != null) {
            for (License license : choice.getLicenses()) {
                if (license == null) {
                    continue;
                }
                String id = blankToNull(license.getId());
                String text = id != null ? id : blankToNull(license.getName());
                if (text != null) {
                    out.add(text);
                }
            }
        }
        if (choice.getExpression() != null && blankToNull(choice.getExpression().getValue()) != null) {
            out.add(choice.getExpression().getValue().trim());
        }
        return out;
    }

    private static List<ExternalReference> references(List<org.cyclonedx.model.ExternalReference> beans) {
        if (beans == null) {
            return List.of();
        }
        List<ExternalReference> out = new ArrayList<>();
        for (org.cyclonedx.model.ExternalReference bean : beans) {
            if (bean == null || blankToNull(bean.getUrl()) == null) {
                continue; // the schema requires a url; an empty one points nowhere
            }
            String type = bean.getType() == null ? "other" : bean.getType().getTypeName();
            out.add(new ExternalReference(type, bean.getUrl().trim()));
        }
        return out;
    }

    private static List<Property> properties(List<org.cyclonedx.model.Property> beans) {
        if (beans == null) {
            return List.of();
        }
        List<Property> out = new ArrayList<>();
        for (org.cyclonedx.model.Property bean : beans) {
            if (bean != null && bean.getName() != null) {
                out.add(new Property(bean.getName(), bean.getValue()));
            }
        }
        return out;
    }

    /**
     * CycloneDX dependencies: each entry names a ref and the refs it depends on. Entries for one ref are merged;
     * a ref listed with no dependsOn is kept with an empty set (the SBOM states it depends on nothing). The
     * 1.1 dependency-graph extension nests dependencies inside dependencies; those are read the same way.
     */
    private TreeMap<String, SortedSet<String>> dependencies(List<Dependency> beans,
                                                            Map<String, SortedSet<String>> extraDependencies,
                                                            TreeMap<String, SortedSet<String>> ahead) {
        TreeMap<String, SortedSet<String>> graph = ahead != null ? ahead : new TreeMap<>();
        if (beans != null && ahead == null) {
            addDependencies(graph, beans);
        }
        extraDependencies.forEach((ref, targets) -> graph.computeIfAbsent(ref, k -> new TreeSet<>()).addAll(targets));
        return graph;
    }

    /**
     * What {@link #addDependencies} does with one top-level entry, when it needs nothing else (it has a ref, and each
     * of its targets has a ref and no nested entries): true, the entry added. False otherwise, the graph untouched;
     * the graph is then built the usual way, with its messages. Lets JsonStream build the graph while it reads.
     */
    static boolean addPlain(TreeMap<String, SortedSet<String>> graph, Dependency bean) {
        if (bean == null) {
            return true;
        }
        String ref = bean.getRef();
        if (ref == null || ref.isEmpty()) {
            return false;
        }
        List<Dependency> targets = bean.getDependencies();
        if (targets != null) {
            for (Dependency target : targets) {
                if (target == null || target.getRef() == null || target.getRef().isEmpty()
                        || target.getDependencies() != null && !target.getDependencies().isEmpty()) {
                    return false;
                }
            }
        }
        SortedSet<String> set = graph.computeIfAbsent(ref, k -> new TreeSet<>());
        if (targets != null) {
            for (Dependency target : targets) {
                set.add(target.getRef());
            }
        }
        return true;
    }

    private void addDependencies(TreeMap<String, SortedSet<String>> graph, List<Dependency> beans) {
        for (Dependency bean : beans) {
            if (bean == null) {
                continue;
            }
            String ref = bean.getRef();
            if (ref == null || ref.isEmpty()) {
                throw Parsed.bad(file, "a dependency entry has no ref; each entry of \"dependencies\" must name the bom-ref it is about");
            }
            SortedSet<String> targets = graph.computeIfAbsent(ref, k -> new TreeSet<>());
            if (bean.getDependencies() != null) {
                for (Dependency target : bean.getDependencies()) {
                    if (target == null || target.getRef() == null || target.getRef().isEmpty()) {
                        throw Parsed.bad(file, "the dependencies of " + Text.quote(ref) + " include an entry without a ref");
                    }
                    targets.add(target.getRef());
                }
                addDependencies(graph, bean.getDependencies().stream()
                        .filter(d -> d != null && d.getDependencies() != null && !d.getDependencies().isEmpty())
                        .toList());
            }
        }
    }

    /** Tools as "vendor name version": legacy metadata.tools and CycloneDX 1.5+ tools.components / tools.services. */
    @SuppressWarnings("deprecation") // the tool array is deprecated since 1.5, but SBOMs of 1.0 to 1.4 only have it
    private static List<String> tools(Metadata metadata) {
        Set<String> out = new LinkedHashSet<>();
        if (metadata == null) {
            return List.of();
        }
        if (metadata.getTools() != null) {
            for (org.cyclonedx.model.Tool tool : metadata.getTools()) {
                if (tool != null) {
                    add(out, tool.getVendor(), tool.getName(), tool.getVersion());
                }
            }
        }
        ToolInformation info = metadata.getToolChoice();
        if (info != null) {
            if (info.getComponents() != null) {
                for (org.cyclonedx.model.Component c : info.getComponents()) {
                    if (c != null) {
                        add(out, firstNonBlank(c.getGroup(), entityName(c.getSupplier()), entityName(c.getManufacturer()),
                                c.getPublisher(), c.getAuthor()), c.getName(), c.getVersion());
                    }
                }
            }
            if (info.getServices() != null) {
                for (Service s : info.getServices()) {
                    if (s != null) {
                        add(out, firstNonBlank(s.getGroup(), entityName(s.getProvider())), s.getName(), s.getVersion());
                    }
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

    private static String label(org.cyclonedx.model.Component bean) {
        String group = blankToNull(bean.getGroup());
        String name = bean.getName() == null ? "" : bean.getName();
        String version = blankToNull(bean.getVersion());
        return (group == null ? "" : group + "/") + name + (version == null ? "" : "@" + version);
    }

    private static String abbreviate(String hex) {
        return hex.length() <= 16 ? hex : hex.substring(0, 16) + "…";
    }

    private static String entityName(OrganizationalEntity entity) {
        return entity == null ? null : blankToNull(entity.getName());
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
