package dev.sbomgate.trust;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Key file paths inside the trust directory: relative, {@code /}-separated, never leaving the directory. */
final class TrustPaths {

    private static final int MAX_PATH_LENGTH = 255;

    private TrustPaths() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code file} is a plain relative path without {@code ..}. */
    static void checkRelative(String file) {
        if (file.isEmpty() || file.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("key file path must be 1 to " + MAX_PATH_LENGTH + " characters");
        }
        if (file.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("key file path contains a control character");
        }
        if (file.startsWith("/") || file.contains("\\") || file.contains(":")) {
            throw new IllegalArgumentException("key file '" + file + "' must be a path relative to the trust directory,"
                    + " with '/' separators");
        }
        for (String segment : file.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("key file '" + file + "' must not contain empty, '.' or '..' segments");
            }
        }
    }

    /**
     * The real path of {@code file} inside {@code dir}; throws {@link BadInputException} when it is missing, not a
     * regular file, or (through symbolic links) outside the directory.
     */
    static Path resolveInside(Path dir, String file, String context) {
        Path realDir;
        Path real;
        Path candidate = dir.resolve(file);
        try {
            realDir = dir.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(context + ": cannot read trust directory " + dir + " (" + e.getMessage() + ")");
        }
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(context + ": key file " + candidate + " is missing; restore it or remove the pin"
                    + " with 'sbomgate trust remove'");
        }
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(context + ": cannot resolve key file " + candidate + " (" + e.getMessage()
                    + "; a dangling symbolic link?)");
        }
        if (!real.startsWith(realDir)) {
            throw new BadInputException(context + ": key file " + candidate + " leads outside the trust directory (to "
                    + real + "); key files must live inside it");
        }
        if (!Files.isRegularFile(real)) {
            throw new BadInputException(context + ": key file " + candidate + " is not a regular file");
        }
        return real;
    }
}
