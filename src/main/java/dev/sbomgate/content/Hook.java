package dev.sbomgate.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One install hook found in an artifact.
 *
 * @param kind  what sort of hook
 * @param name  what identifies it within its kind: the npm script's name, the {@code .pth} file's path, the
 *              MANIFEST attribute, the service interface, the native binary's file name
 * @param value what it runs: the command, the import lines, the class; empty when the kind has none. Longer
 *              texts are cut at {@link #MAX_VALUE} characters and end with their length and SHA-256, so that two
 *              values are equal exactly when the texts were
 * @param path  where in the archive it was found (root directory of a tarball removed; {@code a.jar!/x} inside
 *              a nested archive)
 */
public record Hook(HookKind kind, String name, String value, String path) implements Comparable<Hook> {

    /** Longest value kept verbatim. */
    public static final int MAX_VALUE = 1024;
    /** Longest name or path accepted (an archive entry's path is bounded by the inspector's limits too). */
    public static final int MAX_NAME = 4096;
    /** How much of a value a finding quotes. */
    public static final int QUOTE = 200;

    private static final Comparator<Hook> ORDER = Comparator.comparing(Hook::kind).thenComparing(Hook::name)
            .thenComparing(Hook::value).thenComparing(Hook::path);

    public Hook {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(path, "path");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a hook needs a name");
        }
        if (name.length() > MAX_NAME || path.length() > MAX_NAME) {
            throw new IllegalArgumentException("a hook's name and path are at most " + MAX_NAME + " characters");
        }
        if (value.length() > MAX_VALUE + 120) {
            throw new IllegalArgumentException("a hook's value is at most " + MAX_VALUE + " characters plus its digest");
        }
    }

    /**
     * A hook whose value is {@code text}, cut to {@link #MAX_VALUE} characters with its length and SHA-256 when
     * longer; a name from a hostile file (an npm bin command, a service name) is bounded the same way.
     */
    public static Hook of(HookKind kind, String name, String text, String path) {
        return new Hook(kind, bounded(name), bounded(text == null ? "" : text), path);
    }

    static String bounded(String text) {
        if (text.length() <= MAX_VALUE) {
            return text;
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return text.substring(0, cut(text, MAX_VALUE)) + "… (" + text.length() + " characters, SHA-256 "
                    + HexFormat.of().formatHex(sha) + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Where to cut {@code text} at most {@code max} characters in, never between the two halves of a surrogate pair. */
    private static int cut(String text, int max) {
        return max > 0 && max < text.length() && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }

    /** The key two summaries are compared by: kind and name, plus the value for multi-valued kinds. */
    public String key() {
        return kind.name() + "\u0000" + name + (kind.multiValued() ? "\u0000" + value : "");
    }

    /** The first {@link #QUOTE} characters of the value on one line (control characters escaped), in double quotes. */
    public String quote() {
        StringBuilder sb = new StringBuilder("\"");
        int end = cut(value, Math.min(value.length(), QUOTE));
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
        if (value.length() > QUOTE) {
            sb.append("… (").append(value.length() > MAX_VALUE ? "more than " + MAX_VALUE : value.length())
                    .append(" characters)");
        }
        return sb.toString();
    }

    /** Kind and name, e.g. {@code npm script postinstall}. */
    public String title() {
        return kind.label() + " " + name;
    }

    /**
     * One line for messages, e.g. {@code npm script postinstall "node setup.js" in package.json: npm runs it when the
     * package is installed or packed}.
     */
    public String describe() {
        return title() + (value.isEmpty() ? "" : " " + quote()) + (path.isEmpty() || path.equals(name) ? "" : " in " + path)
                + ": " + kind.effect();
    }

    @Override
    public int compareTo(Hook other) {
        return ORDER.compare(this, other);
    }
}
