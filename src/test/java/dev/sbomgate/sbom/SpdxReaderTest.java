package dev.sbomgate.sbom;

import static dev.sbomgate.sbom.Fixtures.rejected;
import static dev.sbomgate.sbom.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPDX 2.2/2.3 JSON and tag-value, SPDX 3.0.1 JSON-LD: validated, recognised by content, mapped to the inventory. */
class SpdxReaderTest {

    @TempDir
    Path dir;

    private static Inventory load(String name) {
        return SbomReader.read(Fixtures.resource(name));
    }

    private static Component byRef(Inventory inventory, String ref) {
        return inventory.components().stream().filter(c -> c.bomRef().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ref));
    }

    @Test
    void npmSbomSpdxMapsPurlsChecksumsLicencesRelationshipsAndDocumentIdentity() {
        Inventory inventory = load("real/npm-cli-11.19.1__color-name-debug__sbom.spdx.json");
        assertEquals("json", inventory.format());
        assertEquals("SPDX-2.3", inventory.specVersion());
        assertEquals("http://spdx.org/spdxdocs/npmproj-1.0.0-4dc6ab29-9f00-4d64-b8fc-73fdd3e5d13d", inventory.serialNumber());
        assertEquals(Instant.parse("2026-12-07T03:03:22.692Z"), inventory.timestamp());
        assertEquals(List.of("npm/cli-11.19.1"), inventory.tools());
        assertEquals("pkg:npm/npmproj@1.0.0", inventory.root().purl().toString(), "documentDescribes is the root");
        Component colorName = byRef(inventory, "SPDXRef-Package-color-name-1.1.4");
        assertEquals("pkg:npm/color-name@1.1.4", colorName.purl().toString());
        assertEquals("1.1.4", colorName.version());
        assertEquals(List.of("MIT"), colorName.licenses());
        assertEquals(new Digest(HashAlgorithm.SHA_512, "74ecbedc0b96ddadb035b64722e319a537208c6b8b53fb812ffb9b71917d3976"
                + "c3a3c7dfe0ef32569e417f479f4bcb84a18a39ab8171edd63d3a04065e002c40"), colorName.hashes().get(0));
        // DEPENDENCY_OF read the right way round
        assertEquals(Set.of("SPDXRef-Package-ms-2.1.2"), inventory.dependenciesOf("SPDXRef-Package-debug-4.3.4"));
        assertEquals(Set.of("SPDXRef-Package-color-name-1.1.4", "SPDXRef-Package-debug-4.3.4"),
                inventory.dependenciesOf("SPDXRef-Package-npmproj-1.0.0"));
        assertEquals(List.of(), inventory.deviations(), "npm's SPDX output is valid against the 2.3 schema");
    }

    @Test
    void downloadLocationIsADistributionReference() {
        Inventory inventory = load("real/npm-cli-11.19.1__workspace-link-alias__sbom.spdx.json");
        assertEquals(List.of("https://registry.npmjs.org/ms/-/ms-2.1.3.tgz"),
                byRef(inventory, "SPDXRef-Package-ms-2.1.3").references("distribution"));
    }

    /** The SPDX specification's own examples: the JSON and tag-value forms of one document map to one inventory. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"SPDX-2.2, SPDXJSONExample-v2.2.spdx.json, SPDXTagExample-v2.2.spdx",
            "SPDX-2.3, SPDXJSONExample-v2.3.spdx.json, SPDXTagExample-v2.3.spdx"})
    void theSpecsJsonAndTagValueExamplesGiveTheSameInventory(String version, String json, String tagValue) {
        Inventory a = load("spdx/" + json);
        Inventory b = load("spdx/" + tagValue);
        assertEquals(version, a.specVersion());
        assertEquals(version, b.specVersion());
        assertEquals("json", a.format());
        assertEquals("tag-value", b.format());
        assertEquals(a.components(), b.components());
        assertEquals(a.root(), b.root());
        assertEquals(a.serialNumber(), b.serialNumber());
        assertEquals(a.timestamp(), b.timestamp());
        assertEquals(a.tools(), b.tools());
        assertEquals("glibc", a.root().name());
        Component jena = byRef(a, "SPDXRef-fromDoap-0");
        assertEquals("pkg:maven/org.apache.jena/apache-jena@3.12.0", jena.purl().toString());
        Component saxon = byRef(a, "SPDXRef-Saxon");
        assertEquals(HashAlgorithm.SHA_1, saxon.hashes().get(0).algorithm());
        assertEquals(List.of("MPL-1.0"), saxon.licenses());
    }

    @Test
    void spdx3MapsPurlsHashesLicencesRelationshipsSupplierAndIdentity() {
        Inventory inventory = load("spdx/color-name-debug.spdx3.json");
        assertEquals("json-ld", inventory.format());
        assertEquals("SPDX-3.0.1", inventory.specVersion());
        assertEquals("urn:sbomgate-test:doc:npmproj-1.0.0", inventory.serialNumber());
        assertEquals(Instant.parse("2026-12-07T03:03:22Z"), inventory.timestamp());
        assertEquals(List.of("hand-written from npm sbom"), inventory.tools());
        assertEquals("pkg:npm/npmproj@1.0.0", inventory.root().purl().toString(), "software_Sbom rootElement");
        Component colorName = byRef(inventory, "urn:sbomgate-test:pkg:color-name");
        assertEquals("pkg:npm/color-name@1.1.4", colorName.purl().toString(), "externalIdentifier packageUrl");
        assertEquals(HashAlgorithm.SHA_512, colorName.hashes().get(0).algorithm());
        assertEquals(List.of("MIT"), colorName.licenses());
        assertEquals(List.of(new ExternalReference("website", "https://github.com/colorjs/color-name")),
                colorName.externalReferences());
        assertEquals("sbomgate tests", byRef(inventory, "urn:sbomgate-test:pkg:debug").supplier());
        assertEquals(Set.of("urn:sbomgate-test:pkg:ms"), inventory.dependenciesOf("urn:sbomgate-test:pkg:debug"));
    }

    @Test
    void theSpdxSpecs3Example() {
        Inventory inventory = load("spdx/spdx-spec-3.0.1-package_sbom.json");
        assertEquals("my-package", inventory.root().name());
        assertEquals("Joshua Watt", inventory.root().author());
        assertEquals(List.of(), inventory.components());
    }

    @Test
    void theSameProjectInCycloneDxSpdx2AndSpdx3GivesTheSameComponentSet() {
        Set<String> cdx = purls(load("real/npm-cli-11.19.1__color-name-debug__sbom.cdx.json"));
        assertEquals(Set.of("pkg:npm/color-name@1.1.4", "pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.2"), cdx);
        assertEquals(cdx, purls(load("real/npm-cli-11.19.1__color-name-debug__sbom.spdx.json")));
        assertEquals(cdx, purls(load("spdx/color-name-debug.spdx3.json")));
        assertEquals(cdx, purls(load("real/npm-cli-11.19.1__color-name-debug__package-lock.json")));
        assertEquals(cdx, purls(load("real/cyclonedx-npm-6.0.1__color-name-debug__bom.1.6.json")));
        Set<String> workspace = purls(load("real/npm-cli-11.19.1__workspace-link-alias__sbom.cdx.json"));
        assertEquals(workspace, purls(load("real/npm-cli-11.19.1__workspace-link-alias__sbom.spdx.json")));
        assertEquals(workspace, purls(load("real/npm-cli-11.19.1__workspace-link-alias__package-lock.v3.json")));
    }

    @Test
    void theSameProjectsHashesAgreeAcrossFormats() {
        Inventory cdx = load("real/npm-cli-11.19.1__color-name-debug__sbom.cdx.json");
        Inventory spdx = load("real/npm-cli-11.19.1__color-name-debug__sbom.spdx.json");
        Inventory lock = load("real/npm-cli-11.19.1__color-name-debug__package-lock.json");
        for (Component c : cdx.components()) {
            assertEquals(c.hashes(), find(spdx, c).hashes(), c.label());
            assertEquals(c.hashes(), find(lock, c).hashes(), c.label());
        }
    }

    /** A CycloneDX baseline and an SPDX candidate of the same project (and the reverse) compare component by component. */
    @Test
    void aCycloneDxBaselineAndAnSpdxCandidateDiffComponentByComponent() {
        Inventory cdx = load("real/npm-cli-11.19.1__color-name-debug__sbom.cdx.json");
        Inventory spdx = load("real/npm-cli-11.19.1__color-name-debug__sbom.spdx.json");
        for (List<dev.sbomgate.diff.Change> changes : List.of(dev.sbomgate.diff.SbomDiff.compare(cdx, spdx),
                dev.sbomgate.diff.SbomDiff.compare(spdx, cdx))) {
            Set<dev.sbomgate.diff.ChangeKind> kinds = changes.stream().map(dev.sbomgate.diff.Change::kind)
                    .collect(Collectors.toSet());
            for (dev.sbomgate.diff.ChangeKind judged : List.of(dev.sbomgate.diff.ChangeKind.ADDED,
                    dev.sbomgate.diff.ChangeKind.REMOVED, dev.sbomgate.diff.ChangeKind.UPGRADED,
                    dev.sbomgate.diff.ChangeKind.DOWNGRADED, dev.sbomgate.diff.ChangeKind.VERSION_CHANGED,
                    dev.sbomgate.diff.ChangeKind.SAME_VERSION_DIFFERENT_HASHES,
                    dev.sbomgate.diff.ChangeKind.HASH_ALGORITHMS_CHANGED)) {
                assertTrue(!kinds.contains(judged), judged + " in " + changes);
            }
        }
        // and a real difference is seen across formats: the SPDX candidate without ms
        Inventory lock = load("real/npm-cli-11.19.1__workspace-link-alias__package-lock.v3.json");
        List<dev.sbomgate.diff.Change> changes = dev.sbomgate.diff.SbomDiff.compare(cdx, lock);
        assertTrue(changes.stream().anyMatch(c -> c.kind() == dev.sbomgate.diff.ChangeKind.UPGRADED
                && c.identity().contains("ms")), changes::toString);
    }

    private static Component find(Inventory inventory, Component like) {
        return inventory.components().stream().filter(c -> c.purl().equals(like.purl())).findFirst().orElseThrow();
    }

    private static Set<String> purls(Inventory inventory) {
        return inventory.components().stream().map(c -> c.purl().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void recognisedByContentNeverByName() throws IOException {
        Path spdx = Files.copy(Fixtures.resource("real/npm-cli-11.19.1__color-name-debug__sbom.spdx.json"),
                dir.resolve("bom.cdx.xml"));
        assertEquals("SPDX-2.3", SbomReader.read(spdx).specVersion());
        Path tag = Files.copy(Fixtures.resource("spdx/SPDXTagExample-v2.3.spdx"), dir.resolve("bom.json"));
        assertEquals("tag-value", SbomReader.read(tag).format());
        Path lock = Files.copy(Fixtures.resource("real/npm-cli-11.19.1__color-name-debug__package-lock.json"),
                dir.resolve("sbom.spdx.json"));
        assertEquals("npm-lockfile-3", SbomReader.read(lock).specVersion());
    }

    @Test
    void aSchemaViolationOfSpdx2IsRefusedNamingThePointer() throws IOException {
        String text = Files.readString(Fixtures.resource("real/npm-cli-11.19.1__color-name-debug__sbom.spdx.json"))
                .replace("\"filesAnalyzed\": false", "\"filesAnalyzed\": \"no\"");
        String message = rejected(write(dir, "bad.json", text));
        assertTrue(message.contains("SPDX-2.3 JSON schema") && message.contains("/packages/0/filesAnalyzed"), message);
    }

    @Test
    void aSchemaViolationOfSpdx3IsRefused() throws IOException {
        String text = Files.readString(Fixtures.resource("spdx/color-name-debug.spdx3.json"))
                .replace("\"software_packageVersion\": \"2.1.2\"", "\"software_packageVersion\": 212");
        String message = rejected(write(dir, "bad3.json", text));
        assertTrue(message.contains("SPDX 3.0.1 JSON schema"), message);
    }

    @Test
    void anotherSpdx3ContextIsRefused() throws IOException {
        String text = Files.readString(Fixtures.resource("spdx/color-name-debug.spdx3.json"))
                .replace("3.0.1/spdx-context", "3.0.0/spdx-context");
        assertTrue(rejected(write(dir, "old3.json", text)).contains("unsupported SPDX 3 JSON-LD context"));
    }

    @Test
    void judgedFieldsAreCheckedLikeCycloneDx() throws IOException {
        String original = Files.readString(Fixtures.resource("real/npm-cli-11.19.1__color-name-debug__sbom.spdx.json"));
        assertTrue(rejected(write(dir, "purl.json", original.replace("pkg:npm/color-name@1.1.4", "pkg:/nope")))
                .contains("malformed purl"));
        assertTrue(rejected(write(dir, "dup.json", original.replace("SPDXRef-Package-ms-2.1.2", "SPDXRef-Package-debug-4.3.4")))
                .contains("declared by two packages"));
        assertTrue(rejected(write(dir, "alg.json", original.replaceFirst("\"SHA512\"", "\"ADLER32\"")))
                .contains("ADLER32"));
        assertTrue(rejected(write(dir, "v.json", original.replace("SPDX-2.3", "SPDX-2.1")))
                .contains("unsupported SPDX version"));
    }

    @Test
    void tagValueGrammarViolationsAreRefusedNamingTheLine() throws IOException {
        String head = "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: x\n"
                + "DocumentNamespace: https://example.com/x\nCreator: Tool: t\nCreated: 2024-01-01T00:00:00Z\n";
        assertTrue(rejected(write(dir, "a.spdx", head + "this is not a tag\n")).contains("line 8 is not 'Tag: value'"));
        assertTrue(rejected(write(dir, "b.spdx", head + "PackageName: p\nPackageComment: <text>never closed\n"))
                .contains("never closed"));
        assertTrue(rejected(write(dir, "c.spdx", head + "PackageNme: p\n")).contains("unknown tag 'PackageNme'"));
        assertTrue(rejected(write(dir, "d.spdx", head + "PackageName: p\nSPDXID: SPDXRef-p\n"))
                .contains("downloadLocation"), "a package without its required download location fails the schema");
        Inventory ok = SbomReader.read(write(dir, "e.spdx", head + "# comment\n\nPackageName: p\nSPDXID: SPDXRef-p\n"
                + "PackageDownloadLocation: NOASSERTION\nPackageVersion: 1.0\n"
                + "ExternalRef: PACKAGE-MANAGER purl pkg:npm/p@1.0\n"));
        assertEquals("pkg:npm/p@1.0", ok.components().get(0).purl().toString());
        assertNull(ok.root());
    }
}
