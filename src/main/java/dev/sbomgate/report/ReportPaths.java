package dev.sbomgate.report;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths as reports write them: relative to the working directory when under it, with '/' separators, so reports do not depend on the checkout's location. */
final class ReportPaths {
    private final Path workingDirectory;

    ReportPaths(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    String show(Path path) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        return shown.toString().replace(File.separatorChar, '/');
    }

    /** Whether the path lies under the working directory (reported relative to it). */
    boolean isRelative(Path path) {
        return path.toAbsolutePath().normalize().startsWith(workingDirectory);
    }

    /**
     * A URI reference for the path (RFC 3986): relative, percent-encoded, when under the working directory, so that
     * code-scanning services resolve it against the repository root (SARIF 2.1.0 section 3.4.3); else a file URI.
     */
    String uri(Path path) {
        if (!isRelative(path)) {
            return path.toAbsolutePath().normalize().toUri().toString();
        }
        try {
            String shown = show(path);
            // A first segment with ':' would read as a scheme (RFC 3986 section 4.2).
            String first = shown.contains("/") ? shown.substring(0, shown.indexOf('/')) : shown;
            return new URI(null, null, (first.contains(":") ? "./" : "") + shown, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a relative path is a valid URI path: " + path, e);
        }
    }
}
