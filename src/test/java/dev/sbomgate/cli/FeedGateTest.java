package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 end to end: {@code feed update --from-dir} over real OSV MAL- records (test resources feed/osv), then
 * KNOWN_MALICIOUS and FEED_STALE in check, init, approve and verify.
 */
class FeedGateTest {
    private static final Path OSV = Path.of("src/test/resources/feed/osv");
    private static final Instant UPDATED = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    Path feed;
    Path baseline;
    String stdout;
    String stderr;

    private int run(Instant now, String... args) {
        SignedPomProject.Run r = SignedPomProject.run(Clock.fixed(now, ZoneOffset.UTC), args);
        stdout = r.stdout();
        stderr = r.stderr();
        return r.code();
    }

    private Path sbom(String name, String... purls) throws IOException {
        StringBuilder components = new StringBuilder();
        for (String purl : purls) {
            String n = purl.substring(purl.lastIndexOf('/') + 1, purl.indexOf('@'));
            String v = purl.substring(purl.indexOf('@') + 1);
            components.append(components.length() == 0 ? "" : ",").append("{\"type\":\"library\",\"bom-ref\":\"")
                    .append(purl).append("\",\"name\":\"").append(n).append("\",\"version\":\"").append(v)
                    .append("\",\"purl\":\"").append(purl).append("\"}");
        }
        return Files.writeString(dir.resolve(name), "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
                + "\"metadata\":{\"timestamp\":\"2026-11-01T00:00:00Z\"},\"components\":[" + components + "]}");
    }

    @BeforeEach
    void feedUpdate() {
        feed = dir.resolve("feed");
        baseline = dir.resolve(".sbomgate");
        assertEquals(0, run(UPDATED, "feed", "update", "--into", feed.toString(), "--from-dir", OSV.toString()), stderr);
        assertTrue(stdout.contains("4 records in force (1 withdrawn) from 5 OSV records"), stdout);
        // SBOM-only runs: no artifacts are given here, the feed is what is judged
        try {
            Files.createDirectories(baseline);
            Files.writeString(baseline.resolve("policy.yaml"), NO_ARTIFACTS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String NO_ARTIFACTS = "rules:\n  MISSING_ARTIFACT: off\n";

    @Test
    void aListedVersionBlocksInitAndCheckNamingTheRecord() throws IOException {
        Path bad = sbom("bad.json", "pkg:npm/left-pad@1.3.0", "pkg:npm/plain-crypto-js@4.2.1");
        assertEquals(1, run(UPDATED, "init", "--sbom", bad.toString(), "--baseline", baseline.toString(), "--feed",
                feed.toString()));
        assertTrue(stdout.contains("KNOWN_MALICIOUS") && stdout.contains("MAL-2026-2306"), stdout);
        assertTrue(stdout.contains("Malicious code in plain-crypto-js (npm)"), stdout);

        Path good = sbom("good.json", "pkg:npm/left-pad@1.3.0", "pkg:npm/plain-crypto-js@4.2.0");
        assertEquals(0, run(UPDATED, "init", "--sbom", good.toString(), "--baseline", baseline.toString(), "--feed",
                feed.toString()), stdout + stderr);
        assertTrue(Files.readString(baseline.resolve("inputs.json")).contains("\"feed\""), "the feed is recorded");
        assertEquals(0, run(UPDATED, "check", "--baseline", baseline.toString()), stdout + stderr);
        assertEquals(1, run(UPDATED, "check", "--sbom", bad.toString(), "--baseline", baseline.toString()));
        assertTrue(stdout.contains("MAL-2026-2306"), "the recorded feed is used: " + stdout);
    }

    @Test
    void aWithdrawnRecordDoesNotBlock() throws IOException {
        Path withdrawn = sbom("w.json", "pkg:npm/%40amber-team/amazon-utils@1.0.0");
        assertEquals(0, run(UPDATED, "init", "--sbom", withdrawn.toString(), "--baseline", baseline.toString(), "--feed",
                feed.toString()), stdout + stderr);
        assertFalse(stdout.contains("KNOWN_MALICIOUS"), stdout);
    }

    private Path policy(String yaml) throws IOException {
        return Files.writeString(dir.resolve("policy-" + Integer.toHexString(yaml.hashCode()) + ".yaml"), NO_ARTIFACTS + yaml);
    }

    @Test
    void verifyJudgesEveryComponentAgainstTheFeed() throws IOException {
        Path bad = sbom("bad.json", "pkg:pypi/aiohtt@0.1");
        assertEquals(1, run(UPDATED, "verify", "--sbom", bad.toString(), "--artifacts", dir.toString(), "--trust",
                dir.resolve("no-trust").toString(), "--feed", feed.toString(), "--policy",
                policy("").toString()));
        assertTrue(stdout.contains("KNOWN_MALICIOUS") && stdout.contains("MAL-2023-1578"), stdout);
    }

    @Test
    void onlyAWaiverNamingTheExactPurlAndTheRecordLowersIt() throws IOException {
        Path bad = sbom("bad.json", "pkg:npm/flatmap-stream@0.1.1");
        Path byRecord = policy("""
                waivers:
                  - rule: KNOWN_MALICIOUS
                    purl: "pkg:npm/flatmap-stream@0.1.1"
                    record: MAL-2025-20690
                    reason: "our own fork of the name, vendored and reviewed"
                    expires: 2027-01-31
                """);
        assertEquals(0, run(UPDATED, "init", "--sbom", bad.toString(), "--baseline", baseline.toString(), "--feed",
                feed.toString(), "--policy", byRecord.toString()), stdout + stderr);
        String waiver = Files.readString(byRecord).substring(NO_ARTIFACTS.length());
        Path otherRecord = policy(waiver.replace("MAL-2025-20690", "MAL-2025-99999"));
        assertEquals(1, run(UPDATED, "check", "--baseline", baseline.toString(), "--policy", otherRecord.toString()));
        Path pattern = policy(waiver.replace("flatmap-stream@0.1.1", "flatmap-stream@*"));
        assertEquals(2, run(UPDATED, "check", "--baseline", baseline.toString(), "--policy", pattern.toString()));
        assertTrue(stderr.contains("exact purl with its version"), stderr);
        Path noRecord = policy(waiver.replace("    record: MAL-2025-20690\n", ""));
        assertEquals(2, run(UPDATED, "check", "--baseline", baseline.toString(), "--policy", noRecord.toString()));
        assertTrue(stderr.contains("needs 'record'"), stderr);
    }

    @Test
    void approveDoesNotAcceptKnownMalicious() throws IOException {
        Path good = sbom("good.json", "pkg:npm/left-pad@1.3.0");
        assertEquals(0, run(UPDATED, "init", "--sbom", good.toString(), "--baseline", baseline.toString(), "--feed",
                feed.toString()), stderr);
        Path bad = sbom("bad.json", "pkg:npm/left-pad@1.3.0", "pkg:npm/flatmap-stream@0.1.1");
        assertEquals(2, run(UPDATED, "approve", "--sbom", bad.toString(), "--baseline", baseline.toString(), "--reason", "x",
                "--accept", "KNOWN_MALICIOUS:pkg:npm/flatmap-stream@0.1.1"));
        assertTrue(stderr.contains("dated waiver naming the exact purl and the record"), stderr);
    }

    @Test
    void aStaleSnapshotWarnsAndStrictRequiresOne() throws IOException {
        Path good = sbom("good.json", "pkg:npm/left-pad@1.3.0");
        assertEquals(0, run(UPDATED, "init", "--sbom", good.toString(), "--baseline", baseline.toString(), "--feed",
                feed.toString()), stderr);
        Instant eightDaysOn = UPDATED.plusSeconds(8 * 86_400);
        assertEquals(0, run(eightDaysOn, "check", "--baseline", baseline.toString()), stdout + stderr);
        assertTrue(stdout.contains("FEED_STALE") && stdout.contains("8d old, over the policy's 7d"), stdout);
        assertTrue(stdout.contains("Feed: snapshot of 2026-12-01T10:00:00Z (8 days old), 4 records in force"),
                "the report shows the snapshot's age: " + stdout);
        Path noFeed = dir.resolve("elsewhere/.sbomgate");
        Files.createDirectories(noFeed);
        Files.writeString(noFeed.resolve("policy.yaml"), NO_ARTIFACTS);
        assertEquals(0, run(UPDATED, "init", "--sbom", good.toString(), "--baseline", noFeed.toString()), stderr);
        Path required = policy("feed:\n  max_age: 2d\n  required: true\n");
        assertEquals(1, run(UPDATED, "check", "--baseline", noFeed.toString(), "--policy", required.toString()));
        assertTrue(stdout.contains("FEED_STALE") && stdout.contains("requires one"), stdout);
        assertTrue(stdout.contains("Feed: no feed snapshot"), stdout);
        assertEquals(2, run(UPDATED, "check", "--baseline", noFeed.toString(), "--feed", dir.resolve("typo").toString()));
        assertTrue(stderr.contains("holds no osv-snapshot.jsonl"), stderr);
    }

    @Test
    void aSnapshotRolledBackOrShrunkSinceTheApprovalIsReported() throws IOException {
        Path good = sbom("good.json", "pkg:npm/left-pad@1.3.0");
        assertEquals(0, run(UPDATED, "init", "--sbom", good.toString(), "--baseline", baseline.toString(), "--feed",
                feed.toString()), stderr);
        // an older snapshot that lacks plain-crypto-js's record: what an attacker restoring last week's feed leaves
        Path older = dir.resolve("older-osv");
        copyTree(OSV, older);
        Files.delete(older.resolve("malicious/npm/plain-crypto-js/MAL-2026-2306.json"));
        Path rolledBack = dir.resolve("rolled-back");
        assertEquals(0, run(UPDATED.minusSeconds(86_400), "feed", "update", "--into", rolledBack.toString(), "--from-dir",
                older.toString()), stderr);

        assertEquals(0, run(UPDATED.plusSeconds(3_600), "check", "--baseline", baseline.toString(), "--feed",
                rolledBack.toString()), stdout + stderr);
        assertTrue(stdout.contains("FEED_STALE"), stdout);
        assertTrue(stdout.contains("moved back in time since the last approval"), stdout);
        assertTrue(stdout.contains("lost 1 records since the last approval"), stdout);
        assertFalse(stdout.contains("over the policy's"), "a one-day-old snapshot is not too old: " + stdout);

        Path strict = policy("  FEED_STALE: block\n");
        assertEquals(1, run(UPDATED.plusSeconds(3_600), "check", "--baseline", baseline.toString(), "--feed",
                rolledBack.toString(), "--policy", strict.toString()), stdout + stderr);

        // the same snapshot as approved: nothing to report
        assertEquals(0, run(UPDATED.plusSeconds(3_600), "check", "--baseline", baseline.toString(), "--feed",
                feed.toString()), stdout + stderr);
        assertFalse(stdout.contains("FEED_STALE"), stdout);
    }

    @Test
    void aSnapshotRemovedSinceTheApprovalIsReported() throws IOException {
        Path good = sbom("good.json", "pkg:npm/left-pad@1.3.0");
        Path withDefaultFeed = dir.resolve("project/.sbomgate");
        Files.createDirectories(withDefaultFeed);
        Files.writeString(withDefaultFeed.resolve("policy.yaml"), NO_ARTIFACTS);
        assertEquals(0, run(UPDATED, "feed", "update", "--into", withDefaultFeed.resolve("feed").toString(),
                "--from-dir", OSV.toString()), stderr);
        assertEquals(0, run(UPDATED, "init", "--sbom", good.toString(), "--baseline", withDefaultFeed.toString()), stderr);
        try (var files = Files.list(withDefaultFeed.resolve("feed"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        assertEquals(0, run(UPDATED.plusSeconds(3_600), "check", "--baseline", withDefaultFeed.toString()),
                stdout + stderr);
        assertTrue(stdout.contains("FEED_STALE") && stdout.contains("no feed snapshot, but the last approval was judged"
                + " with one"), stdout);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
