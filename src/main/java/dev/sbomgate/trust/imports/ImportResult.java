package dev.sbomgate.trust.imports;

import dev.sbomgate.trust.IgnoredKey;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code trust import} maps from its source, before anything is written (docs/formats.md 2.8): the pins to
 * add, the keys to ignore, the entries refused (with their line), what the source holds that is not trust and is
 * therefore not imported, and the policy waivers printed for the user to add.
 *
 * @param format      which kind of source it was
 * @param pins        one per primary key, its scopes merged over every entry naming it, sorted by fingerprint
 * @param ignoredKeys keys whose signatures are to be treated as absent
 * @param refused     entries that cannot be represented exactly, in source order
 * @param notImported what the source holds that sbomgate does not import, one line each (never silently dropped)
 * @param waivers     policy waivers (YAML lines) equivalent to entries that are not pins (keysmap noSig/noKey)
 * @param entries     how many trust entries the source held (pins, ignored keys, refused ones; not the reports)
 */
public record ImportResult(Format format, List<ImportedPin> pins, List<IgnoredKey> ignoredKeys, List<Refusal> refused,
                           List<String> notImported, List<String> waivers, int entries) {

    /** The source kinds {@code trust import} recognises by content. */
    public enum Format {
        OPENPGP_KEYRING("OpenPGP keyring"),
        GRADLE_VERIFICATION_METADATA("Gradle verification-metadata.xml"),
        PGPVERIFY_KEYSMAP("pgpverify keysmap");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ImportResult {
        Objects.requireNonNull(format, "format");
        pins = List.copyOf(pins);
        ignoredKeys = List.copyOf(ignoredKeys);
        refused = List.copyOf(refused);
        notImported = List.copyOf(notImported);
        waivers = List.copyOf(waivers);
    }

    /**
     * One entry that cannot be imported exactly.
     *
     * @param line   its line in the source (1-based), or 0 when the source has no lines (a binary keyring)
     * @param entry  the entry as written, or the key's fingerprint
     * @param reason why, one line
     */
    public record Refusal(int line, String entry, String reason) {
        public Refusal {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code line 12: ENTRY: REASON}, or without the line. */
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + entry + ": " + reason;
        }
    }
}
