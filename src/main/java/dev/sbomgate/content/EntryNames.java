package dev.sbomgate.content;

import dev.sbomgate.text.Untrusted;

/** The safety rules for an archive entry's name and link target: absolute paths, ../ escapes, device and special entries; the names Inspection reports. */
final class EntryNames {
    private EntryNames() {
    }

    /**
     * Why an entry may not be trusted by an extracting installer: links whose target is absolute or outside the
     * archive (never followed here, but followed by some extractors: the node-tar and tarfile CVEs), special
     * files, absolute paths, {@code ..} segments, and NUL characters (Python's zipfile cuts a name at its first
     * NUL, so {@code evil.pth\0.txt} installs as {@code evil.pth}). Null when safe. The test for links is that of
     * Python's tarfile "data" filter (PEP 706): a symbolic link resolves from its own directory, a hard link
     * from the archive's root.
     */
    static String unsafeReason(String relative, String name, TarReader.Type type, String link) {
        String target = link == null ? "" : link;
        // A symbolic link resolves from its own directory; a hard link names another entry, from the root.
        if ((type == TarReader.Type.SYMLINK && escapes(parentOf(relative), target))
                || (type == TarReader.Type.HARDLINK && escapes("", target))) {
            return "a link to " + Untrusted.printable(target) + ", outside the archive, never followed";
        }
        if (type == TarReader.Type.SPECIAL) {
            return "a device, FIFO or sparse file";
        }
        if (name.indexOf('\0') >= 0) {
            return "a NUL character in its path";
        }
        if (name.startsWith("/") || name.startsWith("\\") || (name.length() >= 2 && name.charAt(1) == ':'
                && Character.isLetter(name.charAt(0)))) {
            return "an absolute path";
        }
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '/' || name.charAt(i) == '\\') {
                if (i - start == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') {
                    return "climbs out of the archive with ..";
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static String parentOf(String name) {
        String n = name.replace('\\', '/');
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        int slash = n.lastIndexOf('/');
        return slash < 0 ? "" : n.substring(0, slash);
    }

    /** Whether {@code target}, read from directory {@code base} inside the archive, is absolute or climbs above its root. */
    static boolean escapes(String base, String target) {
        String t = target.replace('\\', '/');
        if (t.isEmpty() || t.startsWith("/") || (t.length() >= 2 && t.charAt(1) == ':' && Character.isLetter(t.charAt(0)))
                || t.indexOf('\0') >= 0) {
            return true;
        }
        int depth = 0;
        for (String segment : base.replace('\\', '/').split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        for (String segment : t.split("/")) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** Removes a tarball's root directory ({@code package/} for npm, {@code name-version/} for an sdist). */
    static String stripRoot(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        int slash = n.indexOf('/');
        return slash >= 0 ? n.substring(slash + 1) : n;
    }
}
