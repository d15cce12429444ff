package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.parsers.XmlParser;

/**
 * Reads a CycloneDX XML document (spec 1.0 to 1.7; 1.7 against the bundled XSD, see {@link SpecSchemas}). Our own pre-scan ({@link XmlScan}) refuses any DOCTYPE,
 * bounds nesting, finds the spec version in the root element's namespace and keeps only CycloneDX's own
 * elements; then the library validates the original against its XSD and parses the cleaned copy into its beans,
 * which the library's own JSON generator writes as the CycloneDX JSON tree that {@link BomConverter} reads (so one
 * conversion serves both syntaxes). The generator writes only the direct refs of a dependency; nested entries (the
 * dependency graph of XML) are flattened into entries of their own here, as the JSON form states them.
 */
final class XmlLoader {

    private final int maxDepth;
    /** The last document loaded was CycloneDX 1.7, read with the 1.6 beans. */
    private boolean next;

    private final SourceLines.Recorder lines;

    XmlLoader(int maxDepth) {
        this(maxDepth, null);
    }

    /** @param lines where to report the lines of bom-refs and purls, or null */
    XmlLoader(int maxDepth, SourceLines.Recorder lines) {
        this.maxDepth = maxDepth;
        this.lines = lines;
    }

    /** True when the last document loaded declared CycloneDX 1.7 (its Parsed says 1.6, whose beans read it). */
    boolean next() {
        return next;
    }

    Parsed load(Path file, byte[] bytes) {
        XmlScan scan = XmlScan.of(file, bytes, maxDepth, lines);
        String schema = "CycloneDX " + (scan.next() ? SpecSchemas.CYCLONEDX_17 : scan.version().getVersionString())
                + " XML schema";
        XmlParser parser = LibraryCache.xmlParser();
        List<String> violations;
        try {
            violations = scan.next()
                    ? SpecSchemas.validateXml(SpecSchemas.cyclonedxXsd("bom-1.7.xsd"), bytes)
                    : parser.validate(bytes, scan.version()).stream().map(Violations::xml).toList();
        } catch (IOException | RuntimeException e) {
            throw Parsed.bad(file, "cannot be checked against the " + schema + ": " + Violations.rootCause(e));
        }
        if (!violations.isEmpty()) {
            throw Parsed.bad(file, Violations.describe(schema, violations));
        }
        Bom bom;
        try {
            // parse(InputStream) maps the document and nothing more; parse(byte[]) would first build a DOM of
            // the whole document only to find the spec version, which the scan has already read.
            bom = parser.parse(new ByteArrayInputStream(scan.cyclonedxOnly()));
        } catch (ParseException | RuntimeException e) {
            throw Parsed.bad(file, "valid against the " + schema + " but cannot be read: " + Violations.rootCause(e));
        }
        if (bom == null) {
            throw Parsed.bad(file, "the CycloneDX parser returned nothing");
        }
        next = scan.next();
        return new Parsed(file, Syntax.XML, scan.version(), tree(file, bom), scan.componentDependencies(),
                scan.hasTimestamp());
    }

    /** The beans as CycloneDX 1.6 JSON (every field of every earlier version has its place there). */
    private static JsonNode tree(Path file, Bom bom) {
        List<Dependency> dependencies = bom.getDependencies();
        JsonNode tree;
        try {
            tree = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonNode();
        } catch (RuntimeException e) {
            throw Parsed.bad(file, "valid against its XML schema but cannot be read: " + Violations.rootCause(e));
        }
        if (!(tree instanceof ObjectNode root)) {
            throw Parsed.bad(file, "valid against its XML schema but cannot be read");
        }
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        if (dependencies != null) {
            flatten(dependencies, entries);
        }
        root.set("dependencies", entries);
        return root;
    }

    /**
     * Each dependency as a JSON entry {@code {"ref", "dependsOn": [refs]}}, then, as entries of their own, those of
     * its targets that list dependencies in turn. A missing ref stays missing, for {@link BomConverter} to refuse.
     */
    private static void flatten(List<Dependency> dependencies, ArrayNode entries) {
        for (Dependency dependency : dependencies) {
            if (dependency == null) {
                continue;
            }
            ObjectNode entry = entries.addObject();
            if (dependency.getRef() != null) {
                entry.put("ref", dependency.getRef());
            }
            List<Dependency> targets = dependency.getDependencies();
            if (targets == null) {
                continue;
            }
            ArrayNode refs = entry.putArray("dependsOn");
            for (Dependency target : targets) {
                if (target == null || target.getRef() == null) {
                    refs.addNull();
                } else {
                    refs.add(target.getRef());
                }
            }
            flatten(targets.stream().filter(t -> t != null && t.getDependencies() != null
                    && !t.getDependencies().isEmpty()).toList(), entries);
        }
    }
}
