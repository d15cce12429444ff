package dev.sbomgate.manifest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the repository declares a component: the manifest line a developer owns ({@code pom.xml}'s
 * {@code <dependency>}, a Gradle version catalog entry, {@code package.json}, {@code requirements.txt}), rather than
 * the line of a generated SBOM.
 *
 * @param file the manifest, absolute and normalised
 * @param line its 1-based line
 * @param via  for a transitive component, the direct dependency (as the manifest names it) that brings it in; else null
 */
public record Declaration(Path file, int line, String via) {
    public Declaration {
        Objects.requireNonNull(file, "file");
        file = file.toAbsolutePath().normalize();
        if (line < 1) {
            throw new IllegalArgumentException("a line is 1-based, got " + line);
        }
    }

    public boolean transitive() {
        return via != null;
    }
}
