package dev.sbomgate.signature.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.ArmoredInputStream;

/**
 * Splits ASCII armour (RFC 9580, Forming ASCII Armor) into its blocks. Text between blocks is ignored, as in Apache
 * {@code KEYS} files and Gradle {@code verification-keyring.keys}, which list each key before its block.
 */
final class Armor {

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN PGP ([A-Z0-9 ,/]{1,40})-----");

    /** One armour block: its type ({@code PUBLIC KEY BLOCK}, {@code SIGNATURE}, ...) and decoded bytes. */
    record Block(String type, byte[] data) {
    }

    private Armor() {
    }

    /** Whether the bytes are armoured text rather than binary packets. */
    static boolean isArmoured(byte[] data) {
        return text(data).contains("-----BEGIN PGP ");
    }

    /** The types of all blocks, in order, without decoding them. */
    static List<String> types(byte[] data) {
        List<String> types = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text(data));
        while (begin.find()) {
            types.add(begin.group(1));
        }
        return types;
    }

    /** Decodes every block (base64 and its CRC-24 checksum), in order. */
    static List<Block> decode(byte[] data) throws IOException {
        String text = text(data);
        List<Block> blocks = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (begin.find(from)) {
            String type = begin.group(1);
            String endMarker = "-----END PGP " + type + "-----";
            int end = text.indexOf(endMarker, begin.end());
            if (end < 0) {
                throw new IOException("armour block '" + type + "' has no '" + endMarker + "' line");
            }
            int stop = end + endMarker.length();
            byte[] block = text.substring(begin.start(), stop).getBytes(StandardCharsets.ISO_8859_1);
            blocks.add(new Block(type, dearmour(block)));
            from = stop;
        }
        if (blocks.isEmpty()) {
            throw new IOException("no '-----BEGIN PGP ...-----' armour line");
        }
        return blocks;
    }

    private static byte[] dearmour(byte[] block) throws IOException {
        try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(block))) {
            // The decoded data is never longer than its base64 text, which is already bounded by the caller.
            return in.readAllBytes();
        }
    }

    /** Bytes as ISO-8859-1 text: one char per byte, so offsets match and no byte is rejected. */
    private static String text(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }
}
