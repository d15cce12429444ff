package dev.sbomgate.signature.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real releases: dev.sigstore:sigstore-java 1.0.0, 1.2.0 and 1.3.0 as Maven Central serves them, each POM with the
 * {@code .sigstore.json} bundle its release workflow made, verified offline with the public-good trusted root
 * (sources: src/test/resources/signature/sigstore/SOURCES.md).
 */
class SigstoreJavaReleasesTest {

    static final String ISSUER = "https://token.actions.githubusercontent.com";
    static final String WORKFLOW = "https://github.com/sigstore/sigstore-java/.github/workflows/release-sigstore-java-from-tag.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path maven(String file) {
        return ConformanceTest.resources().resolve("maven").resolve(file);
    }

    static TrustedRoot production() throws IOException {
        return TrustedRoot.parse(Files.readAllBytes(ConformanceTest.resources().resolve("trusted_root.production.json")),
                "trusted_root.production.json");
    }

    static SigstoreVerifier verifier() throws IOException {
        return new SigstoreVerifier(production(), KeyPairSignatureVerifier.of(Map.of()));
    }

    @ParameterizedTest
    @CsvSource({
            "1.0.0, 2024-08-28T18:44:35Z, rekor.sigstore.dev entry 125680196",
            "1.2.0, 2024-12-04T21:08:11Z, rekor.sigstore.dev entry 153416491",
            "1.3.0, 2025-02-25T18:19:57Z, rekor.sigstore.dev entry 174242578"})
    void eachReleasePomVerifiesAsSignedByItsReleaseWorkflow(String version, String signedAt, String log) throws IOException {
        BundleVerification result = verifier().verifyBundle(maven("sigstore-java-" + version + ".pom"),
                maven("sigstore-java-" + version + ".pom.sigstore.json"));
        assertEquals(SignatureStatus.VERIFIED, result.check().status(), result.check().detail());
        assertEquals(SignatureKind.SIGSTORE, result.check().kind());
        CertificateIdentity identity = result.identity();
        assertEquals(WORKFLOW + "@refs/tags/v" + version, identity.subject());
        assertEquals(ISSUER, identity.issuer());
        assertEquals("https://github.com/sigstore/sigstore-java", identity.repository());
        assertEquals("refs/tags/v" + version, identity.ref());
        assertTrue(identity.commit().matches("[0-9a-f]{40}"), identity.commit());
        assertEquals(WORKFLOW + "@refs/tags/v" + version, identity.workflow());
        assertEquals(Instant.parse(signedAt), result.signedAt());
        assertEquals(Instant.parse(signedAt), result.check().created());
        assertEquals(log, result.log());
        assertEquals(CertificateIdentity.fingerprintOf(ISSUER, WORKFLOW + "@refs/tags/v" + version), result.check().signer());
        assertEquals("ECDSA-P256/SHA-256", result.check().algorithm());
        assertTrue(result.check().detail().contains("repository https://github.com/sigstore/sigstore-java, ref refs/tags/v"
                + version + ", commit " + identity.commit()), result.check().detail());
    }

    @Test
    void theReleaseCommitIsTheTaggedOne() throws IOException {
        BundleVerification result = verifier().verifyBundle(maven("sigstore-java-1.3.0.pom"),
                maven("sigstore-java-1.3.0.pom.sigstore.json"));
        assertEquals("dc444d32f08e7ef3b1669bae7c5e134f0d2abdcd", result.identity().commit());
        assertEquals("workflow_dispatch", result.identity().trigger());
    }

    @Test
    void aFlippedByteInTheArtifactFails() throws IOException {
        Path pom = flipped(maven("sigstore-java-1.3.0.pom"), 100);
        BundleVerification result = verifier().verifyBundle(pom, maven("sigstore-java-1.3.0.pom.sigstore.json"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status());
        assertTrue(result.check().detail().contains("the bundle's message digest"), result.check().detail());
        assertNull(result.identity());
    }

    @Test
    void withoutTheDigestHintTheSignatureItselfCatchesTheFlippedByte() throws IOException {
        ObjectNode bundle = bundle("sigstore-java-1.3.0.pom.sigstore.json");
        ((ObjectNode) bundle.get("messageSignature")).remove("messageDigest");
        BundleVerification result = verifier().verifyBundle(flipped(maven("sigstore-java-1.3.0.pom"), 100),
                JSON.writeValueAsBytes(bundle), Path.of("x.sigstore.json"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status());
        assertTrue(result.check().detail().startsWith("the signature does not verify over this artifact"),
                result.check().detail());
    }

    @Test
    void aJarBundleDoesNotVouchForThePom() throws IOException {
        BundleVerification result = verifier().verifyBundle(maven("sigstore-java-1.3.0.pom"),
                maven("sigstore-java-1.3.0.jar.sigstore.json"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status());
        assertTrue(result.check().detail().contains("8a39503d521e526cc272d9c81ea2c5880903391a91eba05f870584f363f3dbf9"),
                "names the jar's digest the bundle is for: " + result.check().detail());
    }

    /**
     * GHSA-8gw7-4j42-w388: a bundle whose log entry is genuine and fully provable, but for another signing. The release
     * workflow signed the 1.3.0 POM and jar with one certificate; here the POM's bundle carries the jar's log entry.
     * Promise, inclusion proof, checkpoint, times, certificate and the POM signature itself all verify: only the
     * binding of the entry's body to this artifact and this signature refuses it.
     */
    @Test
    void aGenuineLogEntryOfAnotherSigningIsRefused() throws IOException {
        ObjectNode bundle = bundle("sigstore-java-1.3.0.pom.sigstore.json");
        ObjectNode jar = bundle("sigstore-java-1.3.0.jar.sigstore.json");
        ((ObjectNode) bundle.get("verificationMaterial")).set("tlogEntries", jar.get("verificationMaterial").get("tlogEntries"));
        BundleVerification result = verifier().verifyBundle(maven("sigstore-java-1.3.0.pom"),
                JSON.writeValueAsBytes(bundle), Path.of("x.sigstore.json"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().startsWith("the log entry names artifact SHA-256 "
                + "8a39503d521e526cc272d9c81ea2c5880903391a91eba05f870584f363f3dbf9, but this file's is "
                + "d7f6d723f7fbc6adbc7cb7d85066dc770591ab3be88c28a02c6e06864d6f9f7d"), result.check().detail());
    }

    /** The same swap across releases: the 1.2.0 entry's time lies outside the 1.3.0 certificate's ten minutes. */
    @Test
    void aLogEntryOfAnotherReleaseIsOutsideTheCertificatesValidity() throws IOException {
        ObjectNode bundle = bundle("sigstore-java-1.3.0.pom.sigstore.json");
        ObjectNode other = bundle("sigstore-java-1.2.0.pom.sigstore.json");
        ((ObjectNode) bundle.get("verificationMaterial")).set("tlogEntries", other.get("verificationMaterial").get("tlogEntries"));
        BundleVerification result = verifier().verifyBundle(maven("sigstore-java-1.3.0.pom"),
                JSON.writeValueAsBytes(bundle), Path.of("x.sigstore.json"));
        assertEquals(SignatureStatus.KEY_EXPIRED, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("2024-12-04T21:08:11Z"), result.check().detail());
    }

    @Test
    void anAlteredIntegratedTimeBreaksTheInclusionPromise() throws IOException {
        ObjectNode bundle = bundle("sigstore-java-1.3.0.pom.sigstore.json");
        ObjectNode entry = (ObjectNode) bundle.get("verificationMaterial").get("tlogEntries").get(0);
        entry.put("integratedTime", String.valueOf(Long.parseLong(entry.get("integratedTime").asText()) + 60));
        BundleVerification result = verifier().verifyBundle(maven("sigstore-java-1.3.0.pom"),
                JSON.writeValueAsBytes(bundle), Path.of("x.sigstore.json"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status());
        assertTrue(result.check().detail().contains("inclusion promise"), result.check().detail());
    }

    @Test
    void withoutATrustedRootNothingVerifies() throws IOException {
        BundleVerification result = new SigstoreVerifier(null, KeyPairSignatureVerifier.of(Map.of()))
                .verifyBundle(maven("sigstore-java-1.3.0.pom"), maven("sigstore-java-1.3.0.pom.sigstore.json"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, result.check().status());
        assertTrue(result.check().detail().contains("no Sigstore trusted root"), result.check().detail());
    }

    @Test
    void aTrustedRootWithoutThePublicGoodAuthorityDoesNotVouch() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(ConformanceTest.resources().resolve("trusted_root.production.json").toFile());
        root.putArray("certificateAuthorities");
        SigstoreVerifier verifier = new SigstoreVerifier(TrustedRoot.parse(JSON.writeValueAsBytes(root), "root"),
                KeyPairSignatureVerifier.of(Map.of()));
        BundleVerification result = verifier.verifyBundle(maven("sigstore-java-1.3.0.pom"),
                maven("sigstore-java-1.3.0.pom.sigstore.json"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, result.check().status());
        assertNotNull(result.check().detail());
    }

    private ObjectNode bundle(String file) throws IOException {
        return (ObjectNode) JSON.readTree(maven(file).toFile());
    }

    private Path flipped(Path file, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 0x01;
        Path copy = dir.resolve(file.getFileName());
        Files.write(copy, bytes);
        return copy;
    }
}
