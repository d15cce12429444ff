package dev.sbomgate.trust;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.PublicKeyInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.signature.jca.JcaFixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicKeysTest {

    @Test
    void recognisesFormatsByContentNotName() throws Exception {
        assertEquals(PublicKeys.Format.PEM, PublicKeys.detect(JcaFixtures.bytes("p256.pub.pem"), "key.asc"));
        assertEquals(PublicKeys.Format.PEM, PublicKeys.detect(JcaFixtures.bytes("cert-p256.crt.pem"), "x"));
        assertEquals(PublicKeys.Format.DER, PublicKeys.detect(JcaFixtures.bytes("p384.pub.der"), "key.pem"));
        assertEquals(PublicKeys.Format.DER, PublicKeys.detect(JcaFixtures.bytes("cert-p256.crt.der"), "x"));
        assertEquals(PublicKeys.Format.OPENPGP_ARMOURED, PublicKeys.detect(trust("openpgp-alice.asc"), "key.pem"));
        assertEquals(PublicKeys.Format.OPENPGP_BINARY, PublicKeys.detect(trust("openpgp-alice.gpg"), "x"));
        assertEquals(SignatureKind.OPENPGP, PublicKeys.Format.OPENPGP_BINARY.kind());
        assertEquals(".asc", PublicKeys.Format.OPENPGP_ARMOURED.extension());
    }

    @Test
    void newFormatPacketHeaderIsRecognisedToo() {
        // RFC 9580 section 4.2.1: 0xC6 is a new-format header of a Public-Key packet (tag 6).
        assertEquals(PublicKeys.Format.OPENPGP_BINARY, PublicKeys.detect(new byte[] {(byte) 0xc6, 0x33, 0x04}, "x"));
    }

    @Test
    void keyPairFilesAreInspectedByJca() {
        List<PublicKeyInfo> keys = PublicKeys.inspect(JcaFixtures.bytes("ed25519.pub.pem"), "ed.pem");
        assertEquals(1, keys.size());
        assertEquals(SignatureKind.KEYPAIR, keys.get(0).kind());
        assertEquals(JcaFixtures.expectedFingerprint("ed25519.pub.pem"), keys.get(0).fingerprint());
    }

    @Test
    void openPgpFilesAreInspectedByPgp() throws Exception {
        for (String name : List.of("openpgp-alice.asc", "openpgp-alice.gpg")) {
            List<PublicKeyInfo> keys = PublicKeys.inspect(trust(name), name);
            assertEquals(1, keys.size(), name);
            PublicKeyInfo alice = keys.get(0);
            assertEquals(SignatureKind.OPENPGP, alice.kind());
            assertEquals(fingerprint("openpgp-alice.asc"), alice.fingerprint().hex());
            assertEquals(List.of("Alice Release <alice@example.invalid>"), alice.userIds());
            assertEquals(List.of(fingerprint("openpgp-alice-subkey")), alice.subkeys().stream().map(f -> f.hex()).toList());
            assertTrue(alice.created() != null && alice.expires() != null);
        }
        List<PublicKeyInfo> two = PublicKeys.inspect(trust("openpgp-alice-and-bob.asc"), "two.asc");
        assertEquals(List.of(fingerprint("openpgp-alice.asc"), fingerprint("openpgp-bob.asc")),
                two.stream().map(k -> k.fingerprint().hex()).toList());
    }

    @Test
    void secretKeysSignaturesAndGarbageAreRefused() {
        assertRefused("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxx\n-----END PGP PRIVATE KEY BLOCK-----\n",
                "k: holds an OpenPGP private key block; pin only the public key");
        assertRefused("-----BEGIN PGP SIGNATURE-----\n\nxx\n-----END PGP SIGNATURE-----\n",
                "k: is an OpenPGP signature, not a public key");
        assertRefused("just text\n", "k: not a public key file: expected an OpenPGP public key (armoured or binary),"
                + " a PEM public key or an X.509 certificate (PEM or DER)");
        assertRefused("", "k: empty key file");
        // 0x95: legacy header of a Secret-Key packet (tag 5).
        BadInputException e = assertThrows(BadInputException.class,
                () -> PublicKeys.inspect(new byte[] {(byte) 0x95, 0x01, 0x00}, "k"));
        assertTrue(e.getMessage().startsWith("k: holds an OpenPGP secret key"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> PublicKeys.inspect(new byte[] {(byte) 0x89, 0x01, 0x00}, "k"));
        assertEquals("k: is an OpenPGP signature, not a public key", e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> PublicKeys.inspect(new byte[PublicKeys.MAX_KEY_FILE_BYTES + 1], "k"));
        assertTrue(e.getMessage().contains("too large for a key file"), e.getMessage());
    }

    @Test
    void mixingOpenPgpAndPemInOneFileIsRefused() throws Exception {
        String mixed = new String(trust("openpgp-alice.asc"), StandardCharsets.US_ASCII)
                + new String(JcaFixtures.bytes("p256.pub.pem"), StandardCharsets.US_ASCII);
        assertRefused(mixed, "k: mixes an OpenPGP key block with PEM blocks; keep one key per file");
    }

    private static void assertRefused(String content, String expectedStart) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PublicKeys.inspect(content.getBytes(StandardCharsets.US_ASCII), "k"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    static String fingerprint(String name) throws IOException, URISyntaxException {
        for (String line : new String(trust("fingerprints.txt"), StandardCharsets.US_ASCII).split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new IllegalStateException("no fingerprint for " + name);
    }

    static byte[] trust(String name) throws IOException, URISyntaxException {
        return Files.readAllBytes(Path.of(PublicKeysTest.class.getResource("/trust/" + name).toURI()));
    }
}
