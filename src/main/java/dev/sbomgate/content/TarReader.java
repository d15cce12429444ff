package dev.sbomgate.content;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small, bounded reader of tar streams (POSIX.1-1988 ustar, POSIX.1-2001 pax extended headers, the GNU
 * {@code L}/{@code K} long-name headers): what npm tarballs and Python sdists use. It hands out each entry's
 * header and a view of its data; it never writes anything anywhere and never follows a link. Every size it
 * reads from a header is checked before it is used, so a hostile header costs at most one limit error.
 */
final class TarReader {

    /** What an entry is, as far as safety goes. */
    enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, SPECIAL }

    /** The first block is not a tar header: the gzip stream holds something else. */
    static final class NotTar extends IOException {
        private static final long serialVersionUID = 1L;

        NotTar() {
            super("not a tar archive: the first header's checksum does not match");
        }
    }

    /** One entry: its path (pax or GNU long name when present), type, data size and link target. */
    record Entry(String name, Type type, long size, String linkName) {
    }

    private static final int BLOCK = 512;
    /** Metadata headers (pax, GNU long names) allowed before one real entry. */
    private static final int MAX_META_HEADERS = 8;

    private final InputStream in;
    private final ArchiveLimits limits;
    private final byte[] header = new byte[BLOCK];
    private final byte[] skipBuffer = new byte[16 * 1024];
    private long remaining;
    private long padding;
    private boolean ended;
    private long offset;

    /** @param in the uncompressed tar bytes */
    TarReader(InputStream in, ArchiveLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** The next entry, or null at the end of the archive. Skips what is left of the previous entry's data. */
    Entry next() throws IOException {
        if (ended) {
            return null;
        }
        skipData();
        String longName = null;
        String longLink = null;
        String paxPath = null;
        String paxLink = null;
        long paxSize = -1;
        for (int meta = 0; ; meta++) {
            if (meta > MAX_META_HEADERS) {
                throw new IOException("more than " + MAX_META_HEADERS + " metadata headers before an entry at offset " + offset);
            }
            long headerOffset = offset;
            if (!readHeader()) {
                ended = true;
                return null;
            }
            // Two zero blocks end a tar archive (POSIX), but readers disagree on what follows (GNU tar -i and
            // some others read on). So zero blocks are passed over and anything after them is read as well:
            // an entry hidden behind the end marker is still inspected.
            while (isZeroBlock()) {
                headerOffset = offset;
                if (!readHeader()) {
                    ended = true;
                    return null;
                }
            }
            verifyChecksum(headerOffset);
            char type = (char) (header[156] & 0xff);
            long size = parseNumber(124, 12, "size", headerOffset);
            switch (type) {
                case 'L' -> {
                    longName = readText(size, "GNU long name", limits.maxPathLength() * 4L + 1);
                    continue;
                }
                case 'K' -> {
                    longLink = readText(size, "GNU long link name", limits.maxPathLength() * 4L + 1);
                    continue;
                }
                case 'x' -> {
                    byte[] records = readBytes(size, "pax extended header", limits.maxEntryBytes());
                    for (String[] record : paxRecords(records, headerOffset)) {
                        switch (record[0]) {
                            case "path" -> paxPath = record[1];
                            case "linkpath" -> paxLink = record[1];
                            case "size" -> paxSize = parsePaxSize(record[1], headerOffset);
                            default -> {
                                // Other keywords (mtime, uid, comments…) say nothing about safety or content.
                            }
                        }
                    }
                    continue;
                }
                case 'g' -> {
                    // A pax global header applies to later entries' metadata only; its data is skipped.
                    readBytes(size, "pax global header", limits.maxEntryBytes());
                    continue;
                }
                default -> {
                    // A real entry.
                }
            }
            String name = paxPath != null ? paxPath : longName != null ? longName : ustarName();
            String linkName = paxLink != null ? paxLink : longLink != null ? longLink : text(157, 100);
            if (paxSize >= 0) {
                size = paxSize;
            }
            Type kind = switch (type) {
                case '0', '\0', '7' -> Type.FILE;
                case '1' -> Type.HARDLINK;
                case '2' -> Type.SYMLINK;
                case '3', '4', '6', 'S', 'V', 'M' -> Type.SPECIAL;
                case '5' -> Type.DIRECTORY;
                // POSIX: an unknown type flag is read as a regular file.
                default -> Type.FILE;
            };
            // Links and directories carry no data whatever the size field says (POSIX: it shall be 0; GNU tar
            // reads no data after them either, so both readers stay in step).
            boolean link = kind == Type.SYMLINK || kind == Type.HARDLINK;
            long dataSize = link || kind == Type.DIRECTORY ? 0 : size;
            remaining = dataSize;
            padding = padded(dataSize) - dataSize;
            return new Entry(name, kind, dataSize, link ? linkName : null);
        }
    }

    /** The current entry's data: ends after its size, never reads into the next header. */
    InputStream data() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("the tar archive ends inside an entry's data (truncated)");
                }
                remaining -= n;
                offset += n;
                return n;
            }
        };
    }

    private void skipData() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            int n = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, left));
            if (n < 0) {
                throw new EOFException("the tar archive ends inside an entry's data (truncated)");
            }
            left -= n;
            offset += n;
        }
    }

    /** Reads one header block; false at a clean end of stream (no end-of-archive blocks, which we tolerate). */
    private boolean readHeader() throws IOException {
        int read = 0;
        while (read < BLOCK) {
            int n = in.read(header, read, BLOCK - read);
            if (n < 0) {
                if (read == 0) {
                    return false;
                }
                throw new EOFException("the tar archive ends inside a header at offset " + offset + " (truncated)");
            }
            read += n;
        }
        offset += BLOCK;
        return true;
    }

    private boolean isZeroBlock() {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** POSIX: the sum of the header's bytes with the checksum field read as spaces; old tars summed signed bytes. */
    private void verifyChecksum(long headerOffset) throws IOException {
        long stored;
        try {
            stored = parseNumber(148, 8, "checksum", headerOffset);
        } catch (IOException e) {
            throw headerOffset == 0 ? new NotTar() : e;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        if (stored != unsigned && stored != signed) {
            throw headerOffset == 0 ? new NotTar() : new IOException("not a tar archive: header checksum mismatch at offset " + headerOffset);
        }
    }

    /** An octal field (NUL- or space-terminated), or GNU base-256 when the first byte's high bit is set. */
    private long parseNumber(int at, int length, String field, long headerOffset) throws IOException {
        if ((header[at] & 0x80) != 0) {
            if ((header[at] & 0x40) != 0) {
                throw new IOException("negative " + field + " in the tar header at offset " + headerOffset);
            }
            long value = header[at] & 0x3f;
            for (int i = at + 1; i < at + length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw new LimitExceeded("a tar entry's " + field + " is out of range");
                }
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int i = at;
        int end = at + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        boolean any = false;
        for (; i < end; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ') {
                break;
            }
            if (b < '0' || b > '7') {
                throw new IOException("not a tar archive: the " + field + " field at offset " + headerOffset
                        + " is not an octal number");
            }
            if (value > (Long.MAX_VALUE >> 3)) {
                throw new LimitExceeded("a tar entry's " + field + " is out of range");
            }
            value = (value << 3) | (b - '0');
            any = true;
        }
        if (!any && !field.equals("size")) {
            throw new IOException("not a tar archive: empty " + field + " field at offset " + headerOffset);
        }
        return value;
    }

    private String ustarName() {
        String name = text(0, 100);
        // ustar (magic "ustar" at 257) splits long paths into prefix (345, 155 bytes) and name.
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
        if (ustar) {
            String prefix = text(345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private String text(int at, int length) {
        int end = at;
        while (end < at + length && header[end] != 0) {
            end++;
        }
        return new String(header, at, end - at, StandardCharsets.UTF_8);
    }

    /** Reads {@code size} bytes of metadata as UTF-8 (NUL-terminated), refusing more than {@code max}. */
    private String readText(long size, String what, long max) throws IOException {
        byte[] bytes = readBytes(size, what, max);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** Reads {@code size} bytes of metadata and the block padding after them, refusing more than {@code max}. */
    private byte[] readBytes(long size, String what, long max) throws IOException {
        if (size > max) {
            throw new LimitExceeded("a " + what + " of " + size + " bytes (limit " + max + ")");
        }
        byte[] bytes = new byte[(int) size];
        int read = 0;
        while (read < bytes.length) {
            int n = in.read(bytes, read, bytes.length - read);
            if (n < 0) {
                throw new EOFException("the tar archive ends inside a " + what + " (truncated)");
            }
            read += n;
        }
        offset += size;
        skip(padded(size) - size);
        return bytes;
    }

    /** pax records: {@code "%d %s=%s\n"}, the length counting the whole record (POSIX.1-2001 pax format). */
    private static java.util.List<String[]> paxRecords(byte[] bytes, long headerOffset) throws IOException {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int space = pos;
            while (space < bytes.length && bytes[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(bytes, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("malformed pax record length at offset " + headerOffset);
            }
            if (length <= space - pos + 1 || pos + length > bytes.length || bytes[pos + length - 1] != '\n') {
                throw new IOException("malformed pax record at offset " + headerOffset);
            }
            String record = new String(Arrays.copyOfRange(bytes, space + 1, pos + length - 1), StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw new IOException("malformed pax record (no keyword) at offset " + headerOffset);
            }
            out.add(new String[] {record.substring(0, equals), record.substring(equals + 1)});
            pos += length;
        }
        return out;
    }

    private static long parsePaxSize(String text, long headerOffset) throws IOException {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IOException("malformed pax size '" + text + "' at offset " + headerOffset);
        }
        return Long.parseLong(text);
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }
}
