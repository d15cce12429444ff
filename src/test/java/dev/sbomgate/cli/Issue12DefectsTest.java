package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sbomgate.files.Limits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's hostile inputs 1, 2, 3, 7 and 8, each reproduced as the issue gives it, end to end through
 * {@link Main#run} over a real signed POM project (4 is {@link Defect4VerifyHostileNameTest}, 5
 * {@code signature.pgp.Defect5HostileKeyBoundsTest}, 6 {@link ZipEndRecordGateTest}). Every refusal is exit 2 with
 * one line on standard error, within seconds, and leaves the inputs as they were.
 */
class Issue12DefectsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration SECONDS = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    Path artifacts;
    Path baseline;
    Path sbom;
    String stdout;
    String stderr;

    @BeforeEach
    void project() throws IOException, NoSuchAlgorithmException {
        SignedPomProject project = SignedPomProject.create(dir, CLOCK);
        artifacts = project.artifacts();
        baseline = project.baseline();
        sbom = project.sbom();
        assertEquals(0, run(gate("init")), stderr);
    }

    private int run(String... args) {
        SignedPomProject.Run result = assertTimeoutPreemptively(SECONDS, () -> SignedPomProject.run(CLOCK, args));
        stdout = result.stdout();
        stderr = result.stderr();
        return result.code();
    }

    private String[] gate(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--sbom", sbom.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private void assertRefusedInOneLine(String... expected) {
        assertEquals(1, stderr.strip().lines().count(), "one line: " + stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), stderr);
        for (String e : expected) {
            assertTrue(stderr.contains(e), "expected '" + e + "' in: " + stderr);
        }
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        return fifo;
    }

    /** A sparse file one byte over {@code limit}: costs no disk, and nothing may read it to find out. */
    private Path overLimit(Path file, Limits.Limit limit) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(limit.bytes() + 1);
        }
        return file;
    }

    @Test
    void defect1FifoAsTheSbomIsRefusedBeforeAnyRead() throws Exception {
        Path fifo = fifo("f.json");
        assertEquals(2, run("diff", sbom.toString(), fifo.toString()));
        assertRefusedInOneLine("f.json", "not a regular file");
        assertEquals(2, run("check", "--sbom", fifo.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        assertRefusedInOneLine("not a regular file");
    }

    @Test
    void defect1FifoAsPolicyTrustIndexOrMetadataIsRefused() throws Exception {
        Path fifo = fifo("input.fifo");
        assertEquals(2, run(gate("check", "--policy", fifo.toString())));
        assertRefusedInOneLine("not a regular file");
        assertEquals(2, run(gate("check", "--metadata", fifo.toString())));
        assertRefusedInOneLine("not a regular file");
        Path trustIndex = baseline.resolve("trust/trust.json");
        Files.delete(trustIndex);
        Files.move(fifo, trustIndex);
        assertEquals(2, run(gate("check")));
        assertRefusedInOneLine("not a regular file");
    }

    @Test
    void defect2DevZeroAsTheSbomIsRefusedAlsoThroughASymbolicLink() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertEquals(2, run("diff", sbom.toString(), zero.toString()));
        assertRefusedInOneLine("/dev/zero", "not a regular file");
        Path link = Files.createSymbolicLink(dir.resolve("bom-link.json"), zero);
        assertEquals(2, run("check", "--sbom", link.toString(), "--baseline", baseline.toString(),
                "--artifacts", artifacts.toString()));
        assertRefusedInOneLine("bom-link.json", "not a regular file");
    }

    @Test
    void defect2EveryInputOverItsSizeLimitIsRefusedNamingTheLimit() throws IOException {
        Path bigSbom = overLimit(dir.resolve("big/bom.json"), Limits.SBOM);
        assertEquals(2, run("diff", sbom.toString(), bigSbom.toString()));
        assertRefusedInOneLine("SBOM size limit of " + Limits.SBOM.human());

        Path bigPolicy = overLimit(dir.resolve("big/policy.yaml"), Limits.POLICY);
        assertEquals(2, run(gate("check", "--policy", bigPolicy.toString())));
        assertRefusedInOneLine("policy size limit of " + Limits.POLICY.human());

        Path bigMetadata = overLimit(dir.resolve("big/times.json"), Limits.METADATA);
        assertEquals(2, run(gate("check", "--metadata", bigMetadata.toString())));
        assertRefusedInOneLine("metadata size limit of " + Limits.METADATA.human());

        Path trustIndex = baseline.resolve("trust/trust.json");
        byte[] index = Files.readAllBytes(trustIndex);
        overLimit(trustIndex, Limits.TRUST_INDEX);
        assertEquals(2, run(gate("check")));
        assertRefusedInOneLine("trust index size limit of " + Limits.TRUST_INDEX.human());
        Files.write(trustIndex, index);

        Path baselineFile = baseline.resolve("baseline.json");
        overLimit(baselineFile, Limits.BASELINE);
        assertEquals(2, run(gate("check")));
        assertRefusedInOneLine("baseline size limit of " + Limits.BASELINE.human());
    }

    @Test
    void defect3OutputOntoTheInputSbomIsRefusedAndTheSbomKept() throws IOException {
        byte[] before = Files.readAllBytes(sbom);
        assertEquals(2, run(gate("check", "--format", "json", "--output", sbom.toString())));
        assertRefusedInOneLine("--output", "the SBOM");
        assertEquals(new String(before), Files.readString(sbom), "the SBOM is untouched");
        assertEquals("", stdout, "nothing was evaluated");
    }

    @Test
    void defect3OutputOntoTheBaselineThroughASymbolicLinkIsRefused() throws IOException {
        Path baselineFile = baseline.resolve("baseline.json");
        byte[] before = Files.readAllBytes(baselineFile);
        Path link = Files.createSymbolicLink(dir.resolve("report.json"), baselineFile);
        assertEquals(2, run(gate("check", "--format", "json", "--output", link.toString())));
        assertRefusedInOneLine("the baseline's baseline.json");
        assertEquals(2, run(gate("check", "--format", "json", "--output", baselineFile.toString())));
        assertRefusedInOneLine("the baseline's baseline.json");
        assertEquals(new String(before), Files.readString(baselineFile));
    }

    @Test
    void defect3OutputInsideTheTrustStoreOrArtifactsIsRefusedForEveryGateCommand() throws IOException {
        Path intoTrust = baseline.resolve("trust/report.sarif");
        assertEquals(2, run(gate("check", "--format", "sarif", "--output", intoTrust.toString())));
        assertRefusedInOneLine("inside the trust store");
        assertFalse(Files.exists(intoTrust));
        Path intoArtifacts = artifacts.resolve("report.json");
        assertEquals(2, run(gate("approve", "--reason", "x", "--format", "json", "--output", intoArtifacts.toString())));
        assertRefusedInOneLine("inside the --artifacts directory");
        assertEquals(2, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust",
                baseline.resolve("trust").toString(), "--format", "json", "--output", intoArtifacts.toString()));
        assertRefusedInOneLine("inside the --artifacts directory");
        assertEquals(2, run("verify", "--sbom", sbom.toString(), "--artifacts", artifacts.toString(), "--trust",
                baseline.resolve("trust").toString(), "--format", "json", "--output", sbom.toString()));
        assertRefusedInOneLine("the SBOM");
        assertFalse(Files.exists(intoArtifacts));
        // a report next to the inputs is fine
        assertEquals(0, run(gate("check", "--format", "json", "--output", dir.resolve("report.json").toString())), stderr);
        assertTrue(Files.size(dir.resolve("report.json")) > 0);
    }

    @Test
    void defect7PolicyWithSeveralYamlDocumentsIsRefused() throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                rules:
                  UNSIGNED: warn
                ---
                rules:
                  UNSIGNED: block
                """);
        assertEquals(2, run(gate("check", "--policy", policy.toString())));
        assertRefusedInOneLine("several YAML documents");
        Files.writeString(policy, "---\nrules:\n  UNSIGNED: block\n");
        assertEquals(0, run(gate("check", "--policy", policy.toString())), "one document with a leading '---' is fine: "
                + stderr);
    }

    @Test
    void defect8UnknownKeyWordingDoesNotClaimTheSignatureIsValid() {
        assertEquals(0, run("explain", "UNTRUSTED_SIGNER"), stderr);
        assertFalse(stdout.contains("the signature is valid but"), stdout);
        assertTrue(stdout.contains("cannot vouch"), stdout);
    }

    @Test
    void defect8InitRefusedNamesTheDatedWaiver() throws IOException {
        Files.writeString(artifacts.resolve(SignedPomProject.POM), "<!-- tampered -->", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, run(gate("init", "--force")));
        assertTrue(stderr.contains("init refused") && stderr.contains("dated waiver"), stderr);
    }
}
