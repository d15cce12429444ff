package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CycloneDX 1.7, validated against the bundled 1.7 schemas and bound to the 1.6 beans: what the gate judges comes
 * through (the spec's own 1.7 vectors, src/test/resources/sbom/spec/1.7), in JSON and XML alike.
 */
class CycloneDx17Test {

    private static Inventory read(String name) {
        return SbomReader.read(Fixtures.resource("spec/1.7/" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void hashesOfEveryAlgorithmAreMapped(String syntax) {
        Inventory inventory = read("valid-component-hashes-1.7." + syntax);
        assertEquals("1.7", inventory.specVersion());
        assertEquals(syntax, inventory.format());
        Component c = inventory.components().get(0);
        assertEquals("acme-example", c.name());
        assertEquals("74a51ff45e4c11df9ba1f0094282c80489649cb157a75fa337992d2d4592a5a1b8cb4525de8db0ae25233553924d76c36e093ea7fa9df4e5b8b07fd2e074efd6",
                c.hash(HashAlgorithm.SHA_512).orElseThrow().hex());
        assertEquals("641b6e166f8b33c5e959e2adcc18b1c7", c.hash(HashAlgorithm.MD5).orElseThrow().hex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void dependenciesAreMapped(String syntax) {
        Inventory inventory = read("valid-dependency-1.7." + syntax);
        assertEquals(Set.of("library-c"), inventory.dependenciesOf("library-b"));
        assertEquals(Set.of(), inventory.dependenciesOf("library-a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void licenceIdsNamesAndExpressionsOfOneComponentAreAllKept(String syntax) {
        Component a = read("valid-license-declared-concluded-mix-1.7." + syntax).components().get(0);
        assertEquals("situation-A", a.name());
        assertEquals(List.of("(MIT OR PostgreSQL OR Apache-2.0)", "Apache Software License", "MIT", "PostgreSQL"), a.licenses());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void anExpressionWithLicensingDetailsKeepsItsExpression(String syntax) {
        Component c = read("valid-license-expression-with-licensing-1.7." + syntax).components().get(0);
        assertEquals(List.of("LicenseRef-AcmeCommercialLicense"), c.licenses());
        assertEquals("Acme Inc", c.publisher());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void externalReferencesAreMapped(String syntax) {
        Component c = read("valid-external-reference-1.7." + syntax).components().get(0);
        assertEquals(List.of("https://example.org/security/feed/csaf"), c.references("advisories"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-bom-1.7", "valid-patent-1.7", "valid-metadata-supplier-1.7",
        "valid-component-types-1.7", "valid-external-reference-1.7", "valid-license-expression-with-text-1.7"})
    void theJsonAndXmlTwinsOfAVectorGiveTheSameComponents(String name) {
        assertEquals(components(read(name + ".json")), components(read(name + ".xml")));
    }

    /** The XSD cannot say "versionRange only with isExternal" (the JSON schema can): these XML vectors load. */
    @ParameterizedTest
    @ValueSource(strings = {"explicit", "implicit"})
    void informalInvalidVectorsLoadAsTheXsdAllowsWhileTheirJsonTwinsAreRefused(String kind) {
        Inventory xml = read("informal-invalid-component-versionRange-non-external-" + kind + ".xml");
        assertEquals("1.7", xml.specVersion());
        Fixtures.rejected(Fixtures.resource("spec/1.7/invalid-component-versionRange-non-external-" + kind + ".json"));
    }

    private static Set<String> components(Inventory inventory) {
        Set<String> out = new TreeSet<>();
        for (Component c : inventory.components()) {
            out.add(c.bomRef() + " " + c.purl() + " " + c.label() + " " + c.hashes() + " " + c.licenses() + " " + c.supplier());
        }
        return out;
    }

}
