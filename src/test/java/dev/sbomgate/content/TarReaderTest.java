package dev.sbomgate.content;

import static dev.sbomgate.content.Archives.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tar reader on its own: headers, names, sizes and types as POSIX and GNU tar write them. */
class TarReaderTest {

    private static List<TarReader.Entry> entries(byte[] tar) throws IOException {
        TarReader reader = new TarReader(new ByteArrayInputStream(tar), ArchiveLimits.defaults());
        List<TarReader.Entry> out = new ArrayList<>();
        for (TarReader.Entry e; (e = reader.next()) != null; ) {
            out.add(e);
        }
        return out;
    }

    private static void rechecksum(byte[] tar, int headerAt) {
        java.util.Arrays.fill(tar, headerAt + 148, headerAt + 156, (byte) ' ');
        long sum = 0;
        for (int i = headerAt; i < headerAt + 512; i++) {
            sum += tar[i] & 0xff;
        }
        byte[] octal = String.format("%06o\0 ", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(octal, 0, tar, headerAt + 148, 8);
    }

    @Test
    void readsNamesTypesSizesAndData() throws IOException {
        byte[] tar = Archives.tar().directory("package/").file("package/a.js", "hello").symlink("package/l", "a.js")
                .hardlink("package/h", "package/a.js").bytes();
        TarReader reader = new TarReader(new ByteArrayInputStream(tar), ArchiveLimits.defaults());
        TarReader.Entry dir = reader.next();
        assertEquals(new TarReader.Entry("package/", TarReader.Type.DIRECTORY, 0, null), dir);
        TarReader.Entry file = reader.next();
        assertEquals(new TarReader.Entry("package/a.js", TarReader.Type.FILE, 5, null), file);
        assertArrayEquals(utf8("hello"), reader.data().readAllBytes());
        assertEquals(new TarReader.Entry("package/l", TarReader.Type.SYMLINK, 0, "a.js"), reader.next());
        assertEquals(new TarReader.Entry("package/h", TarReader.Type.HARDLINK, 0, "package/a.js"), reader.next());
        assertNull(reader.next());
        assertNull(reader.next());
    }

    @Test
    void skipsUnreadDataToTheNextHeader() throws IOException {
        byte[] tar = Archives.tar().file("a", "x".repeat(1_000)).file("b", "y").bytes();
        assertEquals(List.of("a", "b"), entries(tar).stream().map(TarReader.Entry::name).toList());
    }

    @Test
    void ustarPrefixJoinsTheName() throws IOException {
        byte[] tar = Archives.tar().file("name.js", "1").bytes();
        System.arraycopy(utf8("package/deep"), 0, tar, 345, 12);
        rechecksum(tar, 0);
        assertEquals("package/deep/name.js", entries(tar).get(0).name());
    }

    @Test
    void gnuBase256SizesAreRead() throws IOException {
        byte[] tar = Archives.tar().file("a", "12345").bytes();
        java.util.Arrays.fill(tar, 124, 136, (byte) 0);
        tar[124] = (byte) 0x80;
        tar[135] = 5;
        rechecksum(tar, 0);
        assertEquals(5, entries(tar).get(0).size());
    }

    @Test
    void anOutOfRangeBase256SizeIsALimit() {
        byte[] tar = Archives.tar().file("a", "1").bytes();
        java.util.Arrays.fill(tar, 124, 136, (byte) 0x7f);
        tar[124] = (byte) 0x80 | 0x3f;
        rechecksum(tar, 0);
        assertThrows(LimitExceeded.class, () -> entries(tar));
    }

    @Test
    void oldTarsSignedChecksumsAreAccepted() throws IOException {
        byte[] tar = Archives.tar().file("caf\u00e9", "1").bytes();
        java.util.Arrays.fill(tar, 148, 156, (byte) ' ');
        long signed = 0;
        for (int i = 0; i < 512; i++) {
            signed += tar[i];
        }
        System.arraycopy(String.format("%06o\0 ", signed).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, tar, 148, 8);
        assertEquals("caf\u00e9", entries(tar).get(0).name());
    }

    @Test
    void unknownTypesAreRegularFilesAndPaxOverridesNamesAndLinks() throws IOException {
        byte[] tar = Archives.tar().raw("vendor", 'Z', utf8("data"))
                .raw("PaxHeaders/l", 'x', concat(Archives.Tar.paxRecord("path", "package/link"),
                        Archives.Tar.paxRecord("linkpath", "/" + "t".repeat(150))))
                .symlink("short", "short-target").bytes();
        List<TarReader.Entry> entries = entries(tar);
        assertEquals(new TarReader.Entry("vendor", TarReader.Type.FILE, 4, null), entries.get(0));
        assertEquals(new TarReader.Entry("package/link", TarReader.Type.SYMLINK, 0, "/" + "t".repeat(150)), entries.get(1));
    }

    @Test
    void aTruncatedHeaderIsAnError() {
        byte[] tar = java.util.Arrays.copyOf(Archives.tar().file("a", "1").bytes(), 300);
        assertThrows(java.io.EOFException.class, () -> entries(tar));
    }

    @Test
    void anArchiveWithoutEndBlocksEndsAtTheEndOfTheStream() throws IOException {
        byte[] tar = Archives.tar().file("a", "1").bytes();
        byte[] noEnd = java.util.Arrays.copyOf(tar, 1024);
        assertEquals(1, entries(noEnd).size());
    }

    @Test
    void tooManyMetadataHeadersInARow() {
        Archives.Tar tar = Archives.tar();
        for (int i = 0; i < 12; i++) {
            tar.raw("PaxHeaders/" + i, 'x', Archives.Tar.paxRecord("comment", "c"));
        }
        assertThrows(IOException.class, () -> entries(tar.bytes()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
