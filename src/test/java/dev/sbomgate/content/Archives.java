package dev.sbomgate.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the archives the content tests read, in memory: zip-family files with java.util.zip, and tarballs with
 * a tiny ustar writer (plus GNU long names, pax headers, links and special files, for the hostile cases).
 */
public final class Archives {

    private Archives() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip archive of the entries, in order; a name ending in / is a directory. */
    public static Zip zip() {
        return new Zip();
    }

    /** A tar archive (gzipped by {@link Tar#gzip()}). */
    public static Tar tar() {
        return new Tar();
    }

    /** A jar whose MANIFEST.MF main section holds these attribute lines, then the other entries. */
    public static Zip jar(String... manifestLines) {
        StringBuilder manifest = new StringBuilder("Manifest-Version: 1.0\r\n");
        for (String line : manifestLines) {
            manifest.append(line).append("\r\n");
        }
        manifest.append("\r\n");
        return zip().add("META-INF/", new byte[0]).add("META-INF/MANIFEST.MF", utf8(manifest.toString()));
    }

    /** An npm tarball: {@code package/package.json} with this JSON, then the other files under {@code package/}. */
    public static byte[] npm(String packageJson, Object... pathsAndContents) {
        Tar tar = tar().file("package/package.json", utf8(packageJson));
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Object content = pathsAndContents[i + 1];
            tar.file("package/" + pathsAndContents[i], content instanceof byte[] b ? b : utf8(content.toString()));
        }
        return tar.gzip();
    }

    /** A zip archive builder. */
    public static final class Zip {
        private final List<String> names = new ArrayList<>();
        private final List<byte[]> contents = new ArrayList<>();
        private final List<Boolean> stored = new ArrayList<>();

        public Zip add(String name, byte[] content) {
            names.add(name);
            contents.add(content);
            stored.add(false);
            return this;
        }

        public Zip add(String name, String content) {
            return add(name, utf8(content));
        }

        /** An entry written without compression (as nested jars in Spring Boot jars are). */
        public Zip stored(String name, byte[] content) {
            add(name, content);
            stored.set(stored.size() - 1, true);
            return this;
        }

        public Zip stored(String name, String content) {
            return stored(name, utf8(content));
        }

        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                for (int i = 0; i < names.size(); i++) {
                    ZipEntry entry = new ZipEntry(names.get(i));
                    entry.setTime(0);
                    if (stored.get(i)) {
                        CRC32 crc = new CRC32();
                        crc.update(contents.get(i));
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(contents.get(i).length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(contents.get(i));
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    /** A ustar writer: just enough of POSIX tar to build real and hostile tarballs. */
    public static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean ended;

        public Tar file(String name, byte[] content) {
            return entry(name, '0', content, "");
        }

        public Tar file(String name, String content) {
            return file(name, utf8(content));
        }

        public Tar directory(String name) {
            return entry(name, '5', new byte[0], "");
        }

        public Tar symlink(String name, String target) {
            return entry(name, '2', new byte[0], target);
        }

        public Tar hardlink(String name, String target) {
            return entry(name, '1', new byte[0], target);
        }

        public Tar fifo(String name) {
            return entry(name, '6', new byte[0], "");
        }

        /** A file whose name is given by a GNU 'L' long-name header (for names over 100 bytes). */
        public Tar gnuLongName(String name, byte[] content) {
            byte[] bytes = utf8(name + "\0");
            entry("././@LongLink", 'L', bytes, "");
            return entry(name.substring(0, Math.min(99, name.length())), '0', content, "");
        }

        /** A file whose path is given by a pax extended header. */
        public Tar paxPath(String path, byte[] content) {
            entry("PaxHeaders/x", 'x', paxRecord("path", path), "");
            return entry("placeholder", '0', content, "");
        }

        /** A raw header of this type and content, e.g. an oversized pax header. */
        public Tar raw(String name, char type, byte[] content) {
            return entry(name, type, content, "");
        }

        /** The two zero blocks that end an archive; entries may still be written after them. */
        public Tar end() {
            out.writeBytes(new byte[1024]);
            ended = true;
            return this;
        }

        public byte[] bytes() {
            if (!ended) {
                end();
            }
            return out.toByteArray();
        }

        public byte[] gzip() {
            return Archives.gzip(bytes());
        }

        static byte[] paxRecord(String key, String value) {
            String body = " " + key + "=" + value + "\n";
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            int total = length + String.valueOf(length).length();
            if (String.valueOf(total).length() != String.valueOf(length).length()) {
                total++;
            }
            return utf8(total + body);
        }

        private Tar entry(String name, char type, byte[] content, String link) {
            byte[] header = new byte[512];
            byte[] nameBytes = utf8(name);
            System.arraycopy(nameBytes, 0, header, 0, Math.min(100, nameBytes.length));
            octal(header, 100, 8, 0644);
            octal(header, 108, 8, 0);
            octal(header, 116, 8, 0);
            octal(header, 124, 12, content.length);
            octal(header, 136, 12, 0);
            header[156] = (byte) type;
            byte[] linkBytes = utf8(link);
            System.arraycopy(linkBytes, 0, header, 157, Math.min(100, linkBytes.length));
            System.arraycopy(utf8("ustar\0"), 0, header, 257, 6);
            header[263] = '0';
            header[264] = '0';
            Arrays.fill(header, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            octal(header, 148, 7, sum);
            header[155] = ' ';
            out.writeBytes(header);
            out.writeBytes(content);
            int pad = (512 - content.length % 512) % 512;
            out.writeBytes(new byte[pad]);
            return this;
        }

        private static void octal(byte[] header, int at, int length, long value) {
            String text = String.format(Locale.ROOT, "%0" + (length - 1) + "o", value);
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, header, at, length - 1);
            header[at + length - 1] = 0;
        }
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Inspects in-memory bytes with the default limits. */
    public static ContentSummary inspect(byte[] artifact, String fileName, String purlType) {
        return inspect(artifact, fileName, purlType, ArchiveLimits.defaults());
    }

    /** Through the in-memory reader (a zip by its central directory), as the verify stage reads most artifacts. */
    public static ContentSummary inspect(byte[] artifact, String fileName, String purlType, ArchiveLimits limits) {
        return ContentInspector.inspect(artifact, fileName, purlType, limits);
    }

    /** Through the streaming reader (a zip by its local headers), as the verify stage reads large artifacts. */
    public static ContentSummary inspectStream(byte[] artifact, String fileName, String purlType) {
        return inspectStream(artifact, fileName, purlType, ArchiveLimits.defaults());
    }

    public static ContentSummary inspectStream(byte[] artifact, String fileName, String purlType, ArchiveLimits limits) {
        try {
            return ContentInspector.inspect(new java.io.ByteArrayInputStream(artifact), fileName, purlType, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
