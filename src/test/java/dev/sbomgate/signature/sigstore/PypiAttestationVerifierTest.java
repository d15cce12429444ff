package dev.sbomgate.signature.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real PEP 740 provenance objects (src/test/resources/pypi/SOURCES.md) verified offline with the public-good trusted
 * root, and negative cases made from them, each named after its defect.
 */
class PypiAttestationVerifierTest {

    static final String GITHUB_FILE = "pypi_attestations-0.0.19.tar.gz";
    static final String GITLAB_FILE = "gitlab_oidc_project-0.0.3.tar.gz";
    static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    static final String GITHUB_SAN = "https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml"
            + "@refs/tags/v0.0.19";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path resource(String name) {
        return Path.of("src/test/resources/pypi").resolve(name);
    }

    static PypiAttestationVerifier verifier() throws IOException {
        TrustedRoot root = TrustedRoot.parse(Files.readAllBytes(resource("trusted_root.production.json")),
                "trusted_root.production.json");
        return new PypiAttestationVerifier(new SigstoreVerifier(root, KeyPairSignatureVerifier.of(Map.of())));
    }

    /** The distribution and its provenance copied into the temp folder, the distribution under {@code name}. */
    Path layout(String file, String name, Consumer<ObjectNode> edit) throws IOException {
        Path artifact = dir.resolve(name);
        Files.copy(resource(file), artifact, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ObjectNode provenance = (ObjectNode) JSON.readTree(resource(file + ".provenance").toFile());
        edit.accept(provenance);
        Files.write(dir.resolve(name + ".provenance"), JSON.writeValueAsBytes(provenance));
        return artifact;
    }

    BundleVerification verify(Path artifact) throws IOException {
        return verifier().verify(null, artifact, artifact.resolveSibling(artifact.getFileName() + ".provenance"));
    }

    static ObjectNode attestation(ObjectNode provenance) {
        return (ObjectNode) provenance.path("attestation_bundles").path(0).path("attestations").path(0);
    }

    static ObjectNode publisher(ObjectNode provenance) {
        return (ObjectNode) provenance.path("attestation_bundles").path(0).path("publisher");
    }

    @Test
    void theRealGithubProvenanceVerifiesAsTheTrustedPublishersAttestation() throws IOException {
        BundleVerification result = verifier().verify(null, resource(GITHUB_FILE), resource(GITHUB_FILE + ".provenance"));
        assertEquals(SignatureStatus.VERIFIED, result.check().status(), result.check().detail());
        assertEquals(SignatureKind.PYPI_ATTESTATION, result.check().kind());
        assertEquals(GITHUB_SAN, result.identity().subject());
        assertEquals(GITHUB_ISSUER, result.identity().issuer());
        assertEquals("https://github.com/trailofbits/pypi-attestations", result.identity().repository());
        assertEquals("refs/tags/v0.0.19", result.identity().ref());
        assertEquals(CertificateIdentity.fingerprintOf(GITHUB_ISSUER, GITHUB_SAN), result.check().signer());
        // integratedTime 1733354041 of the Rekor entry
        assertEquals(Instant.ofEpochSecond(1733354041L), result.signedAt());
        assertEquals("rekor.sigstore.dev entry 153454663", result.log());
        assertTrue(result.check().detail().contains("Trusted Publisher GitHub trailofbits/pypi-attestations, workflow"
                + " release.yml, no environment"), result.check().detail());
        assertEquals(resource(GITHUB_FILE + ".provenance"), result.check().signatureFile());
        TrustedPublisher publisher = verifier().verifyProvenance(null, resource(GITHUB_FILE),
                resource(GITHUB_FILE + ".provenance")).publisher();
        assertEquals(new TrustedPublisher(TrustedPublisher.Kind.GITHUB, "trailofbits/pypi-attestations", "release.yml",
                null, null), publisher);
        assertEquals("https://github.com/trailofbits/pypi-attestations", publisher.repositoryUri());
        assertEquals(".github/workflows/release.yml", publisher.workflowPath());
    }

    @Test
    void theRealGitlabAttestationVerifiesWithItsGitlabPublisher() throws IOException {
        BundleVerification result = verifier().verify(null, resource(GITLAB_FILE), resource(GITLAB_FILE + ".provenance"));
        assertEquals(SignatureStatus.VERIFIED, result.check().status(), result.check().detail());
        assertEquals("https://gitlab.com", result.identity().issuer());
        assertEquals("https://gitlab.com/facutuesca/gitlab-oidc-project//.gitlab-ci.yml@refs/heads/main",
                result.identity().subject());
        assertTrue(result.check().detail().contains("GitLab facutuesca/gitlab-oidc-project, workflow .gitlab-ci.yml"),
                result.check().detail());
    }

    /**
     * The real Google Cloud Build provenance without its distribution (binary, not retrievable here): beside another
     * file it fails only at the subject step, so the Rekor entry, the certificate chain and SCT, and the DSSE
     * signature before it all verified; a flipped signature byte fails earlier, at the signature.
     */
    @Test
    void theRealGoogleProvenanceVerifiesUpToItsSubject() throws IOException {
        Path artifact = dir.resolve("gcb_attestation_test-0.0.0.tar.gz");
        Files.copy(resource(GITHUB_FILE), artifact);
        Files.copy(resource("gcb_attestation_test-0.0.0.tar.gz.provenance"), dir.resolve(artifact.getFileName() + ".provenance"));
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().endsWith("the attestation's 1 subject(s) do not include this artifact (SHA-256 "
                + "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3): it attests to other files"),
                result.check().detail());

        ObjectNode tampered = (ObjectNode) JSON.readTree(resource("gcb_attestation_test-0.0.0.tar.gz.provenance").toFile());
        ObjectNode envelope = (ObjectNode) attestation(tampered).path("envelope");
        byte[] sig = Base64.getDecoder().decode(envelope.path("signature").asText());
        sig[10] ^= 1;
        envelope.put("signature", Base64.getEncoder().encodeToString(sig));
        Files.write(dir.resolve(artifact.getFileName() + ".provenance"), JSON.writeValueAsBytes(tampered));
        BundleVerification bad = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, bad.check().status(), bad.check().detail());
        assertTrue(!bad.check().detail().contains("subject"), bad.check().detail());
    }

    @Test
    void aGooglePublisherAgreesWithItsRealCertificateOnlyForItsServiceAccount() throws IOException {
        ObjectNode provenance = (ObjectNode) JSON.readTree(resource("gcb_attestation_test-0.0.0.tar.gz.provenance").toFile());
        byte[] der = Base64.getDecoder().decode(attestation(provenance).path("verification_material").path("certificate").asText());
        CertificateIdentity identity = Certificates.identity(TrustedRoot.certificate(der, "certificate"));
        assertEquals("https://accounts.google.com", identity.issuer());
        TrustedPublisher google = TrustedPublisher.parse(publisher(provenance), "publisher");
        assertEquals("919436158236-compute@developer.gserviceaccount.com", google.email());
        google.checkAgainst(identity, null); // agrees: no exception
        TrustedPublisher other = new TrustedPublisher(TrustedPublisher.Kind.GOOGLE, null, null, null,
                "release@other-project.iam.gserviceaccount.com");
        Failure failure = org.junit.jupiter.api.Assertions.assertThrows(Failure.class, () -> other.checkAgainst(identity, null));
        assertEquals(SignatureStatus.BAD_SIGNATURE, failure.status());
        TrustedPublisher github = new TrustedPublisher(TrustedPublisher.Kind.GITHUB, "o/r", "release.yml", null, null);
        assertEquals(SignatureStatus.BAD_SIGNATURE, org.junit.jupiter.api.Assertions.assertThrows(Failure.class,
                () -> github.checkAgainst(identity, null)).status());
    }

    @Test
    void theProvenanceBesideAnotherFileNameIsRefused() throws IOException {
        // the same bytes under another distribution's name: the digest matches, the subject's name does not
        Path renamed = layout(GITHUB_FILE, "pypi_attestations-0.0.20.tar.gz", p -> { });
        BundleVerification result = verify(renamed);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("attests to the distribution 'pypi_attestations-0.0.19.tar.gz', not"
                + " to 'pypi_attestations-0.0.20.tar.gz'"), result.check().detail());
        assertNull(result.identity());
    }

    @Test
    void aDistributionWithAFlippedByteIsNotTheAttestedOne() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> { });
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 2] ^= 1;
        Files.write(artifact, bytes);
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("do not include this artifact"), result.check().detail());
    }

    @Test
    void aStatementWithAFlippedDigestNoLongerVerifies() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> {
            ObjectNode envelope = (ObjectNode) attestation(p).path("envelope");
            String statement = new String(Base64.getDecoder().decode(envelope.path("statement").asText()),
                    StandardCharsets.UTF_8);
            String flipped = statement.replace("9bb1add04b1b4e18", "9bb1add04b1b4e19");
            assertTrue(!flipped.equals(statement));
            envelope.put("statement", Base64.getEncoder().encodeToString(flipped.getBytes(StandardCharsets.UTF_8)));
        });
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
    }

    @Test
    void aPublisherObjectNamingAForkDisagreesWithTheCertificate() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> publisher(p).put("repository", "attacker/pypi-attestations"));
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("source repository is https://github.com/trailofbits/pypi-attestations"),
                result.check().detail());
    }

    @Test
    void aPublisherObjectNamingAnotherWorkflowDisagreesWithTheCertificate() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> publisher(p).put("workflow", "publish.yml"));
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("workflow is https://github.com/trailofbits/pypi-attestations/.github"
                + "/workflows/release.yml@"), result.check().detail());
    }

    @Test
    void aPublisherOfAnotherKindDisagreesWithTheCertificatesIssuer() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> {
            ObjectNode publisher = publisher(p);
            publisher.removeAll();
            publisher.put("kind", "Google").put("email", "release@example.iam.gserviceaccount.com");
        });
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("not of https://accounts.google.com"), result.check().detail());
    }

    @Test
    void aTamperedSignatureIsRefused() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> {
            ObjectNode envelope = (ObjectNode) attestation(p).path("envelope");
            byte[] sig = Base64.getDecoder().decode(envelope.path("signature").asText());
            sig[sig.length - 1] ^= 1;
            envelope.put("signature", Base64.getEncoder().encodeToString(sig));
        });
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
    }

    @Test
    void anAttestationWithoutItsTransparencyEntryIsRefused() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> ((ArrayNode) attestation(p).path("verification_material")
                .path("transparency_entries")).removeAll());
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.MALFORMED, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("no transparency entry"), result.check().detail());
    }

    @Test
    void anEntryWithoutItsInclusionProofIsRefused() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> ((ObjectNode) attestation(p).path("verification_material")
                .path("transparency_entries").path(0)).remove("inclusionProof"));
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.MALFORMED, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("no inclusion proof"), result.check().detail());
    }

    @Test
    void aProvenanceWithoutAttestationBundlesIsRefused() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> ((ArrayNode) p.path("attestation_bundles")).removeAll());
        assertEquals(SignatureStatus.MALFORMED, verify(artifact).check().status());
    }

    @Test
    void moreAttestationBundlesOrAttestationsThanTheBoundAreRefusedUnverified() throws IOException {
        Path bundles = layout(GITHUB_FILE, GITHUB_FILE, p -> {
            ArrayNode list = (ArrayNode) p.path("attestation_bundles");
            for (int i = 0; i < PypiAttestationVerifier.MAX_BUNDLES; i++) {
                list.add(list.get(0).deepCopy());
            }
        });
        BundleVerification tooMany = verify(bundles);
        assertEquals(SignatureStatus.MALFORMED, tooMany.check().status(), tooMany.check().detail());
        assertTrue(tooMany.check().detail().contains("attestation_bundles has 9 elements; at most 8"), tooMany.check().detail());

        Path attestations = layout(GITHUB_FILE, GITHUB_FILE, p -> {
            ArrayNode list = (ArrayNode) p.path("attestation_bundles").path(0).path("attestations");
            for (int i = 0; i < PypiAttestationVerifier.MAX_ATTESTATIONS; i++) {
                list.add(list.get(0).deepCopy());
            }
        });
        assertEquals(SignatureStatus.MALFORMED, verify(attestations).check().status());
    }

    @Test
    void twoCopiesOfTheRealAttestationBothVerify() throws IOException {
        // every attestation is checked; the same one twice is still one identity
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> {
            ArrayNode list = (ArrayNode) p.path("attestation_bundles").path(0).path("attestations");
            list.add(list.get(0).deepCopy());
        });
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.VERIFIED, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().startsWith("PEP 740 provenance verified (2 attestations of "), result.check().detail());
    }

    @Test
    void aProvenanceMixingAVerifiedAndABrokenAttestationIsRefused() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> {
            ArrayNode list = (ArrayNode) p.path("attestation_bundles").path(0).path("attestations");
            ObjectNode broken = list.get(0).deepCopy();
            ObjectNode envelope = (ObjectNode) broken.path("envelope");
            byte[] sig = Base64.getDecoder().decode(envelope.path("signature").asText());
            sig[sig.length - 1] ^= 1;
            envelope.put("signature", Base64.getEncoder().encodeToString(sig));
            list.add(broken);
        });
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
        assertTrue(result.check().detail().contains("attestation_bundles[0].attestations[1]"), result.check().detail());
    }

    @Test
    void anUnknownPublisherKindIsRefused() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> publisher(p).put("kind", "Jenkins"));
        BundleVerification result = verify(artifact);
        assertEquals(SignatureStatus.MALFORMED, result.check().status(), result.check().detail());
    }

    @Test
    void noTrustedRootVerifiesNothing() throws IOException {
        PypiAttestationVerifier none = new PypiAttestationVerifier(new SigstoreVerifier(null, KeyPairSignatureVerifier.of(Map.of())));
        assertEquals(SignatureStatus.UNKNOWN_KEY,
                none.verify(null, resource(GITHUB_FILE), resource(GITHUB_FILE + ".provenance")).check().status());
    }

    @Test
    void theDistributionBytesGivenAreTheOnesChecked() throws IOException {
        Path artifact = layout(GITHUB_FILE, GITHUB_FILE, p -> { });
        byte[] other = Files.readAllBytes(artifact);
        other[0] ^= 1;
        BundleVerification result = verifier().verify(other, artifact, dir.resolve(GITHUB_FILE + ".provenance"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, result.check().status(), result.check().detail());
    }
}
