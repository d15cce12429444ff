package dev.sbomgate.signature.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Sigstore conformance suite's bundle verification cases (sigstore/sigstore-conformance, test/assets/bundle-verify;
 * copied with their README under src/test/resources/signature/sigstore, see SOURCES.md there), run as the suite's
 * harness runs a client: verify {@code bundle.sigstore.json} over {@code artifact} (or {@code a.txt}) with the case's
 * trusted root (or the public-good one), and require the certificate identity and issuer the case names, or the
 * managed key {@code key.pub}. A case whose folder ends in {@code _fail} must fail; every other must verify.
 */
class ConformanceTest {

    static final String DEFAULT_IDENTITY = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
            + ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    static final String DEFAULT_ISSUER = "https://token.actions.githubusercontent.com";

    /**
     * Cases not run, each with the reason. Every case of the suite uses a message signature or a DSSE envelope over
     * the given artifact, so none is out of scope; a case listed here is one this verifier is known not to meet.
     */
    static final Map<String, String> SKIPPED = Map.of();

    /**
     * Why each {@code _fail} case must fail, as a fragment of the outcome: failing is not enough, it must fail at the
     * step the case is about (its README), with that step's message.
     */
    static final Map<String, String> FAILS_BECAUSE = Map.ofEntries(
            Map.entry("bundle-empty-certificate-chain_fail",
                    "MALFORMED: the bundle's certificate chain is empty"),
            Map.entry("bundle-from-wrong-instance_fail",
                    "which the trusted root does not list"),
            Map.entry("bundle-invalid-base64-signature_fail",
                    "MALFORMED: messageSignature.signature is not valid base64"),
            Map.entry("bundle-malformed-json_fail",
                    "MALFORMED: the bundle is not valid JSON"),
            Map.entry("bundle-negative-log-index_fail",
                    "MALFORMED: tlogEntries[0].logIndex is negative"),
            Map.entry("bundle-unknown-version_fail",
                    "is not a Sigstore bundle version this sbomgate verifies"),
            Map.entry("bundle-with-root-cert_fail",
                    "certificate chain includes a root certificate"),
            Map.entry("checkpoint-bad-keyhint_fail",
                    "checkpoint carries no valid signature by rekor.sigstore.dev"),
            Map.entry("checkpoint-wrong-roothash_fail",
                    "checkpoint commits to tree size 75610772"),
            Map.entry("dsse-invalid-sig_fail",
                    "the DSSE envelope's signature does not verify"),
            Map.entry("dsse-mismatch-envelope_fail",
                    "the log entry names payload digest"),
            Map.entry("dsse-mismatch-sig_fail",
                    "the log entry records another signature"),
            Map.entry("inclusion-proof-corrupted-hash_fail",
                    "inclusion proof (RFC 6962 audit path"),
            Map.entry("incorrect-public-key_fail",
                    "inclusion promise (signed entry timestamp) does not verify"),
            Map.entry("integrated-time-in-future_fail",
                    "KEY_EXPIRED: the signature was made at 2026-05-07T15:34:11Z, outside the signing certificate's validity"),
            Map.entry("intoto-expired-certificate_fail",
                    "KEY_EXPIRED: the signature was made at 2023-02-01T00:00:00Z, outside the signing certificate's validity"),
            Map.entry("intoto-log-entry-mismatch_fail",
                    "the log entry records another signature"),
            Map.entry("intoto-missing-inclusion-proof_fail",
                    "has no inclusion proof, which a v0.2 bundle requires"),
            Map.entry("intoto-set-outside-signing-cert-validity_fail",
                    "KEY_EXPIRED: the signature was made at 2023-02-02T00:00:00Z"),
            Map.entry("intoto-tsa-timestamp-outside-cert-validity_fail",
                    "KEY_EXPIRED: the signature was made at 2023-02-02T00:00:00Z"),
            Map.entry("invalid-checkpoint-signature_fail",
                    "checkpoint carries no valid signature by rekor.sigstore.dev"),
            Map.entry("invalid-ct-key_fail",
                    "signed certificate timestamps come from no CT log of the trusted root"),
            Map.entry("invalid-inclusion-proof_fail",
                    "inclusion proof (RFC 6962 audit path of 14 hashes"),
            Map.entry("managed-key-no-key_fail",
                    "UNKNOWN_KEY: the bundle's signature by a plain public key: no pinned key could have made"),
            Map.entry("managed-key-wrong-key_fail",
                    "key refused"),
            Map.entry("message-digest-mismatch_fail",
                    "the bundle's message digest (SHA-256 a1cfc712"),
            Map.entry("rekor2-checkpoint-missing-log-signature_fail",
                    "checkpoint carries no signature"),
            Map.entry("rekor2-checkpoint-missing-origin_fail",
                    "checkpoint has 2 lines of text"),
            Map.entry("rekor2-checkpoint-missing-root-hash_fail",
                    "checkpoint has 2 lines of text"),
            Map.entry("rekor2-checkpoint-missing-size_fail",
                    "checkpoint has 2 lines of text"),
            Map.entry("rekor2-checkpoint-no-matching-signature_fail",
                    "checkpoint carries no valid signature by log2025-alpha1.rekor.sigstage.dev"),
            Map.entry("rekor2-dsse-invalid-sig_fail",
                    "the DSSE envelope's signature does not verify"),
            Map.entry("rekor2-dsse-mismatch-envelope_fail",
                    "the log entry names a DSSE envelope digest"),
            Map.entry("rekor2-dsse-mismatch-sig_fail",
                    "the log entry records another signature"),
            Map.entry("rekor2-no-inclusion-proof_fail",
                    "has no inclusion proof, which a v0.3 bundle requires"),
            Map.entry("rekor2-no-timestamp_fail",
                    "the bundle proves no signing time"),
            Map.entry("rekor2-timestamp-outside-trust-root-tsa-validity_fail",
                    "outside the window 2025-04-09T00:00:00Z..2025-06-01T00:00:00Z"),
            Map.entry("rekor2-timestamp-outside-tsa-cert-validity_fail",
                    "certificate not valid when time stamp created"),
            Map.entry("rekor2-timestamp-payload-mismatch_fail",
                    "is not over this bundle's signature"),
            Map.entry("rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail",
                    "was signed by no timestamp authority of the trusted root"),
            Map.entry("rekor2-timestamp-untrusted-tsa-without-embedded-cert_fail",
                    "was signed by no timestamp authority of the trusted root"),
            Map.entry("rekor2-timestamp-with-incorrect-time_fail",
                    "KEY_EXPIRED: the signature was made at 2025-07-15T10:33:31Z"),
            Map.entry("set-invalid-signature_fail",
                    "inclusion promise (signed entry timestamp) does not verify"),
            Map.entry("signature-mismatch_fail",
                    "the signature does not verify over this artifact"),
            Map.entry("trust-root-tlog-missing-validity-start_fail",
                    "tlogs[1].publicKey.validFor has no 'start'"),
            Map.entry("wrong-hashedrekord-artifact_fail",
                    "the log entry names artifact SHA-256 d40ec3ee"),
            Map.entry("wrong-hashedrekord-cert-and-sig_fail",
                    "the log entry records another signature"),
            Map.entry("wrong-hashedrekord-entry_fail",
                    "the log entry names artifact SHA-256 9d92fa52"),
            Map.entry("wrong-material_fail",
                    "the bundle's message digest (SHA-256 a0cfc712"));

    static Path resources() {
        try {
            return Path.of(ConformanceTest.class.getResource("/signature/sigstore").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path cases() {
        return resources().resolve("conformance/bundle-verify");
    }

    @TestFactory
    Stream<DynamicTest> bundleVerificationCases() throws IOException {
        List<Path> dirs;
        try (Stream<Path> list = Files.list(cases())) {
            dirs = list.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(70, dirs.size(), "the copied suite has 70 bundle-verify cases");
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    /** What one case came to. */
    record Outcome(boolean verified, String why) {
    }

    private static void run(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        String skip = SKIPPED.get(name);
        Assumptions.assumeTrue(skip == null, skip);
        boolean mustFail = name.endsWith("_fail");
        Outcome outcome = verify(dir);
        assertEquals(!mustFail, outcome.verified(), name + (mustFail ? " must fail but verified: " : " must verify but: ")
                + outcome.why());
        if (mustFail) {
            String because = FAILS_BECAUSE.get(name);
            assertNotNull(because, name + " has no expected reason in FAILS_BECAUSE");
            assertTrue(outcome.why().contains(because), name + " failed, but not because " + because + ": " + outcome.why());
        }
    }

    static Outcome verify(Path dir) throws IOException {
        Path artifact = Files.exists(dir.resolve("artifact")) ? dir.resolve("artifact") : dir.resolve("../a.txt").normalize();
        Path rootFile = Files.exists(dir.resolve("trusted_root.json")) ? dir.resolve("trusted_root.json")
                : resources().resolve("trusted_root.production.json");
        TrustedRoot root;
        try {
            root = TrustedRoot.parse(Files.readAllBytes(rootFile), rootFile.toString());
        } catch (BadInputException e) {
            return new Outcome(false, "trusted root refused: " + e.getMessage());
        }
        Path keyFile = dir.resolve("key.pub");
        KeyPairSignatureVerifier keys;
        try {
            keys = Files.exists(keyFile) ? KeyPairSignatureVerifier.of(Map.of("key.pub", Files.readAllBytes(keyFile)))
                    : KeyPairSignatureVerifier.of(Map.of());
        } catch (BadInputException e) {
            // As 'sbomgate trust add' would: a key file that holds no valid key cannot be pinned at all.
            return new Outcome(false, "key refused: " + e.getMessage());
        }
        BundleVerification result = new SigstoreVerifier(root, keys).verifyBundle(artifact, dir.resolve("bundle.sigstore.json"));
        String why = result.check().status() + ": " + result.check().detail();
        if (result.check().status() != SignatureStatus.VERIFIED) {
            return new Outcome(false, why);
        }
        if (Files.exists(keyFile)) {
            boolean byKey = result.identity() == null && keys.keys().get(0).fingerprint().equals(result.check().signer());
            return new Outcome(byKey, byKey ? why : "verified, but not by key.pub: " + why);
        }
        String identity = read(dir.resolve("identity"), DEFAULT_IDENTITY);
        String issuer = read(dir.resolve("issuer"), DEFAULT_ISSUER);
        boolean matches = result.identity() != null && result.identity().subject().equals(identity)
                && result.identity().issuer().equals(issuer);
        return new Outcome(matches, matches ? why : "verified, but the identity " + (result.identity() == null ? "(none)"
                : result.identity().summary()) + " is not " + identity + " from " + issuer);
    }

    private static String read(Path file, String fallback) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : fallback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everySkipAndEveryExpectedReasonNamesACaseOfTheSuite() {
        SKIPPED.keySet().forEach(name -> assertTrue(Files.isDirectory(cases().resolve(name)), name));
        FAILS_BECAUSE.keySet().forEach(name -> assertTrue(name.endsWith("_fail") && Files.isDirectory(cases().resolve(name)),
                name));
    }

    @Test
    void happyPathReportsTheCertificateIdentityAndTheLogEntry() throws IOException {
        Path dir = cases().resolve("happy-path-v0.3");
        TrustedRoot root = TrustedRoot.parse(Files.readAllBytes(resources().resolve("trusted_root.production.json")), "root");
        BundleVerification result = new SigstoreVerifier(root, KeyPairSignatureVerifier.of(Map.of()))
                .verifyBundle(cases().resolve("a.txt"), dir.resolve("bundle.sigstore.json"));
        assertEquals(SignatureStatus.VERIFIED, result.check().status(), result.check().detail());
        assertNotNull(result.identity());
        assertEquals(DEFAULT_IDENTITY, result.identity().subject());
        assertEquals(result.identity().fingerprint(), result.check().signer());
        assertEquals("rekor.sigstore.dev entry 79571823", result.log());
        assertEquals("https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon",
                result.identity().repository());
        assertEquals("refs/heads/main", result.identity().ref());
    }
}
