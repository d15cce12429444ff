package dev.sbomgate.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    @TempDir
    Path temp;
    Path dir;
    BaselineStore store;

    @BeforeEach
    void setUp() {
        dir = temp.resolve(".sbomgate");
        store = new BaselineStore(dir);
    }

    private static ApprovalEntry approve(BaselineStore store, int variant) {
        Baseline b = TestBaselines.sample(variant);
        return store.approve(b, "alice", "update to variant " + variant, b.sbomSha256(),
                List.of("NEW_COMPONENT:pkg:npm/x"), TestBaselines.T0.plusSeconds(60L * variant));
    }

    private static ApprovalEntry init(BaselineStore store, int variant, boolean force) {
        Baseline b = TestBaselines.sample(variant);
        return store.init(b, "alice", "first baseline", b.sbomSha256(), List.of(), TestBaselines.T0, force);
    }

    /** init with variant 1, then approvals of variants 2..n. */
    private void history(int n) {
        init(store, 1, false);
        for (int i = 2; i <= n; i++) {
            approve(store, i);
        }
    }

    private Path log() {
        return dir.resolve(BaselineStore.LOG_FILE);
    }

    private Path baselineFile() {
        return dir.resolve(BaselineStore.BASELINE_FILE);
    }

    private List<String> logLines() throws IOException {
        return new ArrayList<>(Files.readAllLines(log(), StandardCharsets.UTF_8));
    }

    private void writeLog(List<String> lines) throws IOException {
        Files.writeString(log(), lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private StoredBaseline loaded() {
        return store.load().orElseThrow();
    }

    /** Asserts tamper evidence, each one line, and that one contains {@code expected}; returns the evidence. */
    private List<String> assertTampered(String expected) {
        StoredBaseline stored = loaded();
        assertTrue(stored.tampered(), "expected tamper evidence");
        stored.tamperEvidence().forEach(line -> assertEquals(1, line.lines().count(), line));
        assertTrue(stored.tamperEvidence().stream().anyMatch(line -> line.contains(expected)),
                () -> "expected '" + expected + "' in " + stored.tamperEvidence());
        return stored.tamperEvidence();
    }

    // ------------------------------------------------------------ first use, init, approve

    @Test
    void firstUseHasNoBaseline() throws IOException {
        assertTrue(store.load().isEmpty(), "no directory");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("policy.yaml"), "rules: {}\n");
        assertTrue(store.load().isEmpty(), "directory without baseline or log");
        Files.writeString(log(), "");
        assertTrue(store.load().isEmpty(), "an empty log and no baseline approve nothing");
    }

    @Test
    void initWritesTheBaselineAndTheFirstEntry() throws IOException {
        ApprovalEntry entry = init(store, 1, false);
        byte[] expected = BaselineJson.write(TestBaselines.sample(1));
        assertArrayEquals(expected, Files.readAllBytes(baselineFile()));
        assertEquals(1, entry.sequence());
        assertEquals(ApprovalEntry.GENESIS, entry.previousSha256());
        assertEquals(ApprovalLog.sha256(expected), entry.baselineSha256());
        assertEquals(TestBaselines.sample(1).sbomSha256(), entry.sbomSha256());
        assertEquals(List.of(ApprovalLog.toLine(entry)), logLines());

        StoredBaseline stored = loaded();
        assertEquals(List.of(), stored.tamperEvidence());
        assertArrayEquals(expected, BaselineJson.write(stored.baseline()));
        assertEquals(List.of(entry), stored.log());
        assertFalse(Files.exists(dir.resolve(BaselineStore.PENDING_FILE)));
        assertFalse(Files.exists(dir.resolve(BaselineStore.LOG_TEMP_FILE)));
    }

    @Test
    void approvalsFormAChain() throws IOException {
        history(3);
        List<String> lines = logLines();
        assertEquals(3, lines.size());
        StoredBaseline stored = loaded();
        assertEquals(List.of(), stored.tamperEvidence());
        assertEquals(3, stored.log().size());
        for (int i = 0; i < 3; i++) {
            ApprovalEntry e = stored.log().get(i);
            assertEquals(i + 1, e.sequence());
            assertEquals(i == 0 ? ApprovalEntry.GENESIS : ApprovalLog.lineSha256(lines.get(i - 1)), e.previousSha256());
        }
        assertEquals("update to variant 3", stored.lastApproval().orElseThrow().reason());
        assertEquals(List.of("NEW_COMPONENT:pkg:npm/x"), stored.lastApproval().orElseThrow().acceptedFindings());
        assertArrayEquals(BaselineJson.write(TestBaselines.sample(3)), Files.readAllBytes(baselineFile()));
    }

    @Test
    void initRefusesToReplaceABaselineWithoutForce() {
        init(store, 1, false);
        BadInputException e = assertThrows(BadInputException.class, () -> init(store, 2, false));
        assertTrue(e.getMessage().contains("already holds a baseline"), e.getMessage());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
    }

    @Test
    void initWithForceContinuesTheLog() throws IOException {
        init(store, 1, false);
        String first = logLines().get(0);
        ApprovalEntry second = init(store, 2, true);
        assertEquals(2, second.sequence());
        assertEquals(ApprovalLog.lineSha256(first), second.previousSha256());
        assertEquals(first, logLines().get(0));
        assertEquals(List.of(), loaded().tamperEvidence());
    }

    @Test
    void initWithForceReplacesAnEditedBaselineButNeverContinuesABrokenLog() throws IOException {
        history(2);
        Files.writeString(baselineFile(), "{}");
        assertTrue(loaded().tampered());
        init(store, 5, true);
        assertEquals(List.of(), loaded().tamperEvidence());
        assertEquals(3, loaded().log().size());

        List<String> lines = logLines();
        lines.set(0, lines.get(0).replace("first baseline", "first baseline!"));
        writeLog(lines);
        byte[] before = Files.readAllBytes(log());
        BadInputException e = assertThrows(BadInputException.class, () -> init(store, 6, true));
        assertTrue(e.getMessage().startsWith("refusing to write to " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("restore approvals.jsonl from version control"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(log()));
    }

    @Test
    void approveNeedsAnExistingBaseline() throws IOException {
        BadInputException missingDir = assertThrows(BadInputException.class, () -> approve(store, 1));
        assertEquals("no baseline in " + dir + ": create the first one with 'sbomgate init'", missingDir.getMessage());
        assertFalse(Files.exists(dir), "approve must not create the directory");
        Files.createDirectories(dir);
        BadInputException emptyDir = assertThrows(BadInputException.class, () -> approve(store, 1));
        assertTrue(emptyDir.getMessage().startsWith("no baseline in " + dir), emptyDir.getMessage());
    }

    @Test
    void anApprovalNeedsAReasonAndAnApprover() {
        init(store, 1, false);
        Baseline b = TestBaselines.sample(2);
        assertThrows(BadInputException.class, () -> store.approve(b, "alice", " ", b.sbomSha256(), List.of(), TestBaselines.T0));
        assertThrows(BadInputException.class, () -> store.approve(b, "", "why", b.sbomSha256(), List.of(), TestBaselines.T0));
        assertThrows(IllegalArgumentException.class,
                () -> store.approve(b, "alice", "why", TestBaselines.sha("other"), List.of(), TestBaselines.T0));
        assertEquals(1, loaded().log().size());
    }

    @Test
    void aDirectoryThatIsAFileIsBadInput() throws IOException {
        Files.writeString(dir, "not a directory");
        BadInputException e = assertThrows(BadInputException.class, () -> store.load());
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }

    // ------------------------------------------------------------ tampering

    @Test
    void editingAMiddleEntrysReasonIsDetected() throws IOException {
        history(3);
        List<String> lines = logLines();
        lines.set(1, lines.get(1).replace("update to variant 2", "routine update"));
        writeLog(lines);
        List<String> evidence = assertTampered(log() + " line 2: entrySha256 expected ");
        assertTrue(evidence.stream().anyMatch(l -> l.startsWith(log() + " line 3: previousSha256 expected "
                + ApprovalLog.lineSha256(lines.get(1)) + " (SHA-256 of line 2)")), evidence.toString());
    }

    @Test
    void editingTheNewestEntrysReasonIsDetected() throws IOException {
        history(3);
        List<String> lines = logLines();
        lines.set(2, lines.get(2).replace("update to variant 3", "routine update"));
        writeLog(lines);
        assertTampered(log() + " line 3: entrySha256 expected ");
    }

    @Test
    void deletingAMiddleEntryIsDetected() throws IOException {
        history(3);
        List<String> lines = logLines();
        lines.remove(1);
        writeLog(lines);
        assertTampered(log() + " line 2: sequence expected 2 but found 3");
        assertTampered(log() + " line 2: previousSha256 expected " + ApprovalLog.lineSha256(lines.get(0)));
    }

    @Test
    void deletingTheNewestEntryIsDetectedBecauseTheBaselineNoLongerMatches() throws IOException {
        history(3);
        List<String> lines = logLines();
        lines.remove(2);
        writeLog(lines);
        String actual = ApprovalLog.sha256(Files.readAllBytes(baselineFile()));
        List<String> evidence = assertTampered(baselineFile() + ": SHA-256 expected ");
        assertEquals(1, evidence.size(), evidence.toString());
        assertTrue(evidence.get(0).contains("(recorded by approval #2 in approvals.jsonl) but found " + actual), evidence.get(0));
    }

    @Test
    void editingTheBaselineIsDetectedAndTheEditedBaselineIsStillReturned() throws IOException {
        history(2);
        String json = Files.readString(baselineFile()).replace("\"version\": \"1.2.0\"", "\"version\": \"1.2.1\"");
        Files.writeString(baselineFile(), json);
        StoredBaseline stored = loaded();
        assertNotNull(stored.baseline());
        assertEquals(1, stored.tamperEvidence().size(), stored.tamperEvidence().toString());
        assertTrue(stored.tamperEvidence().get(0).contains("the baseline was changed after approval"));
    }

    @Test
    void anUnreadableBaselineIsEvidenceNotAnException() throws IOException {
        history(2);
        Files.writeString(baselineFile(), "{\"format\": 1, ");
        StoredBaseline stored = loaded();
        assertNull(stored.baseline());
        assertTampered(baselineFile() + ": not valid JSON");
        assertTampered(baselineFile() + ": SHA-256 expected ");
    }

    @Test
    void aForgedEntryWithAWrongPreviousHashIsDetected() throws IOException {
        history(2);
        // The forger even points the entry at the current baseline, so only the chain can tell.
        Baseline b = TestBaselines.sample(2);
        ApprovalEntry forged = new ApprovalEntry(3, TestBaselines.T0.plusSeconds(999), "mallory", "looks fine",
                b.sbomSha256(), ApprovalLog.sha256(Files.readAllBytes(baselineFile())), List.of("BAD_SIGNATURE:*"),
                TestBaselines.sha("guess"));
        List<String> lines = logLines();
        lines.add(ApprovalLog.toLine(forged));
        writeLog(lines);
        List<String> evidence = assertTampered(log() + " line 3: previousSha256 expected "
                + ApprovalLog.lineSha256(lines.get(1)) + " (SHA-256 of line 2) but found " + TestBaselines.sha("guess"));
        assertEquals(1, evidence.size(), evidence.toString());
    }

    @Test
    void reorderingEntriesIsDetected() throws IOException {
        history(3);
        List<String> lines = logLines();
        Collections.swap(lines, 1, 2);
        writeLog(lines);
        assertTampered(log() + " line 2: sequence expected 2 but found 3");
        assertTampered(log() + " line 3: previousSha256 expected ");
    }

    @Test
    void aReformattedLineIsNotCanonical() throws IOException {
        history(2);
        List<String> lines = logLines();
        lines.set(0, lines.get(0).replace("\"approvedBy\":", "\"approvedBy\": "));
        writeLog(lines);
        assertTampered(log() + " line 1: not in canonical form");
    }

    @Test
    void aLineThatIsNotJsonIsEvidenceAndTheChainIsStillCheckedAfterIt() throws IOException {
        history(3);
        List<String> lines = logLines();
        lines.set(1, "approved by the boss");
        writeLog(lines);
        assertTampered(log() + " line 2: not valid JSON");
        assertTampered(log() + " line 3: previousSha256 expected " + ApprovalLog.lineSha256("approved by the boss"));
    }

    @Test
    void aLogWithoutItsFinalNewlineIsEvidence() throws IOException {
        history(2);
        String text = Files.readString(log());
        Files.writeString(log(), text.substring(0, text.length() - 1));
        List<String> evidence = assertTampered(log() + " line 2: no newline at the end of the file");
        assertEquals(1, evidence.size(), evidence.toString());
    }

    @Test
    void anEmptyLineIsEvidence() throws IOException {
        history(2);
        List<String> lines = logLines();
        lines.add(1, "");
        writeLog(lines);
        assertTampered(log() + " line 2: empty line");
    }

    @Test
    void aBaselineWithoutItsLogIsEvidence() throws IOException {
        history(2);
        Files.delete(log());
        List<String> evidence = assertTampered(log() + " is missing");
        assertEquals(1, evidence.size());
        assertNotNull(loaded().baseline());
        writeLog(List.of());
        assertTampered(log() + " is empty");
    }

    @Test
    void aLogWithoutItsBaselineIsEvidence() throws IOException {
        history(2);
        Files.delete(baselineFile());
        StoredBaseline stored = loaded();
        assertNull(stored.baseline());
        assertEquals(2, stored.log().size());
        assertTampered("records 2 approvals but " + baselineFile() + " is missing");
    }

    @Test
    void approveRefusesATamperedStateAndChangesNothing() throws IOException {
        history(2);
        Files.writeString(baselineFile(), Files.readString(baselineFile()).replace("Acme Corp", "Evil Corp"));
        byte[] logBefore = Files.readAllBytes(log());
        byte[] baselineBefore = Files.readAllBytes(baselineFile());
        BadInputException e = assertThrows(BadInputException.class, () -> approve(store, 3));
        assertTrue(e.getMessage().startsWith("refusing to write to " + dir + ": it was changed outside sbomgate (1 problem; first: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("or replace it with 'sbomgate init --force'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertArrayEquals(logBefore, Files.readAllBytes(log()));
        assertArrayEquals(baselineBefore, Files.readAllBytes(baselineFile()));
    }

    // ------------------------------------------------------------ interrupted writes, locking (in this JVM)

    /** A store whose write "crashes" (throws) when it reaches {@code stage}. */
    private BaselineStore crashingAt(String stage) {
        Consumer<String> hook = s -> {
            if (s.equals(stage)) {
                throw new IllegalStateException("simulated crash at " + s);
            }
        };
        return new BaselineStore(dir, hook);
    }

    @Test
    void aCrashBeforeTheLogCommitLeavesTheOldStateIntact() throws IOException {
        history(2);
        byte[] before = Files.readAllBytes(baselineFile());
        assertThrows(IllegalStateException.class, () -> approve(crashingAt("pending-written"), 3));
        assertTrue(Files.exists(dir.resolve(BaselineStore.PENDING_FILE)), "the stale pending file is left behind");
        assertEquals(List.of(), loaded().tamperEvidence());
        assertArrayEquals(before, Files.readAllBytes(baselineFile()));
        assertEquals(3, approve(store, 3).sequence());
        assertEquals(List.of(), loaded().tamperEvidence());
    }

    @Test
    void aCrashBetweenLogCommitAndInstallIsReportedAndCanBeFinished() throws IOException {
        history(2);
        assertThrows(IllegalStateException.class, () -> approve(crashingAt("log-committed"), 3));
        StoredBaseline stored = loaded();
        assertEquals(1, stored.tamperEvidence().size(), stored.tamperEvidence().toString());
        String evidence = stored.tamperEvidence().get(0);
        assertTrue(evidence.startsWith("approval #3 was interrupted before its baseline was installed: "), evidence);
        assertTrue(evidence.contains(baselineFile() + " still holds approval #2's baseline"), evidence);
        assertArrayEquals(BaselineJson.write(TestBaselines.sample(2)), BaselineJson.write(stored.baseline()));

        assertTrue(store.finishInterruptedApproval());
        assertFalse(store.finishInterruptedApproval());
        stored = loaded();
        assertEquals(List.of(), stored.tamperEvidence());
        assertArrayEquals(BaselineJson.write(TestBaselines.sample(3)), Files.readAllBytes(baselineFile()));
    }

    @Test
    void theNextApprovalFinishesAnInterruptedOneFirst() {
        history(2);
        assertThrows(IllegalStateException.class, () -> approve(crashingAt("log-committed"), 3));
        assertEquals(4, approve(store, 4).sequence());
        StoredBaseline stored = loaded();
        assertEquals(List.of(), stored.tamperEvidence());
        assertEquals(4, stored.log().size());
    }

    @Test
    void anInterruptedInitIsReportedToo() {
        Baseline b = TestBaselines.sample(1);
        BaselineStore crashing = crashingAt("log-committed");
        assertThrows(IllegalStateException.class,
                () -> crashing.init(b, "alice", "first", b.sbomSha256(), List.of(), TestBaselines.T0, false));
        StoredBaseline stored = loaded();
        assertNull(stored.baseline());
        assertEquals(1, stored.tamperEvidence().size());
        assertTrue(stored.tamperEvidence().get(0).contains(baselineFile() + " does not exist yet"));
        assertTrue(store.finishInterruptedApproval());
        assertEquals(List.of(), loaded().tamperEvidence());
    }

    @Test
    void aSecondWriterFailsAtOnceWhileTheLockIsHeld() throws IOException {
        history(1);
        List<BadInputException> seen = new ArrayList<>();
        BaselineStore holder = new BaselineStore(dir, stage -> {
            if (stage.equals("locked")) {
                // Another store, with its own FileChannel, in the middle of this approval.
                seen.add(assertThrows(BadInputException.class, () -> approve(store, 9)));
                seen.add(assertThrows(BadInputException.class, () -> store.finishInterruptedApproval()));
            }
        });
        approve(holder, 2);
        assertEquals(2, seen.size());
        for (BadInputException e : seen) {
            assertEquals("another approval is in progress on " + dir + " (" + dir.resolve(BaselineStore.LOCK_FILE)
                    + " is locked): wait for it to finish, then run the command again", e.getMessage());
        }
        StoredBaseline stored = loaded();
        assertEquals(List.of(), stored.tamperEvidence());
        assertEquals(2, stored.log().size());
        assertEquals(3, approve(store, 3).sequence(), "the lock is released afterwards");
    }
}
