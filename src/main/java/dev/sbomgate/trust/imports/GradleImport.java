package dev.sbomgate.trust.imports;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.trust.IgnoredKey;
import dev.sbomgate.trust.PurlPattern;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Maps Gradle's dependency verification file ({@code gradle/verification-metadata.xml}) to pins and ignored keys,
 * exactly or not at all (docs/formats.md 2.8), with the key material of its exported keyring:
 * <ul>
 *   <li>{@code <trusted-key id group name version regex>} and each {@code <trusting>} child: one scope per entry,
 *   a glob of the exact attributes ({@code *} where absent) or, with {@code regex="true"}, a regex scope; a
 *   {@code file} attribute is refused (a scope covers every file of a release), as is a literal {@code *} (a
 *   wildcard in a glob).</li>
 *   <li>{@code <component group name version>/<artifact>/<pgp value>}: a pin scoped {@code pkg:maven/G/N@V}.</li>
 *   <li>{@code <ignored-key id reason>} under {@code <configuration>}: an ignored key; one under an artifact is refused
 *   (trust.json ignores keys store-wide).</li>
 *   <li>{@code <trusted-artifacts>} and checksum entries: reported as not imported.</li>
 * </ul>
 * The XML is read with the JDK's StAX parser, DTDs refused (no entity can be declared: no XXE, no billion laughs),
 * external access disabled; the caller bounds its size.
 */
public final class GradleImport {

    /** Elements of {@code <configuration>} that configure Gradle and hold no trust: skipped without a report. */
    private static final Set<String> CONFIGURATION = Set.of("verify-metadata", "verify-signatures", "keyring-format",
            "key-servers", "key-server");
    private static final Set<String> CHECKSUMS = Set.of("md5", "sha1", "sha256", "sha512", "also-trust");

    private GradleImport() {
    }

    /** Whether the bytes are (by content) a Gradle verification metadata file. */
    public static boolean recognises(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 65536), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        return head.startsWith("<") && head.contains("<verification-metadata");
    }

    /** Maps the file {@code bytes} (named {@code source}) with the key material of {@code keyring}. */
    public static ImportResult map(byte[] bytes, String source, Keyring keyring, boolean allowWide) {
        Mapping mapping = new Mapping(keyring, allowWide);
        Map<String, Integer> checksums = new TreeMap<>();
        int checksumComponents = 0;
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
        } catch (XMLStreamException e) {
            throw bad(source, e);
        }
        Deque<String> path = new ArrayDeque<>();
        // the open trusted-key: its id, whether its attributes form an entry, whether it has trusting children
        String keyId = null;
        int keyLine = 0;
        boolean keyHasEntry = false;
        boolean keyHasChildren = false;
        Map<String, String> component = null;
        boolean componentHasChecksum = false;
        String artifactName = null;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new BadInputException(source + ": line " + xml.getLocation().getLineNumber() + ": a DOCTYPE is"
                            + " not allowed in verification-metadata.xml (entities could expand or reach outside)");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new BadInputException(source + ": line " + xml.getLocation().getLineNumber()
                            + ": entity references are not allowed");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("trusted-key") && path.size() == 3 && keyId != null) {
                        if (!keyHasEntry && !keyHasChildren) {
                            // no group, no trusting: Gradle trusts this key for every artifact
                            trusted(mapping, keyId, new LinkedHashMap<>(), keyLine,
                                    "<trusted-key id=\"" + keyId + "\"/>");
                        }
                        keyId = null;
                    } else if (name.equals("component")) {
                        if (componentHasChecksum) {
                            checksumComponents++;
                        }
                        component = null;
                    } else if (name.equals("artifact")) {
                        artifactName = null;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                int line = xml.getLocation().getLineNumber();
                String parent = path.isEmpty() ? null : path.peek();
                path.push(name);
                if (path.size() == 1) {
                    if (!name.equals("verification-metadata")) {
                        throw new BadInputException(source + ": the root element is <" + name + ">, not Gradle's"
                                + " <verification-metadata>");
                    }
                    continue;
                }
                Map<String, String> attrs = attributes(xml);
                String where = String.join("/", reversed(path));
                switch (where) {
                    case "verification-metadata/configuration",
                         "verification-metadata/components",
                         "verification-metadata/configuration/ignored-keys",
                         "verification-metadata/configuration/trusted-keys",
                         "verification-metadata/configuration/trusted-artifacts",
                         "verification-metadata/components/component/artifact/ignored-keys" -> {
                        if (name.equals("artifact")) {
                            artifactName = attrs.get("name");
                        }
                    }
                    case "verification-metadata/configuration/ignored-keys/ignored-key" -> {
                        String text = element(name, attrs);
                        try {
                            mapping.ignore(new IgnoredKey(required(attrs, "id"), attrs.getOrDefault("reason",
                                    "ignored by Gradle's dependency verification"), "gradle/verification-metadata.xml"),
                                    line, text);
                        } catch (IllegalArgumentException e) {
                            mapping.refuse(line, text, e.getMessage());
                        }
                    }
                    case "verification-metadata/configuration/trusted-keys/trusted-key" -> {
                        keyId = attrs.get("id");
                        keyLine = line;
                        keyHasChildren = false;
                        keyHasEntry = attrs.keySet().stream().anyMatch(a -> !a.equals("id"));
                        if (keyId == null) {
                            mapping.refuse(line, element(name, attrs), "a trusted-key needs an id");
                        } else if (keyHasEntry) {
                            trusted(mapping, keyId, attrs, line, element(name, attrs));
                        }
                    }
                    case "verification-metadata/configuration/trusted-keys/trusted-key/trusting" -> {
                        keyHasChildren = true;
                        if (keyId != null) {
                            trusted(mapping, keyId, attrs, line, "<trusted-key id=\"" + keyId + "\">" + element(name, attrs));
                        }
                    }
                    case "verification-metadata/configuration/trusted-artifacts/trust" ->
                            mapping.notImported("line " + line + ": " + element(name, attrs) + ": a trusted artifact is"
                                    + " not verified by Gradle; sbomgate has no such exemption (a dated waiver is)");
                    case "verification-metadata/components/component" -> {
                        component = attrs;
                        componentHasChecksum = false;
                    }
                    case "verification-metadata/components/component/artifact" -> artifactName = attrs.get("name");
                    case "verification-metadata/components/component/artifact/pgp" -> {
                        String text = "<component " + attrText(component) + "><artifact name=\"" + artifactName
                                + "\"><pgp value=\"" + attrs.get("value") + "\"/>";
                        componentPin(mapping, component, attrs.get("value"), line, text);
                    }
                    case "verification-metadata/components/component/artifact/ignored-keys/ignored-key" ->
                            mapping.refuse(line, "<component " + attrText(component) + "><artifact name=\"" + artifactName
                                    + "\">" + element(name, attrs), "ignored for this one artifact only; trust.json"
                                    + " ignores a key store-wide, which is wider");
                    default -> {
                        if (where.startsWith("verification-metadata/components/component/artifact/")
                                && CHECKSUMS.contains(name) && path.size() == 5) {
                            checksums.merge(name, 1, Integer::sum);
                            componentHasChecksum = true;
                        } else if (where.startsWith("verification-metadata/components/component/artifact/")
                                && CHECKSUMS.contains(path.toArray(new String[0])[1])) {
                            continue; // also-trust inside a checksum
                        } else if (path.size() >= 3 && parent != null && parent.equals("configuration")
                                && CONFIGURATION.contains(name)) {
                            continue;
                        } else if (path.size() >= 4 && reversed(path).get(2).equals("key-servers")) {
                            continue;
                        } else {
                            mapping.notImported("line " + line + ": <" + name + "> under <" + parent + ">: not"
                                    + " understood by sbomgate, not imported");
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw bad(source, e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
        if (!checksums.isEmpty()) {
            List<String> counts = new ArrayList<>();
            checksums.forEach((kind, count) -> counts.add(count + " " + kind));
            mapping.notImported(String.join(", ", counts) + " checksum entries of " + checksumComponents
                    + " components: not imported (checksums are the SBOM's job: its hashes are verified)");
        }
        return mapping.result(ImportResult.Format.GRADLE_VERIFICATION_METADATA);
    }

    /** A trusted-key or trusting entry: a glob scope of its exact attributes, or a regex scope. */
    private static void trusted(Mapping mapping, String keyId, Map<String, String> attrs, int line, String text) {
        if (attrs.containsKey("file")) {
            mapping.refuse(line, text, "trusts the key for one file name only; a scope covers every file of a release,"
                    + " so this would widen");
            return;
        }
        for (String a : attrs.keySet()) {
            if (!Set.of("id", "group", "name", "version", "regex", "file").contains(a)) {
                mapping.refuse(line, text, "attribute '" + a + "' is not understood");
                return;
            }
        }
        String group = attrs.get("group");
        String name = attrs.get("name");
        String version = attrs.get("version");
        PurlPattern scope;
        try {
            if ("true".equals(attrs.get("regex"))) {
                scope = group == null && name == null && version == null ? PurlPattern.parse("pkg:maven/*/*")
                        : PurlPattern.regex("maven", group, name, version);
            } else {
                scope = glob(group, name, version);
            }
        } catch (IllegalArgumentException e) {
            mapping.refuse(line, text, e.getMessage());
            return;
        }
        mapping.pin(keyId, List.of(scope), line, text);
    }

    private static void componentPin(Mapping mapping, Map<String, String> component, String key, int line, String text) {
        if (component == null || key == null) {
            mapping.refuse(line, text, "a pgp entry needs its component's group, name and version and a value");
            return;
        }
        String group = component.get("group");
        String name = component.get("name");
        String version = component.get("version");
        if (group == null || name == null || version == null) {
            mapping.refuse(line, text, "a component needs group, name and version");
            return;
        }
        try {
            mapping.pin(key, List.of(glob(group, name, version)), line, text);
        } catch (IllegalArgumentException e) {
            mapping.refuse(line, text, e.getMessage());
        }
    }

    /** Exact Gradle attributes as a glob: absent is {@code *}; a literal {@code *} cannot be said exactly. */
    private static PurlPattern glob(String group, String name, String version) {
        for (String part : new String[] {group, name, version}) {
            if (part != null && (part.contains("*") || part.isEmpty())) {
                throw new IllegalArgumentException("'" + part + "' is literal in Gradle but would be a wildcard in a"
                        + " scope; cannot be represented exactly");
            }
        }
        if (version != null && dev.sbomgate.diff.MavenRange.looksLikeRange(version)) {
            throw new IllegalArgumentException("version '" + version + "' is literal in Gradle but a range in a scope");
        }
        return new PurlPattern("maven", List.of(group == null ? "*" : group), name == null ? "*" : name, version);
    }

    private static XMLInputFactory factory() {
        // The JDK's own StAX implementation (not whichever a library on the class path registers), secured.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // the JDK secure-processing limits, tightened (StAX takes them as properties, not as FEATURE_SECURE_PROCESSING;
        // 0 would mean "no limit")
        factory.setProperty("jdk.xml.maxElementDepth", "64");
        factory.setProperty("jdk.xml.entityExpansionLimit", "100");
        factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "4096");
        return factory;
    }

    private static BadInputException bad(String source, XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String last = message.substring(message.lastIndexOf('\n') + 1).strip();
        return new BadInputException(source + ": not well-formed XML ("
                + dev.sbomgate.text.Untrusted.printable(newline < 0 ? message : last) + ")");
    }

    private static Map<String, String> attributes(XMLStreamReader xml) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeNamespace(i) == null || xml.getAttributeNamespace(i).isEmpty()) {
                attrs.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
        }
        return attrs;
    }

    private static String required(Map<String, String> attrs, String name) {
        String value = attrs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing attribute '" + name + "'");
        }
        return value;
    }

    private static String element(String name, Map<String, String> attrs) {
        return "<" + name + (attrs.isEmpty() ? "" : " " + attrText(attrs)) + "/>";
    }

    private static String attrText(Map<String, String> attrs) {
        if (attrs == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        attrs.forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
        return String.join(" ", parts);
    }

    private static List<String> reversed(Deque<String> path) {
        List<String> out = new ArrayList<>(path);
        java.util.Collections.reverse(out);
        return out;
    }
}
