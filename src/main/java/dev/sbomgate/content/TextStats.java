package dev.sbomgate.content;

/** Line lengths and byte entropy of one file, accumulated as its bytes stream past. */
final class TextStats {
    private final long[] histogram = new long[256];
    private long size;
    private long lines = 1;
    private long currentLine;
    private long longestLine;

    void update(byte[] bytes, int offset, int length) {
        long line = currentLine;
        long longest = longestLine;
        long newlines = 0;
        long[] h = histogram;
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = bytes[i] & 0xff;
            h[b]++;
            if (b == '\n') {
                newlines++;
                if (line > longest) {
                    longest = line;
                }
                line = 0;
            } else {
                line++;
            }
        }
        currentLine = line;
        longestLine = longest;
        lines += newlines;
        size += length;
    }

    /** The file as an {@link OpaqueFile} record (whether it is opaque is for the caller to ask). */
    OpaqueFile result(String path) {
        long longest = Math.max(longestLine, currentLine);
        // A final newline does not start another line.
        long lineCount = currentLine == 0 && lines > 1 ? lines - 1 : lines;
        return new OpaqueFile(path, size, longest, size / Math.max(lineCount, 1), entropyCenti());
    }

    /** Shannon entropy of the byte distribution, H = -Σ p·log2 p, in hundredths of a bit per byte. */
    int entropyCenti() {
        if (size == 0) {
            return 0;
        }
        double h = 0;
        for (long count : histogram) {
            if (count > 0) {
                double p = (double) count / size;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return (int) Math.max(0, Math.min(800, Math.round(h * 100)));
    }
}
