package dev.sbomgate.sbom;

import static dev.sbomgate.sbom.Fixtures.rejected;
import static dev.sbomgate.sbom.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Deviation;
import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documented list of real generators' deviations (docs/sbom-formats.md): each entry's real file loads and
 * reports the deviation, naming the field and the generator; the generators without deviations load clean; a
 * violation of the same kind in a judged field is still refused.
 */
class GeneratorDeviationsTest {

    @TempDir
    Path dir;

    private static Inventory load(String name) {
        return SbomReader.read(Fixtures.resource("real/" + name));
    }

    @Test
    void npmSbomCycloneDxWithAnScpLikeGitUrlLoadsAndNamesTheFieldAndTheGenerator() {
        Inventory inventory = load("npm-cli-11.19.1__color-name-debug__sbom.cdx.json");
        assertEquals(3, inventory.components().size());
        List<Deviation> deviations = inventory.deviations();
        assertEquals(1, deviations.size(), deviations::toString);
        Deviation d = deviations.get(0);
        assertEquals("cdx-external-reference-url", d.entry());
        assertEquals("/components/0/externalReferences/0/url", d.pointer());
        assertEquals("npm cli 11.19.1", d.generator());
        assertEquals("color-name@1.1.4", d.componentRef());
        assertTrue(d.detail().contains("git@github.com:colorjs/color-name.git"), d.detail());
        // the value is kept as written, for SOURCE_CHANGED and NON_REGISTRY_SOURCE
        assertTrue(inventory.components().get(0).references("vcs").contains("git@github.com:colorjs/color-name.git"));
    }

    @Test
    void theWorkspaceProjectsNpmSbomHasTheSameDeviationForItsColorName() {
        List<Deviation> deviations = load("npm-cli-11.19.1__workspace-link-alias__sbom.cdx.json").deviations();
        assertEquals(1, deviations.size(), deviations::toString);
        assertEquals("color-name@1.1.4", deviations.get(0).componentRef());
    }

    @Test
    void theBomRefOfADeviationIsTheComponentsBomRefInTheInventory() {
        Inventory inventory = load("npm-cli-11.19.1__color-name-debug__sbom.cdx.json");
        String ref = inventory.deviations().get(0).componentRef();
        assertTrue(inventory.components().stream().anyMatch(c -> c.bomRef().equals(ref)), ref);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "cyclonedx-npm-6.0.1__color-name-debug__bom.1.6.json",
            "maven-central__commons-lang3-3.17.0-cyclonedx.json",
            "maven-central__commons-collections4-4.5.0-cyclonedx.json",
            "maven-central__commons-collections4-4.5.0-cyclonedx.xml"})
    void generatorsWithoutADeviationLoadClean(String name) {
        assertEquals(List.of(), load(name).deviations());
    }

    @Test
    void theSameUrlViolationInsideAJudgedFieldIsRefused() {
        // a bom-ref is a refType (a string), so put the bad IRI where the schema is strict and the gate judges:
        // a hash of the same component whose content is not hex
        String text = readNpm().replace("\"url\": \"git@github.com:colorjs/color-name.git\"",
                "\"url\": \"git@github.com:colorjs/color-name.git\", \"hashes\": [{\"alg\": \"SHA-256\", \"content\": \"zz\"}]");
        String message = rejected(writeCopy(text));
        assertTrue(message.contains("/externalReferences/0/hashes/0/content"), message);
    }

    @Test
    void anUntoleratedViolationBesideATolerantOneIsRefusedNamingOnlyTheUntolerated() {
        String text = readNpm().replace("\"name\": \"color-name\"", "\"name\": \"color-name\", \"copyright\": 5");
        String message = rejected(writeCopy(text));
        assertTrue(message.contains("/components/0/copyright"), message);
        assertTrue(!message.contains("externalReferences"), message);
    }

    @Test
    void aDeviationInTheRootComponentHasTheRootsBomRef() {
        String text = readNpm().replaceFirst("\"externalReferences\": \\[\\]",
                "\"externalReferences\": [{\"type\": \"vcs\", \"url\": \"git@example.com:o/r.git\"}]");
        Inventory inventory = SbomReader.read(writeCopy(text));
        assertEquals(2, inventory.deviations().size(), inventory.deviations()::toString);
        Deviation root = inventory.deviations().get(0);
        assertEquals("/metadata/component/externalReferences/0/url", root.pointer());
        assertEquals(inventory.root().bomRef(), root.componentRef());
    }

    @Test
    void judgedSegmentsNeverMatchAnEntry() {
        List<String> iri = List.of("does not match the iri-reference pattern must be a valid RFC 3987 IRI-reference");
        assertEquals(KnownDeviations.Entry.CDX_EXTERNAL_REFERENCE_URL,
                KnownDeviations.match("CycloneDX", "/components/2/externalReferences/1/url", iri));
        assertNull(KnownDeviations.match("CycloneDX", "/components/2/hashes/0/url", iri));
        assertNull(KnownDeviations.match("CycloneDX", "/dependencies/0/externalReferences/0/url", iri));
        assertNull(KnownDeviations.match("CycloneDX", "/components/2/externalReferences/1/url",
                List.of("does not match the regex pattern ^urn:cdx:")), "the anyOf's other branch alone is not the entry");
        assertNull(KnownDeviations.match("SPDX", "/components/2/externalReferences/1/url", iri), "another format");
    }

    private static String readNpm() {
        try {
            return Files.readString(Fixtures.resource("real/npm-cli-11.19.1__color-name-debug__sbom.cdx.json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path writeCopy(String text) {
        try {
            return write(dir, "copy.cdx.json", text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
