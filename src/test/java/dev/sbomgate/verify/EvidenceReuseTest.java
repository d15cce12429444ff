package dev.sbomgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.ComponentEvidence;
import dev.sbomgate.gate.BaselineBuilder;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.SignatureVerifier;
import dev.sbomgate.trust.IdentityPin;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reuse of verified results in the verify stage (docs/formats.md §1.7), over real Maven Central files: a reused result
 * makes no call to the OpenPGP verifier (counted through the collector's verifier seam), a result recorded by other
 * verifier rules is refused as "verifier changed", and a Sigstore result is refused when the trusted root changed.
 */
class EvidenceReuseTest {
    private static final Path REAL = Path.of("src/test/resources/signature/pgp/real");
    private static final Path SIGSTORE = Path.of("src/test/resources/signature/sigstore");
    private static final String JACKSON_KEY = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;
    Path artifacts;
    Path trustDir;

    @BeforeEach
    void layout() throws IOException {
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
        trustDir = dir.resolve("trust");
    }

    /** Counts the calls that reach the real OpenPGP verifier (Bouncy Castle). */
    private static final class Counting implements SignatureVerifier {
        final SignatureVerifier real;
        final AtomicInteger calls = new AtomicInteger();

        Counting(SignatureVerifier real) {
            this.real = real;
        }

        @Override
        public SignatureCheck verify(Path artifact, Path signatureFile) {
            calls.incrementAndGet();
            return real.verify(artifact, signatureFile);
        }

        @Override
        public SignatureCheck verify(byte[] artifactBytes, Path artifact, Path signatureFile) {
            calls.incrementAndGet();
            return real.verify(artifactBytes, artifact, signatureFile);
        }
    }

    private static Component component(String purl, String group, String name, String version) {
        return new Component("ref", Purl.parse(purl), "library", group, name, version, List.of(), null, null, null, null,
                List.of(), List.of(), null, List.of(), null);
    }

    private static Component jackson() {
        return component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom",
                "com.fasterxml.jackson.core", "jackson-annotations", "2.21");
    }

    private TrustStore pinJackson() throws IOException {
        for (String f : List.of("jackson-annotations-2.21.pom", "jackson-annotations-2.21.pom.asc")) {
            Files.copy(REAL.resolve("artifacts").resolve(f), artifacts.resolve(f));
        }
        new TrustStoreWriter(trustDir).add(Files.readAllBytes(REAL.resolve("keys/" + JACKSON_KEY + ".asc")),
                JACKSON_KEY + ".asc", "Jackson release key", List.of(PurlPattern.parse("pkg:maven/com.fasterxml.jackson.core/*")),
                null, null);
        return TrustStoreLoader.load(trustDir);
    }

    private EvidenceCollector collector(TrustStore trust, Reuse reuse, SignatureVerifier openPgp) {
        return new EvidenceCollector(new ArtifactLocator(List.of(artifacts)), trust, NOW, 1, Progress.NONE, reuse, openPgp);
    }

    /** The baseline an approval of {@code component} with this evidence writes. */
    private static Baseline approve(Component component, Evidence evidence, TrustStore trust) {
        Inventory inventory = new Inventory(Path.of("bom.json"), "json", "1.6", null, 1, null, null, List.of(),
                List.of(component), null);
        return BaselineBuilder.build(inventory, List.of(evidence), "0".repeat(64), trust, null);
    }

    @Test
    void aReusedResultMakesNoCallToTheVerifier() throws IOException {
        TrustStore trust = pinJackson();
        Counting counting = new Counting(trust.openPgpVerifier());
        Evidence approved = collector(trust, Reuse.OFF, counting).collect(List.of(jackson())).get(0);
        assertEquals(SignatureStatus.VERIFIED, approved.signatureStatus());
        assertEquals(1, counting.calls.get(), "an approval verifies in full");
        assertNull(approved.reuse(), "reuse off: nothing to report");

        Baseline baseline = approve(jackson(), approved, trust);
        EvidenceCollector again = collector(trust, Reuse.of(baseline, false, trust), counting);
        Evidence reused = again.collect(List.of(jackson())).get(0);
        assertEquals(1, counting.calls.get(), "the reused result did not reach the verifier");
        assertEquals(1, again.reused());
        assertEquals(0, again.verifiedInFull());
        assertEquals(SignatureStatus.VERIFIED, reused.signatureStatus());
        assertEquals(approved.signature().orElseThrow().signer(), reused.signature().orElseThrow().signer());
        assertEquals(approved.signature().orElseThrow().created(), reused.signature().orElseThrow().created());
        assertEquals(List.of("jackson-annotations-2.21.pom.asc"), reused.reuse().reused());
        assertTrue(reused.reuse().refused().isEmpty());
        assertTrue(reused.reuse().content());
        assertEquals(approved.content(), reused.content());

        // The same baseline with tamper evidence: nothing reused, everything verified.
        EvidenceCollector tampered = collector(trust, Reuse.of(baseline, true, trust), counting);
        Evidence full = tampered.collect(List.of(jackson())).get(0);
        assertEquals(2, counting.calls.get());
        assertEquals(List.of(new Reuse.Refusal("jackson-annotations-2.21.pom.asc", Reuse.BASELINE_TAMPERED)),
                full.reuse().refused());
    }

    @Test
    void aResultRecordedUnderOtherVerifierRulesIsRefused() throws IOException {
        TrustStore trust = pinJackson();
        Counting counting = new Counting(trust.openPgpVerifier());
        Evidence approved = collector(trust, Reuse.OFF, counting).collect(List.of(jackson())).get(0);
        Baseline baseline = approve(jackson(), approved, trust);
        // As if approved by a sbomgate whose verifiers accepted and refused by other rules.
        BaselineComponent was = baseline.components().get(0);
        ComponentEvidence older = ComponentEvidence.of(was.evidence().checks(), null, SignatureVerifier.RULES_VERSION + 1);
        Baseline other = new Baseline(baseline.sbomFormat(), baseline.sbomSpecVersion(), baseline.sbomEncoding(),
                baseline.sbomSerialNumber(), baseline.sbomVersion(), baseline.sbomTimestamp(), baseline.sbomSha256(),
                baseline.sbomSchemaValid(), baseline.trustStoreDigest(), baseline.trust(), baseline.feed(), List.of(new BaselineComponent(
                was.component(), was.artifactDigests(), was.signatureKind(), was.signer(), was.signatureCreated(),
                was.content(), older)), baseline.dependencies());
        Evidence evidence = collector(trust, Reuse.of(other, false, trust), counting).collect(List.of(jackson())).get(0);
        assertEquals(2, counting.calls.get(), "verified in full");
        assertEquals(List.of(new Reuse.Refusal("jackson-annotations-2.21.pom.asc", Reuse.VERIFIER_CHANGED)),
                evidence.reuse().refused());
        assertTrue(!evidence.reuse().content(), "the content summary is not reused under other rules either");
        assertEquals(SignatureStatus.VERIFIED, evidence.signatureStatus());
    }

    @Test
    void aSigstoreResultIsRefusedWhenTheTrustedRootChanged() throws IOException {
        for (String file : List.of("sigstore-java-1.3.0.pom", "sigstore-java-1.3.0.pom.sigstore.json")) {
            Files.copy(SIGSTORE.resolve("maven").resolve(file), artifacts.resolve(file));
        }
        byte[] root = Files.readAllBytes(SIGSTORE.resolve("trusted_root.production.json"));
        TrustStoreWriter writer = new TrustStoreWriter(trustDir);
        writer.setSigstoreRoot(root, "trusted_root.production.json");
        writer.addIdentity("sigstore-java releases", new IdentityPin("https://token.actions.githubusercontent.com",
                "https://github\\.com/sigstore/sigstore-java/\\.github/workflows/release-sigstore-java-from-tag\\.yaml"
                        + "@refs/tags/v[0-9.]+", true), List.of(PurlPattern.parse("pkg:maven/dev.sigstore/*")), null, null);
        TrustStore trust = TrustStoreLoader.load(trustDir);
        Component pom = component("pkg:maven/dev.sigstore/sigstore-java@1.3.0?type=pom", "dev.sigstore", "sigstore-java",
                "1.3.0");
        Evidence approved = collector(trust, Reuse.OFF, null).collect(List.of(pom)).get(0);
        assertEquals(SignatureStatus.VERIFIED, approved.signatureStatus(), approved.signature().orElseThrow().detail());
        Baseline baseline = approve(pom, approved, trust);
        assertNotNull(baseline.components().get(0).evidence());

        EvidenceCollector same = collector(trust, Reuse.of(baseline, false, trust), null);
        Evidence reused = same.collect(List.of(pom)).get(0);
        assertEquals(1, same.reused(), String.valueOf(reused.reuse()));
        assertEquals(SignatureStatus.VERIFIED, reused.signatureStatus());
        assertEquals(approved.signature().orElseThrow().signer(), reused.signature().orElseThrow().signer());

        // The same root with other bytes (a trailing newline): a root the result depends on, changed.
        new TrustStoreWriter(trustDir).setSigstoreRoot((new String(root, StandardCharsets.UTF_8).strip() + "\n\n")
                .getBytes(StandardCharsets.UTF_8), "trusted_root.production.json");
        TrustStore changed = TrustStoreLoader.load(trustDir);
        EvidenceCollector other = collector(changed, Reuse.of(baseline, false, changed), null);
        Evidence full = other.collect(List.of(pom)).get(0);
        assertEquals(0, other.reused());
        assertEquals(1, other.verifiedInFull());
        assertEquals(List.of(new Reuse.Refusal("sigstore-java-1.3.0.pom.sigstore.json", Reuse.TRUSTED_ROOT_CHANGED)),
                full.reuse().refused());
        assertEquals(SignatureStatus.VERIFIED, full.signatureStatus(), full.signature().orElseThrow().detail());
    }
}
