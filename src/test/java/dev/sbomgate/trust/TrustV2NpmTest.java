package dev.sbomgate.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trust.json v2's registryKeys and identity claim matchers (docs/formats.md 2.3, 2.4). */
class TrustV2NpmTest {
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final byte[] KEYS = read("trust/npm-registry-keys.json");

    @TempDir
    Path dir;

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<RegistryKeyPin> importKeys() {
        return RegistryKeyPins.add(dir, KEYS, "keys.json", "https://Registry.NPMJS.org/", "npm",
                List.of(PurlPattern.parse("pkg:npm/*")), null, null);
    }

    @Test
    void registryKeysLoadBackWithTheirExpiryAndRegistry() {
        List<RegistryKeyPin> pins = importKeys();
        assertEquals(2, pins.size());
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(2, store.registryKeys("https://registry.npmjs.org").size());
        assertEquals(0, store.registryKeys("https://npm.example.com").size());
        RegistryKeyPin old = store.registryKeys().stream().filter(p -> p.keyid().startsWith("SHA256:jl3b")).findFirst().orElseThrow();
        assertEquals(java.time.Instant.parse("2025-01-29T00:00:00Z"), old.expires());
        assertEquals("https://registry.npmjs.org", old.registry());
        assertTrue(store.canonicalIndex().startsWith("{\n  \"version\": 2,\n"));
    }

    @Test
    void aVersion2StoreDigestsWithItsOwnFirstLine() throws Exception {
        importKeys();
        TrustStore store = TrustStoreLoader.load(dir);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("sbomgate trust store v2\n".getBytes(StandardCharsets.UTF_8));
        byte[] index = store.canonicalIndex().getBytes(StandardCharsets.UTF_8);
        sha256.update(("trust.json\n" + index.length + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(index);
        sha256.update((byte) '\n');
        assertEquals(java.util.HexFormat.of().formatHex(sha256.digest()), store.digest().hex());
    }

    @Test
    void aTamperedRegistryKeyIsRefusedOnLoad() throws Exception {
        importKeys();
        Path index = dir.resolve("trust.json");
        String text = Files.readString(index);
        // Another P-256 key under the pinned fingerprint: the successor's key bytes in the expired key's entry.
        String oldKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==";
        String newKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEY6Ya7W++7aUPzvMTrezH6Ycx3c+HOKYCcNGybJZSCJq/fd7Qa8uuAKtdIkUQtQiEKERhAmE5lMMJhP8OkDOa2g==";
        Files.writeString(index, text.replaceFirst(java.util.regex.Pattern.quote(oldKey), newKey));
        BadInputException e = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(e.getMessage().contains("is not the SHA-256 of its key"), e.getMessage());
    }

    @Test
    void aVersion1IndexWithRegistryKeysIsRefused() throws Exception {
        importKeys();
        Path index = dir.resolve("trust.json");
        Files.writeString(index, Files.readString(index).replace("\"version\": 2", "\"version\": 1"));
        BadInputException e = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(e.getMessage().contains("need \"version\": 2"), e.getMessage());
    }

    @Test
    void claimMatcherFingerprintFollowsTheFormula() throws Exception {
        ClaimMatchers claims = new ClaimMatchers("https://GitHub.com/sigstore/sigstore-js", ".github/workflows/release.yml",
                "refs/heads/main", List.of("push", "release"), "github-hosted", null);
        IdentityPin pin = new IdentityPin(ISSUER, ".+", true, claims);
        String text = "v2\n" + ISSUER + "\n~.+\nrepository=https://github.com/sigstore/sigstore-js\n"
                + "workflow=.github/workflows/release.yml\nrefPattern=refs/heads/main\ntriggers=push,release\n"
                + "runner=github-hosted\n";
        assertEquals(Fingerprint.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))),
                pin.fingerprint());
        // Without matchers the v1 fingerprint is kept exactly.
        assertEquals(new IdentityPin(ISSUER, ".+", true).fingerprint(), new IdentityPin(ISSUER, ".+", true, ClaimMatchers.NONE).fingerprint());
        assertNotEquals(new IdentityPin(ISSUER, ".+", true).fingerprint(), pin.fingerprint());
    }

    @Test
    void everyPresentMatcherMustMatch() {
        ClaimMatchers claims = new ClaimMatchers("https://github.com/sigstore/sigstore-js", ".github/workflows/release.yml",
                "refs/(heads/main|tags/v.*)", List.of("push"), null, null);
        assertTrue(claims.matches("https://github.com/sigstore/sigstore-js", ".github/workflows/release.yml", "refs/heads/main",
                "push", "github-hosted", null));
        assertFalse(claims.matches("https://github.com/attacker/sigstore-js", ".github/workflows/release.yml",
                "refs/heads/main", "push", null, null), "fork");
        assertFalse(claims.matches("https://github.com/sigstore/sigstore-js", ".github/workflows/other.yml",
                "refs/heads/main", "push", null, null), "other workflow");
        assertFalse(claims.matches("https://github.com/sigstore/sigstore-js", ".github/workflows/release.yml",
                "refs/heads/feature", "push", null, null), "other ref");
        assertFalse(claims.matches("https://github.com/sigstore/sigstore-js", ".github/workflows/release.yml",
                "refs/heads/main", "pull_request_target", null, null), "other trigger");
        assertFalse(claims.matches(null, ".github/workflows/release.yml", "refs/heads/main", "push", null, null),
                "a claim that is absent never matches a present matcher");
    }

    @Test
    void identityPinsWithClaimsRoundTripThroughTheIndex() {
        Path root = Path.of("src/test/resources/npm/trusted_root.json");
        TrustStoreWriter writer = new TrustStoreWriter(dir);
        writer.setSigstoreRoot(read(root.toString()), root.toString());
        ClaimMatchers claims = new ClaimMatchers("https://github.com/sigstore/sigstore-js", ".github/workflows/release.yml",
                null, List.of("push"), "github-hosted", null);
        PinnedKey pin = writer.addIdentity("sigstore-js", new IdentityPin(ISSUER, ".+", true, claims),
                List.of(PurlPattern.parse("pkg:npm/sigstore")), null, null);
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(claims, store.find(pin.fingerprint()).orElseThrow().identity().claims());
        assertTrue(store.canonicalIndex().contains("\"triggers\": [\"push\"],"), store.canonicalIndex());
        assertTrue(store.canonicalIndex().startsWith("{\n  \"version\": 2,"));
    }
}
