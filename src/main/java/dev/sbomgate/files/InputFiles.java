package dev.sbomgate.files;

import dev.sbomgate.model.BadInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way sbomgate opens an input file: only a regular file (after following symbolic links) is opened, never a
 * FIFO, device or socket (opening a FIFO blocks until a writer comes; {@code /dev/zero} never ends), and at most its
 * {@link Limits.Limit} of bytes is read, also from a file that grows while it is read.
 *
 * <p>Refusals are one-line {@link BadInputException}s naming the file ({@link TooLargeException} for the size); an
 * {@link IOException} (no such file, permission denied) is passed on for the caller to word. The attributes are read
 * before the file is opened, so a file swapped for a FIFO in between could still block: whoever can do that can also
 * change the inputs themselves.
 */
public final class InputFiles {

    /** A file over its size limit; the message names the file and the limit. */
    public static final class TooLargeException extends BadInputException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String file, Limits.Limit limit, long size) {
            super(file + ": is larger than the " + limit.what() + " size limit of " + limit.human()
                    + (size >= 0 ? " (" + size + " bytes)" : "") + "; refusing to read it");
        }
    }

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is a regular file within {@code limit}, without opening it.
     *
     * @throws BadInputException a directory, FIFO, device or socket, or a file over the limit
     * @throws IOException       it does not exist or its attributes cannot be read
     */
    public static long check(Path file, Limits.Limit limit) throws IOException {
        return check(file, file.toString(), limit);
    }

    /** As {@link #check(Path, Limits.Limit)}, naming the file {@code display} in messages. */
    public static long check(Path file, String display, Limits.Limit limit) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new BadInputException(display + ": is a directory; expected a " + limit.what() + " file");
        }
        if (!attributes.isRegularFile()) {
            throw new BadInputException(display + ": is not a regular file (a FIFO, device or socket); expected a "
                    + limit.what() + " file, refused without reading it");
        }
        if (attributes.size() > limit.bytes()) {
            throw new TooLargeException(display, limit, attributes.size());
        }
        return attributes.size();
    }

    /** The whole file, at most {@code limit} bytes; see {@link #check} for what is refused. */
    public static byte[] read(Path file, Limits.Limit limit) throws IOException {
        return read(file, file.toString(), limit);
    }

    /** As {@link #read(Path, Limits.Limit)}, naming the file {@code display} in messages. */
    public static byte[] read(Path file, String display, Limits.Limit limit) throws IOException {
        try (InputStream in = open(file, display, limit)) {
            return in.readAllBytes();
        }
    }

    /**
     * A stream that is no file (standard input), read whole, at most {@code limit} bytes: one byte more is a
     * {@link TooLargeException} naming {@code display}, and nothing beyond it is read.
     */
    public static byte[] read(InputStream in, String display, Limits.Limit limit) throws IOException {
        return new Bounded(in, display, limit).readAllBytes();
    }

    /**
     * The file as a stream that ends after at most {@code limit} bytes: reading further throws
     * {@link TooLargeException} (unchecked, so that a parser reading the stream does not mistake it for bad syntax).
     */
    public static InputStream open(Path file, Limits.Limit limit) throws IOException {
        return open(file, file.toString(), limit);
    }

    /** As {@link #open(Path, Limits.Limit)}, naming the file {@code display} in messages. */
    public static InputStream open(Path file, String display, Limits.Limit limit) throws IOException {
        check(file, display, limit);
        SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ);
        try {
            long size = channel.size(); // of the file opened, which may have changed since check
            if (size > limit.bytes()) {
                throw new TooLargeException(display, limit, size);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new Bounded(Channels.newInputStream(channel), display, limit);
    }

    /** Counts what passes and stops at the limit: one byte past it is the error, not a silent truncation. */
    private static final class Bounded extends FilterInputStream {
        private final String file;
        private final Limits.Limit limit;
        private long count;

        Bounded(InputStream in, String file, Limits.Limit limit) {
            super(in);
            this.file = file;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            // Ask for at most one byte beyond the limit: enough to tell "ends at the limit" from "goes on".
            int n = in.read(buffer, offset, (int) Math.min(length, limit.bytes() - count + 1));
            if (n > 0) {
                count += n;
                if (count > limit.bytes()) {
                    throw new TooLargeException(file, limit, -1);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            byte[] buffer = new byte[8192];
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
