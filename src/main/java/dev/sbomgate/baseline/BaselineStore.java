package dev.sbomgate.baseline;

import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The file adapter for the gate's memory: {@code baseline.json} (the last approved state, see
 * {@link BaselineJson}) and {@code approvals.jsonl} (the hash-chained approval log, see {@link ApprovalLog})
 * in one directory, {@code .sbomgate/} by default. The protocol is in docs/baseline.md.
 *
 * <p>Writes are crash-safe and exclusive. {@link #approve} and {@link #init} take an exclusive lock on
 * {@code .lock} (failing at once if another process holds it), re-verify the log under the lock, then:
 * <ol>
 *   <li>write the new baseline to {@code baseline.json.pending} and force it to disk;</li>
 *   <li>write the old log plus the new entry to {@code approvals.jsonl.tmp}, force it, and rename it over
 *       {@code approvals.jsonl} (the commit point: the entry names the pending baseline's SHA-256);</li>
 *   <li>rename {@code baseline.json.pending} over {@code baseline.json}.</li>
 * </ol>
 * Every rename is atomic and followed by a sync of the directory, so neither file is ever half-written. A
 * crash before step 2 leaves the old state intact (and a stale pending file, ignored); a crash between
 * steps 2 and 3 leaves an <em>interrupted approval</em>: the log's newest entry names the pending file's
 * exact bytes while {@code baseline.json} still holds the previous approval's. {@link #load()} reports
 * that as tamper evidence saying how to finish it, and {@link #finishInterruptedApproval()} or the next
 * {@link #approve} finishes it by the rename, which is safe because the bytes match the logged hash.
 */
public final class BaselineStore {
    /** Where the gate keeps its state unless told otherwise. */
    public static final String DEFAULT_DIRECTORY = ".sbomgate";
    public static final String BASELINE_FILE = "baseline.json";
    public static final String LOG_FILE = "approvals.jsonl";
    public static final String LOCK_FILE = ".lock";
    public static final String PENDING_FILE = "baseline.json.pending";
    static final String LOG_TEMP_FILE = "approvals.jsonl.tmp";
    /** Bounds what a hostile baseline file can make us read. */
    public static final long MAX_BASELINE_BYTES = Limits.BASELINE.bytes();
    /** Bounds what a hostile log can make us read: about 100,000 approvals. */
    public static final long MAX_LOG_BYTES = Limits.APPROVAL_LOG.bytes();
    /** How long {@link #load()} waits for a running approval to finish before reading anyway. */
    private static final long READ_LOCK_WAIT_MILLIS = 2000;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Baseline directories whose write lock this JVM holds. POSIX releases all of a process's locks on a file
     * when any descriptor of it is closed (FileLock's Javadoc warns of this), so a second channel on
     * {@code .lock} in this JVM, even one that only tried and failed to lock, would silently drop the lock
     * of the approval in progress. Checking here first means no second channel is ever opened.
     */
    private static final Set<Path> LOCKED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Consumer<String> stages;

    public BaselineStore(Path directory) {
        this(directory, stage -> { });
    }

    /** For tests: {@code stages} hears "locked", "pending-written", "log-committed" and "installed" as a write passes them. */
    BaselineStore(Path directory, Consumer<String> stages) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.stages = Objects.requireNonNull(stages, "stages");
    }

    public Path directory() {
        return directory;
    }

    /**
     * Reads and checks the stored state; never throws for what the files contain.
     *
     * @return empty on first use (neither {@code baseline.json} nor a non-empty {@code approvals.jsonl});
     *         otherwise the baseline (null when {@code baseline.json} is missing or unreadable), the readable
     *         log entries, and one line of tamper evidence per problem
     * @throws BadInputException when the directory or a file cannot be read at all (not a directory, no permission)
     */
    public Optional<StoredBaseline> load() {
        State state = underSharedLock(this::read);
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredBaseline(state.baseline, state.chain.entries(), state.evidence));
    }

    /**
     * Records a new approved baseline: writes {@code baseline.json} atomically and appends one entry to the log.
     * Refuses when there is no baseline yet (use {@link #init}) or when the stored state shows any tamper evidence.
     *
     * @param sbomSha256 SHA-256 of the approved SBOM file; must equal {@code newBaseline.sbomSha256()}
     * @param acceptedFindings blocking findings the approver accepted, as RULE:PURL tokens
     * @return the entry appended
     * @throws BadInputException if another approval holds the lock, the state is tampered with, or a file cannot be written
     */
    public ApprovalEntry approve(Baseline newBaseline, String approvedBy, String reason, String sbomSha256,
                                 List<String> acceptedFindings, Instant now) {
        return commit(newBaseline, approvedBy, reason, sbomSha256, acceptedFindings, now, Mode.APPROVE);
    }

    /**
     * Records the first baseline. Refuses when a baseline or log already exists unless {@code force}; with
     * {@code force} the replacement is appended to the existing log as one more approval (the log is never
     * reset), which also repairs a baseline edited by hand. A log whose chain is broken is never continued.
     */
    public ApprovalEntry init(Baseline baseline, String approvedBy, String reason, String sbomSha256,
                              List<String> acceptedFindings, Instant now, boolean force) {
        return commit(baseline, approvedBy, reason, sbomSha256, acceptedFindings, now,
                force ? Mode.INIT_FORCE : Mode.INIT);
    }

    /**
     * Finishes an approval that was interrupted after its log entry was committed and before its baseline
     * was installed, by renaming the pending file (whose SHA-256 the log records) over {@code baseline.json}.
     *
     * @return whether there was such an approval to finish
     */
    public boolean finishInterruptedApproval() {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        return underExclusiveLock(() -> {
            State state = read();
            if (state == null || !state.interrupted) {
                return false;
            }
            install(state);
            return true;
        });
    }

    // ---------------------------------------------------------------- reading

    private enum Mode { APPROVE, INIT, INIT_FORCE }

    /**
     * The stored state as read.
     *
     * @param logBytes    the log's bytes exactly as verified (what a new entry is appended to)
     * @param logProblems problems with the log itself (a broken chain): never continued, not even by init --force
     * @param evidence    every problem, log problems first
     * @param interrupted whether the only problem is an interrupted approval that {@link #install} can finish
     */
    private record State(byte[] logBytes, ApprovalLog.Chain chain, List<String> logProblems, Baseline baseline,
                         List<String> evidence, boolean interrupted) {
    }

    private State read() {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new BadInputException(directory + " is not a directory: the baseline directory holds "
                    + BASELINE_FILE + " and " + LOG_FILE);
        }
        Path baselineFile = directory.resolve(BASELINE_FILE);
        Path logFile = directory.resolve(LOG_FILE);
        boolean logExists = Files.exists(logFile);
        boolean baselineExists = Files.exists(baselineFile);

        List<String> logProblems = new ArrayList<>();
        byte[] logBytes = new byte[0];
        if (logExists) {
            logBytes = readBounded(logFile, Limits.APPROVAL_LOG);
        }
        ApprovalLog.Chain chain = ApprovalLog.verify(logBytes, logFile.toString());
        logProblems.addAll(chain.problems());
        if (!baselineExists && chain.lines() == 0 && logProblems.isEmpty()) {
            return null;
        }

        List<String> evidence = new ArrayList<>(logProblems);
        Baseline baseline = null;
        String baselineSha = null;
        Streamed streamed = baselineExists ? stream(baselineFile) : null;
        if (streamed != null) {
            baseline = streamed.baseline();
            baselineSha = streamed.sha256();
        } else if (baselineExists) {
            byte[] bytes = readBounded(baselineFile, Limits.BASELINE);
            baselineSha = ApprovalLog.sha256(bytes);
            try {
                baseline = BaselineJson.read(bytes, baselineFile.toString());
            } catch (BadInputException e) {
                evidence.add(StrictJson.oneLine(e.getMessage()) + " (the baseline cannot be read: it was edited by hand)");
            }
        }

        boolean interrupted = false;
        ApprovalEntry last = chain.lastEntry();
        if (chain.lines() == 0) {
            if (logProblems.isEmpty()) {
                evidence.add(baselineFile + " is present but " + logFile + (logExists ? " is empty" : " is missing")
                        + ": no approval records this baseline (it was written by hand, or the log was deleted)");
            }
        } else if (last != null && !last.baselineSha256().equals(baselineSha)) {
            interrupted = chain.intact() && isInterrupted(chain, baselineExists, baselineSha);
            if (interrupted) {
                String installed = baselineExists ? "still holds approval #" + (last.sequence() - 1) + "'s baseline"
                        : "does not exist yet";
                evidence.add("approval #" + last.sequence() + " was interrupted before its baseline was installed: "
                        + logFile + " records it, " + baselineFile + " " + installed + ", and "
                        + directory.resolve(PENDING_FILE) + " holds the approved baseline (its SHA-256 matches the log)"
                        + ": rename it to " + BASELINE_FILE + ", or run the next approval, to finish it");
            } else if (!baselineExists) {
                evidence.add(logFile + " records " + chain.lines() + " approval" + (chain.lines() == 1 ? "" : "s")
                        + " but " + baselineFile + " is missing: it was deleted");
            } else if (baselineSha != null) {
                evidence.add(baselineFile + ": SHA-256 expected " + last.baselineSha256() + " (recorded by approval #"
                        + last.sequence() + " in " + LOG_FILE + ") but found " + baselineSha
                        + ": the baseline was changed after approval, or the approval that wrote it was removed from the log");
            }
        } else if (last == null && !baselineExists) {
            evidence.add(logFile + " has " + chain.lines() + " line" + (chain.lines() == 1 ? "" : "s")
                    + " but " + baselineFile + " is missing: it was deleted");
        }
        return new State(logBytes, chain, logProblems, baseline, evidence, interrupted);
    }

    private record Streamed(Baseline baseline, String sha256) {
    }

    /**
     * Reads and hashes {@code baseline.json} in one streaming pass, never holding its bytes or a tree of them. Null
     * when the streaming reader does not vouch for the document (malformed, hand-edited, unreadable): the caller
     * then reads the file again the reference way, which names the problem exactly. A file over
     * {@link Limits#BASELINE} is refused (exit 2, naming the limit), as every input over its limit.
     */
    private static Streamed stream(Path file) {
        MessageDigest sha256 = newSha256();
        try (DigestInputStream in = new DigestInputStream(InputFiles.open(file, Limits.BASELINE), sha256)) {
            Baseline baseline;
            try {
                baseline = BaselineStreamReader.read(in, file.toString());
            } catch (IOException e) {
                return null;
            }
            if (baseline == null) {
                return null;
            }
            // The hash covers every byte of the file, also any the parser did not need to look at.
            in.transferTo(OutputStream.nullOutputStream());
            return new Streamed(baseline, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The previous approval's baseline is installed (none for the first) and the pending file holds the newest one's. */
    private boolean isInterrupted(ApprovalLog.Chain chain, boolean baselineExists, String baselineSha) {
        List<ApprovalEntry> entries = chain.entries();
        ApprovalEntry last = chain.lastEntry();
        boolean previousInstalled = entries.size() == 1 ? !baselineExists
                : entries.get(entries.size() - 2).baselineSha256().equals(baselineSha);
        if (!previousInstalled) {
            return false;
        }
        Path pendingFile = directory.resolve(PENDING_FILE);
        if (!Files.isRegularFile(pendingFile)) {
            return false;
        }
        String pendingSha = sha256Bounded(pendingFile);
        return pendingSha != null && pendingSha.equals(last.baselineSha256());
    }

    /** SHA-256 of the file read as a stream, never held whole; null when it is over {@link Limits#BASELINE}. */
    private static String sha256Bounded(Path file) {
        MessageDigest sha256 = newSha256();
        try (DigestInputStream in = new DigestInputStream(InputFiles.open(file, Limits.BASELINE), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(sha256.digest());
        } catch (InputFiles.TooLargeException e) {
            return null; // not a file sbomgate wrote: the approval is not an interrupted one
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + describe(e));
        }
    }

    /** The file's bytes; over its limit it is refused (exit 2, naming the limit). */
    private static byte[] readBounded(Path file, Limits.Limit limit) {
        try {
            return InputFiles.read(file, limit);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + describe(e));
        }
    }

    /**
     * Runs {@code action} under a shared lock on {@code .lock} when there is one, so that a reader does not see
     * the instant between an approval's two renames. It waits a bounded time, then reads anyway: a reader
     * that may not write (a read-only checkout) or a stuck writer must not stop the gate.
     */
    private <T> T underSharedLock(Supplier<T> action) {
        Path lockFile = directory.resolve(LOCK_FILE);
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
            throw ioFailure(lockFile, e);
        }
    }

    // ---------------------------------------------------------------- writing

    private ApprovalEntry commit(Baseline newBaseline, String approvedBy, String reason, String sbomSha256,
                                 List<String> acceptedFindings, Instant now, Mode mode) {
        Objects.requireNonNull(newBaseline, "newBaseline");
        Objects.requireNonNull(now, "now");
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new BadInputException("an approval must say who approves it (--by, or the OS user)");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("an approval must say why: give a reason (--reason)");
        }
        if (sbomSha256 == null || !SHA256_HEX.matcher(sbomSha256).matches() || !sbomSha256.equals(newBaseline.sbomSha256())) {
            throw new IllegalArgumentException("the approval's sbomSha256 '" + sbomSha256
                    + "' must be the baseline's, '" + newBaseline.sbomSha256() + "'");
        }
        byte[] baselineBytes = BaselineJson.write(newBaseline);
        if (baselineBytes.length > MAX_BASELINE_BYTES) {
            throw new BadInputException("the new baseline is " + baselineBytes.length + " bytes, over the "
                    + MAX_BASELINE_BYTES + "-byte limit sbomgate reads back");
        }
        if (mode == Mode.APPROVE && !Files.isDirectory(directory)) {
            throw noBaseline();
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ioFailure(directory, e);
        }
        return underExclusiveLock(() -> {
            stages.accept("locked");
            State state = read();
            if (state != null && state.interrupted) {
                install(state);
                state = read();
            }
            if (mode == Mode.APPROVE && state == null) {
                throw noBaseline();
            }
            if (mode == Mode.INIT && state != null) {
                throw new BadInputException(directory + " already holds a baseline or an approval log ("
                        + (state.chain.lines()) + " approval" + (state.chain.lines() == 1 ? "" : "s")
                        + "): use 'sbomgate approve' to change it, or 'init --force' to replace it as a new logged approval");
            }
            if (state != null) {
                List<String> blocking = mode == Mode.APPROVE ? state.evidence : state.logProblems;
                if (!blocking.isEmpty()) {
                    throw refuse(blocking, state.logProblems.isEmpty());
                }
            }
            byte[] oldLog = state == null ? new byte[0] : state.logBytes;
            ApprovalLog.Chain chain = state == null ? ApprovalLog.verify(oldLog, "") : state.chain;
            ApprovalEntry entry = new ApprovalEntry(chain.lines() + 1, now, approvedBy, reason, sbomSha256,
                    ApprovalLog.sha256(baselineBytes), acceptedFindings, chain.headSha256());
            byte[] line = (ApprovalLog.toLine(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            if (oldLog.length + (long) line.length > MAX_LOG_BYTES) {
                throw new BadInputException(directory.resolve(LOG_FILE) + " would grow over the " + MAX_LOG_BYTES
                        + "-byte limit: archive it and start a new baseline directory");
            }
            byte[] newLog = new byte[oldLog.length + line.length];
            System.arraycopy(oldLog, 0, newLog, 0, oldLog.length);
            System.arraycopy(line, 0, newLog, oldLog.length, line.length);

            Path pending = directory.resolve(PENDING_FILE);
            AtomicWrite.durably(pending, baselineBytes);
            stages.accept("pending-written");
            Path logTemp = directory.resolve(LOG_TEMP_FILE);
            AtomicWrite.durably(logTemp, newLog);
            replace(logTemp, directory.resolve(LOG_FILE));
            stages.accept("log-committed");
            replace(pending, directory.resolve(BASELINE_FILE));
            stages.accept("installed");
            return entry;
        });
    }

    /** Finishes an interrupted approval; the caller holds the exclusive lock. */
    private void install(State state) throws IOException {
        Path pending = directory.resolve(PENDING_FILE);
        String expected = state.chain.lastEntry().baselineSha256();
        // Parsed and hashed in one pass, never held whole; only a file the streaming reader does not vouch for is
        // read again the reference way, whose error names the problem.
        Streamed streamed = stream(pending);
        if (streamed != null) {
            if (!streamed.sha256().equals(expected)) {
                throw changedWhileFinishing(pending);
            }
        } else {
            byte[] bytes = readBounded(pending, Limits.BASELINE);
            if (!ApprovalLog.sha256(bytes).equals(expected)) {
                throw changedWhileFinishing(pending);
            }
            BaselineJson.read(bytes, pending.toString());
        }
        replace(pending, directory.resolve(BASELINE_FILE));
    }

    private static BadInputException changedWhileFinishing(Path pending) {
        return new BadInputException(pending + " changed while finishing an interrupted approval; run the command again");
    }

    private interface LockedAction<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding the exclusive write lock; I/O failures become one-line BadInputExceptions. */
    private <T> T underExclusiveLock(LockedAction<T> action) {
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
            throw ioFailure(directory, e);
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
                + directory.resolve(LOCK_FILE) + " is locked): wait for it to finish, then run the command again");
    }

    /**
     * Takes the exclusive write lock, failing at once when another process holds it: an approval takes milliseconds, so a held lock means a concurrent approval whose result the
     * caller has not seen, and approving on top of it unseen would be wrong.
     */
    private FileChannel lockExclusively() throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
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

    /** {@link AtomicWrite#rename}; a file system that cannot rename atomically cannot hold a baseline. */
    private void replace(Path source, Path target) throws IOException {
        try {
            AtomicWrite.rename(source, target);
        } catch (AtomicMoveNotSupportedException e) {
            throw new BadInputException("cannot replace " + target + " atomically on this file system: "
                    + "put the baseline directory on a local disk");
        }
    }

    private BadInputException noBaseline() {
        return new BadInputException("no baseline in " + directory + ": create the first one with 'sbomgate init'");
    }

    private BadInputException refuse(List<String> problems, boolean onlyBaseline) {
        String fix = onlyBaseline
                ? "restore " + BASELINE_FILE + " from version control, or replace it with 'sbomgate init --force'"
                : "restore " + LOG_FILE + " from version control";
        return new BadInputException("refusing to write to " + directory + ": it was changed outside sbomgate ("
                + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "; first: " + problems.get(0)
                + "): " + fix);
    }

    private static BadInputException ioFailure(Path path, IOException e) {
        return new BadInputException("cannot update " + path + ": " + describe(e));
    }

    private static String describe(IOException e) {
        String message = StrictJson.oneLine(e.getMessage());
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }
}
