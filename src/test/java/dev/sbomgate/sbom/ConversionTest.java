package dev.sbomgate.sbom;

import static dev.sbomgate.sbom.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each CycloneDX field becomes in our records. */
class ConversionTest {

    @TempDir
    Path dir;

    private Inventory inventory;

    private static final String FULL = """
            {
              "bomFormat": "CycloneDX",
              "specVersion": "1.6",
              "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
              "version": 3,
              "metadata": {
                "timestamp": "2024-05-01T12:30:00+02:00",
                "tools": {
                  "components": [{"type": "application", "group": "org.example", "name": "maker", "version": "2.0"}],
                  "services": [{"provider": {"name": "Acme"}, "name": "signer", "version": "1"}]
                },
                "component": {"type": "application", "bom-ref": "root", "name": "shop", "version": "7.0",
                              "purl": "pkg:npm/shop@7.0"}
              },
              "components": [
                {
                  "type": "library", "bom-ref": "lib", "group": "com.example", "name": "Lib", "version": "1.0",
                  "purl": "pkg:maven/com.example/lib@1.0?type=jar",
                  "supplier": {"name": "Example Corp"},
                  "manufacturer": {"name": "Maker GmbH"},
                  "publisher": "Example Pub",
                  "authors": [{"name": "Ann"}, {"email": "bob@example.org"}],
                  "author": "Legacy Author",
                  "scope": "optional",
                  "hashes": [{"alg": "SHA-256", "content": "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"}],
                  "licenses": [{"license": {"id": "MIT"}}, {"license": {"name": "Custom Licence"}}],
                  "externalReferences": [
                    {"type": "vcs", "url": "https://git.example.org/lib"},
                    {"type": "build-meta", "url": "https://ci.example.org/lib/1"},
                    {"type": "distribution", "url": "https://repo.example.org/lib-1.0.jar",
                     "hashes": [{"alg": "SHA-1", "content": "66aa90dc099701c4d3b14bd256c328f592ccf0d6"}]}
                  ],
                  "properties": [{"name": "p", "value": "2"}, {"name": "p", "value": "1"}, {"name": "q"}],
                  "components": [
                    {"type": "file", "name": "inner.bin", "version": "1.0",
                     "components": [{"type": "file", "name": "innermost.bin"}]}
                  ]
                },
                {"type": "operating-system", "name": "os", "version": "1",
                 "licenses": [{"expression": "Apache-2.0 OR MIT"}]},
                {"type": "library", "name": "dup", "version": "1.0", "purl": "pkg:npm/dup@1.0"},
                {"type": "library", "name": "dup", "version": "1.0", "purl": "pkg:npm/dup@1.0", "scope": "excluded"},
                {"type": "library", "name": "x", "version": "1"},
                {"type": "library", "bom-ref": "x@1", "name": "declared-later"}
              ],
              "dependencies": [
                {"ref": "root", "dependsOn": ["lib"]},
                {"ref": "lib", "dependsOn": ["x@1"]},
                {"ref": "lib", "dependsOn": ["pkg:npm/dup@1.0"]},
                {"ref": "x@1"}
              ]
            }
            """;

    @BeforeEach
    void load() throws IOException {
        inventory = SbomReader.read(write(dir, "full.cdx.json", FULL));
    }

    private Component component(String bomRef) {
        return inventory.components().stream().filter(c -> c.bomRef().equals(bomRef)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + bomRef));
    }

    @Test
    void documentLevelFields() {
        assertEquals(dir.resolve("full.cdx.json"), inventory.source());
        assertEquals("json", inventory.format());
        assertEquals("1.6", inventory.specVersion());
        assertEquals("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", inventory.serialNumber());
        assertEquals(3, inventory.version());
        assertEquals(Instant.parse("2024-05-01T10:30:00Z"), inventory.timestamp());
        assertEquals("root", inventory.root().bomRef());
        assertEquals("pkg:npm/shop@7.0", inventory.root().purl().toString());
        assertNull(inventory.root().parentRef());
        assertEquals(List.of("org.example maker 2.0", "Acme signer 1"), inventory.tools());
    }

    @Test
    void nestedComponentsAreFlattenedDepthFirstWithTheirParent() {
        assertEquals(List.of("lib", "inner.bin@1.0", "innermost.bin", "os@1", "pkg:npm/dup@1.0", "pkg:npm/dup@1.0#2",
                        "x@1#2", "x@1"),
                inventory.components().stream().map(Component::bomRef).toList());
        assertEquals("lib", component("inner.bin@1.0").parentRef());
        assertEquals("inner.bin@1.0", component("innermost.bin").parentRef());
        assertNull(component("os@1").parentRef());
    }

    @Test
    void synthesisedBomRefsAvoidDeclaredOnesAndEachOther() {
        // no bom-ref: the purl, else group/name@version; "#2"… only when that is taken, even by a later component
        assertEquals("excluded", component("pkg:npm/dup@1.0#2").scope());
        assertEquals("x", component("x@1#2").name());
        assertEquals("declared-later", component("x@1").name());
    }

    @Test
    void componentFields() {
        Component lib = component("lib");
        assertEquals("pkg:maven/com.example/lib@1.0?type=jar", lib.purl().toString());
        assertEquals("library", lib.type());
        assertEquals("com.example", lib.group());
        assertEquals("Lib", lib.name());
        assertEquals("1.0", lib.version());
        assertEquals("Example Corp", lib.supplier());
        assertEquals("Maker GmbH", lib.manufacturer());
        assertEquals("Example Pub", lib.publisher());
        assertEquals("Ann, bob@example.org, Legacy Author", lib.author());
        assertEquals("optional", lib.scope());
        assertEquals(List.of("Custom Licence", "MIT"), lib.licenses());
        assertEquals(List.of(new Property("p", "2"), new Property("p", "1"), new Property("q", "")), lib.properties(),
                "document order, repeats kept");
        assertEquals(List.of(new ExternalReference("build-meta", "https://ci.example.org/lib/1"),
                new ExternalReference("distribution", "https://repo.example.org/lib-1.0.jar"),
                new ExternalReference("vcs", "https://git.example.org/lib")), lib.externalReferences());
        assertEquals("operating-system", component("os@1").type());
        assertEquals(List.of("Apache-2.0 OR MIT"), component("os@1").licenses());
        assertNull(component("os@1").purl());
        assertNull(component("os@1").supplier());
    }

    @Test
    void hashesOfTheComponentAndOfItsDistributionAreKeptInLowerCase() {
        assertEquals(List.of(
                new Digest(HashAlgorithm.SHA_1, "66aa90dc099701c4d3b14bd256c328f592ccf0d6"),
                new Digest(HashAlgorithm.SHA_256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                component("lib").hashes());
    }

    @Test
    void dependencyEntriesForOneRefAreMerged() {
        Map<String, SortedSet<String>> expected = Map.of(
                "root", new TreeSet<>(Set.of("lib")),
                "lib", new TreeSet<>(Set.of("x@1", "pkg:npm/dup@1.0")),
                "x@1", new TreeSet<>());
        assertEquals(expected, inventory.dependencies());
    }

    @Test
    void readingTwiceGivesTheSameInventory() throws IOException {
        assertEquals(inventory, SbomReader.read(dir.resolve("full.cdx.json")));
    }

    @Test
    void legacyToolsAndNoMetadata() throws IOException {
        Inventory legacy = SbomReader.read(write(dir, "legacy.json", """
                {"bomFormat": "CycloneDX", "specVersion": "1.4", "version": 1,
                 "metadata": {"tools": [{"vendor": "CycloneDX", "name": "cyclonedx-gomod", "version": "v1.2.0"},
                                        {"name": "bare"}]}}
                """));
        assertEquals(List.of("CycloneDX cyclonedx-gomod v1.2.0", "bare"), legacy.tools());
        assertNull(legacy.timestamp(), "no metadata.timestamp: none is invented");
        assertNull(legacy.root());
        assertEquals(List.of(), legacy.components());

        Inventory bare = SbomReader.read(write(dir, "bare.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\"}"));
        assertEquals(1, bare.version(), "CycloneDX's default version");
        assertNull(bare.serialNumber());
        assertEquals(List.of(), bare.tools());
        assertEquals(Map.of(), bare.dependencies());
    }

    @Test
    void xmlWithAPrefixedCycloneDxNamespace() throws IOException {
        Inventory xml = SbomReader.read(write(dir, "prefixed.xml", """
                <cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.4" version="1">
                  <cdx:components>
                    <cdx:component type="library" bom-ref="p"><cdx:name>p</cdx:name><cdx:version>2</cdx:version>
                      <cdx:purl>pkg:pypi/p@2</cdx:purl></cdx:component>
                  </cdx:components>
                </cdx:bom>
                """));
        assertEquals("1.4", xml.specVersion());
        assertEquals("pkg:pypi/p@2", xml.components().get(0).purl().toString());
    }

    @Test
    void xmlTimestampAndComponentLevelDependencyGraphOfSpec11() throws IOException {
        Inventory xml = SbomReader.read(write(dir, "graph.xml", """
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.1" xmlns:dg="http://cyclonedx.org/schema/ext/dependency-graph/1.0" version="1">
                  <components>
                    <component type="library" bom-ref="a"><name>a</name><version>1</version>
                      <dg:dependencies><dg:dependency ref="b"><dg:dependency ref="c"/></dg:dependency></dg:dependencies>
                    </component>
                    <component type="library" bom-ref="b"><name>b</name><version>1</version></component>
                    <component type="library" bom-ref="c"><name>c</name><version>1</version></component>
                  </components>
                </bom>
                """));
        assertEquals(Set.of("b"), xml.dependenciesOf("a"));
        assertEquals(Set.of("c"), xml.dependenciesOf("b"));
        assertEquals(3, xml.components().size());

        Inventory timed = SbomReader.read(write(dir, "timed.xml", """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="2">
                  <metadata><timestamp>2021-02-03T04:05:06Z</timestamp></metadata>
                </bom>
                """));
        assertEquals(Instant.parse("2021-02-03T04:05:06Z"), timed.timestamp());
        assertEquals(2, timed.version());
    }
}
