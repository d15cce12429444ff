package dev.sbomgate.sbom;

import java.nio.file.Path;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;

/**
 * A CycloneDX document that passed sniffing, schema validation and parsing; still in CycloneDX's own beans,
 * which never leave this package. {@code extraDependencies} are dependency edges found outside the beans (the
 * component-level dependency-graph extension of CycloneDX 1.1 XML); empty otherwise. {@code hasTimestamp} says
 * whether the document gives {@code metadata.timestamp}: the library's {@code Metadata} bean sets it to the time of
 * reading when the document does not.
 */
record Parsed(Path file, Syntax syntax, Version version, Bom bom,
              java.util.Map<String, java.util.SortedSet<String>> extraDependencies, boolean hasTimestamp) {

    /** The spec versions sbomgate reads, newest last; 1.0 and 1.1 exist only as XML (CycloneDX 1.2 introduced JSON). */
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
    static dev.sbomgate.model.BadInputException bad(Path file, String problem) {
        return new dev.sbomgate.model.BadInputException(file + ": " + problem);
    }
}
