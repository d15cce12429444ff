package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sigstore bundles through {@link Main#run}, end to end: the real sigstore-java 1.2.0 and 1.3.0 POMs with the bundles
 * their release workflow published on Maven Central, the public-good trusted root, identity pins made with
 * {@code sbomgate trust}, a baseline made with {@code init}, and {@code check} of an upgrade.
 */
class SigstoreGateTest {
    private static final Path SIGSTORE = Path.of("src/test/resources/signature/sigstore");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String WORKFLOW = "https://github.com/sigstore/sigstore-java/.github/workflows/"
            + "release-sigstore-java-from-tag.yaml@refs/tags/v";
    private static final String RELEASES = "https://github\\.com/sigstore/sigstore-java/\\.github/workflows/"
            + "release-sigstore-java-from-tag\\.yaml@refs/tags/v[0-9.]+";
    private static final String SCOPE = "pkg:maven/dev.sigstore/*";

    @TempDir
    Path dir;
    Path artifacts;
    Path baseline;
    Path trust;
    Path sbom;
    String stdout;
    String stderr;

    @BeforeEach
    void project() {
        artifacts = dir.resolve("artifacts");
        baseline = dir.resolve(".sbomgate");
        trust = baseline.resolve("trust");
        sbom = dir.resolve("bom.json");
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK, args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void installRoot() {
        assertEquals(0, run("trust", "sigstore-root", SIGSTORE.resolve("trusted_root.production.json").toString(),
                "--trust", trust.toString()), stderr);
    }

    private void pinIdentity(String name, String option, String identity) {
        assertEquals(0, run("trust", "add-identity", "--trust", trust.toString(), "--name", name, "--issuer", ISSUER,
                option, identity, "--scope", SCOPE), stderr);
    }

    /** The artifacts folder holds this release's POM and the given signature files of it, nothing else. */
    private void release(String version, String... signatureSuffixes) throws IOException, GeneralSecurityException {
        if (Files.exists(artifacts)) {
            try (var files = Files.list(artifacts)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(artifacts);
        String pom = "sigstore-java-" + version + ".pom";
        Files.copy(SIGSTORE.resolve("maven").resolve(pom), artifacts.resolve(pom));
        for (String suffix : signatureSuffixes) {
            if (suffix.equals(".sigstore.json")) {
                Files.copy(SIGSTORE.resolve("maven").resolve(pom + suffix), artifacts.resolve(pom + suffix));
            }
        }
        byte[] bytes = Files.readAllBytes(artifacts.resolve(pom));
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[{"type":"library","bom-ref":"sj","group":"dev.sigstore","name":"sigstore-java",
                   "version":"%s","purl":"pkg:maven/dev.sigstore/sigstore-java@%s?type=pom",
                   "hashes":[{"alg":"SHA-256","content":"%s"}]}],
                 "dependencies":[{"ref":"demo","dependsOn":["sj"]}]}
                """.formatted(version, version, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
    }

    private String[] gate(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void trustCommandsPinListShowAndRemoveAnIdentity() {
        assertEquals(2, run("trust", "add-identity", "--trust", trust.toString(), "--name", "x", "--issuer", ISSUER,
                "--identity", WORKFLOW + "1.3.0", "--scope", SCOPE));
        assertTrue(stderr.contains("holds no Sigstore trusted root") && stderr.contains("sbomgate trust sigstore-root"), stderr);
        installRoot();
        assertTrue(stdout.contains("transparency log https://rekor.sigstore.dev ECDSA-P256"), stdout);
        pinIdentity("sigstore-java releases", "--identity-pattern", RELEASES);
        String fingerprint = stdout.lines().filter(l -> l.startsWith("  fingerprint")).findFirst().orElseThrow()
                .substring("  fingerprint  ".length());
        assertTrue(stdout.contains("  pattern      " + RELEASES), stdout);
        assertTrue(stdout.contains("  issuer       " + ISSUER), stdout);
        assertEquals(2, run("trust", "add-identity", "--trust", trust.toString(), "--name", "x", "--issuer", ISSUER,
                "--identity-pattern", "(unclosed", "--scope", SCOPE));
        assertTrue(stderr.contains("--identity-pattern: identity pattern '(unclosed' is not a regular expression"), stderr);

        assertEquals(0, run("trust", "list", "--trust", trust.toString()), stderr);
        assertTrue(stdout.contains("sigstore-java releases  sigstore  " + fingerprint + "  " + SCOPE), stdout);
        assertTrue(stdout.contains("0 keys and 1 Sigstore identity pinned"), stdout);
        assertEquals(0, run("trust", "show", fingerprint, "--trust", trust.toString()), stderr);
        assertTrue(stdout.startsWith("Sigstore identity 'sigstore-java releases':"), stdout);
        assertEquals(0, run("trust", "remove", fingerprint, "--trust", trust.toString()), stderr);
        assertTrue(stdout.startsWith("Removed Sigstore identity 'sigstore-java releases'"), stdout);
        assertTrue(Files.exists(trust.resolve("sigstore/trusted_root.json")));
    }

    @Test
    void anUpgradeSignedByThePinnedReleaseWorkflowPasses() throws Exception {
        installRoot();
        pinIdentity("sigstore-java releases", "--identity-pattern", RELEASES);
        release("1.2.0", ".sigstore.json");
        assertEquals(0, run(gate("init")), stdout + stderr);
        assertTrue(stdout.contains("1 signed by pinned keys"), stdout);
        release("1.3.0", ".sigstore.json");
        assertEquals(0, run(gate("check")), stdout + stderr);
        assertTrue(stdout.startsWith("PASSED"), stdout);
        assertEquals(0, run(gate("check", "--format", "json")), stderr);
        assertTrue(stdout.contains("\"type\" : \"sigstore\""), "the trust inventory lists the identity pin: " + stdout);
        assertTrue(stdout.contains("refs/tags/v1.3.0 (OIDC issuer " + ISSUER + ")"), "the report names the identity: " + stdout);
    }

    @Test
    void aReleaseSignedByAnUnpinnedIdentityIsUntrusted() throws Exception {
        installRoot();
        // Pinned: the 1.0.0 release's exact identity. The 1.3.0 POM was signed by the same workflow at another ref.
        pinIdentity("sigstore-java 1.0.0", "--identity", WORKFLOW + "1.0.0");
        release("1.3.0", ".sigstore.json");
        assertEquals(1, run(gate("init")), stdout + stderr);
        assertTrue(stdout.contains("UNTRUSTED_SIGNER"), stdout);
        assertTrue(stdout.contains("signed with a Sigstore bundle by an identity no pin trusts (" + WORKFLOW + "1.3.0)"),
                stdout);
        assertFalse(Files.exists(baseline.resolve("baseline.json")));
    }

    @Test
    void aChangeOfIdentityAgainstTheBaselineIsSignerChanged() throws Exception {
        installRoot();
        pinIdentity("sigstore-java 1.2.0 release", "--identity", WORKFLOW + "1.2.0");
        pinIdentity("sigstore-java 1.3.0 release", "--identity", WORKFLOW + "1.3.0");
        release("1.2.0", ".sigstore.json");
        assertEquals(0, run(gate("init")), stdout + stderr);
        release("1.3.0", ".sigstore.json");
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("SIGNER_CHANGED"), stdout);
        assertTrue(stdout.contains("sigstore-java 1.3.0 release"), stdout);
    }

    @Test
    void leavingSigstoreForAKeyPairSignatureOrNoneIsADowngrade() throws Exception {
        installRoot();
        pinIdentity("sigstore-java releases", "--identity-pattern", RELEASES);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        Path pem = dir.resolve("release.pub.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        assertEquals(0, run("trust", "add", pem.toString(), "--trust", trust.toString(), "--name", "a release key",
                "--scope", SCOPE), stderr);
        release("1.2.0", ".sigstore.json");
        assertEquals(0, run(gate("init")), stdout + stderr);

        release("1.3.0");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(Files.readAllBytes(artifacts.resolve("sigstore-java-1.3.0.pom")));
        Files.write(artifacts.resolve("sigstore-java-1.3.0.pom.sig"), signer.sign());
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("SIGNATURE_DOWNGRADE"), stdout);
        assertTrue(stdout.contains("signed with a weaker kind of signature than the approved version"), stdout);

        release("1.3.0");
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("SIGNATURE_DOWNGRADE"), stdout);
        // a format 3 baseline recorded the tier and the publisher identity: the finding names both (docs/formats.md 1.3)
        assertTrue(stdout.contains("1.2.0 had a Sigstore signature from sigstore/sigstore-java"
                + " release-sigstore-java-from-tag.yaml; 1.3.0 has no verified evidence"), stdout);
    }
}
