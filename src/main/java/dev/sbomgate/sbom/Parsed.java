package dev.sbomgate.sbom;

import dev.sbomgate.model.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;

/**
 * A CycloneDX document that passed sniffing, schema validation and parsing; still in CycloneDX's own beans,
 * which never leave this package. {@code extraDependencies} are dependency edges found outside the beans (the
 * component-level dependency-graph extension of CycloneDX 1.1 XML); empty otherwise. {@code hasTimestamp} says
 * whether the document gives {@code metadata.timestamp}: the library's {@code Metadata} bean sets it to the time of
 * reading when the document does not. {@code converted}, when not null, holds for each of {@code bom.components} the
 * records it converts to (itself and its nested components, depth-first) if they were converted ahead, on the
 * threads that bound the beans ({@link BomConverter#ahead}), else null; {@link BomConverter} does the rest in order.
 * A component converted ahead is a null in {@code bom.components}: its bean is let go early (100,000 beans are
 * about a third of the heap a large SBOM needs).
 */
record Parsed(Path file, Syntax syntax, Version version, Bom bom,
              Map<String, SortedSet<String>> extraDependencies, boolean hasTimestamp,
              List<List<dev.sbomgate.model.Component>> converted) {

    Parsed(Path file, Syntax syntax, Version version, Bom bom, Map<String, SortedSet<String>> extraDependencies,
           boolean hasTimestamp) {
        this(file, syntax, version, bom, extraDependencies, hasTimestamp, null);
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

    static String supportedVersions() {
        Version[] all = Version.values();
        return all[0].getVersionString() + " to " + all[all.length - 1].getVersionString();
    }

    /** A bad-input failure about this file: "{@code <file>: <problem>}". */
    static BadInputException bad(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }
}
