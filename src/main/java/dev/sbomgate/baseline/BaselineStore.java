package dev.sbomgate.baseline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final Consumer<String> stages;
    private final BaselineLock lock;

    public BaselineStore(Path directory) {
        this(directory, stage -> { });
    }

    /** For tests: {@code stages} hears "locked", "pending-written", "log-committed" and "installed" as a write passes them. */
    BaselineStore(Path directory, Consumer<String> stages) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.stages = Objects.requireNonNull(stages, "stages");
        this.lock = new BaselineLock(directory);
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
        StoredState state = lock.shared(() -> StoredState.read(directory));
        if (state == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredBaseline(state.baseline(), state.chain().entries(), state.evidence()));
    }

    /**
     * A hint read before {@link #load}: the SHA-256 that {@code baseline.json}'s {@code sbom} member records with
     * {@code "schemaValid": true}, read from the start of the file alone (the member comes second), without any
     * check; null when there is none or anything is unexpected. It only lets the SBOM reader skip a schema pass
     * ({@code SbomReader.approved}) while the baseline loads beside it: whoever uses it must then confirm it against
     * the loaded, authenticated baseline ({@link Baseline#sbomSchemaValid}) and fail closed when they differ.
     */
    public String schemaValidSbomHint() {
        Path file = directory.resolve(BASELINE_FILE);
        try (InputStream in = Files.newInputStream(file); JsonParser parser = StrictJson.parser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            // "sbom" is written second, after "format": a few members are enough to find it
            for (int field = 0; field < 4 && parser.nextToken() == JsonToken.FIELD_NAME; field++) {
                String name = parser.currentName();
                parser.nextToken();
                if (!"sbom".equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                JsonNode sbom = StrictJson.readValue(parser);
                return sbom.path("schemaValid").booleanValue() && sbom.path("sha256").isTextual()
                        ? sbom.path("sha256").textValue() : null;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
        return lock.exclusive(() -> {
            StoredState state = StoredState.read(directory);
            if (state == null || !state.interrupted()) {
                return false;
            }
            install(state);
            return true;
        });
    }

    private enum Mode { APPROVE, INIT, INIT_FORCE }










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
        return lock.exclusive(() -> {
            stages.accept("locked");
            StoredState state = StoredState.read(directory);
            if (state != null && state.interrupted()) {
                install(state);
                state = StoredState.read(directory);
            }
            if (mode == Mode.APPROVE && state == null) {
                throw noBaseline();
            }
            if (mode == Mode.INIT && state != null) {
                throw new BadInputException(directory + " already holds a baseline or an approval log ("
                        + (state.chain().lines()) + " approval" + (state.chain().lines() == 1 ? "" : "s")
                        + "): use 'sbomgate approve' to change it, or 'init --force' to replace it as a new logged approval");
            }
            if (state != null) {
                List<String> blocking = mode == Mode.APPROVE ? state.evidence() : state.logProblems();
                if (!blocking.isEmpty()) {
                    throw refuse(blocking, state.logProblems().isEmpty());
                }
            }
            byte[] oldLog = state == null ? new byte[0] : state.logBytes();
            ApprovalLog.Chain chain = state == null ? ApprovalLog.verify(oldLog, "") : state.chain();
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
    private void install(StoredState state) throws IOException {
        Path pending = directory.resolve(PENDING_FILE);
        String expected = state.chain().lastEntry().baselineSha256();
        // Parsed and hashed in one pass, never held whole; only a file the streaming reader does not vouch for is
        // read again the reference way, whose error names the problem.
        StoredState.Streamed streamed = StoredState.stream(pending);
        if (streamed != null) {
            if (!streamed.sha256().equals(expected)) {
                throw changedWhileFinishing(pending);
            }
        } else {
            byte[] bytes = StoredState.readBounded(pending, Limits.BASELINE);
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

    static BadInputException ioFailure(Path path, IOException e) {
        return new BadInputException("cannot update " + path + ": " + describe(e));
    }

    static String describe(IOException e) {
        String message = StrictJson.oneLine(e.getMessage());
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }
}
