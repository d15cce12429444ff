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
 * Local revocations (trust.json v2 {@code revoked}) and the expiry warning of KEY_NOT_VALID, over the real Jackson POM,
 * its real signature (made 2025) and its real key (expires 2027-08-12).
 */
class KeyLifecycleGateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

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

    @Test
    void aKeyRevokedAsCompromisedBlocksTheApprovedArtifactItSigned() throws IOException {
        assertEquals(0, run("trust", "revoke", SignedPomProject.KEY, "--trust", trust.toString(), "--reason", "compromised",
                "--date", "2026-11-20", "--note", "leaked in CI logs"), stderr);
        String index = Files.readString(trust.resolve("trust.json"));
        assertTrue(index.startsWith("{\n  \"version\": 2,"), index);
        assertTrue(index.contains("\"revoked\": {\"date\": \"2026-11-20\", \"reason\": \"compromised\", \"note\": \"leaked in CI logs\"}"),
                index);
        assertEquals(0, run("trust", "show", SignedPomProject.KEY, "--trust", trust.toString()), stderr);
        assertTrue(stdout.contains("revoked      compromised on 2026-11-20 (leaked in CI logs) (trust store)"), stdout);
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("KEY_NOT_VALID"), stdout);
        assertTrue(stdout.contains("pin revoked in the trust store: compromised on 2026-11-20 (leaked in CI logs)"), stdout);
        // Adding a revocation narrows trust: TRUST_STORE_CHANGED says so as info; the block is KEY_NOT_VALID's.
        assertTrue(stdout.contains("revoked: compromised 2026-11-20"), stdout);
    }

    @Test
    void aKeyRetiredAfterItSignedStillVouchesForWhatItSignedBefore() {
        assertEquals(0, run("trust", "revoke", SignedPomProject.KEY, "--trust", trust.toString(), "--reason", "retired",
                "--date", "2026-11-20"), stderr);
        assertEquals(0, run(gate("check")), stdout + stderr);
        assertFalse(stdout.contains("KEY_NOT_VALID"), stdout);
    }

    @Test
    void aBadRevocationReasonIsBadInput() {
        assertEquals(2, run("trust", "revoke", SignedPomProject.KEY, "--trust", trust.toString(), "--reason", "lost",
                "--date", "2026-11-20"));
        assertTrue(stderr.contains("compromised, superseded or retired"), stderr);
    }

    @Test
    void aPinnedKeyExpiringWithinExpiryWarningDaysIsAWarning() throws IOException {
        assertEquals(0, run(gate("check")), stdout + stderr);
        assertFalse(stdout.contains("expires on"), "257 days left, over the default 30: " + stdout);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "rules:\n  KEY_NOT_VALID:\n    severity: block\n    expiryWarningDays: 300\n");
        assertEquals(0, run(gate("check", "--policy", policy.toString(), "--format", "json")), stdout + stderr);
        assertTrue(stdout.contains("pinned key " + SignedPomProject.KEY + " (Jackson release key) expires on 2027-08-12"),
                stdout);
        assertTrue(stdout.contains("\"severity\" : \"warn\""), stdout);
    }
}
