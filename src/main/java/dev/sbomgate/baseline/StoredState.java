package dev.sbomgate.baseline;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The stored state of a baseline directory as read, with its tamper evidence: the log verified, the baseline parsed
 * and hashed in one streaming pass, an interrupted approval recognised.
 *
 * @param logBytes    the log's bytes exactly as verified (what a new entry is appended to)
 * @param logProblems problems with the log itself (a broken chain): never continued, not even by init --force
 * @param evidence    every problem, log problems first
 * @param interrupted whether the only problem is an interrupted approval that {@link BaselineStore#finishInterruptedApproval}
 *                    can finish
 */
record StoredState(byte[] logBytes, ApprovalLog.Chain chain, List<String> logProblems, Baseline baseline,
                   List<String> evidence, boolean interrupted) {

    static StoredState read(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new BadInputException(directory + " is not a directory: the baseline directory holds "
                    + BaselineStore.BASELINE_FILE + " and " + BaselineStore.LOG_FILE);
        }
        Path baselineFile = directory.resolve(BaselineStore.BASELINE_FILE);
        Path logFile = directory.resolve(BaselineStore.LOG_FILE);
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
            interrupted = chain.intact() && isInterrupted(directory, chain, baselineExists, baselineSha);
            if (interrupted) {
                String installed = baselineExists ? "still holds approval #" + (last.sequence() - 1) + "'s baseline"
                        : "does not exist yet";
                evidence.add("approval #" + last.sequence() + " was interrupted before its baseline was installed: "
                        + logFile + " records it, " + baselineFile + " " + installed + ", and "
                        + directory.resolve(BaselineStore.PENDING_FILE) + " holds the approved baseline (its SHA-256 matches the log)"
                        + ": rename it to " + BaselineStore.BASELINE_FILE + ", or run the next approval, to finish it");
            } else if (!baselineExists) {
                evidence.add(logFile + " records " + chain.lines() + " approval" + (chain.lines() == 1 ? "" : "s")
                        + " but " + baselineFile + " is missing: it was deleted");
            } else if (baselineSha != null) {
                evidence.add(baselineFile + ": SHA-256 expected " + last.baselineSha256() + " (recorded by approval #"
                        + last.sequence() + " in " + BaselineStore.LOG_FILE + ") but found " + baselineSha
                        + ": the baseline was changed after approval, or the approval that wrote it was removed from the log");
            }
        } else if (last == null && !baselineExists) {
            evidence.add(logFile + " has " + chain.lines() + " line" + (chain.lines() == 1 ? "" : "s")
                    + " but " + baselineFile + " is missing: it was deleted");
        }
        return new StoredState(logBytes, chain, logProblems, baseline, evidence, interrupted);
    }

    record Streamed(Baseline baseline, String sha256) {
    }

    /**
     * Reads and hashes {@code baseline.json} in one streaming pass, never holding its bytes or a tree of them. Null
     * when the streaming reader does not vouch for the document (malformed, hand-edited, unreadable): the caller
     * then reads the file again the reference way, which names the problem exactly. A file over
     * {@link Limits#BASELINE} is refused (exit 2, naming the limit), as every input over its limit.
     */
    static Streamed stream(Path file) {
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
    private static boolean isInterrupted(Path directory, ApprovalLog.Chain chain, boolean baselineExists, String baselineSha) {
        List<ApprovalEntry> entries = chain.entries();
        ApprovalEntry last = chain.lastEntry();
        boolean previousInstalled = entries.size() == 1 ? !baselineExists
                : entries.get(entries.size() - 2).baselineSha256().equals(baselineSha);
        if (!previousInstalled) {
            return false;
        }
        Path pendingFile = directory.resolve(BaselineStore.PENDING_FILE);
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
            throw new BadInputException("cannot read " + file + ": " + BaselineStore.describe(e));
        }
    }

    /** The file's bytes; over its limit it is refused (exit 2, naming the limit). */
    static byte[] readBounded(Path file, Limits.Limit limit) {
        try {
            return InputFiles.read(file, limit);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + BaselineStore.describe(e));
        }
    }
}
