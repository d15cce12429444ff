package dev.sbomgate.sbom;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The two serialisations of CycloneDX that sbomgate reads, told apart by content, never by file name:
 * after an optional byte-order mark and whitespace a JSON SBOM starts with an object, an XML SBOM with markup.
 */
enum Syntax {
    JSON("json"),
    XML("xml");

    /** How much of the start of a file sniffing looks at. */
    private static final int SNIFF_BYTES = 4096;

    private final String label;

    Syntax(String label) {
        this.label = label;
    }

    /** {@code json} or {@code xml}, as {@link dev.sbomgate.model.Inventory#format()} has it. */
    String label() {
        return label;
    }

    /**
     * Recognises the syntax of a document from its first non-whitespace character.
     *
     * @return the syntax
     * @throws NotRecognised with a one-line description of what was found instead
     */
    static Syntax sniff(byte[] bytes) throws NotRecognised {
        String head = head(bytes);
        int i = 0;
        while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i == head.length()) {
            throw new NotRecognised("it is empty or only whitespace");
        }
        char first = head.charAt(i);
        if (first == '{') {
            return JSON;
        }
        if (first == '<') {
            return XML;
        }
        if (first == '[') {
            throw new NotRecognised("it is a JSON array, expected a JSON object with \"bomFormat\": \"CycloneDX\" or an XML <bom>");
        }
        throw new NotRecognised(describe(head.substring(i)));
    }

    /** Decodes the start of the file in the charset its byte-order mark (or zero-byte pattern) indicates. */
    private static String head(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF_BYTES);
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (length >= 2 && bytes[0] == 0 && bytes[1] != 0) {
            charset = StandardCharsets.UTF_16BE;
        } else if (length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(length);
        decoder.decode(ByteBuffer.wrap(bytes, offset, length - offset), out, false);
        out.flip();
        return out.toString();
    }

    private static String describe(String text) {
        for (int i = 0; i < Math.min(text.length(), 64); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return "it is binary data, expected JSON or XML text";
            }
        }
        String start = text.length() > 24 ? text.substring(0, 24) : text;
        return "it is text starting with " + Text.quote(start) + ", expected JSON or XML";
    }

    /** The content is neither JSON nor XML. */
    static final class NotRecognised extends Exception {
        private static final long serialVersionUID = 1L;

        NotRecognised(String message) {
            super(message, null, false, false);
        }
    }
}
