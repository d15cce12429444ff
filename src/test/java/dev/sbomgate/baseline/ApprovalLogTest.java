package dev.sbomgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalLogTest {
    private static final String SOURCE = ".sbomgate/approvals.jsonl";

    private static ApprovalEntry entry(int sequence, String previous) {
        return new ApprovalEntry(sequence, TestBaselines.T0.plusSeconds(sequence), "alice", "reason " + sequence,
                TestBaselines.sha("sbom" + sequence), TestBaselines.sha("baseline" + sequence),
                List.of("UNSIGNED:pkg:npm/b@1", "SIGNER_CHANGED:pkg:npm/a@2"), previous);
    }

    /** A valid log of {@code n} entries, as its lines. */
    static List<String> chain(int n) {
        List<String> lines = new ArrayList<>();
        String previous = ApprovalEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            String line = ApprovalLog.toLine(entry(i, previous));
            lines.add(line);
            previous = ApprovalLog.lineSha256(line);
        }
        return lines;
    }

    private static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLineIsCompactJsonInTheDocumentedKeyOrder() {
        String line = ApprovalLog.toLine(entry(1, ApprovalEntry.GENESIS));
        String expectedPrefix = "{\"sequence\":1,\"approvedAt\":\"2026-03-01T10:15:31Z\",\"approvedBy\":\"alice\","
                + "\"reason\":\"reason 1\",\"sbomSha256\":\"" + TestBaselines.sha("sbom1") + "\",\"baselineSha256\":\""
                + TestBaselines.sha("baseline1") + "\",\"acceptedFindings\":[\"SIGNER_CHANGED:pkg:npm/a@2\","
                + "\"UNSIGNED:pkg:npm/b@1\"],\"previousSha256\":\"" + ApprovalEntry.GENESIS + "\"";
        assertTrue(line.startsWith(expectedPrefix), line);
        // entrySha256 is the SHA-256 of the line without itself, i.e. of the prefix closed with '}'.
        assertEquals(expectedPrefix + ",\"entrySha256\":\"" + TestBaselines.sha(expectedPrefix + "}") + "\"}", line);
    }

    @Test
    void newlinesInAReasonStayOnOneLine() {
        ApprovalEntry e = new ApprovalEntry(1, TestBaselines.T0, "bob", "two\nlines\r\n", TestBaselines.sha("s"),
                TestBaselines.sha("b"), List.of(), ApprovalEntry.GENESIS);
        String line = ApprovalLog.toLine(e);
        assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, line);
        assertEquals(e, ApprovalLog.parseLine(line, SOURCE));
    }

    @Test
    void parseLineReadsBackWhatToLineWrote() {
        ApprovalEntry e = entry(4, TestBaselines.sha("prev"));
        assertEquals(e, ApprovalLog.parseLine(ApprovalLog.toLine(e), SOURCE + " line 4"));
    }

    @Test
    void parseLineIsStrict() {
        String line = ApprovalLog.toLine(entry(1, ApprovalEntry.GENESIS));
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> ApprovalLog.parseLine(line.replace("{\"sequence\"", "{\"x\":1,\"sequence\""), SOURCE + " line 1"));
        assertTrue(unknown.getMessage().startsWith(SOURCE + " line 1: x: unknown key"), unknown.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> ApprovalLog.parseLine(line.replace("\"approvedBy\":\"alice\",", ""), SOURCE + " line 1"));
        assertTrue(missing.getMessage().contains("approvedBy: required key is missing"), missing.getMessage());
        BadInputException badSha = assertThrows(BadInputException.class,
                () -> ApprovalLog.parseLine(line.replace(ApprovalEntry.GENESIS, "0"), SOURCE + " line 1"));
        assertTrue(badSha.getMessage().contains("previousSha256: malformed SHA-256 '0'"), badSha.getMessage());
        BadInputException sequenceAsText = assertThrows(BadInputException.class,
                () -> ApprovalLog.parseLine(line.replace("\"sequence\":1", "\"sequence\":\"1\""), SOURCE + " line 1"));
        assertTrue(sequenceAsText.getMessage().contains("sequence: expected an integer but found a string"));
    }

    @Test
    void anEmptyLogIsIntactAndChainsFromGenesis() {
        ApprovalLog.Chain chain = ApprovalLog.verify(new byte[0], SOURCE);
        assertTrue(chain.intact());
        assertEquals(0, chain.lines());
        assertNull(chain.lastEntry());
        assertEquals(ApprovalEntry.GENESIS, chain.headSha256());
    }

    @Test
    void anIntactChainVerifies() {
        List<String> lines = chain(3);
        ApprovalLog.Chain chain = ApprovalLog.verify(bytes(lines), SOURCE);
        assertEquals(List.of(), chain.problems());
        assertEquals(3, chain.entries().size());
        assertEquals(3, chain.lastEntry().sequence());
        assertEquals(ApprovalLog.lineSha256(lines.get(2)), chain.headSha256());
    }

    @Test
    void anEntryWhoseHashesWereRecomputedAfterAnEditStillBreaksTheChainAfterIt() {
        List<String> lines = new ArrayList<>(chain(3));
        ApprovalEntry original = ApprovalLog.parseLine(lines.get(1), SOURCE);
        ApprovalEntry forged = new ApprovalEntry(2, original.approvedAt(), "mallory", original.reason(),
                original.sbomSha256(), original.baselineSha256(), original.acceptedFindings(), original.previousSha256());
        lines.set(1, ApprovalLog.toLine(forged));
        List<String> problems = ApprovalLog.verify(bytes(lines), SOURCE).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(SOURCE + " line 3: previousSha256 expected "
                + ApprovalLog.lineSha256(lines.get(1)) + " (SHA-256 of line 2) but found "), problems.get(0));
    }

    @Test
    void manyProblemsAreCapped() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add("not json " + i);
        }
        List<String> problems = ApprovalLog.verify(bytes(lines), SOURCE).problems();
        assertEquals(ApprovalLog.MAX_PROBLEMS + 1, problems.size());
        assertEquals(SOURCE + ": more problems not listed (checking stopped at line 21 of 50)",
                problems.get(problems.size() - 1));
    }

    @Test
    void aHostileLogOfEmptyLinesIsCheckedInBoundedWork() {
        byte[] log = new byte[20_000_000];
        java.util.Arrays.fill(log, (byte) '\n');
        ApprovalLog.Chain chain = ApprovalLog.verify(log, SOURCE);
        assertEquals(20_000_000, chain.lines());
        assertEquals(ApprovalLog.MAX_PROBLEMS + 1, chain.problems().size());
        assertEquals(ApprovalLog.lineSha256(""), chain.headSha256());
    }

    @Test
    void aTornLastLineIsReported() {
        List<String> lines = chain(2);
        byte[] full = bytes(lines);
        byte[] torn = java.util.Arrays.copyOf(full, full.length - 10);
        ApprovalLog.Chain chain = ApprovalLog.verify(torn, SOURCE);
        assertEquals(2, chain.lines());
        assertNull(chain.lastEntry());
        assertTrue(chain.problems().get(chain.problems().size() - 1)
                .equals(SOURCE + " line 2: no newline at the end of the file: the log was cut short or appended to by hand"),
                chain.problems().toString());
    }
}
