package dev.sbomgate.sbom;

/** Makes foreign text (parser messages, values from the SBOM) safe to put in a one-line message. */
final class Text {

    /** Longest foreign message kept in an error; parser messages can quote whole documents. */
    static final int MAX_MESSAGE = 300;
    /** Longest SBOM value (purl, bom-ref, name) quoted in an error. */
    static final int MAX_VALUE = 120;

    private Text() {
    }

    /** One line: control characters become spaces, runs of whitespace collapse, at most {@code max} characters. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        if (sb.length() > max) {
            sb.setLength(max - 1);
            sb.append('…');
        }
        return sb.toString();
    }

    static String oneLine(String text) {
        return oneLine(text, MAX_MESSAGE);
    }

    /** A value from the SBOM, single-quoted and bounded, for naming it in a message. */
    static String quote(String value) {
        return value == null ? "(none)" : "'" + oneLine(value, MAX_VALUE) + "'";
    }
}
