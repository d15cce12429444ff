package dev.sbomgate.trust;

import static dev.sbomgate.trust.TrustFixtures.entry;
import static dev.sbomgate.trust.TrustFixtures.fingerprint;
import static dev.sbomgate.trust.TrustFixtures.key;
import static dev.sbomgate.trust.TrustFixtures.write;
import static dev.sbomgate.trust.TrustFixtures.writeIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trust.json version 2 {@code revoked} and {@code rotation} (docs/formats.md 2.2): read, written, refused. */
class TrustV2LifecycleTest {
    @TempDir
    Path dir;

    private String p256Entry(String extra) {
        write(dir, "keys/ci.pem", key("p256.pub.pem"));
        return entry("ACME CI", "keypair", fingerprint("p256.pub.pem").hex(), "keys/ci.pem", "pkg:npm/@acme/*")
                .replace("]}", "]" + extra + "}");
    }

    @Test
    void aRevocationIsReadAndWrittenCanonicallyAsVersion2() throws Exception {
        writeIndex(dir, "{\"version\": 2, \"keys\": [" + p256Entry(", \"revoked\": {\"reason\": \"superseded\", \"date\":"
                + " \"2026-11-01\", \"note\": \"moved to the 2026 key\"}") + "]}");
        TrustStore store = TrustStoreLoader.load(dir);
        PinnedKey pin = store.keys().get(0);
        assertEquals(new PinRevocation(LocalDate.parse("2026-11-01"), PinRevocation.Reason.SUPERSEDED,
                "moved to the 2026 key"), pin.revoked());
        assertTrue(store.canonicalIndex().startsWith("{\n  \"version\": 2,"), store.canonicalIndex());
        assertTrue(store.canonicalIndex().contains("      ],\n      \"revoked\": {\"date\": \"2026-11-01\", \"reason\":"
                + " \"superseded\", \"note\": \"moved to the 2026 key\"}\n    }"), store.canonicalIndex());
        // The canonical text reads back to the same store.
        Files.writeString(dir.resolve("trust.json"), store.canonicalIndex(), StandardCharsets.UTF_8);
        assertEquals(store.digest(), TrustStoreLoader.load(dir).digest());
        assertTrue(pin.revokedAt(Instant.parse("2026-11-01T00:00:00Z")) != null, "from its date on");
        assertEquals(null, pin.revokedAt(Instant.parse("2026-10-31T23:59:59Z")), "not before");
        assertTrue(pin.revokedAt(null) != null, "an unknown signing time fails closed");
    }

    @Test
    void aCompromisedPinVoidsEverySignature() {
        PinRevocation compromised = new PinRevocation(LocalDate.parse("2026-11-01"), PinRevocation.Reason.COMPROMISED, null);
        assertTrue(compromised.voids(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void aRevocationMakesTheStoreVersion2AndChangesItsDigest() {
        writeIndex(dir, "{\"version\": 1, \"keys\": [" + p256Entry("") + "]}");
        TrustStore before = TrustStoreLoader.load(dir);
        new TrustStoreWriter(dir).revoke(fingerprint("p256.pub.pem"),
                new PinRevocation(LocalDate.parse("2026-11-01"), PinRevocation.Reason.RETIRED, null));
        TrustStore after = TrustStoreLoader.load(dir);
        assertNotEquals(before.digest(), after.digest());
        assertEquals(PinRevocation.Reason.RETIRED, after.keys().get(0).revoked().reason());
        assertFalse(before.canonicalIndex().contains("revoked"));
    }

    @Test
    void aRegistryKeyPinIsRevokedLocallyAndReadBack() throws Exception {
        List<RegistryKeyPin> pins = RegistryKeyPins.add(dir, Files.readAllBytes(Path.of("trust/npm-registry-keys.json")),
                "keys.json", "https://registry.npmjs.org", "npm", List.of(PurlPattern.parse("pkg:npm/*")), null, null);
        RegistryKeyPin pin = pins.get(0);
        new TrustStoreWriter(dir).revoke(pin.fingerprint(),
                new PinRevocation(LocalDate.parse("2026-11-01"), PinRevocation.Reason.COMPROMISED, null));
        TrustStore store = TrustStoreLoader.load(dir);
        RegistryKeyPin read = store.registryKeys().stream().filter(p -> p.fingerprint().equals(pin.fingerprint()))
                .findFirst().orElseThrow();
        assertEquals(PinRevocation.Reason.COMPROMISED, read.revoked().reason());
        assertTrue(read.revokedAt(Instant.parse("2024-01-01T00:00:00Z")) != null);
        assertTrue(store.canonicalIndex().contains("\"revoked\": {\"date\": \"2026-11-01\", \"reason\": \"compromised\"}"),
                store.canonicalIndex());
        Files.writeString(dir.resolve("trust.json"), store.canonicalIndex(), StandardCharsets.UTF_8);
        assertEquals(store.digest(), TrustStoreLoader.load(dir).digest());
    }

    @Test
    void version1RefusesTheVersion2Fields() {
        writeIndex(dir, "{\"version\": 1, \"keys\": [" + p256Entry(", \"revoked\": {\"reason\": \"retired\", \"date\":"
                + " \"2026-11-01\"}") + "]}");
        BadInputException e = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(e.getMessage().contains("'revoked' and 'rotation' need \"version\": 2"), e.getMessage());
    }

    @Test
    void anUnknownReasonOrFieldIsRefused() {
        writeIndex(dir, "{\"version\": 2, \"keys\": [" + p256Entry(", \"revoked\": {\"reason\": \"lost\", \"date\":"
                + " \"2026-11-01\"}") + "]}");
        assertTrue(assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir)).getMessage()
                .contains("compromised, superseded or retired"));
        writeIndex(dir, "{\"version\": 2, \"keys\": [" + p256Entry(", \"revoked\": {\"reason\": \"retired\", \"date\":"
                + " \"2026-11-01\", \"by\": \"me\"}") + "]}");
        assertTrue(assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir)).getMessage()
                .contains("unknown field 'by'"));
    }

    @Test
    void aRotationFromAnUnpinnedKeyIsRefused() {
        writeIndex(dir, "{\"version\": 2, \"keys\": [" + p256Entry(", \"rotation\": {\"from\":"
                + " \"28118C070CB22A0175A2E8D43D12CA2AC19F3181\", \"proof\": \"certification\"}") + "]}");
        BadInputException e = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(e.getMessage().contains("from 28118C070CB22A0175A2E8D43D12CA2AC19F3181 is not pinned"), e.getMessage());
    }
}
