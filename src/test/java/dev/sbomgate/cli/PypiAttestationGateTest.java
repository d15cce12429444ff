package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEP 740 provenance through {@link Main#run}, end to end: the real pypi-attestations 0.0.19 sdist and the provenance
 * PyPI served for it (src/test/resources/pypi/SOURCES.md) in the evidence layout, the public-good trusted root, identity
 * pins per project made with {@code sbomgate trust}, {@code init} and {@code check}.
 */
class PypiAttestationGateTest {
    private static final Path PYPI = Path.of("src/test/resources/pypi");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String FILE = "pypi_attestations-0.0.19.tar.gz";
    private static final String RELEASES = "https://github\\.com/trailofbits/pypi-attestations/\\.github/workflows/"
            + "release\\.yml@refs/tags/v.+";
    private static final String SCOPE = "pkg:pypi/pypi-attestations";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        assertEquals(0, run("trust", "sigstore-root", PYPI.resolve("trusted_root.production.json").toString(),
                "--trust", trust.toString()), stderr);
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

    private void pin(String pattern, String scope) {
        assertEquals(0, run("trust", "add-identity", "--trust", trust.toString(), "--name", "pypi-attestations releases",
                "--issuer", ISSUER, "--identity-pattern", pattern, "--scope", scope), stderr);
    }

    /**
     * The evidence layout for pypi-attestations {@code version}: the real sdist under the file name of that version,
     * with the real provenance (edited by {@code edit} when not null), or without one; the SBOM names it with its SHA-256.
     */
    private void release(String version, boolean provenance, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        Path folder = artifacts.resolve("pypi/pypi-attestations").resolve(version);
        Files.createDirectories(folder);
        String name = "pypi_attestations-" + version + ".tar.gz";
        Files.copy(PYPI.resolve(FILE), folder.resolve(name));
        if (provenance) {
            ObjectNode document = (ObjectNode) JSON.readTree(PYPI.resolve(FILE + ".provenance").toFile());
            if (edit != null) {
                edit.accept(document);
            }
            Files.write(folder.resolve(name + ".provenance"), JSON.writeValueAsBytes(document));
        }
        byte[] bytes = Files.readAllBytes(folder.resolve(name));
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:4b1c5a8e-1d2f-4b7e-9c3a-2f6d8e0a1b2c","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[{"type":"library","bom-ref":"pa","name":"pypi-attestations",
                   "version":"%s","purl":"pkg:pypi/pypi-attestations@%s",
                   "hashes":[{"alg":"SHA-256","content":"%s"}]}],
                 "dependencies":[{"ref":"demo","dependsOn":["pa"]}]}
                """.formatted(version, version, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
    }

    private String[] gate(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String[] verify() {
        return new String[] {"verify", "--sbom", sbom.toString(), "--trust", trust.toString(), "--artifacts",
                artifacts.toString()};
    }

    private JsonNode signatureOf(JsonNode report) {
        return report.path("components").path(0).path("signatures").path(0);
    }

    @Test
    void theTrustedPublishersAttestationFromThePinnedWorkflowPassesAndIsReported() throws Exception {
        pin(RELEASES, SCOPE);
        release("0.0.19", true, null);
        assertEquals(0, run(gate("init")), stdout + stderr);
        assertTrue(stdout.contains("1 signed by pinned keys"), stdout);
        // --full: the attestation verified again, as the verifier reports it (a plain check reuses the approval's result)
        assertEquals(0, run(gate("check", "--full", "--format", "json")), stdout + stderr);
        JsonNode signature = signatureOf(JSON.readTree(stdout));
        assertEquals("VERIFIED", signature.path("status").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                signature.toString());
        assertTrue(signature.path("kind").asText().toLowerCase(java.util.Locale.ROOT).replaceAll("[-_]", "")
                .equals("pypiattestation"), signature.toString());
        String detail = signature.path("detail").asText();
        assertTrue(detail.contains("Trusted Publisher GitHub trailofbits/pypi-attestations, workflow release.yml, no environment"),
                detail);
        assertTrue(detail.contains("ref refs/tags/v0.0.19, commit 08802efe1f8e5fec4ad842d6b8ce97656092ee72"), detail);
        assertTrue(detail.contains("pinned as 'pypi-attestations releases'"), detail);

        // reused: the approval's result, still naming the publisher identity the approval recorded
        assertEquals(0, run(gate("check", "--format", "json")), stdout + stderr);
        JsonNode reused = signatureOf(JSON.readTree(stdout));
        String reusedDetail = reused.path("detail").asText();
        assertTrue(reusedDetail.contains("result reused") && reusedDetail.contains("trailofbits/pypi-attestations@refs/tags/v0.0.19")
                && reusedDetail.contains("pinned as 'pypi-attestations releases'"), reusedDetail);
    }

    @Test
    void anAttestationFromAnotherWorkflowThanThePinnedOneIsUntrusted() throws Exception {
        pin("https://github\\.com/trailofbits/pypi-attestations/\\.github/workflows/publish\\.yml@refs/tags/v.+", SCOPE);
        release("0.0.19", true, null);
        assertEquals(1, run(verify()), stdout + stderr);
        assertTrue(stdout.contains("UNTRUSTED_SIGNER  attested (PEP 740 provenance) by an identity no pin trusts"
                + " (https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19)"), stdout);
    }

    @Test
    void aPinForAnotherProjectDoesNotVouchForThisOne() throws Exception {
        pin(RELEASES, "pkg:pypi/sigstore");
        release("0.0.19", true, null);
        assertEquals(1, run(verify()), stdout + stderr);
        assertTrue(stdout.contains("UNTRUSTED_SIGNER  signed by a pinned key that is not pinned for this package"), stdout);
    }

    @Test
    void aProvenanceWhosePublisherNamesAForkIsABadSignature() throws Exception {
        pin(RELEASES, SCOPE);
        release("0.0.19", true, p -> ((ObjectNode) p.path("attestation_bundles").path(0).path("publisher"))
                .put("repository", "attacker/pypi-attestations"));
        assertEquals(1, run(verify()), stdout + stderr);
        assertTrue(stdout.contains("BAD_SIGNATURE"), stdout);
        assertTrue(stdout.contains("names the publisher GitHub attacker/pypi-attestations"), stdout);
    }

    @Test
    void theAttestationOfOneFileBesideAnotherFileNameIsABadSignature() throws Exception {
        pin(RELEASES, SCOPE);
        release("0.0.20", true, null);
        assertEquals(1, run(verify()), stdout + stderr);
        assertTrue(stdout.contains("BAD_SIGNATURE"), stdout);
        assertTrue(stdout.contains("attests to the distribution 'pypi_attestations-0.0.19.tar.gz', not to"
                + " 'pypi_attestations-0.0.20.tar.gz'"), stdout);
    }

    @Test
    void aReleaseStrippedOfTheProvenanceItsApprovedVersionHadIsADowngrade() throws Exception {
        pin(RELEASES, SCOPE);
        release("0.0.19", true, null);
        assertEquals(0, run(gate("init")), stdout + stderr);
        // the next release arrives without the provenance (made from a stolen token, not by the Trusted Publisher)
        release("0.0.20", false, null);
        assertEquals(1, run(gate("check")), stdout + stderr);
        assertTrue(stdout.contains("SIGNATURE_DOWNGRADE"), stdout);
    }

    /** docs/formats.md 1.4: init records the Trusted Publisher's identity as the baseline's evidence.identity. */
    @Test
    void initRecordsThePublisherIdentityOfTheAttestation() throws Exception {
        pin(RELEASES, SCOPE);
        release("0.0.19", true, null);
        assertEquals(0, run(gate("init")), stdout + stderr);
        JsonNode evidence = JSON.readTree(baseline.resolve("baseline.json").toFile()).path("components").path(0).path("evidence");
        assertEquals("PUBLISHER", evidence.path("tier").asText(), evidence.toString());
        JsonNode identity = evidence.path("identity");
        assertEquals("https://github.com/trailofbits/pypi-attestations", identity.path("repository").asText(), identity.toString());
        assertEquals(".github/workflows/release.yml", identity.path("workflow").asText());
        assertEquals("refs/tags/v0.0.19", identity.path("ref").asText());
        assertEquals("08802efe1f8e5fec4ad842d6b8ce97656092ee72", identity.path("commit").asText());
        assertTrue(identity.path("environment").isNull(), identity.toString());
        assertEquals(evidence.path("checks").path(0).path("signer").asText(), identity.path("pin").asText());
    }

    /** One claim matcher for every Sigstore-based kind: a PEP 740 attestation must meet the pin's claim matchers too. */
    @Test
    void thePinsClaimMatchersApplyToTheTrustedPublisher() throws Exception {
        assertEquals(0, run("trust", "add-identity", "--trust", trust.toString(), "--name", "pypi-attestations, environment pypi",
                "--issuer", ISSUER, "--identity-pattern", RELEASES, "--environment", "pypi", "--scope", SCOPE), stderr);
        release("0.0.19", true, null);
        assertEquals(1, run(verify()), stdout + stderr);
        assertTrue(stdout.contains("UNTRUSTED_SIGNER"), stdout);
        assertTrue(stdout.contains("environment: expected pypi, found none"), stdout);
    }

    @Test
    void aProvenanceOverItsSizeLimitIsMalformedNotRead() throws Exception {
        pin(RELEASES, SCOPE);
        release("0.0.19", true, null);
        Path provenance = artifacts.resolve("pypi/pypi-attestations/0.0.19/" + FILE + ".provenance");
        try (var channel = java.nio.channels.FileChannel.open(provenance, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), 16L * 1024 * 1024); // sparse: 16 MiB + 1 byte
        }
        assertEquals(1, run(verify()), stdout + stderr);
        assertTrue(stdout.contains("larger than the PEP 740 provenance size limit of 16 MiB"), stdout);
    }
}
