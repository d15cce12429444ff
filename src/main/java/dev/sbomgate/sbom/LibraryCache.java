package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.xml.sax.SAXException;

/**
 * The cyclonedx-core-java objects that are expensive to build and safe to share, built once per JVM: the schemas
 * of each spec version ({@code CycloneDxSchema.getJsonSchema/getXmlSchema}: 100 to 300 ms each) and the two
 * parsers, whose Jackson mappers build their deserialisers for the CycloneDX model on first use. Compiled
 * schemas are immutable; the parsers only read through their configured mappers, which are thread-safe.
 */
final class LibraryCache {

    private static final Map<Version, javax.xml.validation.Schema> XML = new ConcurrentHashMap<>();
    private static final Map<Version, com.networknt.schema.Schema> JSON = new ConcurrentHashMap<>();
    private static final XmlParser XML_PARSER = new CachingXmlParser();
    private static final JsonParser JSON_PARSER = new JsonParser();

    private LibraryCache() {
    }

    /** The library's XML parser; its {@code validate} uses the cached XSD of the version asked for. */
    static XmlParser xmlParser() {
        return XML_PARSER;
    }

    static JsonParser jsonParser() {
        return JSON_PARSER;
    }

    /** XmlParser builds the XSD of a version on every {@code validate}; this one builds it once. */
    private static final class CachingXmlParser extends XmlParser {
        @Override
        public javax.xml.validation.Schema getXmlSchema(Version version) throws SAXException {
            javax.xml.validation.Schema schema = XML.get(version);
            if (schema == null) {
                schema = super.getXmlSchema(version);
                XML.putIfAbsent(version, schema);
            }
            return schema;
        }
    }

    /** The library's JSON schema of one spec version (CycloneDX 1.2 and 1.3 in their strict variants). */
    static com.networknt.schema.Schema json(Version version) {
        return JSON.computeIfAbsent(version, v -> {
            try {
                return JSON_PARSER.getJsonSchema(v, new ObjectMapper());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
