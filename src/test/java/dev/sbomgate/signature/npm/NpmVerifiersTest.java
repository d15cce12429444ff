package dev.sbomgate.signature.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import dev.sbomgate.signature.sigstore.SigstoreVerifier;
import dev.sbomgate.signature.sigstore.TrustedRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The npm verifiers over real registry documents, attestations and tarballs (src/test/resources/npm/SOURCES.md). */
class NpmVerifiersTest {

    static final Path NPM = Path.of("src/test/resources/npm");
    static final Path EVIDENCE = NPM.resolve("evidence/npm");

    /** The registry's two keys, from the keys document: the one that expired 2025-01-29 and its successor. */
    static List<RegistryKey> registryKeys() throws Exception {
        JsonNode doc = StrictJson.parse(Files.readAllBytes(NPM.resolve("keys.json")), "keys.json");
        List<RegistryKey> out = new ArrayList<>();
        for (JsonNode k : doc.path("keys")) {
            byte[] der = Base64.getDecoder().decode(k.path("key").asText());
            out.add(new RegistryKey(k.path("keyid").asText(), Fingerprint.of(MessageDigest.getInstance("SHA-256").digest(der)),
                    KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)), der,
                    k.path("expires").isNull() ? null : Instant.parse(k.path("expires").asText())));
        }
        return out;
    }

    static byte[] sha512(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-512").digest(bytes);
    }

    static NpmAttestations attestations(List<RegistryKey> keys) throws Exception {
        TrustedRoot root = TrustedRoot.parse(Files.readAllBytes(NPM.resolve("trusted_root.json")), "trusted_root.json");
        Map<String, byte[]> pems = new LinkedHashMap<>();
        for (RegistryKey k : keys) {
            pems.put(k.keyid(), k.pem());
        }
        KeyPairSignatureVerifier none = KeyPairSignatureVerifier.of(Map.of());
        return new NpmAttestations(new SigstoreVerifier(root, none), new SigstoreVerifier(root, KeyPairSignatureVerifier.of(pems)));
    }

    @Test
    void keyidIsTheSha256OfTheKey() throws Exception {
        List<RegistryKey> keys = registryKeys();
        assertEquals(2, keys.size());
        assertEquals(Instant.parse("2025-01-29T00:00:00Z"), keys.get(0).expires());
        assertNull(keys.get(1).expires());
    }

    @Test
    void realRegistrySignatureVerifiesAndIsBoundToTheRealTarball() throws Exception {
        Path dir = EVIDENCE.resolve("@x402/express/2.12.0");
        byte[] doc = Files.readAllBytes(dir.resolve("version.json"));
        byte[] tarball = Files.readAllBytes(dir.resolve("x402-express-2.12.0.tgz"));
        List<SignatureCheck> checks = new NpmRegistrySignatures(registryKeys()).verify(doc, dir.resolve("version.json"),
                "@x402/express", "2.12.0", sha512(tarball), Instant.parse("2026-05-13T15:52:36Z"), false);
        assertEquals(1, checks.size());
        assertEquals(SignatureStatus.VERIFIED, checks.get(0).status(), checks.get(0).detail());
        assertEquals(SignatureKind.NPM_REGISTRY_SIGNATURE, checks.get(0).kind());
        assertTrue(checks.get(0).detail().contains("unverified"), checks.get(0).detail());
    }

    @Test
    void anotherTarballIsNotBoundBySignature() throws Exception {
        Path dir = EVIDENCE.resolve("@x402/express/2.12.0");
        byte[] doc = Files.readAllBytes(dir.resolve("version.json"));
        byte[] other = Files.readAllBytes(EVIDENCE.resolve("sigstore/2.3.1/sigstore-2.3.1.tgz"));
        SignatureCheck check = new NpmRegistrySignatures(registryKeys()).verify(doc, dir.resolve("version.json"),
                "@x402/express", "2.12.0", sha512(other), null, false).get(0);
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status());
        assertTrue(check.detail().contains("other bytes"), check.detail());
    }

    @Test
    void flippedIntegrityBreaksTheSignature() throws Exception {
        Path dir = EVIDENCE.resolve("@x402/express/2.12.0");
        String doc = Files.readString(dir.resolve("version.json"));
        String flipped = doc.replace("sha512-bPc6jp", "sha512-bPc6jq");
        assertTrue(!flipped.equals(doc));
        byte[] tarball = Files.readAllBytes(dir.resolve("x402-express-2.12.0.tgz"));
        SignatureCheck check = new NpmRegistrySignatures(registryKeys()).verify(flipped.getBytes(StandardCharsets.UTF_8),
                dir.resolve("version.json"), "@x402/express", "2.12.0", sha512(tarball), null, false).get(0);
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status());
    }

    @Test
    void unpinnedRegistryKeyIsUnknown() throws Exception {
        Path dir = EVIDENCE.resolve("@x402/express/2.12.0");
        byte[] tarball = Files.readAllBytes(dir.resolve("x402-express-2.12.0.tgz"));
        // Only the expired key pinned: the document's signature is by the successor.
        SignatureCheck check = new NpmRegistrySignatures(registryKeys().subList(0, 1)).verify(
                Files.readAllBytes(dir.resolve("version.json")), dir.resolve("version.json"), "@x402/express", "2.12.0",
                sha512(tarball), null, false).get(0);
        assertEquals(SignatureStatus.UNKNOWN_KEY, check.status());
        assertEquals("SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U", check.issuer());
    }

    /** Real old-key signatures (SOURCES.md): valid before 2025-01-29, invalid when dated after the key's expiry. */
    @Test
    void signatureAfterKeyExpiryIsInvalid() throws Exception {
        JsonNode vectors = StrictJson.parse(Files.readAllBytes(NPM.resolve("registry-signatures.json")), "vectors");
        int checked = 0;
        for (JsonNode v : vectors.path("vectors")) {
            ObjectNode doc = StrictJson.object();
            doc.put("name", v.path("name").asText());
            doc.put("version", v.path("version").asText());
            ObjectNode dist = doc.putObject("dist");
            dist.put("integrity", v.path("integrity").asText());
            ObjectNode sig = dist.putArray("signatures").addObject();
            sig.put("keyid", v.path("keyid").asText());
            sig.put("sig", v.path("sig").asText());
            byte[] sha512 = Base64.getDecoder().decode(v.path("integrity").asText().substring("sha512-".length()));
            NpmRegistrySignatures verifier = new NpmRegistrySignatures(registryKeys());
            Instant published = Instant.parse(v.path("published").asText());
            SignatureCheck ok = verifier.verify(StrictJson.compact(doc), Path.of("version.json"), v.path("name").asText(),
                    v.path("version").asText(), sha512, published, true).get(0);
            assertEquals(SignatureStatus.VERIFIED, ok.status(), v.path("name").asText() + ": " + ok.detail());
            if (v.path("keyid").asText().startsWith("SHA256:jl3b")) {
                SignatureCheck late = verifier.verify(StrictJson.compact(doc), Path.of("version.json"),
                        v.path("name").asText(), v.path("version").asText(), sha512, Instant.parse("2025-01-29T00:00:01Z"),
                        false).get(0);
                assertEquals(SignatureStatus.KEY_EXPIRED, late.status(), late.detail());
                checked++;
            }
        }
        assertTrue(checked >= 2, "old-key vectors checked: " + checked);
    }

    @Test
    void realProvenanceAndPublishAttestationVerify() throws Exception {
        Path dir = EVIDENCE.resolve("sigstore/2.3.1");
        byte[] tarball = Files.readAllBytes(dir.resolve("sigstore-2.3.1.tgz"));
        List<NpmAttestations.Result> results = attestations(registryKeys()).verify(
                Files.readAllBytes(dir.resolve("attestations.json")), dir.resolve("attestations.json"), tarball,
                dir.resolve("sigstore-2.3.1.tgz"), "sigstore", "2.3.1");
        assertEquals(2, results.size());
        NpmAttestations.Result publish = results.stream().filter(r -> r.check().kind() == SignatureKind.NPM_PUBLISH_ATTESTATION).findFirst().orElseThrow();
        assertEquals(SignatureStatus.VERIFIED, publish.check().status(), publish.check().detail());
        NpmAttestations.Result provenance = results.stream().filter(r -> r.check().kind() == SignatureKind.NPM_PROVENANCE).findFirst().orElseThrow();
        assertEquals(SignatureStatus.VERIFIED, provenance.check().status(), provenance.check().detail());
        Provenance p = provenance.provenance();
        assertEquals("https://github.com/sigstore/sigstore-js", p.repository());
        assertEquals(".github/workflows/release.yml", p.workflow());
        assertEquals("refs/heads/main", p.ref());
        assertEquals("46e7056ff9912ebfee5298d94024895a9fea76c0", p.commit());
        assertEquals("push", p.trigger());
        assertEquals("github-hosted", p.runner());
    }

    /**
     * The 2023 bundles (v0.1, SLSA v0.2) carry the whole Fulcio chain, root included: exactly the chain of the
     * production root's authority that issued them (valid from 2022-04-13, signed 2023-04-20), so they verify
     * (docs/trust-store.md, "Bundles v0.1 with the whole chain"); a root of any other chain stays refused
     * (ConformanceTest, bundle-with-root-cert_fail). 1.0.3 and 1.0.5 name other workflows of one repository.
     */
    @Test
    void bundleV01CarryingTheAuthoritysWholeChainVerifies() throws Exception {
        for (String[] v : new String[][] {{"1.0.3", ".github/workflows/release.yml"}, {"1.0.5", ".github/workflows/release-slsa3.yml"}}) {
            Path dir = EVIDENCE.resolve("@laurentsimon/provenance-npm-test/" + v[0]);
            String tgz = "laurentsimon-provenance-npm-test-" + v[0] + ".tgz";
            List<NpmAttestations.Result> results = attestations(registryKeys()).verify(
                    Files.readAllBytes(dir.resolve("attestations.json")), dir.resolve("attestations.json"),
                    Files.readAllBytes(dir.resolve(tgz)), dir.resolve(tgz), "@laurentsimon/provenance-npm-test", v[0]);
            NpmAttestations.Result provenance = results.stream().filter(r -> r.check().kind() == SignatureKind.NPM_PROVENANCE).findFirst().orElseThrow();
            assertEquals(SignatureStatus.VERIFIED, provenance.check().status(), provenance.check().detail());
            assertEquals("https://github.com/laurentsimon/provenance-npm-test", provenance.provenance().repository());
            assertEquals(v[1], provenance.provenance().workflow());
        }
    }

    @Test
    void bundleForAnotherVersionIsRefused() throws Exception {
        Path dir = EVIDENCE.resolve("sigstore/2.3.1");
        byte[] tarball = Files.readAllBytes(dir.resolve("sigstore-2.3.1.tgz"));
        List<NpmAttestations.Result> results = attestations(registryKeys()).verify(
                Files.readAllBytes(dir.resolve("attestations.json")), dir.resolve("attestations.json"), tarball,
                dir.resolve("sigstore-2.3.1.tgz"), "sigstore", "2.3.2");
        assertEquals(2, results.size());
        results.forEach(r -> assertEquals(SignatureStatus.BAD_SIGNATURE, r.check().status(), r.check().detail()));
        assertTrue(results.get(0).check().detail().contains("another package or version"));
    }

    @Test
    void bundleOverAnotherTarballIsRefused() throws Exception {
        Path dir = EVIDENCE.resolve("sigstore/2.3.1");
        byte[] other = Files.readAllBytes(EVIDENCE.resolve("gundam-visor/1.0.1/gundam-visor-1.0.1.tgz"));
        List<NpmAttestations.Result> results = attestations(registryKeys()).verify(
                Files.readAllBytes(dir.resolve("attestations.json")), dir.resolve("attestations.json"), other,
                dir.resolve("sigstore-2.3.1.tgz"), "sigstore", "2.3.1");
        results.forEach(r -> assertEquals(SignatureStatus.BAD_SIGNATURE, r.check().status(), r.check().detail()));
    }

    @Test
    void publishAttestationWithoutRegistryKeysIsUnknownKey() throws Exception {
        Path dir = EVIDENCE.resolve("gundam-visor/1.0.1");
        byte[] tarball = Files.readAllBytes(dir.resolve("gundam-visor-1.0.1.tgz"));
        List<NpmAttestations.Result> results = attestations(List.of()).verify(
                Files.readAllBytes(dir.resolve("attestations.json")), dir.resolve("attestations.json"), tarball,
                dir.resolve("gundam-visor-1.0.1.tgz"), "gundam-visor", "1.0.1");
        NpmAttestations.Result publish = results.stream().filter(r -> r.check().kind() == SignatureKind.NPM_PUBLISH_ATTESTATION).findFirst().orElseThrow();
        assertEquals(SignatureStatus.UNKNOWN_KEY, publish.check().status(), publish.check().detail());
        NpmAttestations.Result provenance = results.stream().filter(r -> r.check().kind() == SignatureKind.NPM_PROVENANCE).findFirst().orElseThrow();
        assertEquals(SignatureStatus.VERIFIED, provenance.check().status(), provenance.check().detail());
        assertEquals("https://github.com/ramonpetgrave64/gundam-visor", provenance.provenance().repository());
    }
}
