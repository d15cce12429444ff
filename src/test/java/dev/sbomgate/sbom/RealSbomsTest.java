package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SBOMs made by real generators (src/test/resources/sbom/real, see SOURCES.md) load with what they say. */
class RealSbomsTest {

    private static Inventory load(String name) {
        return SbomReader.read(Fixtures.resource("real/" + name));
    }

    private static Component component(Inventory inventory, String bomRef) {
        return inventory.components().stream().filter(c -> c.bomRef().equals(bomRef)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + bomRef));
    }

    /** Counts as the corpus SOURCES.tsv gives them: every entry of components, nested ones flattened. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "maven-central__commons-lang3-3.17.0-cyclonedx.json, json, 1.5, 2, 2",
            "maven-central__commons-lang3-3.17.0-cyclonedx.xml, xml, 1.5, 2, 2",
            "maven-central__commons-collections4-4.5.0-cyclonedx.json, json, 1.6, 1, 1",
            "maven-central__commons-collections4-4.5.0-cyclonedx.xml, xml, 1.6, 1, 1",
            "cyclonedx-node-npm__package-integrity__bare__bom.1.6.json, json, 1.6, 5, 4",
            "cyclonedx-node-npm__dev-dependencies__bare__bom.1.6.xml, xml, 1.6, 5, 5",
            "cyclonedx-node-npm__bundled-dependencies__bare__bom.1.6.json, json, 1.6, 52, 2",
            "cyclonedx-node-npm__deps-from-git__bare__bom.1.5.xml, xml, 1.5, 99, 96",
            "cyclonedx-gomod__app_minikube-v1.23.1_with-packages.bom.json, json, 1.5, 615, 136",
            "bom-examples__laravel-7.12.0__bom.1.1.xml, xml, 1.1, 62, 62",
            "bom-examples__laravel-7.12.0__bom.1.2.json, json, 1.2, 62, 62",
    })
    void loadsWithTheComponentCountsOfTheCorpus(String name, String format, String spec, int flattened, int topLevel) {
        Inventory inventory = load(name);
        assertEquals(format, inventory.format());
        assertEquals(spec, inventory.specVersion());
        assertEquals(flattened, inventory.components().size(), "flattened components");
        assertEquals(topLevel, inventory.components().stream().filter(c -> c.parentRef() == null).count(), "top level");
        Set<String> refs = new TreeSet<>();
        inventory.components().forEach(c -> assertTrue(refs.add(c.bomRef()), "duplicate bom-ref " + c.bomRef()));
        if (inventory.root() != null) {
            assertTrue(refs.add(inventory.root().bomRef()), "root bom-ref reused");
        }
    }

    @Test
    void mavenPluginSbomCarriesPurlsHashesLicencesScopeAndTheGraph() {
        Inventory inventory = load("maven-central__commons-lang3-3.17.0-cyclonedx.json");
        assertEquals("pkg:maven/org.apache.commons/commons-lang3@3.17.0?type=jar", inventory.root().purl().toString());
        assertEquals(List.of("org.cyclonedx cyclonedx-maven-plugin 2.8.1"), inventory.tools());
        assertNull(inventory.timestamp(), "the SBOM has no metadata.timestamp (reproducible build): none is invented");
        assertEquals("urn:uuid:dd3f4d4a-567f-3a32-a5a0-7d26a6b05b61", inventory.serialNumber());
        assertEquals(1, inventory.version());
        Component text = component(inventory, "pkg:maven/org.apache.commons/commons-text@1.12.0?type=jar");
        assertEquals(Purl.parse("pkg:maven/org.apache.commons/commons-text@1.12.0?type=jar"), text.purl());
        assertEquals("org.apache.commons", text.group());
        assertEquals("commons-text", text.name());
        assertEquals("1.12.0", text.version());
        assertEquals("library", text.type());
        assertEquals("required", text.scope());
        assertEquals(List.of("Apache-2.0"), text.licenses());
        assertEquals(8, text.hashes().size(), "MD5, SHA-1, SHA-256, SHA-384, SHA-512, SHA3-256, SHA3-384, SHA3-512");
        assertEquals(new Digest(HashAlgorithm.SHA_256, "de023257ff166044a56bd1aa9124e843cd05dac5806cc705a9311f3556d5a15f"),
                text.hash(HashAlgorithm.SHA_256).orElseThrow());
        assertEquals(Set.of("pkg:maven/org.apache.commons/commons-text@1.12.0?type=jar"),
                inventory.dependenciesOf("pkg:maven/org.apache.commons/commons-lang3@3.17.0?type=jar"));
        assertEquals(Set.of("pkg:maven/org.apache.commons/commons-lang3@3.14.0?type=jar"), inventory.dependenciesOf(text.bomRef()));
        assertEquals(Set.of(), inventory.dependenciesOf("pkg:maven/org.apache.commons/commons-lang3@3.14.0?type=jar"));
        assertTrue(inventory.dependencies().containsKey("pkg:maven/org.apache.commons/commons-lang3@3.14.0?type=jar"),
                "an entry with no dependsOn is kept: the SBOM says it depends on nothing");
    }

    /** cyclonedx-maven-plugin writes both files from one model: they must convert to the same inventory. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"maven-central__commons-lang3-3.17.0-cyclonedx", "maven-central__commons-collections4-4.5.0-cyclonedx"})
    void jsonAndXmlOfOneReleaseConvertAlike(String name) {
        Inventory json = load(name + ".json");
        Inventory xml = load(name + ".xml");
        assertEquals(json.components(), xml.components());
        assertEquals(json.root(), xml.root());
        assertEquals(json.dependencies(), xml.dependencies());
        assertEquals(json.tools(), xml.tools());
        assertEquals(json.serialNumber(), xml.serialNumber());
        assertEquals(json.timestamp(), xml.timestamp());
        assertEquals(json.version(), xml.version());
    }

    @Test
    void npmSbomNestsComponentsAndKeepsTheIntegrityOfTheTarball() {
        Inventory inventory = load("cyclonedx-node-npm__package-integrity__bare__bom.1.6.json");
        assertEquals("demo-package-integrity", inventory.root().bomRef());
        assertEquals(List.of("npm 11.4.1", "@cyclonedx cyclonedx-library 8.4.0", "@cyclonedx cyclonedx-npm 3.1.0"),
                inventory.tools());
        List<String> order = inventory.components().stream().map(Component::bomRef).toList();
        assertEquals(List.of("demo-package-integrity|base64-js@1.0.1", "demo-package-integrity|buffer@5.4.3",
                "demo-package-integrity|buffer@5.4.3|base64-js@1.3.1", "demo-package-integrity|ieee754@1.1.13",
                "demo-package-integrity|ignore@5.1.4"), order, "depth-first, document order");
        Component nested = component(inventory, "demo-package-integrity|buffer@5.4.3|base64-js@1.3.1");
        assertEquals("demo-package-integrity|buffer@5.4.3", nested.parentRef());
        Component buffer = component(inventory, "demo-package-integrity|buffer@5.4.3");
        assertNull(buffer.parentRef());
        // cyclonedx-npm 3 records the npm integrity only as the hash of the distribution reference
        assertEquals(List.of(new Digest(HashAlgorithm.SHA_384,
                "e61d498b4e0d47671b8e26354a16f2d7a48f077044b42496c5519dc0f5fe00e7b07982b54808f22cb81b278997000554")),
                buffer.hashes());
        assertEquals(List.of("https://registry.npmjs.org/buffer/-/buffer-5.4.3.tgz"), buffer.references("distribution"));
        assertEquals(List.of("MIT"), buffer.licenses());
        SortedSet<String> rootDependencies = inventory.dependenciesOf("demo-package-integrity");
        assertEquals(Set.of("demo-package-integrity|base64-js@1.0.1", "demo-package-integrity|buffer@5.4.3",
                "demo-package-integrity|ignore@5.1.4"), rootDependencies);
    }

    @Test
    void npmXmlSbomKeepsScopedNamesPropertiesAndReferences() {
        Inventory inventory = load("cyclonedx-node-npm__dev-dependencies__bare__bom.1.6.xml");
        Component node = component(inventory, "demo-dev-dependencies@0.0.0|@types/node@20.14.10");
        assertEquals("@types", node.group());
        assertEquals("node", node.name());
        assertEquals("@types", node.purl().namespace());
        assertEquals("types/node", node.purl().subpath());
        assertEquals("pkg:npm/@types/node", node.identity().replace("%40", "@"));
        assertEquals(HashAlgorithm.SHA_512, node.hashes().get(0).algorithm());
        assertEquals(List.of(new Property("cdx:npm:package:development", "true"),
                new Property("cdx:npm:package:path", "node_modules/@types/node")), node.properties());
        assertEquals(List.of("git+https://github.com/DefinitelyTyped/DefinitelyTyped.git#types/node"), node.references("vcs"));
        assertEquals(List.of(new ExternalReference("distribution", "https://registry.npmjs.org/@types/node/-/node-20.14.10.tgz"),
                        new ExternalReference("issue-tracker", "https://github.com/DefinitelyTyped/DefinitelyTyped/issues"),
                        new ExternalReference("vcs", "git+https://github.com/DefinitelyTyped/DefinitelyTyped.git#types/node"),
                        new ExternalReference("website", "https://github.com/DefinitelyTyped/DefinitelyTyped/tree/master/types/node")),
                node.externalReferences());
        assertEquals(Set.of("demo-dev-dependencies@0.0.0|undici-types@5.26.5"), inventory.dependenciesOf(node.bomRef()));
    }

    @Test
    void gomodSbomWithoutBomRefsOnPackagesGetsRefsFromTheirPurls() {
        Inventory inventory = load("cyclonedx-gomod__app_minikube-v1.23.1_with-packages.bom.json");
        assertEquals("pkg:golang/k8s.io/minikube@v1.23.1?type=module#cmd/minikube", inventory.root().bomRef());
        Component module = inventory.components().get(0);
        assertEquals("pkg:golang/cloud.google.com/go@v0.93.3?type=module", module.bomRef());
        assertEquals("linux", module.purl().qualifier("goos"));
        assertEquals("arm64", module.purl().qualifier("goarch"));
        assertEquals("c0f064b59173601702655011bf054aa87d6e123f9a2d7a1f244b6b6f8a0eb22a",
                module.hash(HashAlgorithm.SHA_256).orElseThrow().hex());
        Component firstPackage = inventory.components().get(1);
        assertEquals("pkg:golang/cloud.google.com/go/compute/metadata@v0.93.3?type=package", firstPackage.bomRef(),
                "synthesised from the purl");
        assertEquals(module.bomRef(), firstPackage.parentRef());
        assertTrue(inventory.components().stream().noneMatch(c -> c.name().startsWith("k8s.io/minikube/cmd")),
                "the packages nested in metadata.component are parts of the subject, not components");
        assertEquals(List.of("CycloneDX cyclonedx-gomod v0.0.0-20240914100953-80bf19c27106"), inventory.tools());
    }

    @Test
    void oldComposerSbomsOfSpec11And12Load() {
        Inventory xml = load("bom-examples__laravel-7.12.0__bom.1.1.xml");
        Component cors = xml.components().get(0);
        assertEquals("pkg:composer/asm89/stack-cors@1.3.0", cors.bomRef(), "1.1 has no bom-refs: synthesised from the purl");
        assertEquals("stack-cors", cors.name(), "read from CDATA");
        assertEquals(List.of("MIT"), cors.licenses());
        assertNotNull(cors.purl());

        // its "$schema" names the later 1.2b revision of the schema; the 1.2 schema validates it regardless
        Inventory json = load("bom-examples__laravel-7.12.0__bom.1.2.json");
        assertEquals("asm89/stack-cors-1.3.0.0", json.components().get(0).bomRef());
        assertEquals(Set.of("symfony/http-foundation-5.4.16.0", "symfony/http-kernel-5.4.16.0"),
                json.dependenciesOf("asm89/stack-cors-1.3.0.0"));
        assertEquals(List.of("cyclonedx cyclonedx-php-composer in-dev"), json.tools());
    }
}
