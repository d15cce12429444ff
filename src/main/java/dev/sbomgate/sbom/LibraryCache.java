package dev.sbomgate.sbom;

import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.sbomgate.json.Mappers;
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
 * of each spec version ({@code CycloneDxSchema.getJsonSchema/getXmlSchema}: 100 to 300 ms each) and the XML
 * parser, whose Jackson mapper builds its deserialisers for the CycloneDX model on first use. Compiled schemas are
 * immutable; the parser only reads through its configured mapper, which is thread-safe.
 */
final class LibraryCache {

    private static final Map<Version, javax.xml.validation.Schema> XML = new ConcurrentHashMap<>();
    private static final Map<Version, com.networknt.schema.Schema> JSON = new ConcurrentHashMap<>();
    private static final Map<String, com.networknt.schema.Schema> JSON_ITEMS = new ConcurrentHashMap<>();
    /** Only its schema loading is used (CycloneDxSchema.getJsonSchema): JSON SBOMs are read as trees, not beans. */
    private static final JsonParser JSON_PARSER = new JsonParser();

    /** Built on first use only: a JSON SBOM never needs the XML parser's XmlMapper and Woodstox (start-up time). */
    private static final class Xml {
        static final XmlParser PARSER = new CachingXmlParser();
    }

    private LibraryCache() {
    }

    /** The library's XML parser; its {@code validate} uses the cached XSD of the version asked for. */
    static XmlParser xmlParser() {
        return Xml.PARSER;
    }


    /** XmlParser builds the XSD of a version on every {@code validate}; this one builds it once. */
    private static final class CachingXmlParser extends XmlParser {
        @Override
        public javax.xml.validation.Schema getXmlSchema(Version version) throws SAXException {
            javax.xml.validation.Schema schema = XML.get(version);
            if (schema == null) {
                // 1.5 and 1.6: the specification's own XSDs (see SpecSchemas), not the library's older copies
                schema = new LinearSchema(version == Version.VERSION_15 ? SpecSchemas.cyclonedxXsd("bom-1.5.xsd")
                        : version == Version.VERSION_16 ? SpecSchemas.cyclonedxXsd("bom-1.6.xsd")
                        : super.getXmlSchema(version));
                XML.putIfAbsent(version, schema);
            }
            return schema;
        }
    }

    /**
     * The library's XSD with its one identity constraint left to us. Every bom XSD from 1.1 on declares
     * {@code <xs:unique name="bom-ref">} over {@code .//*}/{@code @bom-ref}; the JDK's Xerces checks it with a
     * linear search per value, which makes validation quadratic: 10,000 components took seconds. {@link XmlScan}
     * enforces the same uniqueness with a hash set, before validation, so no document loses the check.
     */
    private static final class LinearSchema extends javax.xml.validation.Schema {
        /** Xerces' switch for xs:unique, xs:key and xs:keyref checking (on by default). */
        private static final String IDENTITY_CONSTRAINTS = "http://apache.org/xml/features/validation/identity-constraint-checking";

        private final javax.xml.validation.Schema schema;

        LinearSchema(javax.xml.validation.Schema schema) {
            this.schema = schema;
        }

        @Override
        public javax.xml.validation.Validator newValidator() {
            javax.xml.validation.Validator validator = schema.newValidator();
            try {
                validator.setFeature(IDENTITY_CONSTRAINTS, false);
                // Belt and braces: DOCTYPEs never get here (XmlScan refuses them), and nothing may be fetched.
                validator.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
                validator.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            } catch (SAXException e) {
                throw new IllegalStateException("the XML schema validator does not support " + IDENTITY_CONSTRAINTS, e);
            }
            return validator;
        }

        @Override
        public javax.xml.validation.ValidatorHandler newValidatorHandler() {
            javax.xml.validation.ValidatorHandler handler = schema.newValidatorHandler();
            try {
                handler.setFeature(IDENTITY_CONSTRAINTS, false);
            } catch (SAXException e) {
                throw new IllegalStateException("the XML schema validator does not support " + IDENTITY_CONSTRAINTS, e);
            }
            return handler;
        }
    }

    /**
     * The schema that the JSON schema of a version applies to each element of one of its top-level arrays: the
     * {@code items} of {@code properties/<array>}, taken from the cached schema so that its $refs resolve as in a
     * whole-document validation.
     */
    static com.networknt.schema.Schema jsonItems(Version version, String array) {
        return JSON_ITEMS.computeIfAbsent(version.getVersionString() + "/" + array, k -> json(version).getSubSchema(
                new NodePath(PathType.JSON_POINTER).append("properties").append(array).append("items")));
    }

    /** The library's JSON schema of one spec version (CycloneDX 1.2 and 1.3 in their strict variants). */
    static com.networknt.schema.Schema json(Version version) {
        return JSON.computeIfAbsent(version, v -> {
            try {
                return JSON_PARSER.getJsonSchema(v, Mappers.beans());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
