package dev.sbomgate.sbom;

import dev.sbomgate.model.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.cyclonedx.Version;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CycloneDX document that passed sniffing, schema validation and parsing, as a JSON tree in the shape of
 * CycloneDX JSON ({@code bom}: for JSON the document itself, for XML what {@link XmlLoader} maps it to), which never
 * leaves this package. {@code extraDependencies} are dependency edges found outside the document's dependencies (the
 * component-level dependency-graph extension of CycloneDX 1.1 XML); empty otherwise. {@code hasTimestamp} says
 * whether the document gives {@code metadata.timestamp} (the library's XML beans set it to the time of reading when
 * the document does not). {@code ahead}, when not null, holds what was converted while the document was
 * read ({@link JsonStream}); {@link BomConverter} takes it as it is and does the rest in order.
 */
record Parsed(Path file, Syntax syntax, Version version, JsonNode bom,
              Map<String, SortedSet<String>> extraDependencies, boolean hasTimestamp, Ahead ahead) {

    Parsed(Path file, Syntax syntax, Version version, JsonNode bom, Map<String, SortedSet<String>> extraDependencies,
           boolean hasTimestamp) {
        this(file, syntax, version, bom, extraDependencies, hasTimestamp, null);
    }

    /**
     * Conversions done while reading. {@code components}: for each of {@code bom.components}, the records it
     * converts to (itself and its nested components, depth-first) when worked out ahead ({@link BomConverter#ahead}),
     * else null; a component converted ahead is a JSON null in {@code bom.components}, its tree let go early. {@code dependencies}: the dependency graph of
     * {@code bom.dependencies} when every entry was plain ({@link BomConverter#addPlain}), else null.
     */
    record Ahead(List<List<dev.sbomgate.model.Component>> components, TreeMap<String, SortedSet<String>> dependencies) {
    }

    /**
     * The library's version for a spec version string, or null when it has none: sbomgate reads what
     * cyclonedx-core-java's {@code Version} enum lists (1.0 to 1.6 in 12.2.0; 1.0 and 1.1 exist only as XML).
     */
    static Version versionOf(String text) {
        for (Version v : Version.values()) {
            if (v.getVersionString().equals(text)) {
                return v;
            }
        }
        return null;
    }

    /** 1.0 to 1.6 as the library has them, and 1.7 with the schemas sbomgate ships ({@link SpecSchemas}). */
    static String supportedVersions() {
        return Version.values()[0].getVersionString() + " to " + SpecSchemas.CYCLONEDX_17;
    }

    /** A bad-input failure about this file: "{@code <file>: <problem>}". */
    static BadInputException bad(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }
}
