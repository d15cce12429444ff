package dev.sbomgate.baseline;
import dev.sbomgate.gate.BaselineBuilder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.bench.SbomPairGenerator;
import dev.sbomgate.content.ArchiveFormat;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.Hook;
import dev.sbomgate.content.HookKind;
import dev.sbomgate.content.OpaqueFile;
import dev.sbomgate.content.PackageKind;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.signature.SignatureKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming {@link BaselineJson#write} against the tree-based writer it replaced ({@link TreeBaselineWriter}):
 * byte-identical output for every baseline the tests know, odd text, equal-sort-key runs and a generated 10k SBOM.
 */
class BaselineWriterEquivalenceTest {

    private static void assertSameBytes(Baseline baseline) {
        byte[] expected = TreeBaselineWriter.write(baseline);
        byte[] actual = BaselineJson.write(baseline);
        if (!java.util.Arrays.equals(expected, actual)) {
            // Show where, as text: a 100 KiB array diff says nothing.
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
        }
        assertArrayEquals(expected, actual);
    }

    @TestFactory
    Stream<DynamicTest> testBaselinesAreWrittenByteIdentically() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int variant = 0; variant < 4; variant++) {
            Baseline sample = TestBaselines.sample(variant);
            tests.add(DynamicTest.dynamicTest("sample(" + variant + ")", () -> assertSameBytes(sample)));
        }
        tests.add(DynamicTest.dynamicTest("large(2000, 3)", () -> assertSameBytes(TestBaselines.large(2000, 3))));
        return tests.stream();
    }

    /** Every baseline file in the repository, read then written: the samples' and the test resources'. */
    @TestFactory
    Stream<DynamicTest> baselineFilesReadThenWrittenAreByteIdentical() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("samples")), Files.walk(Path.of("src/test/resources")))) {
            walk.filter(p -> p.getFileName().toString().endsWith("baseline.json")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 10, "expected the samples' baselines and the format 1 fixture, found " + files);
        assertTrue(files.contains(Path.of("src/test/resources/baseline/format1-baseline.json")), files.toString());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            Baseline read = BaselineJson.read(Files.readAllBytes(file), file.toString());
            assertSameBytes(read);
        }));
    }

    @Test
    void oddTextIsEscapedTheSameWay() {
        String odd = "Zoë \"q\" back\\slash /slash \u0000\u0001\u001f\u007f\u0080 tab\t nl\n cr\r \u2028\u2029 "
                + "bidi\u202e emoji \uD83D\uDE00 cjk 漢字 bom\uFEFF nbsp\u00a0 replacement\uFFFD <script>&amp;";
        String lone = "high\uD800 alone, low\uDC00 alone, reversed \uDE00\uD83D";
        List<BaselineComponent> components = new ArrayList<>();
        components.add(component("pkg:npm/%40odd/name@1.0.0", "odd-1", odd, oddContent(odd)));
        components.add(component("pkg:maven/odd.group/art%C3%AFfact@2.0?classifier=sources", "odd-2", "\\\"\\u0000", null));
        Baseline baseline = new Baseline(odd, 3, TestBaselines.T0, TestBaselines.sha("odd"), odd, components,
                new TreeMap<>(Map.of(odd, new TreeSet<>(List.of(odd, "b", "a")))));
        assertSameBytes(baseline);

        Baseline withLoneSurrogates = new Baseline(lone, 1, null, TestBaselines.sha("lone"), lone,
                List.of(component("pkg:generic/lone@1", "lone", lone, oddContent(lone))),
                new TreeMap<>(Map.of(lone, new TreeSet<>(List.of(lone)))));
        // The model allows lone surrogates; Jackson writes them as \\uXXXX escapes, the same in both writers.
        assertSameBytes(withLoneSurrogates);
        assertTrue(new String(BaselineJson.write(withLoneSurrogates), StandardCharsets.UTF_8).contains("high\\uD800 alone"));
    }

    /**
     * Runs of components with equal identity and version are ordered by their compact bytes: runs of two, three
     * and five, entries differing early and late in their bytes, exact duplicates, at the start, middle and end.
     */
    @Test
    void equalSortKeyRunsAreOrderedTheSameWay() {
        List<BaselineComponent> components = new ArrayList<>();
        components.add(component("pkg:maven/a/first@1.0", "z-first", "x", null));
        components.add(component("pkg:maven/a/first@1.0", "a-first", "x", null));
        for (int i = 0; i < 50; i++) {
            components.add(component("pkg:maven/m/single" + i + "@1." + i, "s" + i, "s", null));
        }
        for (String ref : List.of("run-c", "run-a", "run-é", "run-b", "run-a")) {
            components.add(component("pkg:maven/m/run@2.0", ref, "author " + ref, null));
        }
        // Same bom-ref, differing only late in the bytes (the content summary, the signature).
        components.add(component("pkg:maven/m/late@1.0", "late", "x", oddContent("b")));
        components.add(component("pkg:maven/m/late@1.0", "late", "x", oddContent("a")));
        components.add(TestBaselines.signed(TestBaselines.minimalComponent("late", "late")));
        components.add(TestBaselines.unsigned(TestBaselines.minimalComponent("late", "late")));
        // No purl and no version: the sort key is the name and "null".
        components.add(TestBaselines.unsigned(TestBaselines.minimalComponent("nameless", "n2")));
        components.add(TestBaselines.unsigned(TestBaselines.minimalComponent("nameless", "n1")));
        components.add(component("pkg:maven/z/last@9", "last-2", "x", null));
        components.add(component("pkg:maven/z/last@9", "last-1", "x", null));
        Baseline forward = baseline(components);
        Collections.reverse(components);
        Baseline backward = baseline(components);
        assertSameBytes(forward);
        assertSameBytes(backward);
        assertArrayEquals(BaselineJson.write(forward), BaselineJson.write(backward), "input order shows in the bytes");
    }

    /** A generated 10,000-component SBOM as init would record it: signed and unsigned, with and without content. */
    @Test
    void aGeneratedTenThousandComponentBaselineIsByteIdentical(@TempDir Path dir) throws IOException {
        SbomPairGenerator.main(new String[] {"10000", dir.toString(), "11"});
        Inventory inventory = SbomReader.read(dir.resolve("old.cdx.json"));
        assertEquals(10_000, inventory.components().size());
        List<BaselineComponent> components = new ArrayList<>();
        int i = 0;
        for (Component c : inventory.components()) {
            List<Digest> digests = c.hashes();
            boolean signed = i % 3 == 0;
            components.add(new BaselineComponent(c, digests, signed ? SignatureKind.OPENPGP : null,
                    signed ? new dev.sbomgate.model.Fingerprint(TestBaselines.FINGERPRINT) : null,
                    signed ? TestBaselines.T0 : null, i % 7 == 0 ? TestBaselines.content(i) : null));
            // Every 500th package also listed under a second bom-ref: a run of equal sort keys.
            if (i % 500 == 0) {
                components.add(new BaselineComponent(new Component(c.bomRef() + "-again", c.purl(), c.type(), c.group(),
                        c.name(), c.version(), c.hashes(), c.supplier(), c.publisher(), c.author(), c.manufacturer(),
                        c.licenses(), c.externalReferences(), c.scope(), c.properties(), c.parentRef()),
                        digests, null, null, null, null));
            }
            i++;
        }
        Baseline baseline = new Baseline(inventory.serialNumber(), inventory.version(), inventory.timestamp(),
                TestBaselines.sha("generated"), "SHA-256:" + TestBaselines.sha("trust"), components,
                BaselineBuilder.dependenciesByIdentity(inventory));
        assertFalse(baseline.dependencies().isEmpty(), "the generated SBOM has dependency edges");
        assertSameBytes(baseline);
    }

    private static Baseline baseline(List<BaselineComponent> components) {
        return new Baseline(null, 1, null, TestBaselines.sha("runs"), null, components, null);
    }

    private static BaselineComponent component(String purl, String bomRef, String text, ContentSummary content) {
        Purl p = Purl.parse(purl);
        Component c = new Component(bomRef, p, "library", p.namespace(), p.name(), p.version(),
                List.of(new Digest(HashAlgorithm.SHA_256, TestBaselines.sha(text)),
                        new Digest(HashAlgorithm.SHA_256, TestBaselines.sha(text)),
                        new Digest(HashAlgorithm.SHA_1, TestBaselines.sha(text).substring(0, 40))),
                text, text, text, text, List.of(text, "MIT"),
                List.of(new ExternalReference("website", "https://example.com/" + text)), text,
                List.of(new Property(text, text), new Property("a", text), new Property("a", "")), text);
        return new BaselineComponent(c, List.of(TestBaselines.sha256Of(bomRef + text)), SignatureKind.OPENPGP,
                new dev.sbomgate.model.Fingerprint(TestBaselines.FINGERPRINT), TestBaselines.T0, content);
    }

    private static ContentSummary oddContent(String text) {
        return new ContentSummary(0, ArchiveFormat.TAR_GZIP, PackageKind.NPM,
                List.of(new Hook(HookKind.NPM_SCRIPT, "postinstall", text, "package/package.json")),
                List.of(new OpaqueFile("a.js", 20_000, 20_000, 20_000, 0),
                        new OpaqueFile("b.js", 20_000, 19_000, 300, 800),
                        new OpaqueFile("c.js", 20_000, 19_000, 300, 50),
                        new OpaqueFile("d.js", 20_000, 19_000, 300, 100),
                        new OpaqueFile("e.js", 20_000, 19_000, 300, 7)),
                List.of(text), List.of(text + " -> " + text), text);
    }
}
