package dev.sbomgate.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BaselineJsonTest {
    private static final String SOURCE = ".sbomgate/baseline.json";

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void writeReadWriteIsByteIdentical() {
        for (Baseline baseline : List.of(TestBaselines.sample(1), TestBaselines.sample(7), TestBaselines.large(50, 3))) {
            byte[] first = BaselineJson.write(baseline);
            byte[] second = BaselineJson.write(BaselineJson.read(first, SOURCE));
            assertArrayEquals(first, second);
        }
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Baseline original = TestBaselines.sample(2);
        Baseline read = BaselineJson.read(BaselineJson.write(original), SOURCE);
        assertEquals(original.components().size(), read.components().size());
        for (int i = 0; i < original.components().size(); i++) {
            BaselineComponent expected = original.components().get(i);
            BaselineComponent actual = read.components().get(i);
            // Properties are written sorted (an unordered bag in CycloneDX); everything else is as given.
            Component e = expected.component();
            List<Property> sortedProperties = e.properties().stream()
                    .sorted(java.util.Comparator.comparing(Property::name).thenComparing(Property::value)).toList();
            Component expectedComponent = new Component(e.bomRef(), e.purl(), e.type(), e.group(), e.name(), e.version(),
                    e.hashes(), e.supplier(), e.publisher(), e.author(), e.manufacturer(), e.licenses(),
                    e.externalReferences(), e.scope(), sortedProperties, e.parentRef());
            assertEquals(expectedComponent, actual.component());
            assertEquals(expected.artifactDigests(), actual.artifactDigests());
            assertEquals(expected.signatureKind(), actual.signatureKind());
            assertEquals(expected.signer(), actual.signer());
            assertEquals(expected.signatureCreated(), actual.signatureCreated());
            assertEquals(expected.content(), actual.content());
        }
        assertEquals(original.sbomSerialNumber(), read.sbomSerialNumber());
        assertEquals(original.sbomVersion(), read.sbomVersion());
        assertEquals(original.sbomTimestamp(), read.sbomTimestamp());
        assertEquals(original.sbomSha256(), read.sbomSha256());
        assertEquals(original.trustStoreDigest(), read.trustStoreDigest());
        assertEquals(original.dependencies(), read.dependencies());
    }

    @Test
    void writesTheDocumentedLayout() {
        Baseline baseline = new Baseline(null, 1, null, TestBaselines.sha("x"), null,
                List.of(TestBaselines.unsigned(TestBaselines.minimalComponent("a", "b"))), null);
        String expected = """
                {
                  "format": 3,
                  "sbom": {
                    "format": "CYCLONEDX",
                    "specVersion": null,
                    "encoding": null,
                    "serialNumber": null,
                    "version": 1,
                    "timestamp": null,
                    "sha256": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
                  },
                  "trustStoreDigest": null,
                  "trust": null,
                  "feed": null,
                  "components": [
                    {
                      "bomRef": "b",
                      "purl": null,
                      "type": null,
                      "group": null,
                      "name": "a",
                      "version": null,
                      "hashes": [],
                      "supplier": null,
                      "publisher": null,
                      "author": null,
                      "manufacturer": null,
                      "licenses": [],
                      "externalReferences": [],
                      "scope": null,
                      "properties": [],
                      "parentRef": null,
                      "artifactDigests": [],
                      "signature": null,
                      "content": null,
                      "evidence": null
                    }
                  ],
                  "dependencies": {}
                }
                """;
        assertEquals(expected, text(BaselineJson.write(baseline)));
    }

    @Test
    void lineEndsAreLfAndTheFileEndsWithOne() {
        String json = text(BaselineJson.write(TestBaselines.sample(1)));
        assertFalse(json.contains("\r"));
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.endsWith("\n\n"));
    }

    @Test
    void inputOrderNeverChangesTheBytes() {
        Baseline sample = TestBaselines.sample(4);
        List<BaselineComponent> components = new ArrayList<>(sample.components());
        // Two entries equal in identity and version, differing only by bom-ref: their order must not show either.
        components.add(TestBaselines.unsigned(TestBaselines.fullComponent("pkg:npm/%40acme/left-pad@2.0.4", "left-pad-dup")));
        byte[] expected = null;
        Random random = new Random(42);
        for (int round = 0; round < 10; round++) {
            List<BaselineComponent> shuffled = new ArrayList<>();
            for (BaselineComponent c : components) {
                Component x = c.component();
                List<Property> properties = new ArrayList<>(x.properties());
                Collections.shuffle(properties, random);
                List<Digest> hashes = new ArrayList<>(x.hashes());
                Collections.shuffle(hashes, random);
                Component reordered = new Component(x.bomRef(), x.purl(), x.type(), x.group(), x.name(), x.version(),
                        hashes, x.supplier(), x.publisher(), x.author(), x.manufacturer(), x.licenses(),
                        x.externalReferences(), x.scope(), properties, x.parentRef());
                shuffled.add(new BaselineComponent(reordered, c.artifactDigests(), c.signatureKind(), c.signer(),
                        c.signatureCreated()));
            }
            Collections.shuffle(shuffled, random);
            List<String> keys = new ArrayList<>(sample.dependencies().keySet());
            Collections.shuffle(keys, random);
            SortedMap<String, SortedSet<String>> dependencies = new TreeMap<>();
            keys.forEach(k -> dependencies.put(k, new TreeSet<>(sample.dependencies().get(k))));
            Baseline baseline = new Baseline(sample.sbomSerialNumber(), sample.sbomVersion(), sample.sbomTimestamp(),
                    sample.sbomSha256(), sample.trustStoreDigest(), shuffled, dependencies);
            byte[] bytes = BaselineJson.write(baseline);
            if (expected == null) {
                expected = bytes;
            } else {
                assertArrayEquals(expected, bytes, "round " + round);
            }
        }
    }

    @Test
    void writingRefusesAnSbomDigestItCouldNotReadBack() {
        Baseline bad = new Baseline(null, 1, null, "ABC", null, List.of(), null);
        assertThrows(IllegalArgumentException.class, () -> BaselineJson.write(bad));
    }

    /** A valid file, then one edit; each must fail naming the file, the JSON path and the problem. */
    static Stream<Arguments> malformed() {
        String valid = text(BaselineJson.write(TestBaselines.sample(1)));
        String core = "\"purl\": \"pkg:maven/org.acme/core@1.1.0?type=jar\"";
        // Written order: name:vendored-thing, pkg:maven/org.acme/core, pkg:maven/org.acme/shaded, pkg:npm/%40acme/left-pad.
        return Stream.of(
                Arguments.of("format 4", valid.replace("\"format\": 3", "\"format\": 4"),
                        "format: expected format 1 to 3 but found 4: this baseline was written by a newer sbomgate version"),
                Arguments.of("format 0", valid.replace("\"format\": 3", "\"format\": 0"),
                        "format: expected format 1 to 3 but found 0: this baseline was written by another sbomgate version"),
                Arguments.of("format as text", valid.replace("\"format\": 3", "\"format\": \"3\""),
                        "format: expected format 1 to 3 but found a string"),
                Arguments.of("no format", valid.replace("\"format\": 3,", ""), "format: expected format 1 to 3 but found nothing"),
                Arguments.of("unknown root key", valid.replace("\"format\": 3,", "\"format\": 3, \"extra\": true,"),
                        "extra: unknown key"),
                Arguments.of("content in a format 1 file", TestBaselines.downgrade(valid, 1, true),
                        "components[0].content: unknown key"),
                Arguments.of("evidence in a format 2 file", TestBaselines.downgrade(valid, 2, true)
                                .replace("\"content\": null", "\"content\": null, \"evidence\": null"),
                        "components[0].evidence: unknown key"),
                Arguments.of("trust in a format 2 file", TestBaselines.downgrade(valid, 2, true)
                                .replace("\"components\": [", "\"trust\": null, \"components\": ["),
                        "trust: unknown key"),
                Arguments.of("sbom.format in a format 2 file", TestBaselines.downgrade(valid, 2, true)
                                .replace("\"sha256\": \"" + TestBaselines.sha("sbom-1") + "\"",
                                        "\"sha256\": \"" + TestBaselines.sha("sbom-1") + "\", \"format\": \"SPDX\""),
                        "sbom.format: unknown key"),
                Arguments.of("unknown SBOM format", valid.replace("\"format\": \"CYCLONEDX\"", "\"format\": \"SWID\""),
                        "sbom.format: malformed SBOM format 'SWID'"),
                Arguments.of("no SBOM format", valid.replace("\"format\": \"CYCLONEDX\",", ""),
                        "sbom.format: required key is missing"),
                // schemaValid lets check skip the schema pass for the approved bytes: only the one value sbomgate
                // writes is accepted, and only for the one kind of SBOM it writes it for (CycloneDX JSON).
                Arguments.of("schemaValid false", schemaValid(valid, "CYCLONEDX", "JSON", "false"),
                        "sbom.schemaValid: is written only as true, for a CycloneDX JSON SBOM"),
                Arguments.of("schemaValid as text", schemaValid(valid, "CYCLONEDX", "JSON", "\"true\""),
                        "sbom.schemaValid: is written only as true, for a CycloneDX JSON SBOM"),
                Arguments.of("schemaValid for SPDX", schemaValid(valid, "SPDX", "JSON", "true"),
                        "sbom.schemaValid: is written only as true, for a CycloneDX JSON SBOM"),
                Arguments.of("schemaValid for XML", schemaValid(valid, "CYCLONEDX", "XML", "true"),
                        "sbom.schemaValid: is written only as true, for a CycloneDX JSON SBOM"),
                Arguments.of("unknown content key", valid.replace("\"problem\": null", "\"problem\": null, \"x\": 1"),
                        "components[1].content.x: unknown key"),
                Arguments.of("unknown hook kind", valid.replace("\"JAVA_AGENT\"", "\"JAVA_AGENTS\""),
                        "components[1].content.hooks[1].kind: malformed hook kind 'JAVA_AGENTS'"),
                Arguments.of("hook without a name", valid.replace("\"name\": \"Premain-Class\"", "\"name\": \"\""),
                        "components[1].content.hooks[1]: not a valid hook: a hook needs a name"),
                Arguments.of("negative size", valid.replace("\"size\": 12346", "\"size\": -1"),
                        "components[1].content.size: expected a whole number >= 0 but found a number"),
                Arguments.of("size as text", valid.replace("\"size\": 12346", "\"size\": \"12346\""),
                        "components[1].content.size: expected a whole number >= 0 but found a string"),
                Arguments.of("entropy out of range", valid.replace("\"entropy\": 5.31", "\"entropy\": 9.5"),
                        "components[1].content.opaqueFiles[0].entropy: expected bits per byte"),
                Arguments.of("unknown archive format", valid.replace("\"format\": \"ZIP\"", "\"format\": \"RAR\""),
                        "components[1].content.format: malformed archive format 'RAR'"),
                Arguments.of("unknown component key", valid.replace(core, core + ", \"evil\": 1"),
                        "components[1].evil: unknown key"),
                Arguments.of("malformed purl", valid.replace("pkg:npm/%40acme/left-pad@2.0.1", "npm/left-pad"),
                        "components[3].purl: malformed purl 'npm/left-pad': purl must start with 'pkg:'"),
                Arguments.of("name as number", valid.replace("\"name\": \"vendored-thing\"", "\"name\": 7"),
                        "components[0].name: expected a string but found a number"),
                Arguments.of("missing name", valid.replace("\"name\": \"vendored-thing\",", ""),
                        "components[0].name: required key is missing"),
                Arguments.of("short digest", valid.replace("790c3928c9f36510dcf293f64d1445e3b9411ed3cb6c6347ef09eb7ce1bf1087",
                        "790c3928"), "components[3].hashes[1].content: malformed SHA-256 digest '790c3928'"),
                Arguments.of("non-CycloneDX algorithm name", valid.replace("\"alg\": \"SHA-1\"", "\"alg\": \"sha1\""),
                        "components[1].hashes[0].alg: malformed hash algorithm 'sha1'"),
                Arguments.of("upper-case SBOM digest", valid.replace(TestBaselines.sha("sbom-1"),
                        TestBaselines.sha("sbom-1").toUpperCase()), "sbom.sha256: malformed SHA-256"),
                Arguments.of("short fingerprint", valid.replace(TestBaselines.FINGERPRINT, "2E9A2C4F"),
                        "components[1].signature.signer: malformed fingerprint '2E9A2C4F'"),
                Arguments.of("unknown signature kind", valid.replace("\"OPENPGP\"", "\"PGP\""),
                        "components[1].signature.kind: malformed signature kind 'PGP'"),
                Arguments.of("signer without kind", valid.replace("\"kind\": \"OPENPGP\"", "\"kind\": null"),
                        "components[1].signature: a signed baseline component needs both"),
                Arguments.of("bad time", valid.replace("2026-02-28T10:15:30Z", "yesterday"),
                        "components[1].signature.created: expected an ISO-8601 UTC time"),
                Arguments.of("components not an array", valid.replace("\"components\": [", "\"components\": {\"x\": [")
                        .replace("\n  ],\n  \"dependencies\"", "\n  ]},\n  \"dependencies\""),
                        "components: expected an array but found an object"),
                Arguments.of("dependency targets not an array",
                        valid.replace("\"pkg:npm/%40acme/left-pad\": []", "\"pkg:npm/%40acme/left-pad\": \"x\""),
                        "dependencies.pkg:npm/%40acme/left-pad: expected an array but found a string"),
                Arguments.of("duplicate key", valid.replace("\"format\": 3,", "\"format\": 3, \"format\": 3,"),
                        "not valid JSON at line 2"),
                Arguments.of("trailing garbage", valid + "{}", "not valid JSON"),
                Arguments.of("truncated", valid.substring(0, valid.length() / 2), "not valid JSON"),
                Arguments.of("an array", "[]", "expected an object but found an array"),
                Arguments.of("empty", "", "empty, expected a JSON object"),
                Arguments.of("huge sbom version", valid.replace("\"version\": 1,\n    \"timestamp\"",
                        "\"version\": 99999999999,\n    \"timestamp\""), "sbom.version: expected an integer but found a number out of range"),
                Arguments.of("deep nesting", "{\"format\": 2, \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                        "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void strictReadingNamesFileAndPath(String name, String json, String expectedMessagePart) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> BaselineJson.read(json.getBytes(StandardCharsets.UTF_8), SOURCE));
        assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedMessagePart), () -> "expected '" + expectedMessagePart + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /** The written baseline with its SBOM's format and encoding set and {@code "schemaValid": value} added. */
    private static String schemaValid(String written, String format, String encoding, String value) {
        String changed = written.replace("\"format\": \"CYCLONEDX\",", "\"format\": \"" + format + "\", \"schemaValid\": " + value + ",")
                .replace("\"encoding\": null", "\"encoding\": \"" + encoding + "\"");
        if (changed.equals(written) || !changed.contains("\"encoding\": \"" + encoding + "\"")) {
            throw new IllegalStateException("the sample baseline no longer has the members this test changes");
        }
        return changed;
    }

    @Test
    void schemaValidTrueForCycloneDxJsonIsRead() {
        String json = schemaValid(text(BaselineJson.write(TestBaselines.sample(1))), "CYCLONEDX", "JSON", "true");
        assertEquals(Boolean.TRUE, BaselineJson.read(json.getBytes(StandardCharsets.UTF_8), SOURCE).sbomSchemaValid());
    }

    @Test
    void absentOptionalKeysReadAsEmpty() {
        String json = "{\"format\": 1, \"sbom\": {\"version\": 3, \"sha256\": \"" + TestBaselines.sha("s") + "\"},"
                + " \"components\": [{\"bomRef\": \"r\", \"name\": \"n\"}]}";
        Baseline baseline = BaselineJson.read(json.getBytes(StandardCharsets.UTF_8), SOURCE);
        assertEquals(3, baseline.sbomVersion());
        assertEquals(1, baseline.components().size());
        assertTrue(baseline.components().get(0).component().hashes().isEmpty());
        assertFalse(baseline.components().get(0).isSigned());
        assertNull(baseline.components().get(0).content());
        assertTrue(baseline.dependencies().isEmpty());
    }

    @Test
    void aFormat1BaselineWrittenBeforeContentInspectionStillLoads() throws java.io.IOException {
        // The example of docs/baseline.md as format 1 documented it, written by sbomgate before content summaries.
        byte[] old = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/baseline/format1-baseline.json"));
        Baseline baseline = BaselineJson.read(old, SOURCE);
        assertEquals(2, baseline.components().size());
        assertTrue(baseline.components().stream().allMatch(c -> c.content() == null), "no summary recorded");
        assertTrue(baseline.components().get(0).isSigned());
        String rewritten = text(BaselineJson.write(baseline));
        assertTrue(rewritten.startsWith("{\n  \"format\": 3,"), rewritten);
        assertEquals(2, rewritten.split("\"content\": null", -1).length - 1, rewritten);
        assertArrayEquals(BaselineJson.write(baseline), BaselineJson.write(BaselineJson.read(rewritten.getBytes(StandardCharsets.UTF_8), SOURCE)));
    }

    @Test
    void contentSummariesAreWrittenInTheDocumentedLayout() {
        String json = text(BaselineJson.write(TestBaselines.sample(1)));
        String expected = """
                      "content": {
                        "size": 12346,
                        "format": "ZIP",
                        "package": "JAR",
                        "hooks": [
                          {
                            "kind": "NPM_SCRIPT",
                            "name": "postinstall",
                            "value": "node -e \\"console.log('Zoë')\\"\\t&& exit 0",
                            "path": "package.json"
                          },
                          {
                            "kind": "JAVA_AGENT",
                            "name": "Premain-Class",
                            "value": "org.acme.Agent",
                            "path": "META-INF/MANIFEST.MF"
                          },
                          {
                            "kind": "SERVICE_PROVIDER",
                            "name": "java.sql.Driver",
                            "value": "org.acme.Driver",
                            "path": "META-INF/services/java.sql.Driver"
                          },
                          {
                            "kind": "NATIVE_BINARY",
                            "name": "libacme.so",
                            "value": "",
                            "path": "native/libacme.so"
                          }
                        ],
                        "opaqueFiles": [
                          {
                            "path": "assets/app.min.js",
                            "size": 40000,
                            "longestLine": 40000,
                            "averageLine": 40000,
                            "entropy": 5.31
                          }
                        ],
                        "unsafeEntries": [
                          "../evil (climbs out of the archive with ..)"
                        ],
                        "links": [
                          "lib/current -> v2"
                        ],
                        "problem": null
                      },
                """;
        assertTrue(json.contains(expected), json);
    }

    @Test
    void digestsUseCycloneDxAlgorithmNames() {
        String json = text(BaselineJson.write(TestBaselines.large(1, 1)));
        assertTrue(json.contains("\"alg\": \"SHA-256\""));
        Baseline read = BaselineJson.read(json.getBytes(StandardCharsets.UTF_8), SOURCE);
        assertEquals(HashAlgorithm.SHA_256, read.components().get(0).artifactDigests().get(0).algorithm());
    }
}
