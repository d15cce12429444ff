package dev.sbomgate.sbom;

import static dev.sbomgate.sbom.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON and XML are told apart by content, never by the file's name. */
class SniffingTest {

    @TempDir
    Path dir;

    private static final String JSON = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "components": [{"type": "library", "bom-ref": "a", "name": "a", "version": "1.0"}]}
            """;
    private static final String XML = """
            <?xml version="1.0" encoding="%s"?>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
              <components><component type="library" bom-ref="a"><name>a</name><version>1.0</version></component></components>
            </bom>
            """;

    @Test
    void jsonNamedXmlLoadsAsJson() throws IOException {
        Inventory inventory = SbomReader.read(write(dir, "bom.xml", JSON));
        assertEquals("json", inventory.format());
        assertEquals("a", inventory.components().get(0).bomRef());
    }

    @Test
    void xmlNamedJsonLoadsAsXml() throws IOException {
        Inventory inventory = SbomReader.read(write(dir, "bom.json", XML.formatted("UTF-8")));
        assertEquals("xml", inventory.format());
        assertEquals("a", inventory.components().get(0).bomRef());
    }

    @Test
    void noExtensionAndLeadingWhitespace() throws IOException {
        assertEquals("json", SbomReader.read(write(dir, "sbom", "\n\n   \t" + JSON)).format());
        // an XML declaration must come first, but a document without one may start with whitespace
        String undeclared = XML.formatted("UTF-8").substring(XML.formatted("UTF-8").indexOf("<bom"));
        assertEquals("xml", SbomReader.read(write(dir, "sbom2", "\n  " + undeclared)).format());
    }

    @Test
    void utf8ByteOrderMark() throws IOException {
        Path json = dir.resolve("bom-json");
        Files.write(json, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, JSON.getBytes(StandardCharsets.UTF_8)));
        assertEquals("json", SbomReader.read(json).format());
        Path xml = dir.resolve("bom-xml");
        Files.write(xml, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, XML.formatted("UTF-8").getBytes(StandardCharsets.UTF_8)));
        assertEquals("xml", SbomReader.read(xml).format());
    }

    @Test
    void utf16XmlWithByteOrderMark() throws IOException {
        Path xml = dir.resolve("bom16");
        Files.write(xml, XML.formatted("UTF-16").getBytes(StandardCharsets.UTF_16)); // big-endian with BOM
        Inventory inventory = SbomReader.read(xml);
        assertEquals("xml", inventory.format());
        assertEquals("a", inventory.components().get(0).name());
    }

    @Test
    void xmlInTheEncodingItsDeclarationNames() throws IOException {
        Path xml = dir.resolve("latin1.xml");
        Files.write(xml, XML.formatted("ISO-8859-1").replace("<name>a</name>", "<name>café</name>")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("café", SbomReader.read(xml).components().get(0).name());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
