package dev.sbomgate.sbom;

import static dev.sbomgate.sbom.Fixtures.rejected;
import static dev.sbomgate.sbom.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of unusable input is a one-line BadInputException naming the file and the problem. */
class BadInputTest {

    @TempDir
    Path dir;

    /** A minimal CycloneDX 1.6 JSON document with these components (a JSON array's content). */
    static String json16(String components) {
        return """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                 "components": [%s]}
                """.formatted(components);
    }

    @Test
    void missingFile() {
        assertTrue(rejected(dir.resolve("nowhere.cdx.json")).endsWith("nowhere.cdx.json: no such file"));
    }

    @Test
    void directory() {
        assertTrue(rejected(dir).contains(": is a directory, expected an SBOM file"));
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(rejected(write(dir, "empty.json", "")).contains("is empty (0 bytes)"));
    }

    @Test
    void onlyWhitespace() throws IOException {
        assertTrue(rejected(write(dir, "blank.json", " \n\t\r\n ")).contains("not a CycloneDX SBOM: it is empty or only whitespace"));
    }

    @Test
    void binaryData() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, (byte) 0xff, 0x01});
        assertTrue(rejected(file).contains("not a CycloneDX SBOM: it is binary data"));
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = write(dir, "secret.json", json16(""));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as a user who can read anything (root)");
        assertTrue(rejected(file).contains("cannot be read: permission denied"));
    }

    @Test
    void someOtherJsonObject() throws IOException {
        String message = rejected(write(dir, "package.json", "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}"));
        assertTrue(message.contains("not a CycloneDX SBOM: the JSON object has no \"bomFormat\": \"CycloneDX\""), message);
    }

    @Test
    void someOtherXml() throws IOException {
        String message = rejected(write(dir, "pom.xml",
                "<?xml version=\"1.0\"?><project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion></project>"));
        assertTrue(message.contains("not a CycloneDX SBOM: the XML root element is <project>, expected <bom> in namespace http://cyclonedx.org/schema/bom/1.x"), message);
    }

    @Test
    void bomElementOutsideTheCycloneDxNamespace() throws IOException {
        String message = rejected(write(dir, "bom.xml", "<bom version=\"1\"><components/></bom>"));
        assertTrue(message.contains("not a CycloneDX SBOM: the XML root <bom> is in namespace (none)"), message);
    }

    @Test
    void spdxJson() throws IOException {
        String message = rejected(write(dir, "sbom.json", """
                {"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT",
                 "name": "example", "packages": []}
                """));
        // read as SPDX since issue 16; this one lacks the required creationInfo and documentNamespace
        assertTrue(message.contains("not valid against the SPDX-2.3 JSON schema"), message);
        assertTrue(message.contains("creationInfo"), message);
    }

    @Test
    void spdxTagValue() throws IOException {
        String message = rejected(write(dir, "sbom.spdx", "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n"));
        // read as SPDX tag-value since issue 16; two lines are not a whole document
        assertTrue(message.contains("not valid against the SPDX-2.3 JSON schema (tag-value read into its JSON form)"), message);
    }

    @Test
    void spdxRdfXml() throws IOException {
        String message = rejected(write(dir, "sbom.rdf.xml", """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#">
                  <spdx:SpdxDocument rdf:about="#SPDXRef-DOCUMENT"/>
                </rdf:RDF>
                """));
        assertTrue(message.contains("not a CycloneDX SBOM: the XML root element is <rdf:RDF> (it looks like SPDX RDF/XML)"), message);
    }

    @Test
    void scanossStyleJsonArray() throws IOException {
        String message = rejected(write(dir, "scan.json", "[{\"id\": \"file\", \"purl\": [\"pkg:github/x/y\"]}]"));
        assertTrue(message.contains("not a CycloneDX SBOM: it is a JSON array"), message);
    }

    @Test
    void wrongBomFormat() throws IOException {
        String message = rejected(write(dir, "bom.json", "{\"bomFormat\": \"SPDX\", \"specVersion\": \"1.6\"}"));
        assertTrue(message.contains("not a CycloneDX SBOM: \"bomFormat\" is \"SPDX\", expected \"CycloneDX\""), message);
    }

    @Test
    void malformedJsonSaysWhere() throws IOException {
        String message = rejected(write(dir, "bom.json", "{\"bomFormat\": \"CycloneDX\",\n \"specVersion\": \"1.6\",\n \"components\": [\n"));
        assertTrue(message.contains("malformed JSON at line 4, column 1: "), message);
    }

    @Test
    void trailingContentAfterTheJsonObject() throws IOException {
        String message = rejected(write(dir, "bom.json", json16("") + "\n{\"bomFormat\": \"CycloneDX\"}"));
        assertTrue(message.contains("malformed JSON at line"), message);
    }

    @Test
    void invalidUtf8() throws IOException {
        Path file = dir.resolve("bom.json");
        byte[] head = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"serialNumber\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
        bytes[head.length] = (byte) 0xc3;
        bytes[head.length + 1] = 0x28;
        bytes[head.length + 2] = '"';
        bytes[head.length + 3] = '}';
        Files.write(file, bytes);
        assertTrue(rejected(file).contains("malformed JSON at line 1, column"));
    }

    @Test
    void xmlBytesNotValidInTheirEncoding() throws IOException {
        Path file = dir.resolve("bom.xml");
        byte[] head = "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components><component type=\"library\"><name>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</name></component></components></bom>".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2 + tail.length);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = (byte) 0xfe;
        System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
        Files.write(file, bytes);
        String message = rejected(file);
        assertTrue(message.contains("malformed XML at line 2, column") && message.contains("bytes that are not valid UTF-8"), message);
    }

    @Test
    void xmlDeclaringAnUnknownEncoding() throws IOException {
        String message = rejected(write(dir, "bom.xml", "<?xml version=\"1.0\" encoding=\"klingon-8\"?><bom/>"));
        assertTrue(message.contains("the XML declaration names an unknown encoding 'klingon-8'"), message);
    }

    @Test
    void duplicateJsonKeysAreAmbiguousAndRefused() throws IOException {
        String message = rejected(write(dir, "bom.json",
                "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"specVersion\": \"1.6\", \"version\": 1}"));
        assertTrue(message.contains("malformed JSON at line 1, column") && message.contains("Duplicate field 'specVersion'"), message);
    }

    @Test
    void malformedXmlSaysWhere() throws IOException {
        String message = rejected(write(dir, "bom.xml", """
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                  <components>
                    <component type="library"><name>x</name></componnent>
                  </components>
                </bom>
                """));
        assertTrue(message.contains("malformed XML at line 4, column"), message);
    }

    @Test
    void jsonSchemaViolationNamesThePathAndTheRule() throws IOException {
        String message = rejected(write(dir, "bom.json", json16("{\"type\": \"gadget\", \"name\": \"x\"}")));
        assertTrue(message.contains("not valid against the CycloneDX 1.6 JSON schema: /components/0/type: does not have a value in the enumeration"), message);
    }

    @Test
    void xmlSchemaViolationNamesLineAndColumn() throws IOException {
        String message = rejected(write(dir, "bom.xml", """
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
                  <components>
                    <component type="gadget"><name>x</name></component>
                  </components>
                </bom>
                """));
        assertTrue(message.contains("not valid against the CycloneDX 1.5 XML schema: line 4, column 30: cvc-enumeration-valid: Value 'gadget'"), message);
    }

    @Test
    void manyViolationsStayOnOneBoundedLine() throws IOException {
        StringBuilder components = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            components.append(i == 0 ? "" : ",").append("{\"type\": \"gadget-").append(i).append("\", \"name\": \"x\"}");
        }
        String message = rejected(write(dir, "bom.json", json16(components.toString())));
        assertTrue(message.matches(".*\\(and \\d+ more\\)$"), message);
    }

    @Test
    void unsupportedSpecVersions() throws IOException {
        assertTrue(rejected(write(dir, "a.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"2.0\"}"))
                .contains("unsupported CycloneDX spec version '2.0'; sbomgate reads 1.0 to 1.7"));
        assertTrue(rejected(write(dir, "b.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.8\"}"))
                .contains("unsupported CycloneDX spec version '1.8'; sbomgate reads 1.0 to 1.7"));
        assertTrue(rejected(write(dir, "c.xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.8\" version=\"1\"/>"))
                .contains("unsupported CycloneDX spec version '1.8' (XML namespace 'http://cyclonedx.org/schema/bom/1.8')"));
    }

    @Test
    void missingOrNonTextSpecVersion() throws IOException {
        assertTrue(rejected(write(dir, "a.json", "{\"bomFormat\": \"CycloneDX\"}"))
                .contains("CycloneDX JSON without a \"specVersion\" string (found none)"));
        assertTrue(rejected(write(dir, "b.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": 1.6}"))
                .contains("CycloneDX JSON without a \"specVersion\" string (found '1.6')"));
    }

    @Test
    void jsonOfASpecVersionThatHadNoJson() throws IOException {
        assertTrue(rejected(write(dir, "a.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.1\"}"))
                .contains("declares CycloneDX 1.1 in JSON, but JSON exists only from CycloneDX 1.2 on"));
    }

    @Test
    void largerThanTheLimit() throws IOException {
        Path file = write(dir, "bom.json", json16("") + " ".repeat(2000));
        String message = rejected(new SbomReader(1024, SbomReader.DEFAULT_MAX_DEPTH), file);
        assertTrue(message.contains("is larger than the SBOM size limit of 1 KiB (" + Files.size(file) + " bytes)"), message);
    }

    @Test
    void largerThanTheDefaultLimitIsRefusedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SbomReader.DEFAULT_MAX_BYTES + 1); // sparse: takes no disk space
        }
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(file));
        assertTrue(message.contains("is larger than the SBOM size limit of 512 MiB (536870913 bytes)"), message);
    }

    @Test
    void hostileJsonNesting() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String message = rejected(write(dir, "bom.json", "{\"bomFormat\": \"CycloneDX\", \"x\": " + deep + "}"));
        assertTrue(message.contains("JSON nested deeper than 256 levels (refused as hostile"), message);
    }

    @Test
    void hostileJsonString() throws IOException {
        // Jackson refuses strings over 20,000,000 characters (StreamReadConstraints); a purl never needs that
        String message = rejected(write(dir, "bom.json", json16(
                "{\"type\": \"library\", \"name\": \"" + "a".repeat(20_000_001) + "\"}")));
        assertTrue(message.contains("JSON beyond a parser limit") && message.contains("String value length"), message);
    }

    @Test
    void hostileXmlNesting() throws IOException {
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        String message = rejected(write(dir, "bom.xml",
                "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>" + deep + "</components></bom>"));
        assertTrue(message.contains("XML nested deeper than 256 elements at line 1, column"), message);
    }

    @Test
    void malformedPurlIsBadInputNamingTheComponent() throws IOException {
        String message = rejected(write(dir, "bom.json",
                json16("{\"type\": \"library\", \"bom-ref\": \"left-pad\", \"name\": \"left-pad\", \"purl\": \"npm/left-pad@1.3.0\"}")));
        assertTrue(message.contains("component 'left-pad' has a malformed purl 'npm/left-pad@1.3.0': purl must start with 'pkg:'"), message);
    }

    @Test
    void hashOfTheWrongLengthForItsAlgorithmIsBadInput() throws IOException {
        // 40 hex digits pass the schema's hash-content pattern, but a SHA-256 has 64
        String message = rejected(write(dir, "bom.json", json16("""
                {"type": "library", "bom-ref": "a", "name": "a", "hashes": [
                  {"alg": "SHA-256", "content": "66aa90dc099701c4d3b14bd256c328f592ccf0d6"}]}""")));
        assertTrue(message.contains("component 'a' declares a malformed SHA-256 hash '66aa90dc099701c4d3b14bd256c328f592ccf0d6': "
                + "expected 64 hex digits, found 40 characters"), message);
    }

    @Test
    void twoDifferentValuesForOneAlgorithmAreBadInput() throws IOException {
        String message = rejected(write(dir, "bom.json", json16("""
                {"type": "library", "bom-ref": "a", "name": "a",
                 "hashes": [{"alg": "SHA-1", "content": "66aa90dc099701c4d3b14bd256c328f592ccf0d6"}],
                 "externalReferences": [{"type": "distribution", "url": "https://example.org/a.tgz",
                   "hashes": [{"alg": "SHA-1", "content": "0000000000000000000000000000000000000000"}]}]}""")));
        assertTrue(message.contains("component 'a' declares two different SHA-1 hashes (66aa90dc099701c4… and 0000000000000000…)"), message);
    }

    @Test
    void twoComponentsClaimingOneBomRef() throws IOException {
        String message = rejected(write(dir, "bom.json", json16("""
                {"type": "library", "bom-ref": "lib", "name": "good", "version": "1.0"},
                {"type": "library", "bom-ref": "lib", "name": "evil", "version": "1.0"}""")));
        assertTrue(message.contains("bom-ref 'lib' is declared twice (by 'good@1.0' and 'evil@1.0')"), message);
    }

    @Test
    void bomRefsAreUniqueAcrossTheWholeXmlDocument() throws IOException {
        // the XSD's xs:unique "bom-ref" covers every element (.//*); sbomgate checks it itself, in linear time
        String message = rejected(write(dir, "bom.xml", """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" xmlns:x="urn:example:x" version="1">
                  <components>
                    <component type="library" bom-ref="lib" x:bom-ref="other"><name>lib</name></component>
                  </components>
                  <services>
                    <service bom-ref="lib"><name>svc</name></service>
                  </services>
                </bom>
                """));
        assertTrue(message.contains("bom-ref 'lib' is declared twice at line 6, column"), message);
    }

    @Test
    void aForeignBomRefAttributeIsNotABomRef() throws IOException {
        Path file = write(dir, "bom.xml", """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" xmlns:x="urn:example:x" version="1">
                  <components>
                    <component type="library" bom-ref="a" x:bom-ref="b"><name>a</name></component>
                    <component type="library" bom-ref="b" x:bom-ref="a"><name>b</name></component>
                  </components>
                </bom>
                """);
        assertEquals(2, SbomReader.read(file).components().size());
    }

    @Test
    void componentWithAnEmptyName() throws IOException {
        String message = rejected(write(dir, "bom.json", """
                {"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
                 "components": [{"type": "library", "name": "", "version": "1.0"}]}"""));
        assertTrue(message.contains("component #1 '@1.0' has no name"), message);
    }

    @Test
    void limitsOfTheReaderItselfAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new SbomReader(0, 100));
        assertThrows(IllegalArgumentException.class, () -> new SbomReader(1024, 2));
        assertEquals(512L * 1024 * 1024, SbomReader.DEFAULT_MAX_BYTES);
    }
}
