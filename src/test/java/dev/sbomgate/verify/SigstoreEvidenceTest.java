package dev.sbomgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.sigstore.CertificateIdentity;
import dev.sbomgate.trust.IdentityPin;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify stage over the real sigstore-java 1.3.0 POM and its Sigstore bundle from Maven Central: the bundle
 * verifies against the public-good trusted root, then its certificate identity is judged against the identity pins.
 */
class SigstoreEvidenceTest {
    private static final Path SIGSTORE = Path.of("src/test/resources/signature/sigstore");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant SIGNED = Instant.parse("2025-02-25T18:19:57Z");
    static final String ISSUER = "https://token.actions.githubusercontent.com";
    static final String RELEASE_WORKFLOW = "https://github.com/sigstore/sigstore-java/.github/workflows/"
            + "release-sigstore-java-from-tag.yaml@refs/tags/v1.3.0";
    static final String RELEASE_PATTERN = "https://github\\.com/sigstore/sigstore-java/\\.github/workflows/"
            + "release-sigstore-java-from-tag\\.yaml@refs/tags/v[0-9.]+";

    @TempDir
    Path dir;
    Path artifacts;
    Path trustDir;

    @BeforeEach
    void copyRelease() throws IOException {
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        trustDir = dir.resolve("trust");
        for (String file : List.of("sigstore-java-1.3.0.pom", "sigstore-java-1.3.0.pom.sigstore.json")) {
            Files.copy(SIGSTORE.resolve("maven").resolve(file), artifacts.resolve(file));
        }
        new TrustStoreWriter(trustDir).setSigstoreRoot(Files.readAllBytes(SIGSTORE.resolve("trusted_root.production.json")),
                "trusted_root.production.json");
    }

    private TrustStore pin(String name, IdentityPin identity, String scope, LocalDate notBefore, LocalDate notAfter) {
        new TrustStoreWriter(trustDir).addIdentity(name, identity, List.of(PurlPattern.parse(scope)), notBefore, notAfter);
        return TrustStoreLoader.load(trustDir);
    }

    private static Component pom() {
        Purl purl = Purl.parse("pkg:maven/dev.sigstore/sigstore-java@1.3.0?type=pom");
        return new Component("ref", purl, "library", "dev.sigstore", "sigstore-java", "1.3.0", List.of(), null, null, null,
                null, List.of(), List.of(), null, List.of(), null);
    }

    private SignatureCheck collect(TrustStore trust) {
        Evidence evidence = new EvidenceCollector(new ArtifactLocator(List.of(artifacts)), trust, NOW, 1)
                .collect(List.of(pom())).get(0);
        assertEquals(Evidence.ArtifactState.FOUND, evidence.artifactState(), evidence.error());
        assertEquals(1, evidence.signatures().size());
        return evidence.signature().orElseThrow();
    }

    @Test
    void theReleaseWorkflowPinnedForThePackageVerifiesAndTheCheckNamesThePin() {
        TrustStore trust = pin("sigstore-java releases", new IdentityPin(ISSUER, RELEASE_PATTERN, true),
                "pkg:maven/dev.sigstore/*", null, null);
        PinnedKey pin = trust.keys().get(0);
        SignatureCheck check = collect(trust);
        assertEquals(SignatureKind.SIGSTORE, check.kind());
        assertEquals(SignatureStatus.VERIFIED, check.status(), check.detail());
        assertEquals(pin.fingerprint(), check.signer(), "the pin, not the per-release identity, is the signer");
        assertEquals(SIGNED, check.created());
        assertEquals(RELEASE_WORKFLOW + " (OIDC issuer " + ISSUER + ")", check.issuer());
        assertTrue(check.detail().contains("repository https://github.com/sigstore/sigstore-java, ref refs/tags/v1.3.0,"
                + " commit dc444d32f08e7ef3b1669bae7c5e134f0d2abdcd"), check.detail());
        assertTrue(check.detail().endsWith("pinned as 'sigstore-java releases' (identities matching " + RELEASE_PATTERN
                + " from " + ISSUER + ")"), check.detail());
    }

    @Test
    void anExactPinHasTheIdentitysOwnFingerprint() {
        TrustStore trust = pin("v1.3.0 release", new IdentityPin(ISSUER, RELEASE_WORKFLOW, false),
                "pkg:maven/dev.sigstore/sigstore-java", null, null);
        SignatureCheck check = collect(trust);
        assertEquals(SignatureStatus.VERIFIED, check.status(), check.detail());
        assertEquals(CertificateIdentity.fingerprintOf(ISSUER, RELEASE_WORKFLOW), check.signer());
    }

    @Test
    void anotherPinnedIdentityIsAnUnknownKey() {
        // Another repository's release workflow, another workflow of this repository, another issuer.
        for (IdentityPin other : List.of(
                new IdentityPin(ISSUER, "https://github\\.com/sigstore/cosign/\\.github/workflows/release\\.yml@refs/tags/.*", true),
                new IdentityPin(ISSUER, "https://github.com/sigstore/sigstore-java/.github/workflows/ci.yaml@refs/heads/main", false),
                new IdentityPin("https://accounts.google.com", RELEASE_WORKFLOW, false))) {
            TrustStore trust = pin("other", other, "pkg:maven/dev.sigstore/*", null, null);
            SignatureCheck check = collect(trust);
            assertEquals(SignatureStatus.UNKNOWN_KEY, check.status(), other.describe());
            assertNull(check.signer());
            assertEquals(RELEASE_WORKFLOW + " (OIDC issuer " + ISSUER + ")", check.issuer());
            assertTrue(check.detail().startsWith("no identity pin of the trust store matches the certificate identity of"
                    + " this bundle; Sigstore bundle verified: certificate identity " + RELEASE_WORKFLOW), check.detail());
            new TrustStoreWriter(trustDir).remove(other.fingerprint());
        }
    }

    @Test
    void aPatternMustMatchTheWholeIdentity() {
        TrustStore trust = pin("prefix only", new IdentityPin(ISSUER, "https://github\\.com/sigstore/sigstore-java/", true),
                "pkg:maven/dev.sigstore/*", null, null);
        assertEquals(SignatureStatus.UNKNOWN_KEY, collect(trust).status());
    }

    @Test
    void theReleaseWorkflowPinnedForOtherPackagesIsNotPinnedForThisOne() {
        TrustStore trust = pin("sigstore-java releases", new IdentityPin(ISSUER, RELEASE_PATTERN, true),
                "pkg:maven/dev.sigstore/sigstore-maven-plugin", null, null);
        SignatureCheck check = collect(trust);
        assertEquals(SignatureStatus.NOT_PINNED_FOR_PURL, check.status());
        assertEquals(trust.keys().get(0).fingerprint(), check.signer());
        assertTrue(check.detail().contains("not for pkg:maven/dev.sigstore/sigstore-java@1.3.0"), check.detail());
    }

    @Test
    void aSignatureOutsideThePinsWindowDoesNotCount() {
        TrustStore trust = pin("sigstore-java releases", new IdentityPin(ISSUER, RELEASE_PATTERN, true),
                "pkg:maven/dev.sigstore/*", LocalDate.of(2025, 3, 1), null);
        SignatureCheck check = collect(trust);
        assertEquals(SignatureStatus.OUTSIDE_PIN_WINDOW, check.status());
        assertTrue(check.detail().contains("at 2025-02-25T18:19:57Z, outside the window from 2025-03-01"), check.detail());
    }

    @Test
    void aFlippedByteFailsWhateverIsPinned() throws IOException {
        TrustStore trust = pin("sigstore-java releases", new IdentityPin(ISSUER, RELEASE_PATTERN, true),
                "pkg:maven/dev.sigstore/*", null, null);
        Path pom = artifacts.resolve("sigstore-java-1.3.0.pom");
        byte[] bytes = Files.readAllBytes(pom);
        bytes[200] ^= 0x20;
        Files.write(pom, bytes);
        assertEquals(SignatureStatus.BAD_SIGNATURE, collect(trust).status());
    }

    /**
     * A bundle signed with a plain public key (the conformance suite's managed-key-happy-path: a.txt, its bundle logged
     * in the public-good Rekor, and key.pub) counts when that key is pinned as a key pair for the package.
     */
    @Test
    void aBundleSignedWithAPlainKeyCountsWhenTheKeyIsPinned() throws IOException {
        Path conformance = SIGSTORE.resolve("conformance/bundle-verify");
        Files.copy(conformance.resolve("a.txt"), artifacts.resolve("a.txt"));
        Files.copy(conformance.resolve("managed-key-happy-path/bundle.sigstore.json"), artifacts.resolve("a.txt.sigstore.json"));
        Purl purl = Purl.parse("pkg:generic/a.txt@1?file_name=a.txt");
        Component text = new Component("a", purl, "file", null, "a.txt", "1", List.of(), null, null, null, null, List.of(),
                List.of(), null, List.of(), null);
        EvidenceCollector unpinned = new EvidenceCollector(new ArtifactLocator(List.of(artifacts)),
                TrustStoreLoader.load(trustDir), NOW, 1);
        assertEquals(SignatureStatus.UNKNOWN_KEY, unpinned.collect(List.of(text)).get(0).signatureStatus());

        PinnedKey key = new TrustStoreWriter(trustDir).add(Files.readAllBytes(conformance.resolve("managed-key-happy-path/key.pub")),
                "key.pub", "conformance key", List.of(PurlPattern.parse("pkg:generic/a.txt")), null, null);
        Evidence evidence = new EvidenceCollector(new ArtifactLocator(List.of(artifacts)), TrustStoreLoader.load(trustDir),
                NOW, 1).collect(List.of(text)).get(0);
        SignatureCheck check = evidence.signature().orElseThrow();
        assertEquals(SignatureStatus.VERIFIED, check.status(), check.detail());
        assertEquals(SignatureKind.SIGSTORE, check.kind());
        assertEquals(key.fingerprint(), check.signer());
        assertEquals(Instant.parse("2025-12-18T17:04:39Z"), check.created(), "the log's integrated time, verified");
    }

    @Test
    void withoutATrustedRootABundleVouchesForNothing() throws IOException {
        Files.delete(trustDir.resolve("trust.json"));
        Files.delete(trustDir.resolve("sigstore/trusted_root.json"));
        Files.delete(trustDir.resolve("sigstore"));
        SignatureCheck check = collect(TrustStoreLoader.load(trustDir));
        assertEquals(SignatureStatus.UNKNOWN_KEY, check.status());
        assertTrue(check.detail().contains("no Sigstore trusted root"), check.detail());
    }
}
