package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the project's shared corpus in place, when it is there (it is not part of a clone; its bom-shelter SBOMs
 * may not be copied): every real SBOM loads with the counts its SOURCES.tsv gives, or is refused for a listed
 * reason, and every CycloneDX 1.7 vector loads or is refused as its name says ({@code informal-invalid-*} load: the
 * XSD cannot express their constraint, see docs/sbom-formats.md). The corpus is looked for beside the repository
 * ({@code ../shared/corpus/sbom}, as the project's brief places it), never at a machine path; point
 * {@code -Dsbomgate.corpus} elsewhere to use another copy. Without it the tests are skipped with that reason: on a
 * clean clone the copied real SBOMs whose licence allows it are judged by {@link RealSbomsTest}, and every 1.0–1.7
 * specification vector by {@code SpecVectorsTest}.
 */
class CorpusWalkTest {

    private static final Path CORPUS = Path.of(System.getProperty("sbomgate.corpus", "../shared/corpus/sbom"));
    private static final String ABSENT = "no shared corpus at " + CORPUS.toAbsolutePath().normalize()
            + " (-Dsbomgate.corpus=DIR): its copied parts run in RealSbomsTest and SpecVectorsTest";

    /** In-the-wild SBOMs that break their own spec version's schema; refusing them is right. */
    private static final Map<String, String> SCHEMA_INVALID = Map.of(
            "real/bom-shelter__obsidian-sailboat-sbom-cdx.json",
            "/components/0/licenses/0/license: must be valid to one and only one schema", // a licence with only a url
            // an SPDX 2.2 document (read since issue 16) whose packages lack 2.2's required copyrightText
            "real/bom-shelter__jx-darwin-arm64.tar.gz.sbom",
            "not valid against the SPDX-2.2 JSON schema: /packages/0: required property 'copyrightText' not found");
    // redis-commander's scp-like git URL (git@github.com:…) is a known generator deviation since issue 16: it loads,
    // with an SBOM_DEVIATION, and its counts are checked like every other file's.

    @TestFactory
    Stream<DynamicTest> realSbomsLoadWithTheirCorpusCounts() throws IOException {
        assumeTrue(Files.isRegularFile(CORPUS.resolve("SOURCES.tsv")), ABSENT);
        List<String[]> rows = Files.readAllLines(CORPUS.resolve("SOURCES.tsv")).stream().skip(1)
                .map(line -> line.split("\t")).filter(row -> row[0].startsWith("real/")).toList();
        assertTrue(rows.size() > 50, "corpus rows: " + rows.size());
        return rows.stream().map(row -> dynamicTest(row[0], () -> {
            Path file = CORPUS.resolve(row[0]);
            if (SCHEMA_INVALID.containsKey(row[0])) {
                String message = Fixtures.rejected(file);
                assertTrue(message.contains(SCHEMA_INVALID.get(row[0])), message);
            } else if (row[8].contains("NOT CycloneDX")) {
                String message = Fixtures.rejected(file);
                assertTrue(message.contains("not a CycloneDX SBOM"), message);
            } else {
                Inventory inventory = SbomReader.read(file);
                assertEquals(row[7], inventory.specVersion(), "spec version");
                assertEquals(row[8], inventory.format(), "format");
                assertEquals(Integer.parseInt(row[5]), inventory.components().size(), "component_count");
                assertEquals(Integer.parseInt(row[6]),
                        inventory.components().stream().filter(c -> c.parentRef() == null).count(), "top_level_components");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCycloneDx17VectorLoadsOrIsRefusedAsItsNameSays() throws IOException {
        Path dir = CORPUS.resolve("spec/1.7");
        assumeTrue(Files.isDirectory(dir), ABSENT);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml")).sorted().toList().stream()
                    .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                        String name = file.getFileName().toString();
                        if (name.startsWith("invalid-")) {
                            Fixtures.rejected(file);
                        } else {
                            assertEquals("1.7", SbomReader.read(file).specVersion());
                        }
                    }));
        }
    }

    @TestFactory
    Stream<DynamicTest> protobufTextVectorsAreNotMistakenForJsonOrXml() throws IOException {
        Path dir = CORPUS.resolve("spec/1.6");
        assumeTrue(Files.isDirectory(dir), ABSENT);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".textproto")).sorted().toList().stream()
                    .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                        String message = Fixtures.rejected(file);
                        assertTrue(message.contains("not a CycloneDX SBOM: it is text starting with"), message);
                    }));
        }
    }
}
