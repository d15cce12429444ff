package dev.sbomgate.sbom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.XmlParser;

/**
 * Reads a CycloneDX XML document (spec 1.0 to 1.7; 1.7 against the bundled XSD, see {@link SpecSchemas}). Our own pre-scan ({@link XmlScan}) refuses any DOCTYPE,
 * bounds nesting, finds the spec version in the root element's namespace and keeps only CycloneDX's own
 * elements; then the library validates the original against its XSD and parses the cleaned copy.
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
        return new Parsed(file, Syntax.XML, scan.version(), bom, scan.componentDependencies(), scan.hasTimestamp());
    }
}
