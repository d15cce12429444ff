package dev.sbomgate.sbom;

import static dev.sbomgate.sbom.Fixtures.rejected;
import static dev.sbomgate.sbom.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML SBOMs are hostile input: no DTD is processed (no XXE, no entity expansion, no fetching), and elements of
 * other namespaces, which the CycloneDX XSD admits, never turn into components or their hashes.
 */
class XmlHardeningTest {

    @TempDir
    Path dir;

    private static String bomWithDoctype(String doctype, String name) {
        return """
                <?xml version="1.0"?>
                %s
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                  <components>
                    <component type="library"><name>%s</name><version>1.0</version></component>
                  </components>
                </bom>
                """.formatted(doctype, name);
    }

    @Test
    void externalEntityReadingALocalFileIsRefusedAndLeaksNothing() throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        Path secretFile = write(dir, "secret.txt", secret);
        Path file = write(dir, "xxe.xml", bomWithDoctype(
                "<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>", "&xxe;"));
        String message = rejected(file);
        assertTrue(message.contains("XML with a DOCTYPE declaration at line 2, column") && message.contains("is refused"), message);
        assertFalse(message.contains(secret), message);
    }

    @Test
    void externalEntityReadingEtcHostnameLeaksNothing() throws IOException {
        Path hostname = Path.of("/etc/hostname");
        assumeTrue(Files.isReadable(hostname) && !Files.readString(hostname).isBlank(), "no /etc/hostname here");
        String content = Files.readString(hostname).trim();
        Path file = write(dir, "xxe.xml", bomWithDoctype("<!DOCTYPE bom [<!ENTITY h SYSTEM \"file:///etc/hostname\">]>", "&h;"));
        String message = rejected(file);
        assertTrue(message.contains("DOCTYPE"), message);
        assertFalse(message.contains(content), message);
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE bom [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Path file = write(dir, "lol.xml", bomWithDoctype(dtd.toString(), "&lol9;"));
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(file));
        assertTrue(message.contains("XML with a DOCTYPE declaration"), message);
    }

    @Test
    void externalDtdIsNeverFetched() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY x \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            Path external = write(dir, "external.xml", bomWithDoctype("<!DOCTYPE bom SYSTEM \"" + url + "\">", "&x;"));
            Path parameter = write(dir, "parameter.xml", bomWithDoctype(
                    "<!DOCTYPE bom [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>", "x"));
            assertTrue(rejected(external).contains("DOCTYPE"));
            assertTrue(rejected(parameter).contains("DOCTYPE"));
            assertEquals(0, requests.get(), "the DTD was fetched");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUndeclaredEntityIsMalformed() throws IOException {
        String message = rejected(write(dir, "entity.xml", bomWithDoctype("", "&undeclared;")));
        assertTrue(message.contains("malformed XML at line 5, column"), message);
    }

    @Test
    void foreignElementsNeitherBecomeComponentsNorReplaceHashes() throws IOException {
        // The XSD lets other namespaces in (##other); Jackson's XML mapper would read <x:component> as a
        // component and <x:hashes> as the component's hashes, since it ignores namespaces.
        Path file = write(dir, "extended.xml", """
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" xmlns:x="urn:example:x" version="1">
                  <components>
                    <component type="library" bom-ref="real" x:bom-ref="shadow">
                      <name>real</name>
                      <version>1.0</version>
                      <hashes>
                        <hash alg="SHA-256">9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08</hash>
                      </hashes>
                      <x:hashes>
                        <hash alg="SHA-256">0000000000000000000000000000000000000000000000000000000000000000</hash>
                      </x:hashes>
                    </component>
                    <x:component type="library">
                      <name>smuggled</name>
                      <version>6.6.6</version>
                    </x:component>
                  </components>
                </bom>
                """);
        Inventory inventory = SbomReader.read(file);
        assertEquals(List.of("real"), inventory.components().stream().map(Component::bomRef).toList());
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                inventory.components().get(0).hash(HashAlgorithm.SHA_256).orElseThrow().hex());
        assertEquals(1, inventory.components().get(0).hashes().size());
    }

    @Test
    void xincludeIsNotProcessed() throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        Path secretFile = write(dir, "secret.txt", secret);
        Path file = write(dir, "xinclude.xml", """
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" xmlns:xi="http://www.w3.org/2001/XInclude" version="1">
                  <components>
                    <component type="library"><name>a</name><version>1</version></component>
                    <xi:include href="%s" parse="text"/>
                  </components>
                </bom>
                """.formatted(secretFile.toUri()));
        Inventory inventory = SbomReader.read(file);
        assertEquals(1, inventory.components().size());
        assertFalse(inventory.toString().contains(secret));
    }
}
