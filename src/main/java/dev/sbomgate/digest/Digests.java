package dev.sbomgate.digest;

import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hashes bytes once, feeding every requested algorithm (and SHA-256, always) from the same buffer, in constant
 * memory whatever the file size.
 */
public final class Digests {

    /**
     * Read size. On the reference machine (docs/PERFORMANCE.md, "Hashing") 64 KiB and 256 KiB cost the same and
     * 1 MiB or more cost 20-30 % more: the chunk should stay in L2 while every algorithm walks over it.
     */
    public static final int BUFFER_SIZE = 256 * 1024;

    private Digests() {
    }

    /**
     * Reads {@code file} once and returns its digests for {@code algorithms} plus SHA-256. A symbolic link as
     * the last path element is refused (the artifact locator hands over real paths), as is anything that is
     * not a regular file, so a FIFO or device can never stall the gate.
     */
    public static FileDigests compute(Path file, Collection<HashAlgorithm> algorithms) throws IOException {
        return compute(file, algorithms, new byte[BUFFER_SIZE]);
    }

    /** The digests of an in-memory byte array, for {@code algorithms} plus SHA-256. */
    public static FileDigests compute(byte[] bytes, Collection<HashAlgorithm> algorithms) {
        Objects.requireNonNull(bytes, "bytes");
        Engine engine = new Engine(algorithms);
        engine.update(bytes, 0, bytes.length);
        return engine.finish();
    }

    /** Reads {@code in} to its end (without closing it) and returns its digests, for {@code algorithms} plus SHA-256. */
    public static FileDigests compute(InputStream in, Collection<HashAlgorithm> algorithms) throws IOException {
        Objects.requireNonNull(in, "in");
        Engine engine = new Engine(algorithms);
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            engine.update(buffer, 0, n);
        }
        return engine.finish();
    }

    /**
     * Reads {@code file} whole into memory when it holds at most {@code maxBytes}, with the checks of
     * {@link #compute(Path, Collection)} (no symbolic link, regular files only); empty when it is larger (the
     * caller streams it instead). Hashing, inspecting and signature-checking the returned array then judge the
     * very same bytes, whatever happens to the file meanwhile.
     *
     * @throws IOException the file cannot be read, or grew past its size while it was read
     */
    public static Optional<byte[]> readWhole(Path file, int maxBytes) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(Files.isSymbolicLink(file) ? "is a symbolic link" : Files.exists(file)
                    ? "not a regular file" : "no such file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > maxBytes) {
                return Optional.empty();
            }
            byte[] bytes = new byte[(int) size];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    // It shrank while read: what was read is what is judged.
                    return Optional.of(Arrays.copyOf(bytes, buffer.position()));
                }
            }
            if (channel.read(ByteBuffer.allocate(1)) > 0) {
                throw new IOException("the file grew while it was read (" + size + " bytes at first)");
            }
            return Optional.of(bytes);
        }
    }

    /** Something that reads a file's bytes while they are being hashed, e.g. an archive inspector. */
    @FunctionalInterface
    public interface Reader {
        /**
         * Reads from {@code in} as far as it wants (it need not read to the end and must not close it); every
         * byte it reads is hashed, and the hasher reads the rest once it returns.
         */
        void read(InputStream in) throws IOException;
    }

    /**
     * Reads {@code file} once, handing its bytes to {@code reader} (through a {@link #BUFFER_SIZE} buffer) and
     * hashing them on the way, for {@code algorithms} plus SHA-256: one pass serves both. The same checks as
     * {@link #compute(Path, Collection)} apply (no symbolic link, regular files only). An exception from
     * {@code reader} propagates; the digests are then not computed.
     */
    public static FileDigests compute(Path file, Collection<HashAlgorithm> algorithms, Reader reader) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reader, "reader");
        Engine engine = new Engine(algorithms);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(Files.isSymbolicLink(file) ? "is a symbolic link" : Files.exists(file)
                    ? "not a regular file" : "no such file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            InputStream hashing = new HashingStream(Channels.newInputStream(channel), engine);
            reader.read(new BufferedInputStream(hashing, BUFFER_SIZE) {
                @Override
                public void close() {
                    // The channel is closed here, after the rest has been hashed.
                }
            });
            byte[] buffer = new byte[BUFFER_SIZE];
            while (hashing.read(buffer, 0, buffer.length) >= 0) {
                // What the reader left unread is hashed here.
            }
        }
        return engine.finish();
    }

    /** Hashes every byte read through it. */
    private static final class HashingStream extends FilterInputStream {
        private final Engine engine;

        HashingStream(InputStream in, Engine engine) {
            super(in);
            this.engine = engine;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                engine.update(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                engine.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Bytes are read, never skipped: each must be hashed.
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** The same, reading through a caller-owned buffer (one per thread in {@link ParallelHasher}). */
    static FileDigests compute(Path file, Collection<HashAlgorithm> algorithms, byte[] buffer) throws IOException {
        Objects.requireNonNull(file, "file");
        Engine engine = new Engine(algorithms);
        // Checked before opening: open(2) on a FIFO would block until a writer came.
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(Files.isSymbolicLink(file) ? "is a symbolic link" : Files.exists(file)
                    ? "not a regular file" : "no such file");
        }
        // NOFOLLOW_LINKS makes open(2) use O_NOFOLLOW on the last element.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            // A heap buffer: MessageDigest.update(byte[]) is the intrinsic path; a direct buffer would be
            // copied back into a small heap array by MessageDigestSpi anyway.
            ByteBuffer wrapper = ByteBuffer.wrap(buffer);
            while (true) {
                wrapper.clear();
                int n = channel.read(wrapper);
                if (n < 0) {
                    break;
                }
                engine.update(buffer, 0, n);
            }
        }
        return engine.finish();
    }

    /** Every requested algorithm's running state, updated in lock step. */
    private static final class Engine {
        private final HashAlgorithm[] algorithms;
        private final StreamingHash[] hashes;
        private long size;

        Engine(Collection<HashAlgorithm> requested) {
            Objects.requireNonNull(requested, "algorithms");
            EnumSet<HashAlgorithm> all = EnumSet.of(HashAlgorithm.SHA_256);
            for (HashAlgorithm algorithm : requested) {
                all.add(Objects.requireNonNull(algorithm, "algorithm"));
            }
            algorithms = all.toArray(new HashAlgorithm[0]);
            hashes = new StreamingHash[algorithms.length];
            for (int i = 0; i < algorithms.length; i++) {
                hashes[i] = StreamingHash.create(algorithms[i]);
            }
        }

        void update(byte[] bytes, int offset, int length) {
            for (StreamingHash hash : hashes) {
                hash.update(bytes, offset, length);
            }
            size += length;
        }

        FileDigests finish() {
            Map<HashAlgorithm, Digest> out = new EnumMap<>(HashAlgorithm.class);
            for (int i = 0; i < algorithms.length; i++) {
                out.put(algorithms[i], Digest.of(algorithms[i], hashes[i].finish()));
            }
            return new FileDigests(size, out);
        }
    }
}
