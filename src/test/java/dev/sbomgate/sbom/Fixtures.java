package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers shared by the sbom tests: where the committed fixtures are, and what every rejection must look like. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code src/test/resources/sbom/<relative>} on the test class path. */
    static Path resource(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/sbom/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource sbom/" + relative, e);
        }
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Reads the file with the default reader, expects a {@link BadInputException} (any other exception fails the
     * test), and checks the contract every such message keeps: one line, starts with the file's name, bounded.
     */
    static String rejected(Path file) {
        return rejected(new SbomReader(), file);
    }

    static String rejected(SbomReader reader, Path file) {
        BadInputException e = assertThrows(BadInputException.class, () -> reader.load(file));
        String message = e.getMessage();
        assertTrue(message != null && !message.isBlank(), "blank message");
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
        assertTrue(message.startsWith(file + ": "), () -> "does not start with the file name: " + message);
        assertTrue(message.length() <= file.toString().length() + 500, () -> "too long (" + message.length() + "): " + message);
        return message;
    }
}
