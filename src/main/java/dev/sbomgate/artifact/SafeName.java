package dev.sbomgate.artifact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a string taken from an SBOM (purl parts, qualifiers, reference URLs) can be used as one file or
 * directory name below a root and nothing else. SBOM content is hostile: {@code ..}, separators, NUL, drive
 * colons and overlong names are refused outright rather than cleaned up.
 */
final class SafeName {

    /** NAME_MAX on Linux and most file systems, in bytes. */
    static final int MAX_NAME_BYTES = 255;
    /** Bound on a whole relative candidate path (the Maven layout has a segment per groupId part). */
    static final int MAX_PATH_CHARS = 1024;
    static final int MAX_SEGMENTS = 32;

    private SafeName() {
    }

    static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // '/' and '\' separate directories; ':' names a drive or an NTFS stream; controls include NUL.
            if (c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    static boolean isSafe(List<String> segments) {
        if (segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
            return false;
        }
        int length = 0;
        for (String segment : segments) {
            if (!isSafe(segment)) {
                return false;
            }
            length += segment.length() + 1;
        }
        return length <= MAX_PATH_CHARS;
    }

    /**
     * The file name a URL ends with: the last path segment, without query or fragment, percent-decoded
     * (RFC 3986 section 2.1). Empty when there is none or it is not a safe name once decoded (so {@code %2F},
     * {@code %2e%2e} and {@code %00} are refused too).
     */
    static Optional<String> fileNameOfUrl(String url) {
        if (url == null || url.length() > 8 * MAX_PATH_CHARS) {
            return Optional.empty();
        }
        String u = url.strip();
        int cut = indexOfAny(u, '?', '#');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        int slash = u.lastIndexOf('/');
        String last = u.substring(slash + 1);
        if (slash < 0 && last.contains(":")) {
            return Optional.empty(); // "urn:…", "mailto:…": not a path
        }
        return percentDecode(last).filter(SafeName::isSafe);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** Strict percent-decoding as UTF-8; malformed escapes or bytes give empty. */
    static Optional<String> percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 3 > s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(bytes, 0, bytes.length);
                i++;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
