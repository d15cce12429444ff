package dev.sbomgate.content;

import static dev.sbomgate.content.Archives.inspect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The in-memory zip reader: the central directory (what pip and Java's ZipFile read) must agree with the local
 * headers (what a streaming reader reads), entries must tile the file, and an entry that is inflated must match
 * its declared size and CRC. Each defect is made by editing a well-formed archive's bytes.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ZipDirectoryTest {

    private static final String UNSAFE = "archive is unsafe: ";

    /** Offsets of a zip's structures, found the way the reader finds them. */
    private static final class Layout {
        final byte[] bytes;
        final int end;
        final int cdOffset;
        final List<Integer> records = new ArrayList<>();

        Layout(byte[] bytes) {
            this.bytes = bytes;
            int e = bytes.length - 22;
            while (u32(bytes, e) != 0x06054b50) {
                e--;
            }
            end = e;
            cdOffset = (int) u32(bytes, end + 16);
            int p = cdOffset;
            for (int i = 0; i < u16(bytes, end + 10); i++) {
                records.add(p);
                p += 46 + u16(bytes, p + 28) + u16(bytes, p + 30) + u16(bytes, p + 32);
            }
        }

        int record(String name) {
            for (int r : records) {
                if (new String(bytes, r + 46, u16(bytes, r + 28), java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
                    return r;
                }
            }
            throw new AssertionError("no record " + name);
        }

        int local(String name) {
            return (int) u32(bytes, record(name) + 42);
        }

        /** The entry's data descriptor (written by ZipOutputStream after deflated data), with its signature. */
        int descriptor(String name) {
            int r = record(name);
            int local = local(name);
            return local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28) + (int) u32(bytes, r + 20);
        }

        /** The archive with the central directory made of these records (by index) instead. */
        byte[] withRecords(int... indexes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, cdOffset);
            for (int i : indexes) {
                int r = records.get(i);
                out.write(bytes, r, 46 + u16(bytes, r + 28) + u16(bytes, r + 30) + u16(bytes, r + 32));
            }
            int size = out.size() - cdOffset;
            byte[] eocd = Arrays.copyOfRange(bytes, end, bytes.length);
            put16(eocd, 8, indexes.length);
            put16(eocd, 10, indexes.length);
            put32(eocd, 12, size);
            out.write(eocd, 0, eocd.length);
            return out.toByteArray();
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
    }

    private static void put32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }

    private static void assertUnsafe(ContentSummary s, String contains) {
        assertTrue(s.problem() != null && s.problem().startsWith(UNSAFE) && s.problem().contains(contains), s.problem());
    }

    private static byte[] threeEntries() {
        return Archives.jar("Premain-Class: a.Agent").add("a/A.class", ContentFixtures.classFile())
                .add("b/B.class", ContentFixtures.classFile()).add("lib/x.txt", "x").bytes();
    }

    @Test
    void aWellFormedJarReadsTheSameByEitherReader() {
        byte[] jar = threeEntries();
        ContentSummary s = inspect(jar, "a.jar", "maven");
        assertNull(s.problem());
        assertEquals(List.of("Premain-Class"), s.hooks().stream().map(Hook::name).toList());
        assertEquals(Archives.inspectStream(jar, "a.jar", "maven"), s);
    }

    @Test
    void aNameThatDiffersBetweenTheCentralDirectoryAndTheLocalHeader() {
        // The classic disagreement: a streaming reader installs one name, pip or ZipFile another.
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        jar[layout.record("lib/x.txt") + 46] = 'L';
        ContentSummary s = inspect(jar, "a.jar", "maven");
        assertUnsafe(s, "entry Lib/x.txt: the central directory and the local header at offset");
        assertEquals(jar.length, s.size());
    }

    @Test
    void anEntryOnlyTheLocalHeadersList() {
        // Left out of the central directory, b/B.class is seen by streaming readers (jar x) and no others.
        Layout layout = new Layout(threeEntries());
        byte[] hidden = layout.withRecords(0, 1, 2, 4);
        assertUnsafe(inspect(hidden, "a.jar", "maven"), "belong to no entry of the central directory");
        // The streaming reader, which never reads the central directory, sees nothing wrong: the reason for the check.
        assertNull(Archives.inspectStream(hidden, "a.jar", "maven").problem());
    }

    @Test
    void twoRecordsSharingOneLocalEntryOverlap() {
        // How the "better zip bomb" makes many entries of one compressed stream.
        Layout layout = new Layout(threeEntries());
        assertUnsafe(inspect(layout.withRecords(0, 1, 2, 3, 4, 4), "a.jar", "maven"), "overlaps the entry before it");
    }

    @Test
    void sizesThatDifferBetweenTheCentralDirectoryAndTheDataDescriptor() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put32(jar, layout.record("a/A.class") + 24, 5);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "its data descriptor and the central directory disagree");
    }

    @Test
    void sizesThatDifferBetweenTheCentralDirectoryAndTheLocalHeader() {
        // A stored entry's local header carries its sizes (no data descriptor).
        byte[] jar = Archives.zip().stored("a.txt", "hello").stored("b.txt", "world").bytes();
        Layout layout = new Layout(jar);
        put32(jar, layout.local("b.txt") + 14, 0x12345678);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "entry b.txt: the central directory says 5 bytes compressed");
    }

    @Test
    void aHookFileThatInflatesPastItsDeclaredSize() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        int descriptor = layout.descriptor("META-INF/MANIFEST.MF");
        assertEquals(0x08074b50, u32(jar, descriptor));
        put32(jar, layout.record("META-INF/MANIFEST.MF") + 24, 10);
        put32(jar, descriptor + 12, 10);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "entry META-INF/MANIFEST.MF inflates to more than its declared 10 bytes");
    }

    @Test
    void aHookFileWhoseCrcIsWrong() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put32(jar, layout.record("META-INF/MANIFEST.MF") + 16, 0xdeadbeefL);
        put32(jar, layout.descriptor("META-INF/MANIFEST.MF") + 4, 0xdeadbeefL);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "not the declared deadbeef");
    }

    @Test
    void theRecordsMustEndWhereTheEndRecordSaysTheDirectoryEnds() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put32(jar, layout.end + 12, u32(jar, layout.end + 12) - 1);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "does not end where the end record starts");
    }

    /** Issue 12, defect 6: the end record claims 65,535 entries, the directory holds fewer. */
    @Test
    void endRecordDisagreeingWithItsCentralDirectoryIsUnsafe() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put16(jar, layout.end + 8, 0xffff);
        put16(jar, layout.end + 10, 0xffff);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "the end record claims 65535 entries but the central directory holds 5");

        byte[] two = new Layout(threeEntries()).withRecords(0, 1);
        Layout twoLayout = new Layout(two);
        put16(two, twoLayout.end + 8, 3);
        put16(two, twoLayout.end + 10, 3);
        // Two records cover only part of the local entries: either disagreement makes it unsafe, never a pass.
        assertTrue(inspect(two, "a.jar", "maven").problem().startsWith(UNSAFE));
    }

    @Test
    void endRecordTotalAndOnDiskCountsThatDisagreeAreUnsafe() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put16(jar, layout.end + 8, 2);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "the end record claims 5 entries in all but 2 on its only disk");
    }

    @Test
    void endRecordFewerEntriesThanTheDirectoryHoldsIsUnsafe() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put16(jar, layout.end + 8, 2);
        put16(jar, layout.end + 10, 2);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "the end record claims 2 entries but the central directory holds 5");
    }

    @Test
    void endRecordDirectorySizeOrOffsetThatDisagreeIsUnsafe() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put32(jar, layout.end + 12, 0xffffffffL);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "does not end where the end record starts");
        jar = threeEntries();
        put32(jar, layout.end + 16, 0xffffffffL);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "does not end where the end record starts");
    }

    @Test
    void aLocalHeaderOffsetOutsideTheArchive() {
        byte[] jar = threeEntries();
        Layout layout = new Layout(jar);
        put32(jar, layout.record("lib/x.txt") + 42, 0x7fff0000L);
        assertUnsafe(inspect(jar, "a.jar", "maven"), "is outside the archive");
    }

    @Test
    void noEndRecordCannotBeRead() {
        byte[] jar = threeEntries();
        byte[] cut = Arrays.copyOf(jar, jar.length - 10);
        ContentSummary s = inspect(cut, "a.jar", "maven");
        assertTrue(s.problem() != null && s.problem().startsWith("archive cannot be read: no end of central directory"),
                s.problem());
    }

    @Test
    void zipSymbolicLinksAreListedAndThoseLeavingTheArchiveAreUnsafe() {
        // Info-ZIP's unzip and pip's sdist unpacking restore a link from the Unix mode in the external attributes.
        byte[] zip = Archives.zip().stored("demo-1.0/setup.py", "print(1)").stored("demo-1.0/docs", "README.md")
                .stored("demo-1.0/evil", "../../../.bashrc").bytes();
        Layout layout = new Layout(zip);
        for (String name : List.of("demo-1.0/docs", "demo-1.0/evil")) {
            int r = layout.record(name);
            zip[r + 5] = 3; // made by: Unix
            put32(zip, r + 38, 0120777L << 16);
        }
        ContentSummary s = inspect(zip, "demo-1.0.zip", "pypi");
        assertNull(s.problem());
        assertEquals(List.of("demo-1.0/docs -> README.md"), s.links());
        assertEquals(List.of("demo-1.0/evil (a link to ../../../.bashrc, outside the archive, never followed)"),
                s.unsafeEntries());
    }

    @Test
    void aZip64ArchiveIsStreamedInstead() {
        // More than 65,535 entries make java.util.zip write zip64 end records, which this reader leaves to the stream.
        Archives.Zip zip = Archives.jar("Premain-Class: a.Agent");
        for (int i = 0; i < 65_600; i++) {
            zip.stored("d/" + i, new byte[0]);
        }
        byte[] bytes = zip.bytes();
        ContentSummary s = inspect(bytes, "big.jar", "maven");
        assertNull(s.problem());
        assertEquals(List.of("Premain-Class"), s.hooks().stream().map(Hook::name).toList());
        assertEquals(bytes.length, s.size());
    }

    @Test
    void entriesThatAreNotNeededAreNotInflated() {
        // Corrupt deflate data in a plain entry past its first bytes goes unseen: only the first bytes are inflated
        // for the native-code check. The same corruption in a hook file is caught by its CRC.
        byte[] text = ContentFixtures.readableJs(200_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] jar = Archives.jar().add("data/a.txt", text).bytes();
        Layout layout = new Layout(jar);
        int data = layout.local("data/a.txt") + 30 + u16(jar, layout.local("data/a.txt") + 26)
                + u16(jar, layout.local("data/a.txt") + 28);
        int compressed = (int) u32(jar, layout.record("data/a.txt") + 20);
        jar[data + compressed - 20] ^= 0x55;
        assertNull(inspect(jar, "a.jar", "maven").problem());

        byte[] services = Archives.jar().add("META-INF/services/a.B", text).bytes();
        Layout l2 = new Layout(services);
        int d2 = l2.local("META-INF/services/a.B") + 30 + u16(services, l2.local("META-INF/services/a.B") + 26)
                + u16(services, l2.local("META-INF/services/a.B") + 28);
        int c2 = (int) u32(services, l2.record("META-INF/services/a.B") + 20);
        services[d2 + c2 / 2] ^= 0x55;
        ContentSummary s = inspect(services, "a.jar", "maven");
        assertTrue(s.problem() != null && (s.problem().startsWith(UNSAFE) || s.problem().startsWith("archive cannot be read")),
                s.problem());
    }
}
