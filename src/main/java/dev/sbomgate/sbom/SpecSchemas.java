package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.text.Untrusted;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Schemas that sbomgate ships itself (src/main/resources/dev/sbomgate/sbom/schema, see the SOURCES.md there),
 * where cyclonedx-core-java 12.2.0 has none or a different one: CycloneDX 1.7 (JSON schema and XSD), and the
 * specification's own 1.5 and 1.6 XSDs (the library's bundled ones allow only one {@code <user>} in modelCard
 * {@code considerations/users}; the spec's, and its vectors, allow several). Nothing is ever fetched: every
 * reference a schema makes resolves to a bundled file, or fails.
 */
final class SpecSchemas {

    /** The newest CycloneDX spec version, read with the library's 1.6 beans after validation against its own schema. */
    static final String CYCLONEDX_17 = "1.7";

    private static final String DIR = "/dev/sbomgate/sbom/schema/";
    private static final String CYCLONEDX_SCHEMA_BASE = "http://cyclonedx.org/schema/";
    private static final Map<String, javax.xml.validation.Schema> XSD = new ConcurrentHashMap<>();
    private static final Map<String, com.networknt.schema.Schema> JSON = new ConcurrentHashMap<>();

    private SpecSchemas() {
    }

    /** The CycloneDX 1.7 JSON schema, with its spdx, jsf and cryptography-defs references resolved to bundled files. */
    static com.networknt.schema.Schema cyclonedx17Json() {
        return json("cyclonedx/bom-1.7.schema.json", "cyclonedx/");
    }

    /**
     * A bundled JSON schema whose references below {@code http://cyclonedx.org/schema/} (or, for SPDX, the
     * document's own {@code $id}) are served from {@code dir}; any other reference resolves to nothing.
     */
    static com.networknt.schema.Schema json(String resource, String dir) {
        return JSON.computeIfAbsent(resource, r -> {
            ObjectMapper mapper = Mappers.beans();
            JsonNode schema;
            try (InputStream in = open(r)) {
                schema = mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                    .schemas(iri -> bundled(iri, dir))
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));
            return registry.getSchema(schema);
        });
    }

    /** The text of a bundled file that a CycloneDX schema refers to by its published address, or null. */
    private static String bundled(String iri, String dir) {
        if (iri == null || !iri.startsWith(CYCLONEDX_SCHEMA_BASE)) {
            return null;
        }
        String name = iri.substring(CYCLONEDX_SCHEMA_BASE.length());
        int hash = name.indexOf('#');
        name = hash < 0 ? name : name.substring(0, hash);
        if (!name.matches("[a-z0-9.-]+\\.schema\\.json")) {
            return null;
        }
        try (InputStream in = SpecSchemas.class.getResourceAsStream(DIR + dir + name)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bundled CycloneDX XSD ({@code bom-1.5.xsd}, {@code bom-1.6.xsd}, {@code bom-1.7.xsd}), compiled with the
     * bundled {@code spdx.xsd} that it imports by its published address, external access off.
     */
    static javax.xml.validation.Schema cyclonedxXsd(String name) {
        return XSD.computeIfAbsent(name, n -> {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                // The one import (namespace http://cyclonedx.org/schema/spdx) is served by the resolver below from
                // the bundled file; everything else would need external access, which is off.
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                factory.setResourceResolver(new Bundled());
                try (InputStream spdx = open("cyclonedx/spdx.xsd"); InputStream bom = open("cyclonedx/" + n)) {
                    return factory.newSchema(new StreamSource[] {
                        new StreamSource(spdx, "classpath:spdx.xsd"), new StreamSource(bom, "classpath:" + n)});
                }
            } catch (SAXException e) {
                throw new IllegalStateException("bundled XSD " + n + " does not compile: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The violations of an XML document against a schema, each with its line and column; empty when valid. */
    static List<String> validateXml(javax.xml.validation.Schema schema, byte[] bytes) throws IOException {
        List<String> violations = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setFeature("http://apache.org/xml/features/validation/identity-constraint-checking", false);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the XML schema validator lacks a needed setting", e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                violations.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            violations.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            violations.add(Untrusted.message(String.valueOf(e.getMessage())));
        }
        return violations;
    }

    static InputStream open(String resource) throws IOException {
        InputStream in = SpecSchemas.class.getResourceAsStream(DIR + resource);
        if (in == null) {
            throw new IOException("bundled schema " + resource + " is missing from the jar");
        }
        return in;
    }

    /** Serves {@code http://cyclonedx.org/schema/spdx} (the XSDs' import) from the bundled spdx.xsd; nothing else. */
    private static final class Bundled implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (!"http://cyclonedx.org/schema/spdx".equals(namespace)) {
                return null;
            }
            return new Input(systemId);
        }
    }

    /** An LSInput holding the bundled spdx.xsd. */
    private static final class Input implements LSInput {
        private final String systemId;

        Input(String systemId) {
            this.systemId = systemId;
        }

        @Override
        public InputStream getByteStream() {
            try {
                return open("cyclonedx/spdx.xsd");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public void setByteStream(InputStream b) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String p) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String b) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String e) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean c) { }
    }
}
