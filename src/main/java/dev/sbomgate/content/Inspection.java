package dev.sbomgate.content;

import dev.sbomgate.text.Untrusted;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One artifact's walk: streams its entries once, reads the few interesting ones into memory (bounded), streams
 * the rest past line and magic-number checks, and stops at the first limit. Nothing is written anywhere and no
 * entry name is ever used as a file path. Single use, single thread.
 */
final class Inspection {

    private static final List<String> NESTED = List.of(".jar", ".war", ".ear", ".zip", ".aar", ".hpi", ".jpi");
    private static final List<String> SCRIPTS = List.of(".js", ".mjs", ".cjs", ".py", ".pth", ".sh", ".bash", ".ps1",
            ".bat", ".cmd", ".vbs", ".rb", ".pl", ".php");
    private static final Pattern WHEEL_DATA_PTH = Pattern.compile("[^/]+\\.data/(purelib|platlib)/[^/]+\\.pth");
    private static final Pattern WHEEL_ENTRY_POINTS = Pattern.compile("[^/]+\\.dist-info/entry_points\\.txt");
    private static final Pattern WHEEL_DATA_SCRIPT = Pattern.compile("[^/]+\\.data/scripts/[^/]+");
    /** A nested zip up to this size is inflated into memory and read by its central directory; a larger one is streamed. */
    static final int NESTED_IN_MEMORY = 16 * 1024 * 1024;

    /** The interesting entries, by what reads them. */
    private enum HookFile { PACKAGE_JSON, PTH, ENTRY_POINTS, PYPROJECT, MANIFEST, SERVICES }

    private final ArchiveLimits limits;
    private final Meter meter;
    private final List<Hook> hooks = new ArrayList<>();
    private final List<OpaqueFile> opaque = new ArrayList<>();
    private final List<String> unsafe = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];
    private ArchiveFormat format = ArchiveFormat.NONE;
    private PackageKind kind = PackageKind.OTHER;
    private long unsafeCount;
    private long linkCount;
    private long entries;
    private String problem;
    private Inflater headInflater;

    Inspection(ArchiveLimits limits) {
        this.limits = limits;
        this.meter = new Meter(limits);
    }

    /** Reads the artifact to its end (the caller may be hashing it) and says what it holds. */
    ContentSummary run(InputStream artifact, String fileName, String purlType) throws IOException {
        PushbackInputStream in = new PushbackInputStream(meter.source(artifact), 4);
        byte[] magic = readUpTo(in, 4);
        in.unread(magic);
        walk(magic, fileName, purlType, () -> {
            if (format == ArchiveFormat.ZIP) {
                zip(in, "", 0);
            } else {
                tar(in);
            }
        });
        drain(in);
        return summary();
    }

    /**
     * Says what the artifact held in {@code bytes} holds. A zip archive is read from its central directory and only
     * the entries the summary needs are inflated; a tarball is streamed from memory.
     */
    ContentSummary run(byte[] bytes, String fileName, String purlType) {
        meter.whole(bytes.length);
        try {
            walk(Arrays.copyOf(bytes, Math.min(4, bytes.length)), fileName, purlType, () -> {
                if (format == ArchiveFormat.ZIP) {
                    zip(bytes, 0, bytes.length, "", 0);
                } else {
                    tar(new ByteArrayInputStream(bytes));
                }
            });
        } finally {
            if (headInflater != null) {
                headInflater.end();
            }
        }
        return summary();
    }

    /** The inflater that reads entries' first bytes, one for the whole walk (creating one per entry costs more). */
    private Inflater headInflater() {
        if (headInflater == null) {
            headInflater = new Inflater(true);
        }
        return headInflater;
    }

    private interface Walk {
        void run() throws IOException;
    }

    private void walk(byte[] magic, String fileName, String purlType, Walk walk) {
        format = sniff(magic);
        if (format == ArchiveFormat.NONE) {
            return;
        }
        kind = PackageKind.of(fileName, purlType, format);
        try {
            walk.run();
        } catch (LimitExceeded e) {
            problem("archive exceeds limits: " + e.getMessage());
        } catch (TarReader.NotTar e) {
            if (kind == PackageKind.OTHER) {
                // A gzip file that is not a tarball, where no ecosystem expects one: nothing to inspect.
                format = ArchiveFormat.NONE;
            } else {
                problem("archive cannot be read: " + message(e));
            }
        } catch (ZipDirectory.Inconsistent e) {
            problem("archive is unsafe: " + message(e) + " (zip readers would not agree on what it holds)");
        } catch (IOException | RuntimeException e) {
            problem("archive cannot be read: " + message(e));
        }
    }

    private ContentSummary summary() {
        if (format == ArchiveFormat.NONE) {
            return ContentSummary.notAnArchive(meter.compressed());
        }
        return new ContentSummary(meter.compressed(), format, kind, hooks, opaque, counted(unsafe, unsafeCount),
                counted(links, linkCount), problem);
    }

    private static ArchiveFormat sniff(byte[] magic) {
        if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K'
                && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6))) {
            return ArchiveFormat.ZIP;
        }
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return ArchiveFormat.TAR_GZIP;
        }
        return ArchiveFormat.NONE;
    }

    /** A zip archive's entries, by their local headers, in file order. */
    private void zip(InputStream in, String prefix, int depth) throws IOException {
        // Names without the UTF-8 flag (APPNOTE 4.4.4 bit 11) are read as ISO-8859-1, which never fails.
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.ISO_8859_1);
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            entry(prefix, e.getName(), e.isDirectory() ? TarReader.Type.DIRECTORY : TarReader.Type.FILE, null,
                    new StreamBody(meter.inflated(zip)), depth);
        }
    }

    /**
     * A zip archive held in memory, by its central directory (what pip and Java's {@code ZipFile} read), each entry
     * cross-checked against its local header. Each entry's declared size counts towards the limits when it is
     * reached; an entry is inflated only if the summary needs its content (and then must match its declared size
     * and CRC), or its first bytes for the native-code check. Zip64 and split archives are streamed instead.
     */
    private void zip(byte[] bytes, int offset, int length, String prefix, int depth) throws IOException {
        ZipDirectory directory;
        try {
            directory = ZipDirectory.read(bytes, offset, length, limits.maxEntries() - entries, limits.maxEntries());
        } catch (ZipDirectory.Unsupported e) {
            zip(new ByteArrayInputStream(bytes, offset, length), prefix, depth);
            return;
        } catch (ZipDirectory.Inconsistent e) {
            throw prefix.isEmpty() ? e : new ZipDirectory.Inconsistent(abbreviate(prefix) + " " + e.getMessage());
        }
        for (ZipDirectory.Entry e : directory.entries()) {
            meter.declared(e.size());
            TarReader.Type type = e.directory() ? TarReader.Type.DIRECTORY : TarReader.Type.FILE;
            String link = null;
            if (e.symlink() && !e.directory()) {
                type = TarReader.Type.SYMLINK;
                link = e.size() > 4L * limits.maxPathLength() ? "(a link target of " + e.size() + " bytes)"
                        : new String(directory.open(e).readAllBytes(), StandardCharsets.UTF_8);
            }
            entry(prefix, e.name(), type, link, new ZipBody(directory, e, headInflater()), depth);
        }
    }

    /** An entry's content, read only as far as the walk needs it. */
    private interface Body {
        /** The whole content. */
        InputStream open() throws IOException;

        /** The first {@code count} bytes (fewer if the content is shorter); the rest is passed over. */
        byte[] head(int count) throws IOException;

        /** The size, or -1 while unknown. */
        long size();

        /** Passes the content over (a stream is read to its end: the bytes beneath are counted and hashed). */
        void skip() throws IOException;
    }

    /** An entry of a stream (tar, or a zip read through its local headers): every byte passes. */
    private final class StreamBody implements Body {
        private final InputStream in;

        StreamBody(InputStream in) {
            this.in = in;
        }

        @Override
        public InputStream open() {
            return in;
        }

        @Override
        public byte[] head(int count) throws IOException {
            byte[] head = readUpTo(in, count);
            drain(in);
            return head;
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public void skip() throws IOException {
            drain(in);
        }
    }

    /** An entry of a zip archive in memory: inflated on demand, never more than asked. */
    private record ZipBody(ZipDirectory directory, ZipDirectory.Entry entry, Inflater inflater) implements Body {
        @Override
        public InputStream open() {
            return directory.open(entry);
        }

        @Override
        public byte[] head(int count) throws IOException {
            return directory.head(entry, count, inflater);
        }

        @Override
        public long size() {
            return entry.size();
        }

        @Override
        public void skip() {
            // Nothing to pass: the next entry is found through the central directory.
        }
    }

    /** Bytes already in memory (a nested archive that turned out not to be a zip). */
    private record ArrayBody(byte[] bytes) implements Body {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] head(int count) {
            return Arrays.copyOf(bytes, Math.min(count, bytes.length));
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public void skip() {
            // In memory already.
        }
    }

    private void tar(InputStream in) throws IOException {
        TarReader tar = new TarReader(meter.inflated(new GZIPInputStream(in, 64 * 1024)), limits);
        TarReader.Entry e;
        while ((e = tar.next()) != null) {
            entry("", e.name(), e.type(), e.linkName(), new StreamBody(tar.data()), 0);
        }
    }

    private void entry(String prefix, String rawName, TarReader.Type type, String link, Body data, int depth)
            throws IOException {
        if (++entries > limits.maxEntries()) {
            throw new LimitExceeded(String.format(Locale.ROOT, "more than %,d entries", limits.maxEntries()));
        }
        if (rawName.length() > limits.maxPathLength()) {
            throw new LimitExceeded("an entry path of " + rawName.length() + " characters (limit "
                    + limits.maxPathLength() + "): " + abbreviate(prefix + printable(rawName)));
        }
        String name = printable(rawName);
        String display = prefix.isEmpty() ? name : prefix + name;
        int levels = levels(rawName);
        if (levels > limits.maxPathDepth()) {
            throw new LimitExceeded("an entry path " + levels + " levels deep (limit " + limits.maxPathDepth() + "): "
                    + abbreviate(display));
        }
        // A tarball's (or a zip sdist's) root directory is where it unpacks (npm strips it): names and links are
        // read from inside it, so that they stay the same from one version's root (demo-1.0/) to the next.
        boolean rooted = depth == 0 && (format == ArchiveFormat.TAR_GZIP || kind == PackageKind.SDIST);
        String why = EntryNames.unsafeReason(rooted ? EntryNames.stripRoot(rawName) : rawName, rawName, type, link);
        if (why != null) {
            unsafe(display + " (" + why + ")");
            data.skip();
            return;
        }
        if (type == TarReader.Type.SYMLINK || type == TarReader.Type.HARDLINK) {
            linkCount++;
            if (links.size() < limits.maxListed()) {
                links.add(display + " -> " + printable(link));
            }
            data.skip();
            return;
        }
        if (type == TarReader.Type.DIRECTORY) {
            data.skip();
            return;
        }
        String rel = rooted ? EntryNames.stripRoot(name) : name;
        String lower = rel.toLowerCase(Locale.ROOT);
        if (depth == 0) {
            HookFile file = hookFile(rel, lower);
            if (file != null) {
                readHookFile(file, rel, display, lower, data);
                return;
            }
            recordMarkerHooks(rel);
        }
        if (endsWithAny(lower, NESTED)) {
            nested(depth == 0 ? rel : display, display, data, depth);
            return;
        }
        scan(data, depth == 0 ? rel : display, lower, depth);
    }

    /** Hooks that are a file's mere presence: binding.gyp, setup.py, a wheel's data scripts. */
    private void recordMarkerHooks(String rel) {
        if (kind == PackageKind.NPM && rel.equals("binding.gyp")) {
            addHook(Hook.of(HookKind.NPM_NATIVE_BUILD, "binding.gyp", "", rel));
        } else if (kind == PackageKind.SDIST && rel.equals("setup.py")) {
            addHook(Hook.of(HookKind.SETUP_PY, "setup.py", "", rel));
        } else if (kind == PackageKind.WHEEL && WHEEL_DATA_SCRIPT.matcher(rel).matches()) {
            addHook(Hook.of(HookKind.WHEEL_DATA_SCRIPT, rel.substring(rel.lastIndexOf('/') + 1), "", rel));
        }
    }

    private HookFile hookFile(String rel, String lower) {
        return switch (kind) {
            case NPM -> rel.equals("package.json") ? HookFile.PACKAGE_JSON : null;
            case WHEEL -> (rel.indexOf('/') < 0 && lower.endsWith(".pth")) || WHEEL_DATA_PTH.matcher(rel).matches()
                    ? HookFile.PTH : WHEEL_ENTRY_POINTS.matcher(rel).matches() ? HookFile.ENTRY_POINTS : null;
            case SDIST -> rel.equals("pyproject.toml") ? HookFile.PYPROJECT : null;
            // JarFile finds the manifest whatever its case; ServiceLoader asks for the exact resource name.
            case JAR -> lower.equals("meta-inf/manifest.mf") ? HookFile.MANIFEST
                    : rel.startsWith("META-INF/services/") && rel.length() > 18 && rel.indexOf('/', 18) < 0
                    ? HookFile.SERVICES : null;
            case OTHER -> null;
        };
    }

    private void readHookFile(HookFile file, String rel, String display, String lower, Body data)
            throws IOException {
        byte[] bytes = readBounded(data, display, file == HookFile.MANIFEST);
        if (endsWithAny(lower, SCRIPTS) && bytes.length >= OpaqueFile.FLOOR_BYTES) {
            TextStats stats = new TextStats();
            stats.update(bytes, 0, bytes.length);
            addOpaque(stats.result(rel));
        }
        try {
            switch (file) {
                case PACKAGE_JSON -> HookParsers.packageJson(bytes, rel).forEach(this::addHook);
                case PTH -> addHook(HookParsers.pth(bytes, rel));
                case ENTRY_POINTS -> HookParsers.entryPoints(bytes, rel).forEach(this::addHook);
                case PYPROJECT -> HookParsers.pyproject(bytes, rel).forEach(this::addHook);
                case MANIFEST -> HookParsers.manifest(bytes, rel).forEach(this::addHook);
                case SERVICES -> HookParsers.services(bytes, rel).forEach(this::addHook);
            }
        } catch (HookParsers.Unparseable e) {
            problem("install hooks cannot be read: " + e.getMessage());
        }
    }

    /** An archive inside the archive: recorded, and walked for limits and native binaries. */
    private void nested(String name, String display, Body data, int depth) throws IOException {
        if (data.size() >= 0 && data.size() <= NESTED_IN_MEMORY) {
            // Small enough to hold: inflated once (its declared size is already counted), then read by its own
            // central directory like the archive around it.
            byte[] bytes = data.open().readAllBytes();
            if (sniff(Arrays.copyOf(bytes, Math.min(4, bytes.length))) != ArchiveFormat.ZIP) {
                scan(new ArrayBody(bytes), name, name.toLowerCase(Locale.ROOT), depth);
                return;
            }
            addHook(Hook.of(HookKind.NESTED_ARCHIVE, name, "", display));
            checkNesting(display, depth);
            zip(bytes, 0, bytes.length, display + "!/", depth + 1);
            return;
        }
        PushbackInputStream in = new PushbackInputStream(new java.io.BufferedInputStream(data.open(), 16 * 1024), 4);
        byte[] magic = readUpTo(in, 4);
        in.unread(magic);
        if (sniff(magic) != ArchiveFormat.ZIP) {
            scan(new StreamBody(in), name, name.toLowerCase(Locale.ROOT), depth);
            return;
        }
        addHook(Hook.of(HookKind.NESTED_ARCHIVE, name, "", display));
        checkNesting(display, depth);
        zip(in, display + "!/", depth + 1);
        drain(in);
    }

    private void checkNesting(String display, int depth) {
        if (depth + 1 > limits.maxNesting()) {
            throw new LimitExceeded("archives nested more than " + limits.maxNesting() + " deep: " + abbreviate(display));
        }
    }

    /**
     * Passes an entry by the native-binary and opaque-script checks: the first bytes for the magic numbers, and
     * the whole content only for a script at the top level large enough to be recorded as opaque.
     */
    private void scan(Body data, String path, String lower, int depth) throws IOException {
        boolean script = depth == 0 && endsWithAny(lower, SCRIPTS);
        byte[] head;
        TextStats stats = null;
        if (script && (data.size() < 0 || data.size() >= OpaqueFile.FLOOR_BYTES)) {
            stats = new TextStats();
            InputStream in = data.open();
            head = new byte[8];
            int headLength = 0;
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                stats.update(buffer, 0, n);
            }
            head = Arrays.copyOf(head, headLength);
        } else {
            head = data.head(8);
        }
        if (NativeBinaries.nativeMagic(head, head.length) || NativeBinaries.nativeName(lower)) {
            addHook(Hook.of(HookKind.NATIVE_BINARY, path.substring(path.lastIndexOf('/') + 1), "", path));
        }
        if (stats != null) {
            OpaqueFile file = stats.result(path);
            if (file.size() >= OpaqueFile.FLOOR_BYTES) {
                addOpaque(file);
            }
        }
    }

    private static boolean endsWithAny(String lower, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Non-empty path segments, separated by / or \\ (a Windows extractor splits on both). */
    private static int levels(String name) {
        int levels = 0;
        boolean inSegment = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                inSegment = false;
            } else if (!inSegment) {
                inSegment = true;
                levels++;
            }
        }
        return levels;
    }

    private void addOpaque(OpaqueFile file) {
        if (!file.minified() && !file.packed()) {
            return;
        }
        opaque.add(file);
        checkRecorded();
    }

    private void addHook(Hook hook) {
        hooks.add(hook);
        checkRecorded();
    }

    private void checkRecorded() {
        if (hooks.size() + opaque.size() > limits.maxRecorded()) {
            throw new LimitExceeded(String.format(Locale.ROOT, "more than %,d hooks, native binaries, nested archives "
                    + "and opaque files", limits.maxRecorded()));
        }
    }

    private void unsafe(String line) {
        unsafeCount++;
        if (unsafe.size() < limits.maxListed()) {
            unsafe.add(line);
        }
    }

    private void problem(String text) {
        if (problem == null) {
            problem = text;
        }
    }

    private static List<String> counted(List<String> listed, long count) {
        List<String> out = new ArrayList<>(listed);
        if (count > listed.size()) {
            out.add("… and " + (count - listed.size()) + " more");
        }
        return out;
    }

    /** Control, bidirectional-override and line-separator characters escaped, so a name stays one honest line. */
    static String printable(String text) {
        return Untrusted.printable(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "…";
    }

    /** Reads an interesting entry into memory, at most {@code maxEntryBytes} (a manifest: its main section). */
    private byte[] readBounded(Body body, String display, boolean manifest) throws IOException {
        int max = limits.maxEntryBytes();
        if (body.size() > max && !manifest) {
            throw tooLarge(display, max);
        }
        InputStream data = body.open();
        byte[] bytes = new byte[Math.min(max + 1, 8192)];
        int length = 0;
        int n;
        while ((n = data.read(bytes, length, bytes.length - length)) >= 0) {
            length += n;
            if (length == bytes.length) {
                if (length > max) {
                    break;
                }
                bytes = Arrays.copyOf(bytes, Math.min(max + 1, bytes.length * 2));
            }
        }
        if (length > max) {
            if (manifest && HookParsers.mainSectionLength(bytes, max) >= 0) {
                body.skip();
                return Arrays.copyOf(bytes, max);
            }
            throw tooLarge(display, max);
        }
        return Arrays.copyOf(bytes, length);
    }

    private static LimitExceeded tooLarge(String display, int max) {
        return new LimitExceeded(abbreviate(display) + " is larger than " + Meter.bytes(max)
                + " (install-hook files are read into memory up to that size)");
    }

    private void drain(InputStream in) throws IOException {
        while (in.read(buffer, 0, buffer.length) >= 0) {
            // Read to the end: the bytes are counted (and, beneath, hashed).
        }
    }

    private static byte[] readUpTo(InputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        int length = 0;
        while (length < count) {
            int n = in.read(bytes, length, count - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return Arrays.copyOf(bytes, length);
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        return printable(text.lines().findFirst().orElse("").strip());
    }
}
