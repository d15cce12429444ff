package dev.sbomgate.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip archive held in memory, read the way installers read it: from its central directory (APPNOTE.TXT 4.3.12,
 * 4.3.16), each entry cross-checked against its local header (4.3.7) and data descriptor (4.3.9), so that a
 * streaming reader and a central-directory reader cannot be shown two different archives. Entries are then
 * inflated only as far as the caller asks. Single thread.
 */
final class ZipDirectory {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    /** General purpose flag bits (APPNOTE 4.4.4): 0 encrypted, 3 sizes in a data descriptor, 11 UTF-8 names. */
    private static final int ENCRYPTED = 1;
    private static final int HAS_DESCRIPTOR = 1 << 3;
    private static final int UTF8 = 1 << 11;
    private static final long U32 = 0xffffffffL;

    /** The archive uses what this reader leaves to the streaming reader (zip64, split archives). Not a defect. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String detail) {
            super(detail, null, false, false);
        }
    }

    /** The central directory and the local headers disagree, or entries overlap or leave unlisted bytes. */
    static final class Inconsistent extends IOException {
        private static final long serialVersionUID = 1L;

        Inconsistent(String detail) {
            super(detail);
        }
    }

    /**
     * One central directory record, checked against its local header.
     *
     * @param name       the name, UTF-8 when flag bit 11 is set, else ISO-8859-1 (as {@code ZipInputStream} is asked
     *                   to read it here: never fails)
     * @param symlink    whether the external attributes hold a Unix symbolic link mode (made on Unix, S_IFLNK), which
     *                   Info-ZIP's unzip and pip's unpacking restore as links
     * @param dataOffset where the (compressed) data starts in the archive
     */
    record Entry(String name, int flags, int method, long crc, long compressedSize, long size, long localOffset,
                 long dataOffset, boolean symlink) {

        boolean directory() {
            return name.endsWith("/");
        }
    }

    private final byte[] bytes;
    private final int base;
    private final int length;
    private final List<Entry> entries;

    private ZipDirectory(byte[] bytes, int base, int length, List<Entry> entries) {
        this.bytes = bytes;
        this.base = base;
        this.length = length;
        this.entries = entries;
    }

    /** The entries in central directory order. */
    List<Entry> entries() {
        return entries;
    }

    /**
     * Reads the central directory of the zip archive in {@code bytes[base, base + length)} and checks every entry
     * against its local header. A directory of more than {@code maxRecords} records is refused before it is read,
     * as {@code more than LIMIT entries}.
     *
     * @throws Unsupported  zip64 or a split archive: the caller reads it as a stream instead
     * @throws Inconsistent the central directory and the local headers disagree
     * @throws IOException  the archive is malformed
     */
    static ZipDirectory read(byte[] bytes, int base, int length, long maxRecords, long limit)
            throws IOException, Unsupported {
        ZipDirectory zip = new ZipDirectory(bytes, base, length, new ArrayList<>());
        zip.parse(maxRecords, limit);
        return zip;
    }

    private void parse(long maxRecords, long limit) throws IOException, Unsupported {
        int end = findEnd();
        if (end >= 20 && u32(end - 20) == ZIP64_LOCATOR) {
            throw new Unsupported("a zip64 archive");
        }
        int disk = u16(end + 4);
        int cdDisk = u16(end + 6);
        int onDisk = u16(end + 8);
        int total = u16(end + 10);
        long cdSize = u32(end + 12);
        long cdOffset = u32(end + 16);
        // Without a zip64 locator (checked above) the end record's counts, size and offset are meant literally:
        // 0xffff or 0xffffffff there is no zip64 marker but a claim that the walk below checks like any other.
        if (disk != 0 || cdDisk != 0) {
            throw new Unsupported("a split archive");
        }
        if (onDisk != total) {
            throw new Inconsistent("the end record claims " + total + " entries in all but " + onDisk
                    + " on its only disk");
        }
        if (cdOffset + cdSize != end) {
            throw new Inconsistent("the central directory (" + cdSize + " bytes at " + cdOffset
                    + ") does not end where the end record starts (" + end + ")");
        }
        int p = (int) cdOffset;
        int i = 0;
        for (; p < end; i++) {
            if (i >= maxRecords) {
                throw new LimitExceeded(String.format(java.util.Locale.ROOT, "more than %,d entries", limit));
            }
            if (!fits(p, 46)) {
                throw pastEnd("central directory record " + i);
            }
            if (u32(p) != CENTRAL) {
                throw new IOException("central directory record " + i + " at offset " + p + " has no signature");
            }
            int madeBy = u16(p + 4);
            int flags = u16(p + 8);
            int method = u16(p + 10);
            long crc = u32(p + 16);
            long csize = u32(p + 20);
            long size = u32(p + 24);
            int nameLength = u16(p + 28);
            int extraLength = u16(p + 30);
            int commentLength = u16(p + 32);
            int startDisk = u16(p + 34);
            long external = u32(p + 38);
            long local = u32(p + 42);
            if (csize == U32 || size == U32 || local == U32 || startDisk == 0xffff) {
                throw new Unsupported("zip64 entries");
            }
            if (startDisk != 0) {
                throw new Unsupported("a split archive");
            }
            if (!fits(p + 46, nameLength + extraLength + commentLength)) {
                throw pastEnd("central directory record " + i);
            }
            String name = name(p + 46, nameLength, flags);
            // The Unix mode is the high 16 bits of the external attributes when made on Unix (APPNOTE 4.4.2: 3).
            boolean symlink = (madeBy >> 8) == 3 && ((external >>> 16) & 0xf000) == 0xa000;
            entries.add(checkLocal(name, p + 46, nameLength, flags, method, crc, csize, size, local, symlink));
            p += 46 + nameLength + extraLength + commentLength;
        }
        if (p != end) {
            throw new Inconsistent("the central directory's last record runs " + (p - end)
                    + " bytes into the end record");
        }
        if (i != total) {
            throw new Inconsistent("the end record claims " + total + " entries but the central directory holds " + i);
        }
        checkLayout((int) cdOffset);
    }

    /** The end of central directory record (4.3.16): the last one whose comment reaches exactly the file's end. */
    private int findEnd() throws IOException {
        int last = length - 22;
        for (int p = last; p >= 0 && p >= last - 0xffff; p--) {
            if (bytes[base + p] == 'P' && u32(p) == END && p + 22 + u16(p + 20) == length) {
                return p;
            }
        }
        throw new IOException("no end of central directory record");
    }

    private Entry checkLocal(String name, int nameAt, int nameLength, int flags, int method, long crc, long csize,
                             long size, long local, boolean symlink) throws IOException {
        if ((flags & ENCRYPTED) != 0) {
            throw new IOException(entry(name) + " is encrypted");
        }
        if (method != STORED && method != DEFLATED) {
            throw new IOException(entry(name) + " uses compression method " + method + " (only stored and deflated are read)");
        }
        if (method == STORED && csize != size) {
            throw new Inconsistent(entry(name) + " is stored but its sizes differ (" + csize + " and " + size + ")");
        }
        if (local + 30 > length) {
            throw new Inconsistent(entry(name) + ": its local header offset " + local + " is outside the archive");
        }
        int l = (int) local;
        if (u32(l) != LOCAL) {
            throw new Inconsistent(entry(name) + ": no local header at offset " + local);
        }
        int localFlags = u16(l + 6);
        int localNameLength = u16(l + 26);
        int localExtraLength = u16(l + 28);
        if (!fits(l + 30, localNameLength + localExtraLength)) {
            throw pastEnd(entry(name) + "'s local header");
        }
        if (u16(l + 8) != method || ((localFlags ^ flags) & (ENCRYPTED | HAS_DESCRIPTOR)) != 0
                || localNameLength != nameLength
                || !Arrays.equals(bytes, base + l + 30, base + l + 30 + nameLength, bytes, base + nameAt, base + nameAt + nameLength)) {
            throw new Inconsistent(entry(name) + ": the central directory and the local header at offset " + local
                    + " disagree on the name, method or flags");
        }
        long localCrc = u32(l + 14);
        long localCsize = u32(l + 18);
        long localSize = u32(l + 22);
        boolean same = localCrc == crc && localCsize == csize && localSize == size;
        // With a data descriptor the local header may hold zeros (4.4.4 bit 3); else it must agree.
        boolean zeros = (flags & HAS_DESCRIPTOR) != 0 && localCrc == 0 && localCsize == 0 && localSize == 0;
        if (!same && !zeros) {
            throw new Inconsistent(entry(name) + ": the central directory says " + csize + " bytes compressed, " + size
                    + " uncompressed, CRC " + Long.toHexString(crc) + "; the local header " + localCsize + ", " + localSize
                    + ", " + Long.toHexString(localCrc));
        }
        long data = local + 30 + nameLength + localExtraLength;
        if (data + csize > length) {
            throw new Inconsistent(entry(name) + "'s data (" + csize + " bytes at " + data + ") goes past the archive's end");
        }
        return new Entry(name, flags, method, crc, csize, size, local, data, symlink);
    }

    /**
     * Entries in file order must follow one another with nothing between them or between the last one and the
     * central directory: bytes no record lists could be an entry that only a streaming reader sees, and an
     * overlap is how the "better zip bomb" reuses one compressed stream for many entries.
     */
    private void checkLayout(int cdOffset) throws IOException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::localOffset));
        long expected = 0;
        for (Entry e : byOffset) {
            if (e.localOffset() < expected) {
                throw new Inconsistent(entry(e.name()) + " at offset " + e.localOffset() + " overlaps the entry before it");
            }
            if (e.localOffset() > expected) {
                throw new Inconsistent((e.localOffset() - expected) + " bytes at offset " + expected
                        + " belong to no entry of the central directory");
            }
            expected = e.dataOffset() + e.compressedSize();
            if ((e.flags() & HAS_DESCRIPTOR) != 0) {
                expected += descriptor(e, expected);
            }
        }
        if (expected != cdOffset) {
            throw new Inconsistent(expected > cdOffset ? "the last entry overlaps the central directory"
                    : (cdOffset - expected) + " bytes at offset " + expected + " belong to no entry of the central directory");
        }
    }

    /** The data descriptor's length, after checking it repeats the central directory's CRC and sizes (4.3.9). */
    private int descriptor(Entry e, long at) throws IOException {
        int p = (int) at;
        int length = p + 4 <= this.length && u32(p) == DESCRIPTOR ? 16 : 12;
        int values = length == 16 ? p + 4 : p;
        if (!fits(p, length)) {
            throw pastEnd(entry(e.name()) + "'s data descriptor");
        }
        if (u32(values) != e.crc() || u32(values + 4) != e.compressedSize() || u32(values + 8) != e.size()) {
            throw new Inconsistent(entry(e.name()) + ": its data descriptor and the central directory disagree on CRC or sizes");
        }
        return length;
    }

    private String name(int at, int length, int flags) throws IOException {
        if ((flags & UTF8) == 0 || isAscii(base + at, length)) {
            // A name not flagged UTF-8 is read byte for byte; an ASCII one reads the same either way, without the
            // strict decoder (3 % of a 400-jar verify's samples went there: nearly every entry name is ASCII).
            return new String(bytes, base + at, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, base + at, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("an entry name at offset " + at + " is flagged UTF-8 but is not");
        }
    }

    private boolean isAscii(int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@code count} bytes of an entry's content (fewer if it is shorter), inflating no more than that with
     * {@code inflater} (a raw-deflate one, reset here: one serves every entry).
     */
    byte[] head(Entry e, int count, Inflater inflater) throws IOException {
        int n = (int) Math.min(count, e.size());
        if (e.method() == STORED) {
            return Arrays.copyOfRange(bytes, base + (int) e.dataOffset(), base + (int) e.dataOffset() + n);
        }
        byte[] out = new byte[n];
        inflater.reset();
        try {
            inflater.setInput(bytes, base + (int) e.dataOffset(), (int) e.compressedSize());
            int got = 0;
            while (got < n) {
                int k = inflater.inflate(out, got, n - got);
                got += k;
                if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("entry " + Inspection.printable(e.name()) + " ends before its declared size");
                }
            }
            return out;
        } catch (DataFormatException ex) {
            throw new IOException("entry " + Inspection.printable(e.name()) + ": " + ex.getMessage());
        }
    }

    /**
     * An entry's whole content as a stream that fails if it inflates to more or fewer bytes than the central
     * directory declares, if its CRC-32 differs, or if its compressed data ends before its compressed size.
     */
    InputStream open(Entry e) {
        return new EntryStream(e);
    }

    private final class EntryStream extends InputStream {
        private final Entry entry;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private long position;
        private int stored;
        private boolean done;

        EntryStream(Entry entry) {
            this.entry = entry;
            if (entry.method() == DEFLATED) {
                inflater = new Inflater(true);
                inflater.setInput(bytes, base + (int) entry.dataOffset(), (int) entry.compressedSize());
            } else {
                inflater = null;
                stored = base + (int) entry.dataOffset();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n;
            if (inflater == null) {
                n = (int) Math.min(len, entry.size() - position);
                System.arraycopy(bytes, stored + (int) position, b, off, n);
            } else {
                try {
                    n = 0;
                    while (n == 0) {
                        // One byte past the declared size is asked for, so that an entry longer than declared is seen.
                        int want = (int) Math.min(len, entry.size() - position + 1);
                        n = inflater.inflate(b, off, want);
                        if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                            break;
                        }
                    }
                } catch (DataFormatException ex) {
                    // Corrupt deflate data: unreadable, rather than read differently by different readers.
                    IOException corrupt = new IOException("entry " + Inspection.printable(entry.name()) + ": "
                            + ex.getMessage());
                    close();
                    done = true;
                    throw corrupt;
                }
            }
            position += n;
            crc.update(b, off, n);
            if (position > entry.size()) {
                throw fail("inflates to more than its declared " + entry.size() + " bytes");
            }
            if (n == 0 || position == entry.size() && (inflater == null || inflater.finished())) {
                finish();
            }
            return n == 0 ? -1 : n;
        }

        private void finish() throws IOException {
            done = true;
            if (inflater != null) {
                boolean complete = inflater.finished() && inflater.getRemaining() == 0;
                long read = inflater.getBytesRead();
                inflater.end();
                if (!complete) {
                    throw fail(position < entry.size() ? "ends after " + position + " of its declared " + entry.size()
                            + " bytes" : "uses " + read + " of its " + entry.compressedSize() + " compressed bytes");
                }
            }
            if (position != entry.size()) {
                throw fail("ends after " + position + " of its declared " + entry.size() + " bytes");
            }
            if (crc.getValue() != entry.crc()) {
                throw fail("has CRC-32 " + Long.toHexString(crc.getValue()) + ", not the declared "
                        + Long.toHexString(entry.crc()));
            }
        }

        private IOException fail(String detail) {
            done = true;
            if (inflater != null) {
                inflater.end();
            }
            return new Inconsistent("entry " + Inspection.printable(entry.name()) + " " + detail);
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private void need(int at, int count, String what) throws IOException {
        if (!fits(at, count)) {
            throw pastEnd(what);
        }
    }

    /**
     * Whether {@code count} bytes at {@code at} lie inside the archive. Callers whose error names an entry test this
     * and build the name only on failure ({@link #entry}); the others call {@link #need}.
     */
    private boolean fits(int at, int count) {
        return at >= 0 && count >= 0 && (long) at + count <= length;
    }

    private static IOException pastEnd(String what) {
        return new IOException(what + " goes past the end of the archive");
    }

    /** How an error names an entry; built only when there is an error to report (it escapes the whole name). */
    private static String entry(String name) {
        return "entry " + Inspection.printable(name);
    }

    private int u16(int at) throws IOException {
        need(at, 2, "a header");
        return (bytes[base + at] & 0xff) | (bytes[base + at + 1] & 0xff) << 8;
    }

    private long u32(int at) throws IOException {
        need(at, 4, "a header");
        return (bytes[base + at] & 0xffL) | (bytes[base + at + 1] & 0xffL) << 8 | (bytes[base + at + 2] & 0xffL) << 16
                | (bytes[base + at + 3] & 0xffL) << 24;
    }
}
