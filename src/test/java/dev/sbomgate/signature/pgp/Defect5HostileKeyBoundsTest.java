package dev.sbomgate.signature.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, defect 5: key material is hostile input. Keys made from a real key (Alex Herbert's Apache code signing
 * key, BC87A3FD…6567, from the corpus; source in signature/pgp/README.md) by repeating its packets: within the
 * bounds they load fast, over a bound they are refused (exit 2) naming it. Before the fix 400 copies of the user
 * ID took more than a minute: every copy's signatures were verified once per copy.
 */
class Defect5HostileKeyBoundsTest {
    private static final Path KEY = Path.of("src/test/resources/signature/pgp/hostile/BC87A3FD0A54480F0BADBEBD21939FF0CA2A6567.asc");
    private static final int PUBLIC_KEY = 0;
    private static final int USER_ID = 1;
    private static final int USER_ID_SIGNATURE = 2;
    private static final int SUBKEY = 3;
    private static final int SUBKEY_BINDING = 4;

    /** The key's packets, each with its header: public key, user ID, its self-signature, subkey, binding. */
    private static List<byte[]> packets() throws IOException {
        byte[] binary;
        try (ArmoredInputStream in = new ArmoredInputStream(new ByteArrayInputStream(Files.readAllBytes(KEY)))) {
            binary = in.readAllBytes();
        }
        List<byte[]> packets = new ArrayList<>();
        int p = 0;
        while (p < binary.length) {
            int header = binary[p] & 0xff;
            int start = p;
            long length;
            p++;
            if ((header & 0x40) != 0) {
                int first = binary[p++] & 0xff;
                if (first < 192) {
                    length = first;
                } else if (first < 224) {
                    length = ((first - 192) << 8) + (binary[p++] & 0xff) + 192;
                } else if (first == 255) {
                    length = ((binary[p] & 0xffL) << 24) | ((binary[p + 1] & 0xffL) << 16) | ((binary[p + 2] & 0xffL) << 8)
                            | (binary[p + 3] & 0xffL);
                    p += 4;
                } else {
                    throw new AssertionError("partial body length in a key");
                }
            } else {
                int type = header & 3;
                int octets = type == 0 ? 1 : type == 1 ? 2 : 4;
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (binary[p++] & 0xff);
                }
            }
            p += (int) length;
            byte[] packet = new byte[p - start];
            System.arraycopy(binary, start, packet, 0, packet.length);
            packets.add(packet);
        }
        assertEquals(5, packets.size(), "public key, user ID, signature, subkey, binding");
        return packets;
    }

    /** The key with {@code copies} of each packet in {@code repeated} where the one packet was. */
    private static byte[] key(int copies, int... repeated) throws IOException {
        List<byte[]> packets = packets();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(packets.get(PUBLIC_KEY));
        int i = 1;
        while (i < packets.size()) {
            if (i == repeated[0]) {
                for (int c = 0; c < copies; c++) {
                    for (int r : repeated) {
                        out.write(packets.get(r));
                    }
                }
                i = repeated[repeated.length - 1] + 1;
            } else {
                out.write(packets.get(i++));
            }
        }
        return out.toByteArray();
    }

    private static long millisToParse(byte[] key) {
        long start = System.nanoTime();
        PgpKeys keys = PgpKeys.parse(key, "hostile.gpg");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, keys.size());
        return millis;
    }

    @Test
    void userIdRepeated400TimesIsRefusedWithinSeconds() throws IOException {
        for (int copies : new int[] {1, 30, 100}) {
            byte[] key = key(copies, USER_ID, USER_ID_SIGNATURE);
            long millis = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> millisToParse(key));
            System.out.println("user ID x" + copies + ": " + millis + " ms");
            assertEquals(1, PgpKeys.parse(key, "hostile.gpg").infos().get(0).userIds().size(),
                    "copies of one user ID are one user ID");
        }
        byte[] key = key(400, USER_ID, USER_ID_SIGNATURE);
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(BadInputException.class, () -> PgpKeys.parse(key, "hostile.gpg")));
        assertTrue(e.getMessage().contains("more than " + PgpKeys.MAX_USER_IDS_PER_KEY + " user IDs")
                && e.getMessage().contains("MAX_USER_IDS_PER_KEY"), e.getMessage());
    }

    @Test
    void userIdCopiesAtTheBoundLoadWellUnderASecondEach() throws IOException {
        byte[] key = key(PgpKeys.MAX_USER_IDS_PER_KEY, USER_ID, USER_ID_SIGNATURE);
        long millis = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> millisToParse(key));
        System.out.println("user ID x" + PgpKeys.MAX_USER_IDS_PER_KEY + ": " + millis + " ms");
    }

    @Test
    void subkeyRepeated400TimesIsRefusedNamingTheBound() throws IOException {
        byte[] key = key(400, SUBKEY, SUBKEY_BINDING);
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(BadInputException.class, () -> PgpKeys.parse(key, "hostile.gpg")));
        assertTrue(e.getMessage().contains("MAX_SUBKEYS_PER_KEY"), e.getMessage());
        byte[] atBound = key(PgpKeys.MAX_SUBKEYS_PER_KEY, SUBKEY, SUBKEY_BINDING);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> millisToParse(atBound));
    }

    @Test
    void signatureRepeatedPastTheBoundIsRefusedNamingTheBound() throws IOException {
        byte[] key = key(PgpKeys.MAX_SIGNATURES_PER_KEY + 1, USER_ID_SIGNATURE);
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(BadInputException.class, () -> PgpKeys.parse(key, "hostile.gpg")));
        assertTrue(e.getMessage().contains("MAX_SIGNATURES_PER_KEY"), e.getMessage());
        byte[] many = key(500, USER_ID_SIGNATURE);
        long millis = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> millisToParse(many));
        System.out.println("signature x500: " + millis + " ms");
    }

    @Test
    void keysPastTheBoundInOneFileAreRefusedNamingTheBound() throws IOException {
        byte[] one = key(1, USER_ID);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i <= PgpKeys.MAX_KEYS_PER_FILE; i++) {
            out.write(one);
        }
        byte[] file = out.toByteArray();
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(BadInputException.class, () -> PgpKeys.parse(file, "keyring.gpg")));
        assertTrue(e.getMessage().contains("MAX_KEYS_PER_FILE"), e.getMessage());
    }
}
