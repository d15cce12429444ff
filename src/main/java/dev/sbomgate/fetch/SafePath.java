package dev.sbomgate.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks relative paths built from purls and registry documents before anything is written: {@code ..}, {@code .},
 * separators, NUL and other control characters, drive colons and over-long names are refused, never cleaned up.
 */
final class SafePath {

    static final int MAX_NAME_BYTES = 255;
    static final int MAX_PATH_CHARS = 1024;

    private SafePath() {
    }

    static boolean isSafe(List<String> segments) {
        if (segments.isEmpty() || String.join("/", segments).length() > MAX_PATH_CHARS) {
            return false;
        }
        return segments.stream().allMatch(SafePath::isSafeName);
    }

    static boolean isSafeName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':') {
                return false;
            }
        }
        return true;
    }
}
