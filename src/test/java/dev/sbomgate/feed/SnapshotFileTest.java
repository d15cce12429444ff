package dev.sbomgate.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {
    @TempDir
    Path dir;

    private FeedSnapshot written() throws IOException {
        FeedSnapshot real = FeedSnapshotTest.real();
        return SnapshotFile.write(dir, Instant.parse("2026-12-01T00:00:00Z"), "dir:test", List.of("npm", "PyPI", "Maven"),
                real.skipped(), real.records());
    }

    @Test
    void whatIsWrittenIsReadBackWithTheFilesDigest() throws Exception {
        FeedSnapshot written = written();
        FeedSnapshot read = SnapshotFile.read(dir).orElseThrow();
        assertEquals(written.records(), read.records());
        assertEquals(written.created(), read.created());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve(SnapshotFile.NAME))));
        assertEquals(sha, read.sha256());
        assertEquals(written.sha256(), read.sha256());
        List<String> lines = Files.readAllLines(dir.resolve(SnapshotFile.NAME));
        assertEquals(6, lines.size(), "a header and one line per record");
        assertTrue(lines.get(0).startsWith("{\"format\":1,\"created\":\"2026-12-01T00:00:00Z\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"ecosystem\":\"Maven\""), "sorted by ecosystem: " + lines.get(1));
    }

    @Test
    void noSnapshotIsEmpty() {
        assertTrue(SnapshotFile.read(dir).isEmpty());
    }

    @Test
    void aTruncatedSnapshotIsRefused() throws IOException {
        written();
        Path file = dir.resolve(SnapshotFile.NAME);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));
        BadInputException e = assertThrows(BadInputException.class, () -> SnapshotFile.read(dir));
        assertTrue(e.getMessage().contains("says 5 records but the file holds 4"), e.getMessage());
    }

    @Test
    void anUnknownKeyOrAnotherFormatIsRefused() throws IOException {
        written();
        Path file = dir.resolve(SnapshotFile.NAME);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("{\"id\"", "{\"matches\":false,\"id\""),
                lines.get(2), lines.get(3), lines.get(4), lines.get(5)));
        assertTrue(assertThrows(BadInputException.class, () -> SnapshotFile.read(dir)).getMessage().contains("unknown key"));
        Files.write(file, List.of(lines.get(0).replace("\"format\":1", "\"format\":2")));
        assertTrue(assertThrows(BadInputException.class, () -> SnapshotFile.read(dir)).getMessage().contains("format 2"));
    }

    @Test
    void aHostileLongLineIsRefused() throws IOException {
        written();
        Path file = dir.resolve(SnapshotFile.NAME);
        Files.writeString(file, "{\"x\":\"" + "a".repeat(SnapshotFile.MAX_LINE_CHARS) + "\"}\n");
        assertTrue(assertThrows(BadInputException.class, () -> SnapshotFile.read(dir)).getMessage().contains("longer than"));
    }

    private static byte[] zip(String name, byte[] content, int copies) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < copies; i++) {
                zip.putNextEntry(new ZipEntry(copies == 1 ? name : i + "-" + name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anArchiveIsReadWithoutExtractingAndItsNamesNeverUsedAsPaths() throws IOException {
        byte[] record = Files.readAllBytes(FeedSnapshotTest.OSV.resolve("malicious/npm/plain-crypto-js/MAL-2026-2306.json"));
        OsvImport.Imported imported = OsvImport.fromArchive(new ByteArrayInputStream(zip("../../etc/MAL-2026-2306.json",
                record, 1)), "all.zip", Set.of());
        assertEquals(1, imported.records().size());
        assertFalse(Files.exists(dir.resolve("../../etc/MAL-2026-2306.json")));
        assertEquals(0, OsvImport.fromArchive(new ByteArrayInputStream(zip("MAL-2026-2306.json", record, 1)), "all.zip",
                Set.of("PyPI")).records().size(), "other ecosystems are left out");
    }

    @Test
    void anArchiveEntryOverTheRecordLimitIsRefusedAsAZipBomb() throws IOException {
        byte[] zeros = new byte[5 * 1024 * 1024]; // inflates from a few KB
        BadInputException e = assertThrows(BadInputException.class, () -> OsvImport.fromArchive(
                new ByteArrayInputStream(zip("MAL-1.json", zeros, 1)), "bomb.zip", Set.of()));
        assertTrue(e.getMessage().contains("OSV record size limit"), e.getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> OsvImport.fromArchive(
                new ByteArrayInputStream("not a zip at all".getBytes(StandardCharsets.UTF_8)), "x.zip", Set.of()))
                .getMessage().contains("not an OSV archive"), "a file that is no zip yields no empty snapshot");
    }

    @Test
    void aRecordThatIsNotMaliciousOrCannotMatchIsNotKept() {
        JsonNode vuln = StrictJson.parse(("{\"id\":\"GHSA-xxxx\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"npm\",\"name\":\"lodash\"},\"versions\":[\"4.17.20\"]}]}").getBytes(StandardCharsets.UTF_8), "t");
        assertEquals(0, OsvRecords.read(vuln).records().size(), "a vulnerability, not malware");
        JsonNode gitOnly = StrictJson.parse(("{\"id\":\"MAL-2099-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"npm\",\"name\":\"x\"},\"ranges\":[{\"type\":\"GIT\",\"events\":[{\"introduced\":\"abc\"}]}]}]}")
                .getBytes(StandardCharsets.UTF_8), "t");
        OsvRecords.Result result = OsvRecords.read(gitOnly);
        assertEquals(0, result.records().size());
        assertTrue(result.skipped());
        JsonNode malware = StrictJson.parse(("{\"id\":\"GHSA-mal\",\"modified\":\"2024-01-01T00:00:00Z\",\"database_specific\":"
                + "{\"cwe_ids\":[\"CWE-506\"]},\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"x\"},\"versions\":[\"1\"]}]}")
                .getBytes(StandardCharsets.UTF_8), "t");
        assertEquals(1, OsvRecords.read(malware).records().size(), "a GitHub malware advisory (CWE-506)");
    }
}
