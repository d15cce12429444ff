package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * npm registry signatures and attestations through {@link Main#run}, end to end, over the real material of
 * src/test/resources/npm (SOURCES.md): pins made with {@code trust add-registry-keys}, {@code trust sigstore-root}
 * and {@code trust add-identity} with claim matchers; {@code verify} and {@code check} on the evidence layout.
 */
class NpmGateTest {
    private static final Path NPM = Path.of("src/test/resources/npm");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String ISSUER = "https://token.actions.githubusercontent.com";

    @TempDir
    Path dir;
    Path artifacts;
    Path trust;
    Path sbom;
    String stdout;
    String stderr;

    @BeforeEach
    void project() {
        artifacts = dir.resolve("artifacts");
        trust = dir.resolve(".sbomgate/trust");
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

    private void root() {
        assertEquals(0, run("trust", "sigstore-root", NPM.resolve("trusted_root.json").toString(), "--trust", trust.toString()), stderr);
    }

    private void registryKeys(String file) {
        assertEquals(0, run("trust", "add-registry-keys", file, "--trust", trust.toString(), "--registry",
                "https://registry.npmjs.org/", "--scope", "pkg:npm/*", "--scope", "pkg:npm/@*/*"), stderr);
    }

    private void identity(String... matchers) {
        List<String> args = new ArrayList<>(List.of("trust", "add-identity", "--trust", trust.toString(), "--name",
                "publisher", "--issuer", ISSUER, "--scope", "pkg:npm/sigstore"));
        args.addAll(List.of(matchers));
        assertEquals(0, run(args.toArray(String[]::new)), stderr);
    }

    /** The evidence folders of these NAME@VERSION into artifacts/npm/…, and an SBOM naming them with their SHA-512. */
    private void components(String... specs) throws Exception {
        StringBuilder components = new StringBuilder();
        for (String spec : specs) {
            int at = spec.lastIndexOf('@');
            String name = spec.substring(0, at);
            String version = spec.substring(at + 1);
            Path from = NPM.resolve("evidence/npm").resolve(name).resolve(version);
            Path to = artifacts.resolve("npm").resolve(name).resolve(version);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
            int slash = name.indexOf('/');
            String bare = slash < 0 ? name : name.substring(slash + 1);
            String tgz = (slash < 0 ? "" : name.substring(1, slash) + "-") + bare + "-" + version + ".tgz";
            String purl = "pkg:npm/" + name.replace("@", "%40") + "@" + version;
            String sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(to.resolve(tgz))));
            components.append(components.length() == 0 ? "" : ",").append("""
                    {"type":"library","bom-ref":"%s",%s"name":"%s","version":"%s","purl":"%s","hashes":[{"alg":"SHA-512","content":"%s"}]}"""
                    .formatted(purl, slash < 0 ? "" : "\"group\":\"" + name.substring(0, slash) + "\",", bare, version, purl, sha512));
        }
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b72","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[%s]}
                """.formatted(components));
    }

    private JsonNode verifyJson() {
        run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust", trust.toString(),
                "--format", "json");
        return StrictJson.parse(stdout.getBytes(StandardCharsets.UTF_8), "report");
    }

    private static JsonNode check(JsonNode report, String purl, String kind) {
        for (JsonNode e : report.path("components")) {
            if (e.path("component").asText().equals(purl)) {
                for (JsonNode s : e.path("signatures")) {
                    if (s.path("kind").asText().equals(kind)) {
                        return s;
                    }
                }
            }
        }
        throw new AssertionError("no " + kind + " check for " + purl + " in " + report);
    }

    private static List<String> blocking(JsonNode report) {
        List<String> rules = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if ("block".equals(f.path("severity").asText())) {
                rules.add(f.path("rule").asText());
            }
        });
        return rules;
    }

    @Test
    void provenanceFromThePinnedRepositoryAndWorkflowVerifies() throws Exception {
        root();
        registryKeys("trust/npm-registry-keys.json");
        identity("--repository", "https://github.com/sigstore/sigstore-js", "--workflow", ".github/workflows/release.yml",
                "--ref-pattern", "refs/heads/main", "--trigger", "push", "--runner", "github-hosted");
        components("sigstore@2.3.1");
        JsonNode report = verifyJson();
        assertEquals(List.of(), blocking(report), stdout);
        assertEquals("verified", check(report, "pkg:npm/sigstore@2.3.1", "npm_provenance").path("status").asText());
        assertEquals("verified", check(report, "pkg:npm/sigstore@2.3.1", "npm_publish_attestation").path("status").asText());
        assertTrue(check(report, "pkg:npm/sigstore@2.3.1", "npm_provenance").path("issuer").asText()
                .startsWith("https://github.com/sigstore/sigstore-js@refs/heads/main, workflow .github/workflows/release.yml,"
                        + " commit 46e7056ff9912ebfee5298d94024895a9fea76c0"));
        assertEquals(0, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust", trust.toString()));
        assertTrue(stdout.contains("evidence:  provenance: verified, https://github.com/sigstore/sigstore-js@refs/heads/main"), stdout);
    }

    @Test
    void provenanceFromAForkIsNotThePinnedPublisher() throws Exception {
        root();
        registryKeys("trust/npm-registry-keys.json");
        identity("--repository", "https://github.com/attacker/sigstore-js");
        components("sigstore@2.3.1");
        JsonNode report = verifyJson();
        assertEquals("unknown_key", check(report, "pkg:npm/sigstore@2.3.1", "npm_provenance").path("status").asText());
        assertEquals(List.of("UNTRUSTED_SIGNER"), blocking(report), stdout);
    }

    @Test
    void provenanceFromAnotherWorkflowIsNotThePinnedPublisher() throws Exception {
        root();
        registryKeys("trust/npm-registry-keys.json");
        identity("--repository", "https://github.com/sigstore/sigstore-js", "--workflow", ".github/workflows/publish.yml");
        components("sigstore@2.3.1");
        JsonNode report = verifyJson();
        assertEquals("unknown_key", check(report, "pkg:npm/sigstore@2.3.1", "npm_provenance").path("status").asText());
        assertEquals(List.of("UNTRUSTED_SIGNER"), blocking(report), stdout);
    }

    @Test
    void registrySignatureIsRegistryTierNotAPublisherSignature() throws Exception {
        registryKeys("trust/npm-registry-keys.json");
        components("@x402/express@2.12.0");
        JsonNode report = verifyJson();
        JsonNode registry = check(report, "pkg:npm/%40x402/express@2.12.0", "npm_registry_signature");
        assertEquals("verified", registry.path("status").asText(), registry.toString());
        assertEquals("FB190A462123443500CBCDB6519623E7179E9F38D84AD4E9362B72D2B68B62C1", registry.path("signer").asText());
        // The registry's signature is not the publisher's: the decisive signature stays absent.
        assertEquals("unsigned", report.path("components").get(0).path("signatureStatus").asText());
        assertEquals(List.of(), blocking(report), stdout);
    }

    @Test
    void registrySignatureUnderAnUnpinnedKeyIsAnUntrustedSigner() throws Exception {
        // Only the expired key imported: the version document is signed by its successor.
        Path onlyOld = dir.resolve("old-key.json");
        JsonNode keys = StrictJson.parse(Files.readAllBytes(Path.of("trust/npm-registry-keys.json")), "keys");
        Files.writeString(onlyOld, "{\"keys\": [" + keys.path("keys").get(0) + "]}");
        registryKeys(onlyOld.toString());
        components("@x402/express@2.12.0");
        JsonNode report = verifyJson();
        assertEquals("unknown_key", check(report, "pkg:npm/%40x402/express@2.12.0", "npm_registry_signature").path("status").asText());
        assertEquals(List.of("UNTRUSTED_SIGNER"), blocking(report), stdout);
    }

    @Test
    void flippedIntegrityInTheVersionDocumentIsABadSignature() throws Exception {
        registryKeys("trust/npm-registry-keys.json");
        components("@x402/express@2.12.0");
        Path doc = artifacts.resolve("npm/@x402/express/2.12.0/version.json");
        Files.writeString(doc, Files.readString(doc).replace("sha512-bPc6jp", "sha512-bPc6jq"));
        JsonNode report = verifyJson();
        assertEquals("bad_signature", check(report, "pkg:npm/%40x402/express@2.12.0", "npm_registry_signature").path("status").asText());
        assertTrue(blocking(report).contains("BAD_SIGNATURE"), stdout);
    }

    @Test
    void registryKeysOfAnotherRegistryDoNotCount() throws Exception {
        assertEquals(0, run("trust", "add-registry-keys", "trust/npm-registry-keys.json", "--trust", trust.toString(),
                "--registry", "https://npm.example.com", "--scope", "pkg:npm/*", "--scope", "pkg:npm/@*/*"), stderr);
        components("@x402/express@2.12.0");
        JsonNode report = verifyJson();
        assertEquals("unknown_key", check(report, "pkg:npm/%40x402/express@2.12.0", "npm_registry_signature").path("status").asText());
    }

    @Test
    void publishAttestationAfterItsKeysExpiryIsInvalid() throws Exception {
        // The expired key's pin, but with an expiry before sigstore@2.3.1's publish (2024-05-16): derived from the real document.
        Path early = dir.resolve("expired-early.json");
        JsonNode keys = StrictJson.parse(Files.readAllBytes(Path.of("trust/npm-registry-keys.json")), "keys");
        Files.writeString(early, "{\"keys\": [" + keys.path("keys").get(0).toString()
                .replace("2025-01-29T00:00:00.000Z", "2024-01-01T00:00:00.000Z") + "]}");
        root();
        registryKeys(early.toString());
        identity("--repository", "https://github.com/sigstore/sigstore-js");
        components("sigstore@2.3.1");
        JsonNode report = verifyJson();
        assertEquals("key_expired", check(report, "pkg:npm/sigstore@2.3.1", "npm_publish_attestation").path("status").asText());
    }

    @Test
    void trustStoreWithRegistryKeysIsVersion2AndRoundTrips() throws IOException {
        registryKeys("trust/npm-registry-keys.json");
        String index = Files.readString(trust.resolve("trust.json"));
        assertTrue(index.startsWith("{\n  \"version\": 2,\n"), index);
        assertTrue(index.contains("\"expires\": \"2025-01-29T00:00:00Z\""), index);
        assertTrue(index.contains("\"expires\": null"), index);
        assertEquals(2, run("trust", "add-registry-keys", "trust/npm-registry-keys.json", "--trust", trust.toString(),
                "--registry", "https://registry.npmjs.org", "--scope", "pkg:npm/*"));
        assertTrue(stderr.contains("is already pinned"), stderr);
        assertEquals(0, run("trust", "remove", "FB190A462123443500CBCDB6519623E7179E9F38D84AD4E9362B72D2B68B62C1", "--trust",
                trust.toString()), stderr);
        assertTrue(!Files.readString(trust.resolve("trust.json")).contains("DhQ8wR5APBvFHLF"));
    }

    @Test
    void aKeysDocumentWithAnotherKeyTypeIsRefused() throws IOException {
        Path rsa = dir.resolve("rsa.json");
        Files.writeString(rsa, Files.readString(Path.of("trust/npm-registry-keys.json")).replaceFirst("ecdsa-sha2-nistp256", "ssh-rsa"));
        assertEquals(2, run("trust", "add-registry-keys", rsa.toString(), "--trust", trust.toString(), "--registry",
                "https://registry.npmjs.org", "--scope", "pkg:npm/*"));
        assertTrue(stderr.contains("keytype 'ssh-rsa' is not ecdsa-sha2-nistp256"), stderr);
        assertEquals(2, run("trust", "add-registry-keys", "trust/npm-registry-keys.json", "--trust", trust.toString(),
                "--registry", "http://registry.npmjs.org", "--scope", "pkg:npm/*"));
        assertTrue(stderr.contains("https://"), stderr);
    }
}
