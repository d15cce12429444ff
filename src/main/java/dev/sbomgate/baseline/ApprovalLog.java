package dev.sbomgate.baseline;

import dev.sbomgate.json.StrictJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.model.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code approvals.jsonl} format (docs/baseline.md): one canonical JSON object per approval and line,
 * hash-chained. Pure: it turns entries into lines and checks a log's bytes, reporting every problem as a
 * line of tamper evidence rather than throwing, because a tampered log is a finding (BASELINE_TAMPERED).
 *
 * <p>A line is the compact JSON of the entry's fields in a fixed order, then {@code entrySha256}: the SHA-256
 * of the line's own bytes without that member, so an edit to the newest entry (which no later entry's
 * {@code previousSha256} covers) is still noticed. The hash that chains entries is the SHA-256 of the whole
 * line's bytes, without its newline.
 */
public final class ApprovalLog {
    /** Longest line accepted; an entry is a few hundred bytes plus its accepted findings. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;
    /** Problems listed before checking stops with a one-line summary. */
    static final int MAX_PROBLEMS = 20;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> KEYS = Set.of("sequence", "approvedAt", "approvedBy", "reason", "sbomSha256",
            "baselineSha256", "acceptedFindings", "previousSha256", "entrySha256");

    private ApprovalLog() {
    }

    /**
     * What reading a log found.
     *
     * @param entries    the entries that could be read, in file order (lines that are not valid entries are left out)
     * @param lines      how many lines the log has
     * @param lastEntry  the entry on the last line, or null when the log is empty or its last line is unreadable
     * @param headSha256 SHA-256 of the last line, the next entry's {@code previousSha256}; GENESIS for an empty log
     * @param problems   one line of tamper evidence per problem, empty for an intact log
     */
    public record Chain(List<ApprovalEntry> entries, int lines, ApprovalEntry lastEntry, String headSha256,
                        List<String> problems) {
        public Chain {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
            Objects.requireNonNull(headSha256, "headSha256");
        }

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /** The canonical line of an entry, without its newline. */
    public static String toLine(ApprovalEntry entry) {
        for (String sha : List.of(entry.sbomSha256(), entry.baselineSha256(), entry.previousSha256())) {
            if (!SHA256_HEX.matcher(sha).matches()) {
                throw new IllegalArgumentException("approval entry digests are 64 lower-case hex digits, got '" + sha + "'");
            }
        }
        ObjectNode node = body(entry);
        node.put("entrySha256", sha256(StrictJson.compact(node)));
        return new String(StrictJson.compact(node), StandardCharsets.UTF_8);
    }

    private static ObjectNode body(ApprovalEntry entry) {
        ObjectNode node = StrictJson.object();
        node.put("sequence", entry.sequence());
        node.put("approvedAt", entry.approvedAt().toString());
        node.put("approvedBy", entry.approvedBy());
        node.put("reason", entry.reason());
        node.put("sbomSha256", entry.sbomSha256());
        node.put("baselineSha256", entry.baselineSha256());
        ArrayNode accepted = node.putArray("acceptedFindings");
        entry.acceptedFindings().forEach(accepted::add);
        node.put("previousSha256", entry.previousSha256());
        return node;
    }

    /** SHA-256 of bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The chain hash of a line: SHA-256 of its UTF-8 bytes, without the newline. */
    public static String lineSha256(String line) {
        return sha256(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one line strictly (all keys, right types, well-formed digests) without judging whether it is
     * canonical or chained.
     *
     * @param where names the line in messages, e.g. {@code .sbomgate/approvals.jsonl line 3}
     */
    public static ApprovalEntry parseLine(String line, String where) {
        return parse(line.getBytes(StandardCharsets.UTF_8), where).entry();
    }

    private record Parsed(ApprovalEntry entry, String entrySha256) {
    }

    private static Parsed parse(byte[] line, String where) {
        StrictJson.Obj node = new StrictJson.Obj(StrictJson.parse(line, where), where, "");
        node.keys(KEYS, KEYS);
        int sequence = node.integer("sequence");
        if (sequence < 1) {
            throw node.fail("sequence", "expected a number from 1 but found " + sequence);
        }
        Instant approvedAt = node.instant("approvedAt", false);
        String approvedBy = node.text("approvedBy", false);
        String reason = node.text("reason", false);
        String sbomSha256 = sha256(node, "sbomSha256");
        String baselineSha256 = sha256(node, "baselineSha256");
        List<String> accepted = node.strings("acceptedFindings", false);
        String previousSha256 = sha256(node, "previousSha256");
        String entrySha256 = sha256(node, "entrySha256");
        return new Parsed(new ApprovalEntry(sequence, approvedAt, approvedBy, reason, sbomSha256, baselineSha256,
                accepted, previousSha256), entrySha256);
    }

    private static String sha256(StrictJson.Obj node, String key) {
        return node.parsed(key, false, "SHA-256", text -> {
            if (!SHA256_HEX.matcher(text).matches()) {
                throw new IllegalArgumentException("expected 64 lower-case hex digits");
            }
            return text;
        });
    }

    /**
     * Checks a whole log: every line a canonical entry whose {@code entrySha256} matches, sequence numbers
     * 1..n, each {@code previousSha256} the hash of the line before (GENESIS for the first), and a newline
     * after the last line. Never throws for what the bytes hold.
     *
     * @param log    the file's bytes (empty for an empty or missing log)
     * @param source the file's name, for messages
     */
    public static Chain verify(byte[] log, String source) {
        List<ApprovalEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (log.length == 0) {
            return new Chain(entries, 0, null, ApprovalEntry.GENESIS, problems);
        }
        boolean torn = log[log.length - 1] != '\n';
        int lineCount = torn ? 1 : 0;
        for (byte b : log) {
            lineCount += b == '\n' ? 1 : 0;
        }
        String previousLineSha = ApprovalEntry.GENESIS;
        ApprovalEntry last = null;
        int start = 0;
        for (int number = 1; number <= lineCount; number++) {
            int end = start;
            while (end < log.length && log[end] != '\n') {
                end++;
            }
            byte[] raw = Arrays.copyOfRange(log, start, end);
            start = end + 1;
            if (problems.size() >= MAX_PROBLEMS) {
                // Bounded work on a hostile log (a million empty lines): stop once the log is clearly broken.
                problems.add(source + ": more problems not listed (checking stopped at line " + number + " of " + lineCount + ")");
                last = null;
                previousLineSha = sha256(Arrays.copyOfRange(log, lastLineStart(log), torn ? log.length : log.length - 1));
                break;
            }
            String where = source + " line " + number;
            String expectedPrevious = previousLineSha;
            previousLineSha = sha256(raw);
            last = null;
            if (raw.length == 0) {
                problems.add(where + ": empty line: the log was edited by hand");
                continue;
            }
            if (raw.length > MAX_LINE_BYTES) {
                problems.add(where + ": " + raw.length + " bytes, over the " + MAX_LINE_BYTES + "-byte limit for one approval");
                continue;
            }
            Parsed parsed;
            try {
                parsed = parse(raw, where);
            } catch (BadInputException | IllegalArgumentException e) {
                problems.add(StrictJson.oneLine(e.getMessage()) + " (not a valid approval entry: the log was edited by hand)");
                continue;
            }
            ApprovalEntry entry = parsed.entry();
            entries.add(entry);
            last = entry;
            String ownSha = sha256(StrictJson.compact(body(entry)));
            if (!ownSha.equals(parsed.entrySha256())) {
                problems.add(where + ": entrySha256 expected " + ownSha + " (SHA-256 of the entry's fields) but found "
                        + parsed.entrySha256() + ": approval #" + entry.sequence() + " was edited by hand");
            } else if (!Arrays.equals(toLine(entry).getBytes(StandardCharsets.UTF_8), raw)) {
                problems.add(where + ": not in canonical form (re-serialising the entry gives other bytes): the line was edited by hand");
            }
            if (entry.sequence() != number) {
                problems.add(where + ": sequence expected " + number + " but found " + entry.sequence()
                        + ": an entry was deleted, inserted or moved");
            }
            if (!entry.previousSha256().equals(expectedPrevious)) {
                String what = number == 1 ? "(GENESIS, the first entry has no predecessor)"
                        : "(SHA-256 of line " + (number - 1) + ")";
                problems.add(where + ": previousSha256 expected " + expectedPrevious + " " + what + " but found "
                        + entry.previousSha256() + ": " + (number == 1 ? "earlier entries were deleted"
                        : "line " + (number - 1) + " was edited, or an entry was deleted, inserted or moved"));
            }
        }
        if (torn) {
            problems.add(source + " line " + lineCount + ": no newline at the end of the file: the log was cut short or appended to by hand");
        }
        return new Chain(entries, lineCount, last, previousLineSha, problems);
    }

    /** Where the last line starts (the byte after the last '\n' that is not the file's final byte). */
    private static int lastLineStart(byte[] log) {
        int i = log.length - 2;
        while (i >= 0 && log[i] != '\n') {
            i--;
        }
        return i + 1;
    }
}
