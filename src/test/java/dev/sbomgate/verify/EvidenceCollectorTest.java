package dev.sbomgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify stage over a real Maven Central POM, its real signature and its signer's real key. */
class EvidenceCollectorTest {
    private static final Path REAL = Path.of("src/test/resources/signature/pgp/real");
    private static final String JACKSON_KEY = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;
    Path artifacts;
    Path trustDir;
    String pomSha256;

    @BeforeEach
    void copyRealArtifact() throws IOException, NoSuchAlgorithmException {
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        trustDir = dir.resolve("trust");
        Path pom = REAL.resolve("artifacts/jackson-annotations-2.21.pom");
        Files.copy(pom, artifacts.resolve("jackson-annotations-2.21.pom"));
        Files.copy(REAL.resolve("artifacts/jackson-annotations-2.21.pom.asc"), artifacts.resolve("jackson-annotations-2.21.pom.asc"));
        pomSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pom)));
    }

    private TrustStore pin(String scope, LocalDate notBefore, LocalDate notAfter) throws IOException {
        byte[] key = Files.readAllBytes(REAL.resolve("keys/" + JACKSON_KEY + ".asc"));
        new TrustStoreWriter(trustDir).add(key, JACKSON_KEY + ".asc", "Jackson release key", List.of(PurlPattern.parse(scope)),
                notBefore, notAfter);
        return TrustStoreLoader.load(trustDir);
    }

    private Component pomComponent(List<Digest> hashes) {
        Purl purl = Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom");
        return new Component("ref", purl, "library", "com.fasterxml.jackson.core", "jackson-annotations", "2.21", hashes,
                null, null, null, null, List.of(), List.of(), null, List.of(), null);
    }

    private Evidence collectOne(TrustStore trust, Component component) {
        return new EvidenceCollector(new ArtifactLocator(List.of(artifacts)), trust, NOW, 2).collect(List.of(component)).get(0);
    }

    @Test
    void signedByPinnedKeyWithMatchingDigestIsVerifiedAndProven() throws IOException {
        Evidence evidence = collectOne(pin("pkg:maven/com.fasterxml.jackson.core/*", null, null),
                pomComponent(List.of(new Digest(HashAlgorithm.SHA_256, pomSha256))));
        assertEquals(Evidence.ArtifactState.FOUND, evidence.artifactState());
        assertEquals(IntegrityStatus.PROVEN, evidence.integrity());
        assertEquals(SignatureStatus.VERIFIED, evidence.signatureStatus());
        assertEquals(JACKSON_KEY, evidence.signature().orElseThrow().signer().hex());
        assertEquals(pomSha256, evidence.computed(HashAlgorithm.SHA_256).orElseThrow().hex());
    }

    @Test
    void validSignatureByKeyPinnedForAnotherScopeIsNotPinnedForPurl() throws IOException {
        Evidence evidence = collectOne(pin("pkg:maven/org.bouncycastle/*", null, null), pomComponent(List.of()));
        assertEquals(SignatureStatus.NOT_PINNED_FOR_PURL, evidence.signatureStatus());
        assertTrue(evidence.signature().orElseThrow().detail().contains("org.bouncycastle"), evidence.signature().orElseThrow().detail());
    }

    @Test
    void signatureMadeOutsideThePinWindowIsReported() throws IOException {
        // The real signature was made on 2026-01-18; this pin only starts in March.
        Evidence evidence = collectOne(pin("pkg:maven/com.fasterxml.jackson.core/*", LocalDate.of(2026, 3, 1), null),
                pomComponent(List.of()));
        assertEquals(SignatureStatus.OUTSIDE_PIN_WINDOW, evidence.signatureStatus());
    }

    @Test
    void emptyTrustStoreFailsClosed() {
        Evidence evidence = collectOne(TrustStore.empty(), pomComponent(List.of()));
        assertEquals(SignatureStatus.UNKNOWN_KEY, evidence.signatureStatus());
    }

    @Test
    void signatureByAnIgnoredKeyIsTreatedAsAbsent() throws IOException {
        // trust.json v2 ignoredKeys (Gradle's <ignored-key>), by long key ID and by fingerprint: the real signature by
        // the Jackson key then counts as no signature at all, never as valid
        for (String id : List.of(JACKSON_KEY.substring(24), JACKSON_KEY)) {
            Files.createDirectories(trustDir);
            Files.writeString(trustDir.resolve("trust.json"), "{\"version\": 2, \"keys\": [], \"ignoredKeys\": [{\"id\": \""
                    + id + "\", \"reason\": \"key could not be downloaded\"}]}");
            Evidence evidence = collectOne(TrustStoreLoader.load(trustDir), pomComponent(List.of()));
            assertEquals(SignatureStatus.UNSIGNED, evidence.signatureStatus(), id);
            assertTrue(evidence.signatures().isEmpty(), id);
        }
        Files.writeString(trustDir.resolve("trust.json"), "{\"version\": 2, \"keys\": [], \"ignoredKeys\": [{\"id\":"
                + " \"0123456789ABCDEF\", \"reason\": \"another key\"}]}");
        assertEquals(SignatureStatus.UNKNOWN_KEY, collectOne(TrustStoreLoader.load(trustDir), pomComponent(List.of()))
                .signatureStatus());
    }

    @Test
    void declaredDigestThatDiffersIsAMismatchWithBothValues() throws IOException {
        String wrong = "0".repeat(64);
        Evidence evidence = collectOne(pin("pkg:maven/com.fasterxml.jackson.core/*", null, null),
                pomComponent(List.of(new Digest(HashAlgorithm.SHA_256, wrong))));
        assertEquals(IntegrityStatus.MISMATCH, evidence.integrity());
        assertTrue(evidence.integrityDetails().get(0).contains(wrong) && evidence.integrityDetails().get(0).contains(pomSha256),
                evidence.integrityDetails().toString());
    }

    @Test
    void artifactWithoutSignatureFileIsUnsigned() throws IOException {
        Files.delete(artifacts.resolve("jackson-annotations-2.21.pom.asc"));
        Evidence evidence = collectOne(pin("pkg:maven/com.fasterxml.jackson.core/*", null, null), pomComponent(List.of()));
        assertEquals(SignatureStatus.UNSIGNED, evidence.signatureStatus());
        assertTrue(evidence.signature().isEmpty());
    }

    @Test
    void missingArtifactSaysWhatWasLookedFor() throws IOException {
        Files.delete(artifacts.resolve("jackson-annotations-2.21.pom"));
        Evidence evidence = collectOne(TrustStore.empty(), pomComponent(List.of()));
        assertEquals(Evidence.ArtifactState.MISSING, evidence.artifactState());
        assertNull(evidence.artifact());
        assertTrue(evidence.integrityDetails().get(0).contains("jackson-annotations-2.21.pom"), evidence.integrityDetails().toString());
    }

    @Test
    void withoutArtifactRootsNothingIsSearched() {
        Evidence evidence = new EvidenceCollector(null, TrustStore.empty(), NOW).collect(List.of(pomComponent(List.of()))).get(0);
        assertEquals(Evidence.ArtifactState.NOT_SEARCHED, evidence.artifactState());
        assertEquals(IntegrityStatus.NOT_CHECKED, evidence.integrity());
    }

    @Test
    void manyComponentsKeepTheirOrder() throws IOException {
        TrustStore trust = pin("pkg:maven/com.fasterxml.jackson.core/*", null, null);
        List<Component> components = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new Component("ref" + i, Purl.parse("pkg:maven/g/a" + i + "@1"), "library", "g", "a" + i, "1",
                        List.of(), null, null, null, null, List.of(), List.of(), null, List.of(), null))
                .toList();
        List<Evidence> evidence = new EvidenceCollector(new ArtifactLocator(List.of(artifacts)), trust, NOW, 4).collect(components);
        for (int i = 0; i < components.size(); i++) {
            assertEquals("ref" + i, evidence.get(i).component().bomRef());
        }
    }
}
