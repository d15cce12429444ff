package dev.sbomgate.sbom;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding of an XML document, for decoding it ourselves, strictly, in the encoding XML 1.0 appendix F says to detect: a byte-order
 * mark, else the zero-byte pattern of {@code <?}, else the {@code encoding} of the XML declaration, else UTF-8.
 * A byte that is not valid in that encoding then fails as a plain I/O error; left to the JDK's StAX parser, it
 * would also print "[Fatal Error] …" to stderr, which no option turns off.
 */
record XmlEncoding(Charset charset, int byteOrderMarkLength) {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    /** Detects the encoding of a document. */
    static XmlEncoding of(Path file, byte[] bytes) {
        int skip = 0;
        Charset charset;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            skip = 4;
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            skip = 4;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declared(file, bytes);
        }
        return new XmlEncoding(charset, skip);
    }

    /** A reader over the document's characters that throws {@code MalformedInputException} on a bad byte. */
    Reader reader(byte[] bytes) {
        return new InputStreamReader(
                new ByteArrayInputStream(bytes, byteOrderMarkLength, bytes.length - byteOrderMarkLength),
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The encoding named by an ASCII-compatible XML declaration ({@code <?xml … encoding="…"?>}), else UTF-8. */
    private static Charset declared(Path file, byte[] bytes) {
        if (!startsWith(bytes, '<', '?', 'x', 'm', 'l')) {
            return StandardCharsets.UTF_8;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("?>");
        Matcher matcher = ENCODING.matcher(end < 0 ? head : head.substring(0, end));
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(matcher.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Parsed.bad(file, "the XML declaration names an unknown encoding " + Text.quote(matcher.group(1)));
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
