package dev.sbomgate.trust;

import static dev.sbomgate.trust.TrustFixtures.fingerprint;
import static dev.sbomgate.trust.TrustFixtures.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.sigstore.CertificateIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity pins: matching, fingerprints, the index format, and the Sigstore trusted root they are verified through. */
class IdentityPinsTest {

    private static final Path ROOT = Path.of("src/test/resources/signature/sigstore/trusted_root.production.json");
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String WORKFLOW = "https://github.com/sigstore/sigstore-java/.github/workflows/"
            + "release-sigstore-java-from-tag.yaml@refs/tags/v1.3.0";
    private static final String PATTERN = "https://github\\.com/sigstore/sigstore-java/\\.github/workflows/"
            + "release-sigstore-java-from-tag\\.yaml@refs/tags/v[0-9.]+";
    private static final List<PurlPattern> SCOPE = List.of(PurlPattern.parse("pkg:maven/dev.sigstore/*"));

    @TempDir
    Path temp;
    Path dir;

    @BeforeEach
    void trustDir() {
        dir = temp.resolve("trust");
    }

    private void installRoot() throws IOException {
        new TrustStoreWriter(dir).setSigstoreRoot(Files.readAllBytes(ROOT), ROOT.toString());
    }

    @Test
    void exactPinsMatchExactlyAndPatternsMatchTheWholeIdentity() {
        IdentityPin exact = new IdentityPin(ISSUER, WORKFLOW, false);
        assertTrue(exact.matches(ISSUER, WORKFLOW));
        assertFalse(exact.matches(ISSUER, WORKFLOW + "x"));
        assertFalse(exact.matches("https://accounts.google.com", WORKFLOW), "the issuer is part of the identity");
        IdentityPin pattern = new IdentityPin(ISSUER, PATTERN, true);
        assertTrue(pattern.matches(ISSUER, WORKFLOW));
        assertTrue(pattern.matches(ISSUER, WORKFLOW.replace("v1.3.0", "v2.0.1")));
        assertFalse(pattern.matches(ISSUER, WORKFLOW.replace("v1.3.0", "v1.3.0-evil")), "anchored at the end");
        assertFalse(pattern.matches(ISSUER, "https://evil.example/" + WORKFLOW), "anchored at the start");
        assertFalse(pattern.matches(ISSUER, WORKFLOW.replace("refs/tags", "refs/heads")), "another ref");
        assertFalse(pattern.matches(ISSUER, WORKFLOW.replace("sigstore/sigstore-java", "evil/sigstore-java")),
                "another repository");
        assertFalse(new IdentityPin(ISSUER, "https://github\\.com/sigstore/", true).matches(ISSUER, WORKFLOW),
                "a prefix is not a match");
    }

    @Test
    void fingerprintsAreOfIssuerAndIdentity() throws NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Fingerprint exact = new IdentityPin(ISSUER, WORKFLOW, false).fingerprint();
        assertEquals(HexFormat.of().withUpperCase().formatHex(sha256.digest((ISSUER + "\n" + WORKFLOW)
                .getBytes(StandardCharsets.UTF_8))), exact.hex());
        assertEquals(CertificateIdentity.fingerprintOf(ISSUER, WORKFLOW), exact);
        Fingerprint pattern = new IdentityPin(ISSUER, WORKFLOW, true).fingerprint();
        assertEquals(HexFormat.of().withUpperCase().formatHex(sha256.digest((ISSUER + "\n" + WORKFLOW + "\n")
                .getBytes(StandardCharsets.UTF_8))), pattern.hex());
        assertNotEquals(exact, pattern, "the same text as exact identity and as pattern are two pins");
    }

    @Test
    void malformedIdentitiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityPin("", WORKFLOW, false));
        assertThrows(IllegalArgumentException.class, () -> new IdentityPin(ISSUER, " " + WORKFLOW, false));
        assertThrows(IllegalArgumentException.class, () -> new IdentityPin(ISSUER, "a\nb", false));
        IllegalArgumentException regex = assertThrows(IllegalArgumentException.class,
                () -> new IdentityPin(ISSUER, "https://github\\.com/(unclosed", true));
        assertTrue(regex.getMessage().contains("is not a regular expression"), regex.getMessage());
    }

    @Test
    void anIdentityNeedsATrustedRootFirst() {
        BadInputException e = assertThrows(BadInputException.class, () -> new TrustStoreWriter(dir)
                .addIdentity("x", new IdentityPin(ISSUER, WORKFLOW, false), SCOPE, null, null));
        assertTrue(e.getMessage().contains("sbomgate trust sigstore-root"), e.getMessage());
    }

    @Test
    void identityPinsAreWrittenCanonicallyBesideKeysAndLoadBack() throws IOException {
        installRoot();
        Fingerprint p256 = fingerprint("p256.pub.pem");
        new TrustStoreWriter(dir).add(key("p256.pub.pem"), "ci.pem", "ACME CI", List.of(PurlPattern.parse("pkg:npm/@acme/*")),
                null, null);
        PinnedKey pin = new TrustStoreWriter(dir).addIdentity("sigstore-java releases", new IdentityPin(ISSUER, PATTERN, true),
                SCOPE, null, java.time.LocalDate.parse("2027-12-31"));
        assertEquals(SignatureKind.SIGSTORE, pin.type());
        assertEquals("sigstore/trusted_root.json", pin.file());
        assertArrayEquals(Files.readAllBytes(ROOT), Files.readAllBytes(dir.resolve("sigstore/trusted_root.json")));
        assertEquals("{\n"
                + "  \"version\": 1,\n"
                + "  \"keys\": [\n"
                + "    {\n"
                + "      \"name\": \"ACME CI\",\n"
                + "      \"type\": \"keypair\",\n"
                + "      \"fingerprint\": \"" + p256.hex() + "\",\n"
                + "      \"file\": \"keys/" + p256.hex() + ".pem\",\n"
                + "      \"scopes\": [\n"
                + "        \"pkg:npm/@acme/*\"\n"
                + "      ]\n"
                + "    }\n"
                + "  ],\n"
                + "  \"identities\": [\n"
                + "    {\n"
                + "      \"name\": \"sigstore-java releases\",\n"
                + "      \"issuer\": \"" + ISSUER + "\",\n"
                + "      \"identityPattern\": \"" + PATTERN.replace("\\", "\\\\") + "\",\n"
                + "      \"fingerprint\": \"" + pin.fingerprint().hex() + "\",\n"
                + "      \"scopes\": [\n"
                + "        \"pkg:maven/dev.sigstore/*\"\n"
                + "      ],\n"
                + "      \"notAfter\": \"2027-12-31\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"sigstore\": {\n"
                + "    \"trustedRoot\": \"sigstore/trusted_root.json\"\n"
                + "  }\n"
                + "}\n", Files.readString(dir.resolve("trust.json")));
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(pin, store.find(pin.fingerprint()).orElseThrow());
        assertTrue(store.isPinnedFor(pin.fingerprint(), Purl.parse("pkg:maven/dev.sigstore/sigstore-java@1.3.0")));
        assertEquals(List.of(pin), store.identityPinsMatching(ISSUER, WORKFLOW));
        assertEquals(List.of(), store.identityPinsMatching("https://accounts.google.com", WORKFLOW));
        assertArrayEquals(Files.readAllBytes(ROOT), store.sigstoreTrustedRoot().orElseThrow());
    }

    @Test
    void theTrustedRootIsPartOfTheDigestAndSurvivesRemovingTheLastIdentity() throws IOException {
        installRoot();
        String withRoot = TrustStoreLoader.load(dir).digest().toString();
        PinnedKey pin = new TrustStoreWriter(dir).addIdentity("v1.3.0", new IdentityPin(ISSUER, WORKFLOW, false), SCOPE,
                null, null);
        assertNotEquals(withRoot, TrustStoreLoader.load(dir).digest().toString());
        new TrustStoreWriter(dir).remove(pin.fingerprint());
        assertTrue(Files.exists(dir.resolve("sigstore/trusted_root.json")), "the root stays: other bundles need it");
        assertEquals(withRoot, TrustStoreLoader.load(dir).digest().toString());
        byte[] changed = Files.readAllBytes(ROOT);
        Files.write(dir.resolve("sigstore/trusted_root.json"), (new String(changed, StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertNotEquals(withRoot, TrustStoreLoader.load(dir).digest().toString(), "any byte of the root counts");
    }

    @Test
    void aPinnedIdentityIsPinnedOnce() throws IOException {
        installRoot();
        new TrustStoreWriter(dir).addIdentity("a", new IdentityPin(ISSUER, WORKFLOW, false), SCOPE, null, null);
        BadInputException e = assertThrows(BadInputException.class, () -> new TrustStoreWriter(dir)
                .addIdentity("b", new IdentityPin(ISSUER, WORKFLOW, false), SCOPE, null, null));
        assertTrue(e.getMessage().contains("is already pinned as 'a'"), e.getMessage());
    }

    @Test
    void handEditedIdentityEntriesAreChecked() throws IOException {
        installRoot();
        String root = ",\n \"sigstore\": {\"trustedRoot\": \"sigstore/trusted_root.json\"}}";
        String index = "{\"version\": 1, \"keys\": [], \"identities\": [%s]" + root;
        fails(index.formatted("{\"name\": \"x\", \"issuer\": \"" + ISSUER + "\", \"identity\": \"a\", \"identityPattern\": \"b\","
                + " \"scopes\": [\"pkg:npm/x\"]}"), "give exactly one of 'identity'");
        fails(index.formatted("{\"name\": \"x\", \"issuer\": \"" + ISSUER + "\", \"identityPattern\": \"(\","
                + " \"scopes\": [\"pkg:npm/x\"]}"), "is not a regular expression");
        fails(index.formatted("{\"name\": \"x\", \"issuer\": \"" + ISSUER + "\", \"identity\": \"a\", \"fingerprint\": \""
                + "0".repeat(64) + "\", \"scopes\": [\"pkg:npm/x\"]}"), "is not the identity's");
        fails(index.formatted("{\"name\": \"x\", \"issuer\": \"" + ISSUER + "\", \"identity\": \"a\", \"scopes\": []}"),
                "scopes must be a non-empty array");
        fails(index.formatted("{\"name\": \"x\", \"issuer\": \"" + ISSUER + "\", \"identity\": \"a\", \"key\": \"k\","
                + " \"scopes\": [\"pkg:npm/x\"]}"), "unknown field 'key' in the identity entry");
        fails("{\"version\": 1, \"keys\": [], \"identities\": [{\"name\": \"x\", \"issuer\": \"" + ISSUER
                + "\", \"identity\": \"a\", \"scopes\": [\"pkg:npm/x\"]}]}", "the store has none");
        fails("{\"version\": 1, \"keys\": [], \"sigstore\": {\"trustedRoot\": \"../outside.json\"}}", "must not contain");
        Files.writeString(dir.resolve("sigstore/trusted_root.json"), "{\"mediaType\": \"nope\"}");
        fails("{\"version\": 1, \"keys\": [], \"sigstore\": {\"trustedRoot\": \"sigstore/trusted_root.json\"}}",
                "not a usable Sigstore trusted root");
        // The fingerprint may be left out of a hand-written entry: it is derived.
        Files.copy(ROOT, dir.resolve("sigstore/trusted_root.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("trust.json"), index.formatted("{\"name\": \"x\", \"issuer\": \"" + ISSUER
                + "\", \"identity\": \"" + WORKFLOW + "\", \"scopes\": [\"pkg:maven/dev.sigstore/*\"]}"));
        assertEquals(CertificateIdentity.fingerprintOf(ISSUER, WORKFLOW), TrustStoreLoader.load(dir).keys().get(0).fingerprint());
    }

    private void fails(String index, String reason) throws IOException {
        Files.writeString(dir.resolve("trust.json"), index);
        BadInputException e = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir), reason);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
