package dev.sbomgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sbomgate.model.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety and locking across real processes ({@link ApproveWorker}): Java file locks are per JVM, and
 * a kill -9 is the only honest way to stop a write half-way.
 */
class BaselineStoreProcessTest {
    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path temp;

    private final List<Worker> workers = new ArrayList<>();

    @AfterEach
    void killWorkers() throws InterruptedException {
        for (Worker worker : workers) {
            worker.process.destroyForcibly();
            worker.process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A running ApproveWorker and the lines it has printed. */
    private static final class Worker {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        Worker(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        seen.add(line);
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // The process was killed.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            return fail("worker never printed '" + prefix + "'; it printed " + seen);
        }

        int exit() throws InterruptedException {
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "worker did not finish: " + seen);
            return process.exitValue();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }

    private Worker start(Path dir, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classPath, ApproveWorker.class.getName(), dir.toString()));
        command.addAll(List.of(args));
        Worker worker = new Worker(new ProcessBuilder(command).redirectErrorStream(true).start());
        workers.add(worker);
        return worker;
    }

    private static void approveInProcess(BaselineStore store, Baseline baseline, boolean first) {
        if (first) {
            store.init(baseline, "test", "first", baseline.sbomSha256(), List.of(), TestBaselines.T0, false);
        } else {
            store.approve(baseline, "test", "update", baseline.sbomSha256(), List.of(), TestBaselines.T0);
        }
    }

    /**
     * What must hold after any kill: baseline.json is a complete file that some logged approval wrote, the log
     * is an intact chain, and load() reports either a consistent state or exactly the interrupted approval,
     * which can then be finished. Returns whether the newest approval had to be finished.
     */
    private static boolean assertCompleteAndRecoverable(Path dir) throws IOException {
        byte[] baselineBytes = Files.readAllBytes(dir.resolve(BaselineStore.BASELINE_FILE));
        assertNotNull(BaselineJson.read(baselineBytes, "baseline.json"), "baseline.json parses");
        ApprovalLog.Chain chain = ApprovalLog.verify(Files.readAllBytes(dir.resolve(BaselineStore.LOG_FILE)), "log");
        assertEquals(List.of(), chain.problems());
        List<ApprovalEntry> entries = chain.entries();
        String installed = ApprovalLog.sha256(baselineBytes);
        ApprovalEntry last = entries.get(entries.size() - 1);

        BaselineStore store = new BaselineStore(dir);
        StoredBaseline stored = store.load().orElseThrow();
        if (installed.equals(last.baselineSha256())) {
            assertEquals(List.of(), stored.tamperEvidence());
            assertFalse(store.finishInterruptedApproval());
            return false;
        }
        // Otherwise the previous approval's baseline must still be in place, complete.
        assertEquals(entries.get(entries.size() - 2).baselineSha256(), installed, "baseline.json is the old one");
        assertEquals(1, stored.tamperEvidence().size(), stored.tamperEvidence().toString());
        assertTrue(stored.tamperEvidence().get(0).startsWith("approval #" + last.sequence() + " was interrupted"),
                stored.tamperEvidence().get(0));
        assertTrue(store.finishInterruptedApproval());
        assertEquals(List.of(), store.load().orElseThrow().tamperEvidence());
        assertEquals(last.baselineSha256(), ApprovalLog.sha256(Files.readAllBytes(dir.resolve(BaselineStore.BASELINE_FILE))));
        return true;
    }

    @Test
    void aKillAtEachStageLeavesTheOldOrTheNewCompleteBaseline() throws Exception {
        List<String> stages = List.of("locked", "pending-written", "log-committed");
        List<Worker> running = new ArrayList<>();
        for (String stage : stages) {
            Path dir = temp.resolve(stage);
            BaselineStore store = new BaselineStore(dir);
            approveInProcess(store, TestBaselines.sample(1), true);
            approveInProcess(store, TestBaselines.sample(2), false);
            running.add(start(dir, "stop-at", stage, "3"));
        }
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            running.get(i).await("AT " + stage);
            running.get(i).kill();
            Path dir = temp.resolve(stage);
            boolean finished = assertCompleteAndRecoverable(dir);
            // Only a kill after the log commit leaves an approval to finish; before it, nothing happened.
            assertEquals(stage.equals("log-committed"), finished, stage);
            int expectedEntries = stage.equals("log-committed") ? 3 : 2;
            assertEquals(expectedEntries, new BaselineStore(dir).load().orElseThrow().log().size(), stage);
            // And the store stays usable.
            approveInProcess(new BaselineStore(dir), TestBaselines.sample(4), false);
            assertEquals(List.of(), new BaselineStore(dir).load().orElseThrow().tamperEvidence());
        }
    }

    @Test
    void killsAtRandomMomentsNeverLeaveAHalfWrittenFile() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path dir = temp.resolve("random");
        int size = 300;
        approveInProcess(new BaselineStore(dir), TestBaselines.large(size, 1), true);
        for (int round = 0; round < 3; round++) {
            Worker worker = start(dir, "loop", String.valueOf(100 * (round + 1)), String.valueOf(size));
            worker.await("STARTED");
            Thread.sleep(random.nextInt(500));
            worker.kill();
            try {
                assertCompleteAndRecoverable(dir);
            } catch (AssertionError e) {
                throw new AssertionError("round " + round + " (seed " + seed + ", worker said " + worker.seen + "): "
                        + e.getMessage(), e);
            }
        }
    }

    @Test
    void twoProcessesApprovingAtOnceOneWinsAndTheOtherFailsCleanly() throws Exception {
        Path dir = temp.resolve("race");
        BaselineStore store = new BaselineStore(dir);
        approveInProcess(store, TestBaselines.sample(1), true);
        Path go = temp.resolve("go");
        Worker a = start(dir, "race", go.toString(), "1000", "2");
        Worker b = start(dir, "race", go.toString(), "1000", "3");
        a.await("READY");
        b.await("READY");
        Files.writeString(go, "go");

        // While the winner holds the lock, this JVM cannot approve either...
        String inProgress = "another approval is in progress on " + dir;
        awaitAnyLocked(a, b);
        BadInputException mine = assertThrows(BadInputException.class,
                () -> approveInProcess(store, TestBaselines.sample(9), false));
        assertTrue(mine.getMessage().startsWith(inProgress), mine.getMessage());
        // ...and a reader waits for the writer to finish rather than seeing half an approval.
        StoredBaseline duringWrite = store.load().orElseThrow();
        assertEquals(List.of(), duringWrite.tamperEvidence());

        int exitA = a.exit();
        int exitB = b.exit();
        List<Integer> exits = new ArrayList<>(List.of(exitA, exitB));
        Collections.sort(exits);
        assertEquals(List.of(0, 2), exits, "a: " + a.seen + ", b: " + b.seen);
        Worker loser = exitA == 2 ? a : b;
        Worker winner = exitA == 0 ? a : b;
        assertTrue(loser.seen.stream().anyMatch(l -> l.startsWith("REFUSED: " + inProgress)), loser.seen.toString());
        assertTrue(winner.seen.contains("APPROVED"), winner.seen.toString());

        StoredBaseline stored = store.load().orElseThrow();
        assertEquals(List.of(), stored.tamperEvidence());
        assertEquals(2, stored.log().size());
        assertEquals(2, duringWrite.log().size(), "load() waited for the running approval");
    }

    @Test
    void aFailedAttemptInThisJvmDoesNotReleaseTheLockItHolds() throws Exception {
        Path dir = temp.resolve("same-jvm");
        BaselineStore store = new BaselineStore(dir);
        approveInProcess(store, TestBaselines.sample(1), true);
        Path go = temp.resolve("go-now");
        Files.writeString(go, "go");
        List<String> outcome = new ArrayList<>();
        BaselineStore holder = new BaselineStore(dir, stage -> {
            if (!stage.equals("locked")) {
                return;
            }
            // POSIX drops a process's locks on a file when any of its descriptors is closed; neither a
            // failed second writer nor a reader in this JVM may do that to the approval in progress.
            assertThrows(BadInputException.class, () -> approveInProcess(store, TestBaselines.sample(8), false));
            assertEquals(1, store.load().orElseThrow().log().size());
            try {
                Worker other = start(dir, "race", go.toString(), "0", "9");
                int exit = other.exit();
                outcome.add(exit + " " + other.seen);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        approveInProcess(holder, TestBaselines.sample(2), false);
        assertEquals(1, outcome.size());
        assertTrue(outcome.get(0).startsWith("2 ") && outcome.get(0).contains("REFUSED: another approval is in progress"),
                outcome.get(0));
        StoredBaseline stored = store.load().orElseThrow();
        assertEquals(List.of(), stored.tamperEvidence());
        assertEquals(2, stored.log().size());
    }

    /** Waits until one of the workers says it holds the lock. */
    private static void awaitAnyLocked(Worker a, Worker b) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (a.seen.contains("LOCKED") || b.seen.contains("LOCKED")) {
                return;
            }
            Thread.sleep(5);
        }
        fail("no worker took the lock: a " + a.seen + ", b " + b.seen);
    }
}
