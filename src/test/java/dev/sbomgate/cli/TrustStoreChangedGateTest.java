package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TRUST_STORE_CHANGED through the CLI (issue 14 part 4), over the real Jackson POM, its real signature and key: a pull
 * request that adds another key to the trust store does not pass silently, passes once approved by rule ID, and
 * narrowing a pin's scope does not block.
 */
class TrustStoreChangedGateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    /** A real key of another publisher (Ceki Gülcü's slf4j key), standing in for the attacker's. */
    private static final String ATTACKER = "60200AC4AE761F1614D6C46766D68DAA073BE985";

    @TempDir
    Path dir;
    Path artifacts;
    Path baseline;
    Path sbom;
    Path trust;
    String stdout;
    String stderr;

    @BeforeEach
    void project() throws IOException, NoSuchAlgorithmException {
        SignedPomProject project = SignedPomProject.create(dir, CLOCK);
        artifacts = project.artifacts();
        baseline = project.baseline();
        sbom = project.sbom();
        trust = baseline.resolve("trust");
        assertEquals(0, run(gate("init")), stderr);
    }

    private int run(String... args) {
        SignedPomProject.Run result = SignedPomProject.run(CLOCK, args);
        stdout = result.stdout();
        stderr = result.stderr();
        return result.code();
    }

    private String[] gate(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private void addAttackerKey() {
        assertEquals(0, run("trust", "add", SignedPomProject.REAL.resolve("keys/" + ATTACKER + ".asc").toString(), "--trust",
                trust.toString(), "--name", "Jackson release key 2026", "--scope", "pkg:maven/*/*"), stderr);
    }

    @Test
    void aPullRequestAddingAnAttackersKeyDoesNotPass() {
        addAttackerKey();
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("TRUST_STORE_CHANGED"), stdout);
        assertTrue(stdout.contains("trust store changed since approval #1: + key " + ATTACKER
                + " (Jackson release key 2026) scopes pkg:maven/*/*"), stdout);
    }

    @Test
    void approveAcceptsItByBareRuleIdAndTheLogKeepsTheStarToken() throws IOException {
        addAttackerKey();
        assertEquals(1, run(gate("approve", "--reason", "no accept")), stdout + stderr);
        assertTrue(stderr.contains("--accept 'TRUST_STORE_CHANGED:*'"), stderr);
        assertEquals(0, run(gate("approve", "--accept", "TRUST_STORE_CHANGED", "--reason", "new release key, confirmed")),
                stdout + stderr);
        String log = Files.readString(baseline.resolve("approvals.jsonl"));
        assertTrue(log.contains("\"TRUST_STORE_CHANGED:*\""), log);
        assertEquals(0, run(gate("check")), stdout + stderr);
        assertFalse(stdout.contains("TRUST_STORE_CHANGED"), stdout);
    }

    @Test
    void theStarTokenIsAcceptedToo() {
        addAttackerKey();
        assertEquals(0, run(gate("approve", "--accept", "TRUST_STORE_CHANGED:*", "--reason", "confirmed")), stdout + stderr);
    }

    @Test
    void narrowingAScopeDoesNotBlockAndIsShownAsInfo() {
        assertEquals(0, run("trust", "remove", SignedPomProject.KEY, "--trust", trust.toString()), stderr);
        assertEquals(0, run("trust", "add", SignedPomProject.REAL.resolve("keys/" + SignedPomProject.KEY + ".asc").toString(),
                "--trust", trust.toString(), "--name", "Jackson release key", "--scope",
                "pkg:maven/com.fasterxml.jackson.core/jackson-*"), stderr);
        assertEquals(0, run(gate("check", "--format", "json")), stdout + stderr);
        assertTrue(stdout.contains("\"rule\" : \"TRUST_STORE_CHANGED\""), stdout);
        assertTrue(stdout.contains("\"severity\" : \"info\""), stdout);
        assertTrue(stdout.contains("scope narrowed pkg:maven/com.fasterxml.jackson.core/* → pkg:maven/com.fasterxml.jackson.core/jackson-*"),
                stdout);
    }

    @Test
    void wideningAScopeBlocks() {
        assertEquals(0, run("trust", "remove", SignedPomProject.KEY, "--trust", trust.toString()), stderr);
        assertEquals(0, run("trust", "add", SignedPomProject.REAL.resolve("keys/" + SignedPomProject.KEY + ".asc").toString(),
                "--trust", trust.toString(), "--name", "Jackson release key", "--scope", "pkg:maven/com.fasterxml.*/*"),
                stderr);
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("scope widened pkg:maven/com.fasterxml.jackson.core/* → pkg:maven/com.fasterxml.*/*"), stdout);
    }

    @Test
    void removingThePinThatSignedAnApprovedComponentBlocks() {
        assertEquals(0, run("trust", "remove", SignedPomProject.KEY, "--trust", trust.toString()), stderr);
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("- key " + SignedPomProject.KEY + " (Jackson release key), which signed 1 approved component(s)"),
                stdout);
    }

    @Test
    void theFindingRendersInEveryReportFormat() {
        addAttackerKey();
        for (ReportOptions.Format format : ReportOptions.Format.values()) {
            assertEquals(1, run(gate("check", "--format", format.name())), format + ": " + stderr);
            assertTrue(stdout.contains("TRUST_STORE_CHANGED"), format + ": " + stdout);
            assertTrue(stdout.contains(ATTACKER), format + ": " + stdout);
        }
    }
}
