package dev.sbomgate.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Counts what an inspection consumes and produces, and stops it at the limits: bytes read from the artifact
 * (compressed), bytes inflated out of it (over every level of nesting), and their ratio.
 */
final class Meter {
    private final ArchiveLimits limits;
    private long compressed;
    private long inflated;

    Meter(ArchiveLimits limits) {
        this.limits = limits;
    }

    long compressed() {
        return compressed;
    }

    long inflated() {
        return inflated;
    }

    /** The artifact, read whole into memory: all its bytes count as compressed input. */
    void whole(long size) {
        compressed = size;
    }

    /**
     * An entry of a zip read by its central directory: its declared size counts as inflated when the entry is
     * reached, whether or not it is inflated (an entry that is inflated must then match it).
     */
    void declared(long size) {
        add(size, "declared");
    }

    /** The artifact's own bytes: counted as compressed input. */
    InputStream source(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    compressed++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    compressed += n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // Read, never skipped: the hasher beneath must see every byte.
                byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 8192)];
                int read = read(buffer, 0, buffer.length);
                return Math.max(read, 0);
            }

            @Override
            public void close() {
                // The caller owns the artifact's stream.
            }
        };
    }

    /** Bytes produced by a decompressor: counted as inflated, and checked against the limits as they come. */
    InputStream inflated(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 8192)];
                int read = read(buffer, 0, buffer.length);
                return Math.max(read, 0);
            }

            @Override
            public void close() {
                // Closing a nested reader must not close the entry (or the archive) it reads from.
            }
        };
    }

    private void add(long n) {
        add(n, "inflated");
    }

    private void add(long n, String how) {
        inflated += n;
        if (inflated > limits.maxTotalBytes()) {
            throw new LimitExceeded("more than " + bytes(limits.maxTotalBytes()) + " uncompressed");
        }
        if (inflated > limits.ratioFloorBytes() && inflated > Math.max(compressed, 1) * limits.maxRatio()) {
            throw new LimitExceeded(String.format(Locale.ROOT,
                    "expands more than %d times (%,d bytes %s from the first %,d bytes): a compression bomb",
                    limits.maxRatio(), inflated, how, compressed));
        }
    }

    static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GiB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return String.format(Locale.ROOT, "%,d bytes", n);
    }
}
