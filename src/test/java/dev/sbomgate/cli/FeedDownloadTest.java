package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.fetch.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's download path: {@code feed update --source URL} and {@code --sbom} against a registry on loopback serving
 * OSV archives built from the real MAL- records of test resources feed/osv.
 */
class FeedDownloadTest {
    private static final Path OSV = Path.of("src/test/resources/feed/osv");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path feed;
    LoopbackServer server;
    String stdout;
    String stderr;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        feed = dir.resolve("feed");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        SignedPomProject.Run r = SignedPomProject.run(CLOCK, args);
        stdout = r.stdout();
        stderr = r.stderr();
        return r.code();
    }

    /** A zip of every real record of test resources feed/osv below {@code subdir}, entries named as OSV names them. */
    private static byte[] archiveOf(String... subdirs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String subdir : subdirs) {
                try (Stream<Path> files = Files.walk(OSV)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".json")).filter(p -> p.toString().contains("/" + subdir + "/")).sorted().toList()) {
                        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                        zip.write(Files.readAllBytes(f));
                        zip.closeEntry();
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(feed)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void aDownloadedArchiveBecomesTheSnapshotAndIsLoggedThenDeleted() throws Exception {
        byte[] npm = archiveOf("npm");
        server.serve("/npm/all.zip", npm);
        assertEquals(0, run("feed", "update", "--into", feed.toString(), "--source", server.base() + "/npm/all.zip"), stderr);
        assertTrue(stdout.contains("2 records in force (1 withdrawn) from 3 OSV records"), stdout);
        String snapshot = Files.readString(feed.resolve("osv-snapshot.jsonl"));
        assertTrue(snapshot.contains("MAL-2026-2306") && snapshot.contains("\"source\":\"osv:" + server.base() + "/npm/all.zip\""),
                snapshot.lines().findFirst().orElse(""));
        String log = Files.readString(feed.resolve("feed-log.json"));
        assertTrue(log.replaceAll("\\s", "").contains("\"kind\":\"osv-archive\""), log);
        assertTrue(log.contains(sha256(npm)), "the log records the archive's SHA-256: " + log);
        assertTrue(log.replaceAll("\\s", "").contains("\"outcome\":\"fetched\""), log);
        assertEquals(List.of(), leftovers(), "the download is not kept");
    }

    @Test
    void theSbomsEcosystemsFilterWhatADownloadKeeps() throws Exception {
        server.serve("/all.zip", archiveOf("npm", "pypi", "maven"));
        Path sbom = Files.writeString(dir.resolve("bom.json"), "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
                + "\"version\":1,\"components\":[{\"type\":\"library\",\"bom-ref\":\"a\",\"name\":\"aiohtt\","
                + "\"version\":\"1.0\",\"purl\":\"pkg:pypi/aiohtt@1.0\"}]}");
        assertEquals(0, run("feed", "update", "--into", feed.toString(), "--sbom", sbom.toString(), "--source",
                server.base() + "/all.zip"), stderr);
        String snapshot = Files.readString(feed.resolve("osv-snapshot.jsonl"));
        assertTrue(snapshot.contains("MAL-2023-1578"), "the PyPI record is kept");
        assertFalse(snapshot.contains("MAL-2026-2306"), "npm records are not: the SBOM has no npm component");
        assertTrue(stdout.contains("ecosystems PyPI;"), stdout);
    }

    @Test
    void aFailedDownloadWritesNothingButTheLog() throws Exception {
        server.serve("/npm/all.zip", archiveOf("npm"));
        assertEquals(0, run("feed", "update", "--into", feed.toString(), "--source", server.base() + "/npm/all.zip"), stderr);
        byte[] before = Files.readAllBytes(feed.resolve("osv-snapshot.jsonl"));

        assertEquals(1, run("feed", "update", "--into", feed.toString(), "--source", server.base() + "/npm/all.zip",
                "--source", server.base() + "/gone/all.zip", "--retries", "1"));
        assertTrue(stderr.contains("gone/all.zip") && stderr.contains("nothing written"), stderr);
        assertEquals(1, stderr.lines().filter(l -> l.contains("nothing written")).count(), stderr);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(feed.resolve("osv-snapshot.jsonl"))),
                "the previous snapshot stays as it was");
        assertTrue(Files.readString(feed.resolve("feed-log.json")).contains("\"failed\""));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aHostileArchiveIsRefusedWithExitTwoAndLeavesNothing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../bomb.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 6; i++) {
                zip.write(zeros); // 6 MiB of zeros, a few KiB compressed: over the OSV record limit
            }
            zip.closeEntry();
        }
        server.serve("/npm/all.zip", bytes.toByteArray());
        assertEquals(2, run("feed", "update", "--into", feed.toString(), "--source", server.base() + "/npm/all.zip"));
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.contains("OSV record size limit"), stderr);
        assertFalse(Files.exists(feed.resolve("osv-snapshot.jsonl")));
        assertFalse(Files.exists(dir.resolve("bomb.json")) || Files.exists(dir.getParent().resolve("bomb.json")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnyConnection() {
        assertEquals(2, run("feed", "update", "--into", feed.toString(), "--source", "http://osv.example/npm/all.zip"));
        assertTrue(stderr.contains("only HTTPS"), stderr);
        assertFalse(Files.exists(feed.resolve("osv-snapshot.jsonl")));
    }

    @Test
    void withoutSourceOrEcosystemItSaysWhatIsMissing() {
        assertEquals(2, run("feed", "update", "--into", feed.toString()));
        assertTrue(stderr.contains("--ecosystem") && stderr.contains("--source"), stderr);
    }
}
