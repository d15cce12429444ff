package dev.sbomgate.content;

import java.util.Locale;
import java.util.Objects;

/**
 * A script file large enough to matter that a reviewer cannot read: minified (long lines) or packed (high
 * byte entropy, as base64 or encrypted payloads have).
 *
 * @param path         where in the archive (root directory of a tarball removed)
 * @param size         its size in bytes
 * @param longestLine  its longest line, in bytes
 * @param averageLine  its size divided by its number of lines, in bytes
 * @param entropyCenti its Shannon entropy over bytes, in hundredths of a bit per byte (0 to 800)
 */
public record OpaqueFile(String path, long size, long longestLine, long averageLine, int entropyCenti)
        implements Comparable<OpaqueFile> {

    /** Files smaller than this are never recorded (the policy's threshold cannot go below it). */
    public static final long FLOOR_BYTES = 16 * 1024;
    /** Average line length, in bytes, from which a file counts as minified. */
    public static final long MINIFIED_AVERAGE_LINE = 200;
    /**
     * Entropy, in hundredths of a bit per byte, from which a file counts as packed. Source code, readable or
     * minified, measured 4.1–5.6; base64 is about 6.0, random bytes approach 8 (docs/content.md, "Opaque files").
     */
    public static final int PACKED_ENTROPY_CENTI = 580;

    public OpaqueFile {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.length() > Hook.MAX_NAME) {
            throw new IllegalArgumentException("an opaque file needs a path of at most " + Hook.MAX_NAME + " characters");
        }
        if (size < 0 || longestLine < 0 || averageLine < 0 || entropyCenti < 0 || entropyCenti > 800) {
            throw new IllegalArgumentException("sizes are >= 0 and entropy is 0..800 hundredths of a bit per byte");
        }
    }

    public boolean minified() {
        return averageLine >= MINIFIED_AVERAGE_LINE;
    }

    public boolean packed() {
        return entropyCenti >= PACKED_ENTROPY_CENTI;
    }

    /** E.g. {@code dist/bundle.js (3,652,110 bytes, lines of 48,213 bytes on average, 5.31 bits/byte)}. */
    public String describe() {
        return path + " (" + String.format(Locale.ROOT, "%,d", size) + " bytes, " + (minified()
                ? "minified: lines of " + String.format(Locale.ROOT, "%,d", averageLine) + " bytes on average"
                : "longest line " + String.format(Locale.ROOT, "%,d", longestLine) + " bytes")
                + ", " + String.format(Locale.ROOT, "%d.%02d", entropyCenti / 100, entropyCenti % 100) + " bits/byte"
                + (packed() ? ", packed" : "") + ")";
    }

    @Override
    public int compareTo(OpaqueFile other) {
        return path.compareTo(other.path);
    }
}
