package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged SBOMs (truncated, bytes overwritten, spliced) either load or are refused with a one-line
 * BadInputException; nothing from the parsers escapes. The damage is random with a fixed seed, so a failure
 * can be reproduced.
 */
class MutationTest {

    private static final int MUTANTS = 150;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "spec/1.6/valid-bom-1.6.json",
            "spec/1.6/valid-bom-1.6.xml",
            "spec/1.2/valid-dependency-1.2.json",
            "spec/1.1/valid-bom-1.1.xml",
            "real/cyclonedx-node-npm__dev-dependencies__bare__bom.1.6.xml",
            "real/maven-central__commons-lang3-3.17.0-cyclonedx.json",
    })
    void damagedCopiesLoadOrAreRefusedCleanly(String resource) throws IOException {
        byte[] original = Files.readAllBytes(Fixtures.resource(resource));
        Random random = new Random(resource.hashCode());
        Path file = dir.resolve("mutant");
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutate(original, random);
            Files.write(file, mutant);
            try {
                SbomReader.read(file);
            } catch (BadInputException e) {
                String message = e.getMessage();
                assertTrue(message.startsWith(file + ": ") && !message.contains("\n"), message);
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + " of " + resource + " escaped as " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] copy = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length)); // truncated
            }
            case 1 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256); // random bytes
                }
                return copy;
            }
            case 2 -> {
                byte[] structural = "{}[]<>\"'&:,=/ ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    copy[random.nextInt(copy.length)] = structural[random.nextInt(structural.length)];
                }
                return copy;
            }
            default -> {
                int from = random.nextInt(copy.length);
                int to = random.nextInt(copy.length);
                int length = random.nextInt(Math.min(200, copy.length - Math.max(from, to)) + 1);
                System.arraycopy(original, from, copy, to, length); // a piece copied elsewhere
                return copy;
            }
        }
    }
}
