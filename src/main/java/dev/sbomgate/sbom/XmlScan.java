package dev.sbomgate.sbom;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.text.Untrusted;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.cyclonedx.Version;

/**
 * One streaming pass over an XML SBOM with the JDK's own StAX parser, DTD support off. It
 * <ul>
 * <li>refuses a DOCTYPE outright. cyclonedx-core-java 12.2.0 hands the bytes to a JAXP schema validator, a DOM
 * parser and Jackson's XML mapper; rather than rely on each being hardened: CycloneDX never uses a DTD, and
 * DTDs are what XXE (external entities reading local files) and entity-expansion bombs need;</li>
 * <li>bounds nesting depth;</li>
 * <li>takes the spec version from the root element's namespace, {@code http://cyclonedx.org/schema/bom/1.x};</li>
 * <li>writes a copy holding only CycloneDX's own elements and attributes. Jackson's XML mapper ignores
 * namespaces, so an extension element that the XSD admits through its {@code ##other} wildcards, such as
 * {@code <foo:fruit>} inside {@code <components>} or {@code <x:hashes>} inside a component, would otherwise be
 * read as a component or as its hashes. The schema validates the original and the beans come from the copy,
 * so both see the same components;</li>
 * <li>reads component-level {@code dg:dependencies} of the CycloneDX 1.1 dependency-graph extension, which the
 * library does not map, into edges of its own.</li>
 * </ul>
 */
final class XmlScan {

    /** CycloneDX XML namespaces are this prefix followed by the spec version (the XSDs' targetNamespace). */
    static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";
    /** The dependency-graph extension used with CycloneDX 1.1 (the spec's ext/dependency-graph-1.0.xsd). */
    static final String DEPENDENCY_GRAPH_NAMESPACE = "http://cyclonedx.org/schema/ext/dependency-graph/1.0";

    private final Path file;
    private final int maxDepth;
    private final XMLStreamReader reader;
    private final XMLStreamWriter writer;
    private final ByteArrayOutputStream copy;
    private final Map<String, SortedSet<String>> componentDependencies = new TreeMap<>();
    /** Every bom-ref attribute seen, for the XSD's xs:unique "bom-ref" (see LibraryCache.LinearSchema). */
    private final Set<String> bomRefs = new HashSet<>();
    /** The open elements, innermost first. */
    private final Deque<Open> open = new ArrayDeque<>();
    /** Inside a component-level dg:dependencies: the refs whose dependencies the open dg:dependency elements list. */
    private final Deque<String> dependencyOwners = new ArrayDeque<>();
    private String rootNamespace;
    private int depth;
    /** Depth of the outermost element left out of the copy, 0 while copying. */
    private int skipFrom;
    /** Depth of the component-level dg:dependencies being read, 0 outside one. */
    private int graphFrom;

    private Version version;
    /** The document is CycloneDX 1.7, which {@link #version} stands in for with 1.6. */
    private boolean next;
    /** CycloneDX 1.7 only: the local names of the open elements, innermost first, and the depth of an expression being rewritten. */
    private final Deque<String> names = new ArrayDeque<>();
    private int wrapAt;
    private boolean skipAttributes;
    private boolean hasTimestamp;
    /** Where bom-refs and purls are declared, when asked for (null otherwise); the purl element being read. */
    private final SourceLines.Recorder lines;
    private StringBuilder purlText;
    private int purlLine;

    private XmlScan(Path file, byte[] bytes, XmlEncoding encoding, int maxDepth, SourceLines.Recorder lines)
            throws XMLStreamException {
        this.file = file;
        this.lines = lines;
        this.maxDepth = maxDepth;
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        this.reader = factory.createXMLStreamReader(encoding.reader(bytes));
        this.copy = new ByteArrayOutputStream(bytes.length);
        this.writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(copy, "UTF-8");
    }

    /** Scans a document; throws {@link BadInputException} for anything refused. */
    static XmlScan of(Path file, byte[] bytes, int maxDepth) {
        return of(file, bytes, maxDepth, null);
    }

    /** As {@link #of(Path, byte[], int)}, reporting where bom-refs and purls are declared to {@code lines}. */
    static XmlScan of(Path file, byte[] bytes, int maxDepth, SourceLines.Recorder lines) {
        XmlEncoding encoding = XmlEncoding.of(file, bytes);
        XmlScan scan = null;
        try {
            scan = new XmlScan(file, bytes, encoding, maxDepth, lines);
            scan.run();
            return scan;
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CharacterCodingException) {
                throw Parsed.bad(file, "malformed XML" + at(e.getLocation()) + ": bytes that are not valid "
                        + encoding.charset().name() + " (the encoding its byte-order mark or XML declaration gives)");
            }
            throw Parsed.bad(file, "malformed XML" + at(e.getLocation()) + ": " + Untrusted.message(streamMessage(e)));
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Parsed.bad(file, "malformed XML: " + Violations.rootCause(e));
        } finally {
            if (scan != null) {
                scan.close();
            }
        }
    }

    Version version() {
        return version;
    }

    /** True for CycloneDX 1.7 (then {@link #version} is 1.6, whose beans read it). */
    boolean next() {
        return next;
    }

    /** The document with every element and attribute outside the CycloneDX namespaces left out, as UTF-8. */
    byte[] cyclonedxOnly() {
        return copy.toByteArray();
    }

    /** Whether the document has {@code /bom/metadata/timestamp}. */
    boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Edges from component-level {@code dg:dependencies}: bom-ref to the bom-refs it depends on. */
    Map<String, SortedSet<String>> componentDependencies() {
        return componentDependencies;
    }

    private void run() throws XMLStreamException {
        writer.writeStartDocument("UTF-8", "1.0");
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw Parsed.bad(file, "XML with a DOCTYPE declaration"
                        + at(reader.getLocation()) + " is refused: CycloneDX uses no DTD, and DTDs enable "
                        + "external-entity (XXE) and entity-expansion attacks; remove the <!DOCTYPE …>");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw Parsed.bad(file, "XML with an entity reference &"
                        + Untrusted.message(reader.getLocalName(), 40) + ";" + at(reader.getLocation())
                        + " is refused: there is no DTD to declare it");
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (purlText != null) {
                        purlText.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    if (skipFrom == 0 && depth > 0) {
                        writer.writeCharacters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                }
                default -> {
                    // comments and processing instructions carry nothing CycloneDX defines
                }
            }
        }
        writer.writeEndDocument();
        writer.flush();
        if (rootNamespace == null) {
            throw Parsed.bad(file, "malformed XML: no root element");
        }
    }

    private void start() throws XMLStreamException {
        depth++;
        if (depth > maxDepth) {
            throw Parsed.bad(file, "XML nested deeper than " + maxDepth + " elements" + at(reader.getLocation())
                    + " (refused as hostile; CycloneDX SBOMs are far shallower)");
        }
        String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        String local = reader.getLocalName();
        if (rootNamespace == null) {
            root(namespace);
        }
        Open parent = open.peek();
        String bomRef = unqualified("bom-ref");
        // Every bom XSD from 1.1 on: <xs:unique name="bom-ref"><xs:selector xpath=".//*"/><xs:field xpath="@bom-ref"/>
        if (bomRef != null && !bomRefs.add(bomRef)) {
            throw Parsed.bad(file, "bom-ref " + Text.quote(bomRef) + " is declared twice" + at(reader.getLocation())
                    + "; bom-refs must be unique within a CycloneDX BOM");
        }
        if (lines != null) {
            lines.bomRef(bomRef, reader.getLocation().getLineNumber());
            if ("purl".equals(local) && namespace.equals(rootNamespace)) {
                purlText = new StringBuilder();
                purlLine = reader.getLocation().getLineNumber();
            }
        }
        if (depth == 3 && "timestamp".equals(local) && namespace.equals(rootNamespace) && parent.kind() == Kind.METADATA) {
            hasTimestamp = true;
        }
        boolean graph = DEPENDENCY_GRAPH_NAMESPACE.equals(namespace);
        if (namespace.equals(rootNamespace) && "component".equals(local)) {
            open.push(new Open(Kind.COMPONENT, bomRef));
        } else if (depth == 2 && namespace.equals(rootNamespace) && "metadata".equals(local)) {
            open.push(new Open(Kind.METADATA, null));
        } else if (graph && skipFrom == 0 && (depth == 2 || parent.kind() == Kind.BOM_GRAPH)) {
            open.push(new Open(Kind.BOM_GRAPH, null)); // bom-level dg:dependencies: the library maps these
        } else {
            open.push(new Open(Kind.OTHER, null));
        }
        if (graphFrom > 0) {
            dependency(graph, local);
        } else if (skipFrom == 0 && graph && "dependencies".equals(local) && parent.kind() == Kind.COMPONENT) {
            graphFrom = depth;
            skipFrom = depth;
            dependencyOwners.push(parent.bomRef() == null ? "" : parent.bomRef());
        } else if (skipFrom == 0 && !namespace.equals(rootNamespace) && open.peek().kind() != Kind.BOM_GRAPH) {
            skipFrom = depth;
        } else if (skipFrom == 0 && next && skipped17(local, depth, parent != null && parent.kind() == Kind.COMPONENT)) {
            skipFrom = depth; // CycloneDX 1.7 beyond what the 1.6 beans bind and the gate judges
        } else if (skipFrom == 0 && next && "expression-detailed".equals(local)) {
            // CycloneDX 1.7 licenseExpressionDetailed: the expression is an attribute. Carried as a licence name,
            // because 1.7 lets licences and expressions mix in one list and the 1.6 beans keep one kind only; the
            // inventory lists both as the same text.
            String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
            writer.writeStartElement(prefix, "license", namespace);
            writer.writeStartElement(prefix, "name", namespace);
            String expression = unqualified("expression");
            writer.writeCharacters(expression == null ? "" : expression);
            writer.writeEndElement();
            writer.writeEndElement();
            skipFrom = depth;
        } else if (skipFrom == 0 && next && "expression".equals(local) && "licenses".equals(names.peek())) {
            // CycloneDX 1.7 <expression> beside <license> elements: carried as a licence name too (see above)
            String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
            writer.writeStartElement(prefix, "license", namespace);
            writer.writeStartElement(prefix, "name", namespace);
            wrapAt = depth;
            skipAttributes = true;
        }
        if (skipFrom == 0 && !skipAttributes) {
            copyStart(namespace);
        }
        skipAttributes = false;
        if (next) {
            names.push(local);
        }
    }

    /** Within a component-level dg:dependencies: each dg:dependency names a ref its enclosing owner depends on. */
    private void dependency(boolean graph, String local) {
        if (!graph || !"dependency".equals(local)) {
            dependencyOwners.push("");
            return;
        }
        String owner = dependencyOwners.peek();
        String ref = unqualified("ref");
        if (owner == null || owner.isEmpty()) {
            throw Parsed.bad(file, "a dependency-graph entry" + at(reader.getLocation())
                    + " belongs to a component without a bom-ref; it cannot say whose dependency it is");
        }
        if (ref == null || ref.isEmpty()) {
            throw Parsed.bad(file, "a dependency-graph entry" + at(reader.getLocation()) + " has no ref");
        }
        componentDependencies.computeIfAbsent(owner, k -> new TreeSet<>()).add(ref);
        dependencyOwners.push(ref);
    }

    private void end() throws XMLStreamException {
        if (purlText != null) {
            lines.purl(purlText.toString(), purlLine);
            purlText = null;
        }
        if (skipFrom == 0) {
            writer.writeEndElement();
        }
        if (wrapAt == depth) {
            writer.writeEndElement();
            wrapAt = 0;
        }
        if (next && !names.isEmpty()) {
            names.pop();
        }
        if (graphFrom > 0) {
            dependencyOwners.pop();
            if (graphFrom == depth) {
                graphFrom = 0;
            }
        }
        if (skipFrom == depth) {
            skipFrom = 0;
        }
        open.pop();
        depth--;
    }

    private void root(String namespace) {
        rootNamespace = namespace;
        String local = reader.getLocalName();
        String qualified = reader.getPrefix() == null || reader.getPrefix().isEmpty() ? local : reader.getPrefix() + ":" + local;
        if (!"bom".equals(local)) {
            String hint = "RDF".equals(local) || namespace.contains("spdx") ? " (it looks like SPDX RDF/XML)" : "";
            throw Parsed.bad(file, "not a CycloneDX SBOM: the XML root element is <" + Untrusted.message(qualified, 60)
                    + ">" + hint + ", expected <bom> in namespace " + NAMESPACE_PREFIX + "1.x");
        }
        if (!namespace.startsWith(NAMESPACE_PREFIX)) {
            throw Parsed.bad(file, "not a CycloneDX SBOM: the XML root <bom> is in namespace "
                    + (namespace.isEmpty() ? "(none)" : Text.quote(namespace)) + ", expected " + NAMESPACE_PREFIX + "1.x");
        }
        String versionText = namespace.substring(NAMESPACE_PREFIX.length());
        version = Parsed.versionOf(versionText);
        if (version == null && SpecSchemas.CYCLONEDX_17.equals(versionText)) {
            next = true; // validated against the bundled 1.7 XSD, bound to the library's 1.6 beans (XmlLoader)
            version = Version.VERSION_16;
        }
        if (version == null) {
            throw Parsed.bad(file, "unsupported CycloneDX spec version " + Text.quote(versionText) + " (XML namespace "
                    + Text.quote(namespace) + "); sbomgate reads " + Parsed.supportedVersions()
                    + " (export the SBOM as CycloneDX 1.6)");
        }
    }

    private void copyStart(String namespace) throws XMLStreamException {
        String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
        writer.writeStartElement(prefix, reader.getLocalName(), namespace);
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declared = reader.getNamespacePrefix(i);
            String uri = reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i);
            if (declared == null || declared.isEmpty()) {
                writer.writeDefaultNamespace(uri);
            } else {
                writer.writeNamespace(declared, uri);
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            // CycloneDX's own attributes are unqualified (attributeFormDefault="unqualified" in every bom XSD);
            // qualified ones (xsi:, or an extension's) are not CycloneDX's and are left out.
            String attributeNamespace = reader.getAttributeNamespace(i);
            if (attributeNamespace == null || attributeNamespace.isEmpty()) {
                writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
        }
    }

    /** The value of an attribute in no namespace (CycloneDX's own), or null; {@code x:bom-ref} is not {@code bom-ref}. */
    private String unqualified(String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i);
            if ((namespace == null || namespace.isEmpty()) && localName.equals(reader.getAttributeLocalName(i))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    private void close() {
        try {
            writer.close();
            reader.close();
        } catch (XMLStreamException e) {
            // both work in memory: there is nothing to release, and a failure here changes no result
        }
    }

    private enum Kind { COMPONENT, METADATA, BOM_GRAPH, OTHER }

    /** An open element: a CycloneDX component (with its bom-ref, or null), bom/metadata, a bom-level dg element, or other. */
    private record Open(Kind kind, String bomRef) {
    }

    private static String at(Location location) {
        if (location == null || location.getLineNumber() <= 0) {
            return "";
        }
        return " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The JDK's StAX messages start with "ParseError at [row,col]:[r,c]\nMessage: "; the location is given apart. */
    private static String streamMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int i = message.indexOf("Message: ");
        return i >= 0 ? message.substring(i + "Message: ".length()) : message;
    }

    /**
     * An element of a CycloneDX 1.7 document left out of the copy the library's 1.6 XML beans bind: at the top,
     * everything but metadata, components and dependencies; inside a component, 1.7's {@code patentAssertions}.
     */
    private static boolean skipped17(String local, int depth, boolean inComponent) {
        if (depth == 2) {
            return !java.util.Set.of("metadata", "components", "dependencies").contains(local);
        }
        return inComponent && "patentAssertions".equals(local);
    }
}
