package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The CycloneDX specification's own test vectors (src/test/resources/sbom/spec, see SOURCES.md): every
 * {@code valid-*} loads, every {@code invalid-*} is refused with a one-line {@link dev.sbomgate.model.BadInputException},
 * and nothing throws anything else. Exceptions are listed here with their reason, and are checked too.
 */
class SpecVectorsTest {

    /**
     * Valid vectors that are rejected, with a fragment of the message they must be rejected with. None: the 1.5 and
     * 1.6 machine-learning XML vectors, which cyclonedx-core-java's bundled XSDs reject (they allow one {@code <user>}
     * in modelCard {@code considerations/users}), load with the specification's own XSDs that sbomgate ships.
     */
    static final Map<String, String> VALID_BUT_REJECTED = Map.of();

    /** Invalid vectors that load. None: the schema and our own checks refuse all of them. */
    static final Map<String, String> INVALID_BUT_LOADED = Map.of();

    /** How many vectors of each kind each directory holds, so that a lost file cannot pass unnoticed. */
    static final Map<String, List<Integer>> COUNTS = new TreeMap<>(Map.of(
            "1.0", List.of(2, 0),
            "1.1", List.of(12, 17),
            "1.2", List.of(45, 42),
            "1.3", List.of(55, 46),
            "1.4", List.of(60, 46),
            "1.5", List.of(74, 46),
            "1.6", List.of(92, 52),
            "1.7", List.of(124, 57),
            "ext", List.of(2, 1)));

    @TestFactory
    Stream<DynamicContainer> everyVectorIsLoadedOrRefusedAsItsNameSays() {
        return COUNTS.keySet().stream().map(dir -> dynamicContainer("CycloneDX " + dir,
                vectors(dir).stream().map(file -> dynamicTest(file.getFileName().toString(), () -> check(dir, file)))));
    }

    @Test
    void theVectorDirectoriesHoldTheExpectedNumberOfVectors() {
        COUNTS.forEach((dir, expected) -> {
            List<Path> files = vectors(dir);
            long valid = files.stream().filter(f -> f.getFileName().toString().startsWith("valid-")).count();
            long invalid = files.stream().filter(f -> f.getFileName().toString().startsWith("invalid-")).count();
            assertEquals(expected.get(0), (int) valid, dir + " valid vectors");
            assertEquals(expected.get(1), (int) invalid, dir + " invalid vectors");
        });
    }

    @Test
    void theListedExceptionsNameRealVectors() {
        Stream.concat(VALID_BUT_REJECTED.keySet().stream(), INVALID_BUT_LOADED.keySet().stream())
                .forEach(name -> assertTrue(Files.isRegularFile(Fixtures.resource("spec/" + name)), name));
    }

    private static void check(String dir, Path file) {
        String name = dir + "/" + file.getFileName();
        boolean valid = file.getFileName().toString().startsWith("valid-");
        if (valid && !VALID_BUT_REJECTED.containsKey(name) || !valid && INVALID_BUT_LOADED.containsKey(name)) {
            Inventory inventory = SbomReader.read(file);
            assertEquals("ext".equals(dir) ? "1.1" : dir, inventory.specVersion(), "spec version");
            assertEquals(file.toString().endsWith(".json") ? "json" : "xml", inventory.format(), "format");
            assertEquals(file, inventory.source());
        } else {
            String message = Fixtures.rejected(file);
            if (valid) {
                assertTrue(message.contains(VALID_BUT_REJECTED.get(name)), message);
            }
        }
    }

    private static List<Path> vectors(String dir) {
        try (Stream<Path> files = Files.list(Fixtures.resource("spec/" + dir))) {
            return files.filter(f -> f.getFileName().toString().matches("(in)?valid-.*\\.(json|xml)")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
