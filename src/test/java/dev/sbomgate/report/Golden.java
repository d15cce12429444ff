package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/report/golden/. With the environment variable SBOMGATE_UPDATE_GOLDEN=1 a test
 * rewrites its golden file instead of comparing (then review the diff and commit it); see docs/report-format.md.
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/report/golden");

    private Golden() {
    }

    static boolean updating() {
        return "1".equals(System.getenv("SBOMGATE_UPDATE_GOLDEN"));
    }

    static void check(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (updating()) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.isRegularFile(file), file + " is missing: run the tests once with SBOMGATE_UPDATE_GOLDEN=1 and review it");
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(expected, actual, name + " differs from its golden file; if the change is intended, regenerate with "
                    + "SBOMGATE_UPDATE_GOLDEN=1 and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
