package dev.sbomgate.baseline;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The lock of one baseline directory ({@code .lock}): exclusive for a write, refused at once when another approval
 * holds it; shared for a read, waited for a bounded time so that a reader never sees the instant between an
 * approval's two renames, and skipped where the lock cannot be taken (a read-only checkout).
 */
final class BaselineLock {
    /** How long a read waits for a running approval to finish before reading anyway. */
    private static final long READ_LOCK_WAIT_MILLIS = 2000;

    /**
     * Baseline directories whose write lock this JVM holds. POSIX releases all of a process's locks on a file
     * when any descriptor of it is closed (FileLock's Javadoc warns of this), so a second channel on
     * {@code .lock} in this JVM, even one that only tried and failed to lock, would silently drop the lock
     * of the approval in progress. Checking here first means no second channel is ever opened.
     */
    private static final Set<Path> LOCKED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;

    BaselineLock(Path directory) {
        this.directory = directory;
    }

    /**
     * Runs {@code action} under a shared lock on {@code .lock} when there is one, so that a reader does not see
     * the instant between an approval's two renames. It waits a bounded time, then reads anyway: a reader
     * that may not write (a read-only checkout) or a stuck writer must not stop the gate.
     */
    <T> T shared(Supplier<T> action) {
        Path lockFile = directory.resolve(BaselineStore.LOCK_FILE);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS) || LOCKED_IN_THIS_JVM.contains(lockKey())) {
            return action.get();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return action.get();
        }
        try (channel) {
            FileLock lock = null;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_LOCK_WAIT_MILLIS);
            try {
                while (lock == null && System.nanoTime() < deadline) {
                    lock = channel.tryLock(0, Long.MAX_VALUE, true);
                    if (lock == null) {
                        Thread.sleep(10);
                    }
                }
            } catch (OverlappingFileLockException | IOException e) {
                // Held by this very JVM, or shared locks are not supported here: read without it.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return action.get();
        } catch (IOException e) {
            // Closing the channel (which releases the lock) failed; the read itself succeeded or threw.
            throw BaselineStore.ioFailure(lockFile, e);
        }
    }

    interface LockedAction<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding the exclusive write lock; I/O failures become one-line BadInputExceptions. */
    <T> T exclusive(LockedAction<T> action) {
        Path key = lockKey();
        if (!LOCKED_IN_THIS_JVM.add(key)) {
            throw inProgress();
        }
        try {
            FileChannel lock = lockExclusively();
            try {
                return action.run();
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw BaselineStore.ioFailure(directory, e);
        } finally {
            LOCKED_IN_THIS_JVM.remove(key);
        }
    }

    /** The directory's real path when it exists, so two spellings of one directory share one lock entry. */
    private Path lockKey() {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    private BadInputException inProgress() {
        return new BadInputException("another approval is in progress on " + directory + " ("
                + directory.resolve(BaselineStore.LOCK_FILE) + " is locked): wait for it to finish, then run the command again");
    }

    /**
     * Takes the exclusive write lock, failing at once when another process holds it: an approval takes milliseconds, so a held lock means a concurrent approval whose result the
     * caller has not seen, and approving on top of it unseen would be wrong.
     */
    private FileChannel lockExclusively() throws IOException {
        Path lockFile = directory.resolve(BaselineStore.LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw inProgress();
        }
        return channel;
    }
}
