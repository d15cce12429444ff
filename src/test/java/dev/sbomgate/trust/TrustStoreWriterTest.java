package dev.sbomgate.trust;

import static dev.sbomgate.trust.TrustFixtures.fingerprint;
import static dev.sbomgate.trust.TrustFixtures.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreWriterTest {

    @TempDir
    Path temp;

    @Test
    void addCopiesTheKeyByFingerprintAndWritesTheCanonicalIndex() throws IOException {
        Path dir = temp.resolve("new/trust");
        Fingerprint fp = fingerprint("p256.pub.pem");
        PinnedKey pin = new TrustStoreWriter(dir).add(key("p256.pub.pem"), "ci.pem", "ACME CI",
                List.of(PurlPattern.parse("pkg:npm/@acme/*"), PurlPattern.parse("pkg:maven/com.acme/*")),
                LocalDate.parse("2026-01-01"), null);
        assertEquals("keys/" + fp.hex() + ".pem", pin.file());
        assertArrayEquals(key("p256.pub.pem"), Files.readAllBytes(dir.resolve(pin.file())));
        assertEquals("{\n"
                + "  \"version\": 1,\n"
                + "  \"keys\": [\n"
                + "    {\n"
                + "      \"name\": \"ACME CI\",\n"
                + "      \"type\": \"keypair\",\n"
                + "      \"fingerprint\": \"" + fp.hex() + "\",\n"
                + "      \"file\": \"keys/" + fp.hex() + ".pem\",\n"
                + "      \"scopes\": [\n"
                + "        \"pkg:maven/com.acme/*\",\n"
                + "        \"pkg:npm/@acme/*\"\n"
                + "      ],\n"
                + "      \"notBefore\": \"2026-01-01\"\n"
                + "    }\n"
                + "  ]\n"
                + "}\n", Files.readString(dir.resolve("trust.json")));
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(List.of(pin), store.keys());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("trust.json"))));
        assertNoTemporaryFiles(dir);
    }

    @Test
    void derKeysAndCertificatesKeepTheirBytesAndGetTheirExtension() {
        Path dir = temp.resolve("trust");
        TrustStoreWriter writer = new TrustStoreWriter(dir);
        PinnedKey der = writer.add(key("p384.pub.der"), "p384.der", "P-384", List.of(PurlPattern.parse("pkg:npm/a")), null, null);
        PinnedKey cert = writer.add(key("cert-p256.crt.pem"), "cert.pem", "Cert", List.of(PurlPattern.parse("pkg:npm/b")), null, null);
        assertTrue(der.file().endsWith(".der"), der.file());
        assertTrue(cert.file().endsWith(".pem"), cert.file());
        assertEquals(2, TrustStoreLoader.load(dir).keys().size());
    }

    @Test
    void openPgpKeysAreStoredArmouredOrBinaryAsGiven() {
        Path dir = temp.resolve("trust");
        PinnedKey alice = new TrustStoreWriter(dir).add(key("openpgp-alice.gpg"), "alice.gpg", "Alice",
                List.of(PurlPattern.parse("pkg:maven/org.example/*")), null, null);
        assertEquals("keys/" + fingerprint("openpgp-alice.asc").hex() + ".gpg", alice.file());
        PinnedKey bob = new TrustStoreWriter(dir).add(key("openpgp-bob.asc"), "bob.asc", "Bob",
                List.of(PurlPattern.parse("pkg:maven/org.example/*")), null, null);
        assertEquals("keys/" + fingerprint("openpgp-bob.asc").hex() + ".asc", bob.file());
        assertEquals(2, TrustStoreLoader.load(dir).keys().size());
        BadInputException e = assertThrows(BadInputException.class, () -> new TrustStoreWriter(dir).add(
                key("openpgp-alice-and-bob.asc"), "both.asc", "Both", List.of(PurlPattern.parse("pkg:npm/x")), null, null));
        assertEquals("both.asc: holds 2 primary keys (" + fingerprint("openpgp-alice.asc") + ", "
                + fingerprint("openpgp-bob.asc") + "); pin one key per file: export it alone (gpg --armor --export"
                + " FINGERPRINT, or one PEM block), or pin every key of it with 'sbomgate trust import FILE --scope PATTERN'",
                e.getMessage());
    }

    @Test
    void addRefusesADuplicateFingerprint() {
        Path dir = temp.resolve("trust");
        TrustStoreWriter writer = new TrustStoreWriter(dir);
        writer.add(key("p256.pub.pem"), "ci.pem", "ACME CI", List.of(PurlPattern.parse("pkg:npm/@acme/*")), null, null);
        BadInputException e = assertThrows(BadInputException.class, () -> writer.add(key("p256.pub.pem"), "again.pem",
                "Again", List.of(PurlPattern.parse("pkg:npm/x")), null, null));
        assertEquals("again.pem: key " + fingerprint("p256.pub.pem") + " is already pinned as 'ACME CI'; to change its"
                + " scopes or window, 'sbomgate trust remove' it and add it again", e.getMessage());
    }

    @Test
    void addRefusesAFileWithTwoKeys() {
        String two = new String(key("p256.pub.pem"), StandardCharsets.US_ASCII)
                + new String(key("ed25519.pub.pem"), StandardCharsets.US_ASCII);
        BadInputException e = assertThrows(BadInputException.class, () -> new TrustStoreWriter(temp.resolve("trust"))
                .add(two.getBytes(StandardCharsets.US_ASCII), "two.pem", "Two", List.of(PurlPattern.parse("pkg:npm/x")), null, null));
        assertTrue(e.getMessage().startsWith("two.pem: holds 2 primary keys ("), e.getMessage());
        assertFalse(Files.exists(temp.resolve("trust/trust.json")));
    }

    @Test
    void addRefusesAPrivateKey() throws Exception {
        byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        byte[] pem = ("-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        BadInputException e = assertThrows(BadInputException.class, () -> new TrustStoreWriter(temp.resolve("trust"))
                .add(pem, "signing.key", "Oops", List.of(PurlPattern.parse("pkg:npm/x")), null, null));
        assertTrue(e.getMessage().startsWith("signing.key: holds a private key ('PRIVATE KEY')"), e.getMessage());
    }

    @Test
    void addRefusesAWindowEndingBeforeItStarts() {
        BadInputException e = assertThrows(BadInputException.class, () -> new TrustStoreWriter(temp.resolve("trust"))
                .add(key("p256.pub.pem"), "ci.pem", "CI", List.of(PurlPattern.parse("pkg:npm/x")),
                        LocalDate.parse("2027-01-01"), LocalDate.parse("2026-01-01")));
        assertEquals("key 'CI' has notAfter 2026-01-01 before notBefore 2027-01-01", e.getMessage());
    }

    @Test
    void addRefusesToWriteIntoABrokenStore() throws IOException {
        Path dir = temp.resolve("trust");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("trust.json"), "{broken");
        assertThrows(BadInputException.class, () -> new TrustStoreWriter(dir).add(key("p256.pub.pem"), "ci.pem", "CI",
                List.of(PurlPattern.parse("pkg:npm/x")), null, null));
        assertEquals("{broken", Files.readString(dir.resolve("trust.json")));
    }

    @Test
    void removeRewritesTheIndexAndDeletesTheKeyFile() {
        Path dir = temp.resolve("trust");
        TrustStoreWriter writer = new TrustStoreWriter(dir);
        PinnedKey ci = writer.add(key("p256.pub.pem"), "ci.pem", "CI", List.of(PurlPattern.parse("pkg:npm/x")), null, null);
        writer.add(key("ed25519.pub.pem"), "ed.pem", "Ed", List.of(PurlPattern.parse("pkg:npm/y")), null, null);
        PinnedKey removed = writer.remove(ci.fingerprint());
        assertEquals(ci, removed);
        assertFalse(Files.exists(dir.resolve(ci.file())));
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(List.of(fingerprint("ed25519.pub.pem")), store.keys().stream().map(PinnedKey::fingerprint).toList());
        writer.remove(fingerprint("ed25519.pub.pem"));
        assertTrue(TrustStoreLoader.load(dir).isEmpty());
    }

    @Test
    void removeOfAnUnpinnedFingerprintIsBadInput() {
        Path dir = temp.resolve("trust");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new TrustStoreWriter(dir).remove(fingerprint("p256.pub.pem")));
        assertEquals(dir + ": no key with fingerprint " + fingerprint("p256.pub.pem") + " is pinned; 'sbomgate trust list'"
                + " shows the pinned fingerprints", e.getMessage());
    }

    private static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(temps.isEmpty(), temps.toString());
        }
    }
}
