package dev.sbomgate.trust;

import static dev.sbomgate.trust.TrustFixtures.entry;
import static dev.sbomgate.trust.TrustFixtures.fingerprint;
import static dev.sbomgate.trust.TrustFixtures.index;
import static dev.sbomgate.trust.TrustFixtures.key;
import static dev.sbomgate.trust.TrustFixtures.write;
import static dev.sbomgate.trust.TrustFixtures.writeIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.signature.SignatureKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreLoaderTest {

    @TempDir
    Path temp;

    Path dir;
    String p256;
    String ed25519;

    @BeforeEach
    void setUp() {
        dir = temp.resolve("trust");
        p256 = fingerprint("p256.pub.pem").hex();
        ed25519 = fingerprint("ed25519.pub.pem").hex();
    }

    @Test
    void missingDirectoryIsAnEmptyStore() {
        TrustStore store = TrustStoreLoader.load(temp.resolve("does-not-exist"));
        assertTrue(store.isEmpty());
        assertEquals(TrustStore.empty().digest(), store.digest());
    }

    @Test
    void emptyDirectoryIsAnEmptyStore() throws IOException {
        Files.createDirectories(dir);
        assertTrue(TrustStoreLoader.load(dir).isEmpty());
    }

    @Test
    void directoryWithFilesButNoIndexIsRefused() {
        write(dir, "keys/a.pem", key("p256.pub.pem"));
        assertFails(dir + ": trust directory has files but no trust.json; pin keys with 'sbomgate trust add KEYFILE"
                + " --name N --scope PATTERN'");
    }

    @Test
    void aFileInsteadOfADirectoryIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("trust"), "x");
        BadInputException e = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(file));
        assertEquals(file + ": the trust store must be a directory holding trust.json", e.getMessage());
    }

    @Test
    void loadsPinsWithTheirKeyInfoScopesAndWindow() {
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        write(dir, "keys/cert.pem", key("cert-p256.crt.pem"));
        writeIndex(dir, "{\"keys\": [" + entry("ACME CI", "keypair", p256.toLowerCase(), "keys/ci.pem",
                "pkg:npm/@acme/*", "pkg:maven/com.acme/*").replace("}", ", \"notBefore\": \"2026-01-01\", \"notAfter\": \"2026-12-31\"}")
                + ", " + entry("Cert", "keypair", fingerprint("cert-p256.crt.pem").hex(), "keys/cert.pem", "pkg:maven/org.example/lib")
                + "], \"version\": 1}");
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(2, store.keys().size());
        PinnedKey ci = store.find(fingerprint("p256.pub.pem")).orElseThrow();
        assertEquals("ACME CI", ci.name());
        assertEquals(SignatureKind.KEYPAIR, ci.type());
        assertEquals("keys/ci.pem", ci.file());
        assertEquals(List.of(PurlPattern.parse("pkg:maven/com.acme/*"), PurlPattern.parse("pkg:npm/@acme/*")), ci.scopes());
        assertEquals(LocalDate.parse("2026-01-01"), ci.notBefore());
        assertEquals(LocalDate.parse("2026-12-31"), ci.notAfter());
        assertEquals("ECDSA-P256", ci.key().algorithm());
        PinnedKey cert = store.find(fingerprint("cert-p256.crt.pem")).orElseThrow();
        assertEquals(List.of("CN=sbomgate test release signer,O=sbomgate tests"), cert.key().userIds());
        assertTrue(store.keyFiles(SignatureKind.KEYPAIR).containsKey("keys/ci.pem"));
        assertTrue(store.keyFiles(SignatureKind.OPENPGP).isEmpty());
    }

    @Test
    void fingerprintMismatchNamesFileExpectedAndFound() {
        write(dir, "keys/ci.pem", key("other-p256.pub.pem"));
        writeIndex(dir, index(entry("ACME CI", "keypair", p256, "keys/ci.pem", "pkg:npm/@acme/*")));
        assertFails(dir.resolve("trust.json") + ": key 'ACME CI' (keys/ci.pem): expected fingerprint " + p256
                + " but the file holds " + fingerprint("other-p256.pub.pem") + "; if the key really changed, verify the new"
                + " one out of band, then 'sbomgate trust remove' the old pin and 'sbomgate trust add' the new key");
    }

    @Test
    void malformedScopeIsRefused() {
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        writeIndex(dir, index(entry("ACME CI", "keypair", p256, "keys/ci.pem", "pkg:npm/@acme/**")));
        assertFails(dir.resolve("trust.json") + ": keys[0] ('ACME CI'): malformed scope pattern 'pkg:npm/@acme/**': name"
                + " '**' has '**'; '*' already matches any run of characters within one segment, and nothing matches across '/'");
    }

    @Test
    void aKeyFileHoldingAnUnpinnedKeyIsRefused() {
        String both = new String(key("p256.pub.pem"), StandardCharsets.US_ASCII)
                + new String(key("ed25519.pub.pem"), StandardCharsets.US_ASCII);
        write(dir, "keys/ci.pem", both.getBytes(StandardCharsets.US_ASCII));
        writeIndex(dir, index(entry("ACME CI", "keypair", p256, "keys/ci.pem", "pkg:npm/@acme/*")));
        assertFails(dir.resolve("keys/ci.pem") + ": holds Ed25519 key " + ed25519 + " that is not pinned; a key file must"
                + " hold only its pinned key (export that one key alone, or pin this one too)");
    }

    @Test
    void aKeyFileWhoseKeysAreAllPinnedLoads() {
        String both = new String(key("p256.pub.pem"), StandardCharsets.US_ASCII)
                + new String(key("ed25519.pub.pem"), StandardCharsets.US_ASCII);
        write(dir, "keys/ci.pem", both.getBytes(StandardCharsets.US_ASCII));
        writeIndex(dir, index(entry("ACME CI", "keypair", p256, "keys/ci.pem", "pkg:npm/@acme/*"),
                entry("ACME CI 2", "keypair", ed25519, "keys/ci.pem", "pkg:npm/@acme/*")));
        assertEquals(2, TrustStoreLoader.load(dir).keys().size());
    }

    @Test
    void malformedJsonIsRefused() {
        writeIndex(dir, "{\"version\": 1, \"keys\": [");
        assertFails(dir.resolve("trust.json") + ": not valid JSON (");
        writeIndex(dir, "{\"version\": 1, \"keys\": []} trailing");
        assertFails(dir.resolve("trust.json") + ": not valid JSON (");
        writeIndex(dir, "[]");
        assertFails(dir.resolve("trust.json") + ": expected a JSON object with 'version' and 'keys'");
        writeIndex(dir, "");
        assertFails(dir.resolve("trust.json") + ": expected a JSON object with 'version' and 'keys'");
    }

    @Test
    void duplicateJsonFieldIsRefused() {
        writeIndex(dir, "{\"version\": 1, \"version\": 1, \"keys\": []}");
        assertFails(dir.resolve("trust.json") + ": not valid JSON (Duplicate field 'version')");
    }

    @Test
    void unknownFieldsAreRefused() {
        writeIndex(dir, "{\"version\": 1, \"keys\": [], \"trustEverything\": true}");
        assertFails(dir.resolve("trust.json") + ": unknown field 'trustEverything' in the top level; allowed: identities, ignoredKeys,"
                + " keys, registryKeys, sigstore, version");
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        writeIndex(dir, index(entry("ACME CI", "keypair", p256, "keys/ci.pem", "pkg:npm/@acme/*")
                .replace("}", ", \"scope\": \"pkg:npm/*\"}")));
        assertFails(dir.resolve("trust.json") + ": keys[0]: unknown field 'scope' in the key entry; allowed: file,"
                + " fingerprint, name, notAfter, notBefore, revoked, rotation, scopes, type");
    }

    @Test
    void wrongVersionAndTypesAreRefused() {
        writeIndex(dir, "{\"version\": 3, \"keys\": []}");
        assertFails(dir.resolve("trust.json") + ": expected \"version\": 1 or 2, found 3; this sbomgate reads trust index"
                + " versions 1 and 2");
        writeIndex(dir, "{\"version\": 1, \"keys\": {}}");
        assertFails(dir.resolve("trust.json") + ": expected \"keys\" to be an array");
        writeIndex(dir, index(entry("X", "sigstore", p256, "keys/ci.pem", "pkg:npm/x")));
        assertFails(dir.resolve("trust.json") + ": keys[0] ('X'): type must be 'openpgp' or 'keypair', found 'sigstore'");
        writeIndex(dir, index(entry("X", "keypair", p256.substring(48), "keys/ci.pem", "pkg:npm/x")));
        assertFails(dir.resolve("trust.json") + ": keys[0] ('X'): fingerprint must be the full fingerprint (40 or 64 hex"
                + " digits), found '" + p256.substring(48) + "'");
        writeIndex(dir, index(entry("X", "keypair", p256, "keys/ci.pem")));
        assertFails(dir.resolve("trust.json") + ": keys[0] ('X'): scopes must be a non-empty array of purl patterns");
        writeIndex(dir, index("{\"type\": \"keypair\"}"));
        assertFails(dir.resolve("trust.json") + ": keys[0]: missing 'name'");
    }

    @Test
    void malformedDatesAreRefused() {
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        writeIndex(dir, index(entry("X", "keypair", p256, "keys/ci.pem", "pkg:npm/x").replace("}", ", \"notAfter\": \"31.12.2026\"}")));
        assertFails(dir.resolve("trust.json") + ": keys[0] ('X'): notAfter must be an ISO date like 2026-01-31, found '31.12.2026'");
        writeIndex(dir, index(entry("X", "keypair", p256, "keys/ci.pem", "pkg:npm/x")
                .replace("}", ", \"notBefore\": \"2027-01-01\", \"notAfter\": \"2026-12-31\"}")));
        assertFails(dir.resolve("trust.json") + ": keys[0] ('X'): notAfter 2026-12-31 is before notBefore 2027-01-01");
    }

    @Test
    void missingKeyFileIsRefused() {
        writeIndex(dir, index(entry("ACME CI", "keypair", p256, "keys/ci.pem", "pkg:npm/@acme/*")));
        assertFails(dir.resolve("trust.json") + ": key 'ACME CI' (keys/ci.pem): key file " + dir.resolve("keys/ci.pem")
                + " is missing; restore it or remove the pin with 'sbomgate trust remove'");
    }

    @Test
    void pathsLeavingTheDirectoryAreRefused() {
        for (String[] bad : new String[][] {
            {"/etc/passwd", "key file '/etc/passwd' must be a path relative to the trust directory, with '/' separators"},
            {"../outside.pem", "key file '../outside.pem' must not contain empty, '.' or '..' segments"},
            {"keys/../../outside.pem", "key file 'keys/../../outside.pem' must not contain empty, '.' or '..' segments"},
            {"keys\\\\ci.pem", "key file 'keys\\ci.pem' must be a path relative to the trust directory"},
            {"C:/keys/ci.pem", "key file 'C:/keys/ci.pem' must be a path relative to the trust directory"},
        }) {
            writeIndex(dir, index(entry("X", "keypair", p256, bad[0], "pkg:npm/x")));
            assertFails(dir.resolve("trust.json") + ": keys[0] ('X'): " + bad[1]);
        }
    }

    @Test
    void symlinkLeadingOutsideIsRefusedAndInsideIsFollowed() throws IOException {
        Path outside = write(temp, "outside/ci.pem", key("p256.pub.pem"));
        Files.createDirectories(dir.resolve("keys"));
        Files.createSymbolicLink(dir.resolve("keys/ci.pem"), outside);
        writeIndex(dir, index(entry("X", "keypair", p256, "keys/ci.pem", "pkg:npm/x")));
        assertFails(dir.resolve("trust.json") + ": key 'X' (keys/ci.pem): key file " + dir.resolve("keys/ci.pem")
                + " leads outside the trust directory (to " + outside.toRealPath() + "); key files must live inside it");

        Files.delete(dir.resolve("keys/ci.pem"));
        write(dir, "store/real.pem", key("p256.pub.pem"));
        Files.createSymbolicLink(dir.resolve("keys/ci.pem"), Path.of("../store/real.pem"));
        assertEquals(1, TrustStoreLoader.load(dir).keys().size());
    }

    @Test
    void duplicateFingerprintIsRefused() {
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        writeIndex(dir, index(entry("A", "keypair", p256, "keys/ci.pem", "pkg:npm/a"),
                entry("B", "keypair", p256.toLowerCase(), "keys/ci.pem", "pkg:npm/b")));
        assertFails(dir.resolve("trust.json") + ": fingerprint " + p256 + " is pinned twice ('A' and 'B'); keep one entry"
                + " and merge their scopes");
    }

    @Test
    void typeMustMatchTheKeyFile() {
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        writeIndex(dir, index(entry("A", "openpgp", p256, "keys/ci.pem", "pkg:npm/a")));
        assertFails(dir.resolve("trust.json") + ": key 'A' (keys/ci.pem): pinned as type 'openpgp' but the file holds a"
                + " key of type 'keypair'; fix the type");
    }

    @Test
    void oversizedIndexIsRefused() {
        write(dir, "trust.json", new byte[TrustIndex.MAX_INDEX_BYTES + 1]);
        assertFails(dir.resolve("trust.json") + ": is larger than the trust index size limit of 4 MiB (4194305 bytes);"
                + " refusing to read it");
    }

    @Test
    void keyFileThatIsNotAKeyIsRefused() {
        write(dir, "keys/ci.pem", "not a key\n".getBytes(StandardCharsets.US_ASCII));
        writeIndex(dir, index(entry("A", "keypair", p256, "keys/ci.pem", "pkg:npm/a")));
        assertFails(dir.resolve("keys/ci.pem") + ": not a public key file");
    }

    @Test
    void blankOrMultiLineNameIsRefused() {
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        writeIndex(dir, index(entry("A\\nB", "keypair", p256, "keys/ci.pem", "pkg:npm/a")));
        assertFails(dir.resolve("trust.json") + ": key 'A\\u000aB' (keys/ci.pem): a key name is 1 to 200 characters on one line");
        writeIndex(dir, index(entry(" ", "keypair", p256, "keys/ci.pem", "pkg:npm/a")));
        assertFails(dir.resolve("trust.json") + ": keys[0]: 'name' must be a non-empty string");
    }

    @Test
    void openPgpKeysLoadWithUserIdsAndSubkeys() {
        String alice = fingerprint("openpgp-alice.asc").hex();
        write(dir, "keys/alice.asc", key("openpgp-alice.asc"));
        // A file no pin references is ignored.
        write(dir, "keys/unreferenced.gpg", key("openpgp-bob.asc"));
        writeIndex(dir, index(entry("Alice", "openpgp", alice, "keys/alice.asc", "pkg:maven/org.example/*")));
        TrustStore store = TrustStoreLoader.load(dir);
        PinnedKey pin = store.find(fingerprint("openpgp-alice.asc")).orElseThrow();
        assertEquals(SignatureKind.OPENPGP, pin.type());
        assertEquals(List.of("Alice Release <alice@example.invalid>"), pin.key().userIds());
        assertEquals(List.of(fingerprint("openpgp-alice-subkey")), pin.key().subkeys());
        assertEquals(pin, store.findBySigningKey(fingerprint("openpgp-alice-subkey")).orElseThrow());
        assertEquals(List.of("keys/alice.asc"), List.copyOf(store.keyFiles(SignatureKind.OPENPGP).keySet()));
    }

    @Test
    void aSecondPrimaryKeyInAPinnedOpenPgpFileIsRefused() {
        write(dir, "keys/alice.asc", key("openpgp-alice-and-bob.asc"));
        writeIndex(dir, index(entry("Alice", "openpgp", fingerprint("openpgp-alice.asc").hex(), "keys/alice.asc", "pkg:npm/a")));
        assertFails(dir.resolve("keys/alice.asc") + ": holds RSA-3072 key " + fingerprint("openpgp-bob.asc")
                + " that is not pinned; a key file must hold only its pinned key");
    }

    @Test
    void pinningASubkeyIsRefusedWithTheHint() {
        write(dir, "keys/alice.asc", key("openpgp-alice.asc"));
        writeIndex(dir, index(entry("Alice", "openpgp", fingerprint("openpgp-alice-subkey").hex(), "keys/alice.asc", "pkg:npm/a")));
        assertFails(dir.resolve("trust.json") + ": key 'Alice' (keys/alice.asc): pins " + fingerprint("openpgp-alice-subkey")
                + ", a subkey of primary key " + fingerprint("openpgp-alice.asc") + "; pin the primary key's fingerprint");
    }

    @Test
    void anOpenPgpKeyPinnedAsKeyPairIsRefused() {
        write(dir, "keys/alice.asc", key("openpgp-alice.asc"));
        writeIndex(dir, index(entry("Alice", "keypair", fingerprint("openpgp-alice.asc").hex(), "keys/alice.asc", "pkg:npm/a")));
        assertFails(dir.resolve("trust.json") + ": key 'Alice' (keys/alice.asc): pinned as type 'keypair' but the file"
                + " holds a key of type 'openpgp'; fix the type");
    }

    private void assertFails(String expectedStart) {
        BadInputException e = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(e.getMessage().startsWith(expectedStart), () -> "expected '" + expectedStart + "...'\n got '"
                + e.getMessage() + "'");
        assertFalse(e.getMessage().isBlank());
    }
}
