package dev.sbomgate.cli;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The trust subcommands' arguments: fingerprints, dates, key files, and the error for a fingerprint not pinned. */
final class TrustArguments {
    private TrustArguments() {
    }

    static Fingerprint fingerprint(String text) {
        try {
            return new Fingerprint(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("expected a full fingerprint (40 or 64 hex digits), got '" + text
                    + "'; short key ids are never accepted");
        }
    }

    static BadInputException notPinned(Path dir, Fingerprint fingerprint) {
        return new BadInputException(dir + ": no key with fingerprint " + fingerprint
                + " is pinned; 'sbomgate trust list' shows the pinned fingerprints");
    }

    /** The {@code --scope} options as purl patterns (none given: empty); a bad one is a one-line bad-input error. */
    static java.util.List<dev.sbomgate.trust.PurlPattern> scopes(java.util.List<String> texts) {
        java.util.List<dev.sbomgate.trust.PurlPattern> patterns = new java.util.ArrayList<>();
        for (String scope : texts == null ? java.util.List.<String>of() : texts) {
            try {
                patterns.add(dev.sbomgate.trust.PurlPattern.parse(scope));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--scope: " + e.getMessage());
            }
        }
        return patterns;
    }

    static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(option + ": expected a date like 2026-01-31, got '" + text + "'");
        }
    }

    static byte[] readKeyFile(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": key file not found");
        }
        try {
            return InputFiles.read(file, Limits.KEY_FILE);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read key file (" + e.getMessage() + ")");
        }
    }
}
