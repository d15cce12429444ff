package dev.sbomgate.trust.imports;

import dev.sbomgate.diff.MavenRange;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.trust.PurlPattern;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a pgpverify-maven-plugin keys map ({@code pgp-keys-map.list}) to pins, exactly or not at all
 * (docs/formats.md 2.8). The file as pgpverify reads it: {@code #} starts a comment, a line ending in {@code \}
 * continues on the next, each entry is {@code PATTERN = VALUE[, VALUE…]}. {@code PATTERN} is
 * {@code groupId[:artifactId[:packaging][:version]]} (three parts: the third is a packaging when it is letters only, else
 * a version); an absent or {@code *} part matches anything, {@code *} inside a part any run of characters, a part
 * ending in {@code .*} the part itself or anything below it ({@code org.apache.*}: {@code org.apache} and
 * {@code org.apache.maven}); the version is exact or a Maven range. {@code VALUE} is a key ({@code 0x} and a
 * fingerprint or long key ID), {@code noSig}, {@code noKey}, {@code badSig} or {@code any}.
 *
 * <p>Mapped: keys → pins (glob or range scopes; a {@code .*} part → a regex scope); {@code noSig} / {@code noKey} →
 * the equivalent dated policy waiver, printed, not pinned. Refused with the line: a packaging (scopes cover every file
 * of a release: it would widen), {@code badSig} and {@code any} (sbomgate accepts neither a bad signature nor any
 * key), short key IDs, a {@code .*} part with a version range (a regex scope holds no range).
 * pgpverify compares case-insensitively; scopes keep the case as written, so an import is never wider.
 */
public final class KeysmapImport {

    /** Physical lines a keys map may have: the public map has about 1,500 (docs/limits.md). */
    public static final int MAX_LINES = 50_000;
    /** How long a printed waiver runs. */
    static final int WAIVER_DAYS = 90;

    private KeysmapImport() {
    }

    /** Maps the keys map {@code bytes} (named {@code source}) with the key material of {@code keyring}. */
    public static ImportResult map(byte[] bytes, String source, Keyring keyring, boolean allowWide, LocalDate today) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n|\r", -1);
        if (lines.length > MAX_LINES) {
            throw new BadInputException(source + ": more than " + MAX_LINES + " lines (limit for a keys map,"
                    + " docs/limits.md)");
        }
        Mapping mapping = new Mapping(keyring, allowWide);
        StringBuilder entry = new StringBuilder();
        int first = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (entry.length() == 0) {
                first = i + 1;
            }
            if (line.endsWith("\\")) {
                entry.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            entry.append(line);
            mapEntry(entry.toString().strip(), first, mapping, today);
            entry.setLength(0);
        }
        if (entry.length() > 0) {
            mapEntry(entry.toString().strip(), first, mapping, today);
        }
        return mapping.result(ImportResult.Format.PGPVERIFY_KEYSMAP);
    }

    private static void mapEntry(String entry, int line, Mapping mapping, LocalDate today) {
        String[] parts = entry.split("=", -1);
        if (parts.length != 2 || parts[1].isBlank()) {
            mapping.refuse(line, entry, "expected 'groupId:artifactId:version = 0xFINGERPRINT'");
            return;
        }
        List<PurlPattern> scopes;
        try {
            scopes = scopes(parts[0].strip());
        } catch (IllegalArgumentException e) {
            mapping.refuse(line, entry, e.getMessage());
            return;
        }
        for (String raw : parts[1].split(",", -1)) {
            String value = raw.strip();
            String lower = value.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "nosig" -> waiver(mapping, line, entry, scopes, "UNSIGNED", "the keys map says it is not signed (noSig)", today);
                case "nokey" -> waiver(mapping, line, entry, scopes, "UNTRUSTED_SIGNER",
                        "the keys map says its signer's key is not available (noKey)", today);
                case "badsig" -> mapping.refuse(line, entry, "badSig accepts a signature that does not verify; sbomgate never does");
                case "any" -> mapping.refuse(line, entry, "'any' accepts a signature by any key; pin the keys that really sign it");
                default -> {
                    String hex = value.replaceAll("\\s+", "");
                    if (!hex.regionMatches(true, 0, "0x", 0, 2)) {
                        mapping.refuse(line, entry, "value '" + value + "' is neither a key (0x…) nor noSig, noKey, badSig, any");
                    } else if (!hex.substring(2).matches("[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}")) {
                        mapping.refuse(line, entry, "key '" + value + "' is not a fingerprint or a 16-hex long key ID;"
                                + " shorter key IDs are never accepted");
                    } else {
                        mapping.pin(hex, scopes, line, entry);
                    }
                }
            }
        }
    }

    private static void waiver(Mapping mapping, int line, String entry, List<PurlPattern> scopes, String rule,
                               String reason, LocalDate today) {
        // An entry, not a pin: counted once, refused when no waiver pattern can say it (regex scopes: docs Q4).
        for (PurlPattern scope : scopes) {
            if (scope.isRegex()) {
                mapping.refuse(line, entry, "a waiver cannot hold the regex scope " + scope + " this pattern needs");
                return;
            }
        }
        mapping.countEntry();
        for (PurlPattern scope : scopes) {
            mapping.waiver("  - rule: " + rule + "\n    purl: \"" + scope + "\"\n    reason: \"" + reason
                    + " (keys map line " + line + ")\"\n    expires: " + today.plusDays(WAIVER_DAYS));
        }
    }

    /** The scopes one artifact pattern needs: one glob or range scope, or a regex scope for a {@code .*} part. */
    static List<PurlPattern> scopes(String pattern) {
        String[] split = pattern.split(":");
        if (split.length > 4 || pattern.endsWith(":")) {
            throw new IllegalArgumentException("an artifact pattern is groupId[:artifactId[:packaging][:version]]");
        }
        String group = split[0].strip();
        String artifact = split.length > 1 ? split[1].strip() : "";
        String packaging = "";
        String version = "";
        if (split.length == 3) {
            String third = split[2].strip();
            if (third.matches("[a-zA-Z]+")) {
                packaging = third;
            } else {
                version = third;
            }
        } else if (split.length == 4) {
            packaging = split[2].strip();
            version = split[3].strip();
        }
        if (!packaging.isEmpty() && !packaging.equals("*")) {
            throw new IllegalArgumentException("packaging '" + packaging + "': a scope covers every file of a release"
                    + " whatever its type, so this entry would widen");
        }
        if (version.equals("*")) {
            version = "";
        }
        if (version.contains("*")) {
            throw new IllegalArgumentException("version '" + version + "' has '*', which pgpverify refuses too");
        }
        boolean range = MavenRange.looksLikeRange(version);
        if (group.endsWith(".*") || artifact.endsWith(".*")) {
            if (range) {
                throw new IllegalArgumentException("a '.*' part (itself or anything below it) needs a regex scope,"
                        + " which cannot hold the version range " + version);
            }
            return List.of(PurlPattern.regex("maven", partRegex(group), partRegex(artifact),
                    version.isEmpty() ? null : literal(version)));
        }
        String text = "pkg:maven/" + (group.isEmpty() ? "*" : group) + "/" + (artifact.isEmpty() ? "*" : artifact)
                + (version.isEmpty() ? "" : "@" + version);
        if (text.indexOf('%') >= 0 || text.indexOf('@', 10) != text.lastIndexOf('@')) {
            throw new IllegalArgumentException("'" + pattern + "' holds a character a scope cannot hold literally");
        }
        return List.of(PurlPattern.parse(text));
    }

    /** pgpverify's meaning of one part as an anchored regex, or null for "any". */
    private static String partRegex(String part) {
        if (part.isEmpty() || part.equals("*")) {
            return null;
        }
        if (part.endsWith(".*")) {
            String prefix = part.substring(0, part.length() - 2);
            if (prefix.isEmpty() || prefix.contains("*")) {
                throw new IllegalArgumentException("part '" + part + "' mixes '*' with a trailing '.*'");
            }
            // pgpverify leaves the prefix's dots unescaped (any character); escaping them is narrower, never wider
            return literal(prefix) + "(\\..+)?";
        }
        List<String> pieces = new ArrayList<>();
        for (String piece : part.split("\\*", -1)) {
            pieces.add(literal(piece));
        }
        return String.join(".*", pieces);
    }

    /** The text as a regex matching exactly it: metacharacters escaped one by one (readable, unlike \Q…\E). */
    static String literal(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
