package dev.sbomgate.text;

/**
 * The one place that decides how text from outside (SBOM values, key files, archive entry names, parser and
 * operating-system messages) is shown: no character of it reaches a terminal, a log or a report as anything but
 * visible text. Hidden are the C0 and C1 controls with ESC and DEL (Unicode 15 section 23.1), every format character
 * (general category Cf: the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the
 * marks U+200E, U+200F and U+061C, zero-width joiners; the Trojan Source attack, CVE-2021-42574), the line and
 * paragraph separators, U+FFF9–U+FFFF, lone surrogates, private-use and unassigned code points. Each is shown as
 * {@code \\uXXXX} (a supplementary one as its UTF-16 pair), so the reader sees that it is there. Format-specific
 * escaping (HTML, XML, JSON, Markdown) is the renderers'; they call {@link #hidden} for the characters that
 * escaping does not cover.
 */
public final class Untrusted {
    /** Longest foreign message kept by {@link #message(String)}; parser messages can quote whole documents. */
    public static final int MAX_MESSAGE = 300;

    private Untrusted() {
    }

    /** Whether a code point is shown as {@code \\uXXXX} instead of itself. */
    public static boolean hidden(int cp) {
        if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || (cp >= 0xFFF9 && cp <= 0xFFFF)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The text with every {@link #hidden} character, newlines included, as {@code \\uXXXX}; null is "". */
    public static String printable(String text) {
        return escape(text, false);
    }

    /** One line of text: newline, carriage return and tab become a space each, other hidden characters {@code \\uXXXX}. */
    public static String oneLine(String text) {
        return escape(text, true);
    }

    /**
     * A foreign message for a one-line error: leading and trailing white space dropped, every run of white space
     * (line breaks included) one space, hidden characters {@code \\uXXXX}, at most {@code max} characters.
     */
    public static String message(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder collapsed = new StringBuilder((int) Math.min(text.length(), (long) max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && collapsed.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0') {
                space = collapsed.length() > 0;
                continue;
            }
            if (space) {
                collapsed.append(' ');
                space = false;
            }
            collapsed.append(c);
        }
        String shown = printable(collapsed.toString());
        if (shown.length() > max) {
            return shown.substring(0, max - 1) + "…";
        }
        return shown;
    }

    /** {@link #message(String, int)} bounded at {@link #MAX_MESSAGE}. */
    public static String message(String text) {
        return message(text, MAX_MESSAGE);
    }

    /** {@link #message(String, int)} of sbomgate's own message, which may quote foreign text: never shortened. */
    public static String wholeMessage(String text) {
        return message(text, Integer.MAX_VALUE);
    }

    private static String escape(String text, boolean oneLine) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                // Printable ASCII, never hidden: nearly every character of an entry name, a purl or a version.
                if (sb != null) {
                    sb.append(c);
                }
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean space = oneLine && (cp == '\n' || cp == '\r' || cp == '\t');
            boolean escape = !space && hidden(cp);
            if ((space || escape) && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (space) {
                    sb.append(' ');
                } else if (escape) {
                    for (int j = i; j < next; j++) {
                        sb.append(String.format("\\u%04x", (int) text.charAt(j)));
                    }
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i = next;
        }
        return sb == null ? text : sb.toString();
    }
}
