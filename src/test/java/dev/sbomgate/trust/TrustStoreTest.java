package dev.sbomgate.trust;

import static dev.sbomgate.trust.TrustFixtures.entry;
import static dev.sbomgate.trust.TrustFixtures.fingerprint;
import static dev.sbomgate.trust.TrustFixtures.index;
import static dev.sbomgate.trust.TrustFixtures.key;
import static dev.sbomgate.trust.TrustFixtures.write;
import static dev.sbomgate.trust.TrustFixtures.writeIndex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.jca.JcaFixtures;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {

    @TempDir
    Path dir;

    Fingerprint ci;
    Fingerprint release;

    @BeforeEach
    void setUp() {
        ci = fingerprint("p256.pub.pem");
        release = fingerprint("rsa3072.pub.pem");
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        write(dir, "keys/release.pem", key("rsa3072.pub.pem"));
        writeIndex(dir, index(
                entry("ACME CI", "keypair", ci.hex(), "keys/ci.pem", "pkg:npm/@acme/*")
                        .replace("}", ", \"notBefore\": \"2026-01-01\", \"notAfter\": \"2026-06-30\"}"),
                entry("Jackson", "keypair", release.hex(), "keys/release.pem", "pkg:maven/com.fasterxml.jackson.*/*",
                        "pkg:maven/org.example/lib@1.*")));
    }

    @Test
    void isPinnedForNeedsTheFingerprintAndAScopeCoveringThePurl() {
        TrustStore store = TrustStoreLoader.load(dir);
        assertTrue(store.isPinnedFor(ci, Purl.parse("pkg:npm/@acme/widget@1.0.0")));
        assertFalse(store.isPinnedFor(ci, Purl.parse("pkg:npm/left-pad@1.3.0")));
        assertFalse(store.isPinnedFor(ci, Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.17.0")));
        assertTrue(store.isPinnedFor(release, Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.17.0")));
        assertTrue(store.isPinnedFor(release, Purl.parse("pkg:maven/org.example/lib@1.4")));
        assertFalse(store.isPinnedFor(release, Purl.parse("pkg:maven/org.example/lib@2.0")));
        assertFalse(store.isPinnedFor(fingerprint("ed25519.pub.pem"), Purl.parse("pkg:npm/@acme/widget@1.0.0")));
    }

    @Test
    void pinsForListsEveryCoveringKey() {
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(List.of(ci), store.pinsFor(Purl.parse("pkg:npm/@acme/widget")).stream().map(PinnedKey::fingerprint).toList());
        assertTrue(store.pinsFor(Purl.parse("pkg:pypi/requests@2.0")).isEmpty());
    }

    @Test
    void windowIsWholeUtcDaysInclusive() {
        PinnedKey key = TrustStoreLoader.load(dir).find(ci).orElseThrow();
        assertEquals("2026-01-01..2026-06-30", key.window());
        assertFalse(key.isValidAt(Instant.parse("2025-12-31T23:59:59Z")));
        assertTrue(key.isValidAt(Instant.parse("2026-01-01T00:00:00Z")));
        assertTrue(key.isValidAt(Instant.parse("2026-06-30T23:59:59Z")));
        assertFalse(key.isValidAt(Instant.parse("2026-07-01T00:00:00Z")));
        PinnedKey open = TrustStoreLoader.load(dir).find(release).orElseThrow();
        assertEquals("always", open.window());
        assertTrue(open.isValidAt(Instant.parse("1990-01-01T00:00:00Z")));
    }

    @Test
    void keyFilesAreTheCheckedBytesAndCopies() {
        TrustStore store = TrustStoreLoader.load(dir);
        byte[] bytes = store.keyFiles(SignatureKind.KEYPAIR).get("keys/ci.pem");
        assertArrayEquals(key("p256.pub.pem"), bytes);
        bytes[0] ^= 1;
        assertArrayEquals(key("p256.pub.pem"), store.keyFiles(SignatureKind.KEYPAIR).get("keys/ci.pem"));
        assertEquals(List.of("keys/ci.pem", "keys/release.pem"), List.copyOf(store.keyFiles(SignatureKind.KEYPAIR).keySet()));
    }

    @Test
    void aVerifierBuiltFromTheStoreVerifiesAndTheSignerIsLookedUpByPurl() {
        TrustStore store = TrustStoreLoader.load(dir);
        KeyPairSignatureVerifier verifier = KeyPairSignatureVerifier.of(store.keyFiles(SignatureKind.KEYPAIR));
        SignatureCheck check = verifier.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file("artifact.p256-sha256.b64.sig"));
        assertEquals(SignatureStatus.VERIFIED, check.status(), check.detail());
        assertTrue(store.isPinnedFor(check.signer(), Purl.parse("pkg:npm/@acme/widget@1.0.0")));
        assertFalse(store.isPinnedFor(check.signer(), Purl.parse("pkg:npm/left-pad@1.3.0")));
        SignatureCheck unknown = verifier.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file("artifact.p384-sha384.der.sig"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, unknown.status(), unknown.detail());
    }

    @Test
    void findBySigningKeyFindsPrimaryKeys() {
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(ci, store.findBySigningKey(ci).orElseThrow().fingerprint());
        assertTrue(store.findBySigningKey(fingerprint("ed25519.pub.pem")).isEmpty());
    }

    @Test
    void digestIgnoresIndexLayoutButNotContent() {
        Digest original = TrustStoreLoader.load(dir).digest();
        assertEquals(HashAlgorithm.SHA_256, original.algorithm());

        // Same pins, other order and spacing, lower-case fingerprint, scopes reordered: same digest.
        writeIndex(dir, "{ \"keys\" : [ "
                + entry("Jackson", "keypair", release.hex().toLowerCase(), "keys/release.pem", "pkg:maven/org.example/lib@1.*",
                        "pkg:maven/com.fasterxml.jackson.*/*")
                + ",\n" + entry("ACME CI", "keypair", ci.hex(), "keys/ci.pem", "pkg:npm/@acme/*")
                        .replace("}", ", \"notAfter\": \"2026-06-30\", \"notBefore\": \"2026-01-01\"}")
                + "], \"version\": 1 }");
        assertEquals(original, TrustStoreLoader.load(dir).digest());

        // A changed window changes it.
        writeIndex(dir, index(
                entry("ACME CI", "keypair", ci.hex(), "keys/ci.pem", "pkg:npm/@acme/*")
                        .replace("}", ", \"notBefore\": \"2026-01-01\", \"notAfter\": \"2026-07-31\"}"),
                entry("Jackson", "keypair", release.hex(), "keys/release.pem", "pkg:maven/com.fasterxml.jackson.*/*",
                        "pkg:maven/org.example/lib@1.*")));
        Digest window = TrustStoreLoader.load(dir).digest();
        assertNotEquals(original, window);

        // A changed key file byte (the same key, with a comment line) changes it too.
        write(dir, "keys/ci.pem", ("comment\n" + new String(key("p256.pub.pem"), StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII));
        assertNotEquals(window, TrustStoreLoader.load(dir).digest());
    }

    @Test
    void canonicalIndexIsSortedWithStableKeyOrder() {
        String canonical = TrustStoreLoader.load(dir).canonicalIndex();
        String expected = "{\n"
                + "  \"version\": 1,\n"
                + "  \"keys\": [\n"
                + (ci.compareTo(release) < 0 ? ciJson() + ",\n" + releaseJson() : releaseJson() + ",\n" + ciJson()) + "\n"
                + "  ]\n"
                + "}\n";
        assertEquals(expected, canonical);
        assertEquals("{\n  \"version\": 1,\n  \"keys\": []\n}\n", TrustStore.empty().canonicalIndex());
    }

    private String ciJson() {
        return "    {\n"
                + "      \"name\": \"ACME CI\",\n"
                + "      \"type\": \"keypair\",\n"
                + "      \"fingerprint\": \"" + ci.hex() + "\",\n"
                + "      \"file\": \"keys/ci.pem\",\n"
                + "      \"scopes\": [\n"
                + "        \"pkg:npm/@acme/*\"\n"
                + "      ],\n"
                + "      \"notBefore\": \"2026-01-01\",\n"
                + "      \"notAfter\": \"2026-06-30\"\n"
                + "    }";
    }

    private String releaseJson() {
        return "    {\n"
                + "      \"name\": \"Jackson\",\n"
                + "      \"type\": \"keypair\",\n"
                + "      \"fingerprint\": \"" + release.hex() + "\",\n"
                + "      \"file\": \"keys/release.pem\",\n"
                + "      \"scopes\": [\n"
                + "        \"pkg:maven/com.fasterxml.jackson.*/*\",\n"
                + "        \"pkg:maven/org.example/lib@1.*\"\n"
                + "      ]\n"
                + "    }";
    }
}
