package dev.sbomgate.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Every file sbomgate writes is written here, whole or not at all: a reader (or the next run after a crash) sees the
 * old content or the new, never a part. The recipe is the POSIX one: write a temporary file in the target's directory
 * (a rename is atomic only within one file system), fsync it, rename(2) it over the target, then fsync the directory
 * so that the rename itself is on the disk. Files are created {@code rw-r--r--} where permissions exist: what sbomgate
 * writes (baselines, trust stores, reports) is meant to be committed and read by all.
 */
public final class AtomicWrite {
    /**
     * A channel write from a heap buffer goes through a temporary direct buffer the size of what is left, which the
     * JDK then caches per thread: one write of a 128 MiB baseline would keep 128 MiB of native memory for the rest of
     * the run. Writing in slices bounds that.
     */
    private static final int WRITE_SLICE = 1 << 20;

    private AtomicWrite() {
    }

    /** Replaces (or creates) {@code target} with {@code content} atomically and durably. */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            readableByAll(temp);
            force(temp, content, false);
            rename(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes {@code file} (created or truncated, never through a symbolic link) and forces its bytes and metadata to
     * the device before returning; for the first phase of a commit that {@link #rename}s it into place later.
     */
    public static void durably(Path file, byte[] content) throws IOException {
        force(file, content, true);
    }

    /**
     * Renames {@code source} over {@code target} atomically (rename(2) on POSIX, MoveFileEx on Windows), then syncs
     * the directory entry.
     *
     * @throws AtomicMoveNotSupportedException where the file system cannot rename atomically (a network share)
     */
    public static void rename(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes a rename durable (POSIX needs an fsync of the directory); not possible on Windows, where it is skipped. */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    private static void force(Path file, byte[] content, boolean create) throws IOException {
        try (FileChannel channel = create
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)
                : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int offset = 0; offset < content.length; offset += WRITE_SLICE) {
                ByteBuffer buffer = ByteBuffer.wrap(content, offset, Math.min(WRITE_SLICE, content.length - offset));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(true);
        }
    }

    /** createTempFile makes the file owner-only (0600). */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
