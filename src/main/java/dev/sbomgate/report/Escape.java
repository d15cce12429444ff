package dev.sbomgate.report;

import dev.sbomgate.text.Untrusted;

/**
 * Escaping for each output format. Everything that came from an SBOM, a key file or an approval log is hostile:
 * no control character, bidirectional override or markup of it reaches a terminal, a browser, an XML parser or a
 * Markdown renderer as anything but visible text. Which characters are hidden is {@link Untrusted}'s to say; this
 * class adds each format's own escaping.
 */
final class Escape {
    private Escape() {
    }

    /** Text for HTML element content and quoted attribute values (HTML Living Standard 13.1.2.6, 13.2.4.2). */
    static String html(String text) {
        String clean = Untrusted.oneLine(text);
        StringBuilder sb = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Text for XML 1.0 element content or attribute values. Characters outside the XML {@code Char} production
     * (XML 1.0 section 2.2: C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF, lone
     * surrogates) cannot be written even as character references, so they are shown as {@code \\uXXXX}; in
     * attributes, white space is written as character references so that attribute-value normalisation (3.3.3)
     * keeps it.
     */
    static String xml(String text, boolean attribute) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\'' -> sb.append(attribute ? "&apos;" : "'");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (Untrusted.hidden(cp)) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    /**
     * One line of Markdown prose (GitHub Flavored Markdown) that renders as the literal text: every ASCII punctuation
     * character except {@code , / ;} is written as a numeric character reference, which GFM decodes only after
     * parsing (GFM spec 2.5, 6.6), so hostile text can start no emphasis, link, autolink, table cell, HTML tag or
     * code span. A word joiner after an {@code @} or {@code #} that starts a word keeps it from mentioning a user or
     * linking an issue. Never put the result inside a backtick code span, where references are not decoded.
     */
    static String markdown(String text) {
        return markdown(text, false);
    }

    /**
     * As {@link #markdown(String)}, for the content of a {@code <code>} element: GitHub links no mention or issue
     * inside code, so no word joiner is added, and a command copied from it is exactly the command.
     */
    static String markdownCode(String text) {
        return markdown(text, true);
    }

    private static String markdown(String text, boolean code) {
        String clean = Untrusted.oneLine(text);
        StringBuilder sb = new StringBuilder(clean.length() + 32);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c < 0x80 && c > ' ' && !Character.isLetterOrDigit(c) && ",/;".indexOf(c) < 0) {
                sb.append("&#").append((int) c).append(';');
                boolean startsWord = i == 0 || !Character.isLetterOrDigit(clean.charAt(i - 1));
                if (!code && (c == '@' || c == '#') && startsWord) {
                    sb.append('\u2060');
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
