package dev.sbomgate.rules;

import static dev.sbomgate.rules.RuleFixtures.baseline;
import static dev.sbomgate.rules.RuleFixtures.component;
import static dev.sbomgate.rules.RuleFixtures.context;
import static dev.sbomgate.rules.RuleFixtures.found;
import static dev.sbomgate.rules.RuleFixtures.inventory;
import static dev.sbomgate.rules.RuleFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.ComponentEvidence;
import dev.sbomgate.baseline.EvidenceCheck;
import dev.sbomgate.baseline.EvidenceKind;
import dev.sbomgate.baseline.PublisherIdentity;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.signature.Publisher;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evidence tiers and publisher identities against the baseline (docs/formats.md §1.3, §1.4): SIGNATURE_DOWNGRADE
 * within a release line, SIGNER_CHANGED on another repository or workflow, UNSIGNED.tier.
 */
class EvidenceTierRulesTest {

    static final Fingerprint IDENTITY_PIN = new Fingerprint("1".repeat(64));
    static final Fingerprint REGISTRY_PIN = new Fingerprint("2".repeat(64));
    static final String ISSUER = "https://token.actions.githubusercontent.com";
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    static Publisher publisher(String repository, String workflow, String ref) {
        return new Publisher(ISSUER, repository, workflow, ref, COMMIT, "release", "github-hosted", null);
    }

    static final Publisher AXIOS = publisher("https://github.com/axios/axios", ".github/workflows/release.yml",
            "refs/tags/v1.14.0");

    static SignatureCheck provenance(Publisher p) {
        return new SignatureCheck(SignatureKind.NPM_PROVENANCE, SignatureStatus.VERIFIED, IDENTITY_PIN, IDENTITY_PIN,
                p.summary(), AT, "ECDSA-P256/SHA-256 (DSSE)", Path.of("attestations.json"), "provenance verified",
                "c".repeat(64), p);
    }

    static SignatureCheck registry() {
        return new SignatureCheck(SignatureKind.NPM_REGISTRY_SIGNATURE, SignatureStatus.VERIFIED, REGISTRY_PIN,
                REGISTRY_PIN, "SHA256:DhQ8", AT, "ECDSA-P256/SHA-256", Path.of("version.json"), "registry signature",
                "d".repeat(64));
    }

    static Evidence candidate(Component c, SignatureCheck... checks) {
        return found(c, List.of(sha256('b')), IntegrityStatus.PROVEN, checks);
    }

    static EvidenceCheck check(EvidenceKind kind, Fingerprint signer, String file) {
        return new EvidenceCheck(kind, file, "e".repeat(64), new Digest(dev.sbomgate.model.HashAlgorithm.SHA_256,
                "a".repeat(64)), signer, signer, "ECDSA-P256/SHA-256", AT, true,
                kind.sigstoreBased() ? "f".repeat(64) : null);
    }

    /** An approved npm component with provenance from {@code p} (and a registry signature), or only a registry signature. */
    static BaselineComponent approved(Component c, Publisher p, boolean registry) {
        List<EvidenceCheck> checks = new ArrayList<>();
        if (registry) {
            checks.add(check(EvidenceKind.NPM_REGISTRY_SIGNATURE, REGISTRY_PIN, "version.json"));
        }
        PublisherIdentity identity = null;
        if (p != null) {
            checks.add(check(EvidenceKind.NPM_PROVENANCE, IDENTITY_PIN, "attestations.json"));
            identity = new PublisherIdentity(p.issuer(), p.repository(), p.workflow(), p.ref(), p.commit(), p.trigger(),
                    p.runner(), p.environment(), IDENTITY_PIN);
        }
        return new BaselineComponent(c, List.of(sha256('a')), p == null ? null : SignatureKind.NPM_PROVENANCE,
                p == null ? null : IDENTITY_PIN, p == null ? null : AT, null, ComponentEvidence.of(checks, identity, 1));
    }

    static List<Finding> run(Rule rule, List<BaselineComponent> approved, List<Evidence> evidence, Policy policy) {
        Baseline baseline = baseline(approved, Map.of());
        return rule.evaluate(context(inventory(evidence.stream().map(Evidence::component).toList(), Map.of()), baseline,
                evidence, policy, TrustStore.empty(), true, List.of(), ReleaseDates.none()));
    }

    static Policy policy(RuleParameter parameter, Object value) {
        return new Policy("test", Map.of(), Map.of(parameter, value), List.of());
    }

    @Test
    void axiosLosingItsProvenanceKeepingTheRegistrySignatureIsADowngrade() {
        Component before = component("pkg:npm/axios@1.14.0");
        Component after = component("pkg:npm/axios@1.14.1");
        List<Finding> findings = run(new SignatureDowngradeRule(), List.of(approved(before, AXIOS, true)),
                List.of(candidate(after, registry())), Policy.defaults());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(RuleId.SIGNATURE_DOWNGRADE, f.rule());
        assertEquals("1.14.0 had provenance from axios/axios release.yml; 1.14.1 has only a registry signature", f.title());
        assertTrue(f.expected().contains("tier PUBLISHER") && f.expected().contains("release line 1.x")
                && f.expected().contains("https://github.com/axios/axios@refs/tags/v1.14.0"), f.expected());
        assertTrue(f.found().startsWith("tier REGISTRY"), f.found());
    }

    /** A provenance present but not counted (a fork's, unpinned) is UNTRUSTED_SIGNER's finding, not a second one here. */
    @Test
    void presentButFailedEvidenceIsLeftToTheRuleThatJudgesIt() {
        SignatureCheck fork = new SignatureCheck(SignatureKind.NPM_PROVENANCE, SignatureStatus.UNKNOWN_KEY, null, null,
                "https://github.com/attacker/axios@refs/tags/v1.14.1", AT, "ECDSA-P256/SHA-256 (DSSE)",
                Path.of("attestations.json"), "no identity pin matches");
        assertEquals(List.of(), run(new SignatureDowngradeRule(), List.of(approved(component("pkg:npm/axios@1.14.0"), AXIOS, true)),
                List.of(candidate(component("pkg:npm/axios@1.14.1"), registry(), fork)), Policy.defaults()));
    }

    @Test
    void keepingTheProvenanceIsNoDowngrade() {
        Component before = component("pkg:npm/axios@1.14.0");
        Component after = component("pkg:npm/axios@1.14.1");
        assertEquals(List.of(), run(new SignatureDowngradeRule(), List.of(approved(before, AXIOS, true)),
                List.of(candidate(after, registry(), provenance(AXIOS))), Policy.defaults()));
    }

    @Test
    void losingTheRegistrySignatureIsADowngradeFromRegistryTier() {
        Component before = component("pkg:npm/debug@4.3.4");
        Component after = component("pkg:npm/debug@4.3.5");
        List<Finding> findings = run(new SignatureDowngradeRule(), List.of(approved(before, null, true)),
                List.of(candidate(after)), Policy.defaults());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("4.3.4 had a registry signature; 4.3.5 has no verified evidence", findings.get(0).title());
    }

    @Test
    void aComponentThatNeverHadEvidenceStaysAsToday() {
        Component before = component("pkg:npm/debug@4.3.4");
        Component after = component("pkg:npm/debug@4.3.5");
        assertEquals(List.of(), run(new SignatureDowngradeRule(), List.of(approved(before, null, false)),
                List.of(candidate(after)), Policy.defaults()));
    }

    /**
     * pnpm issues 10202 and 10622: an old line published without provenance next to a newer line that has it (both in
     * one lockfile) must not trip; a lower tier within the same line still does.
     */
    @Test
    void anOldReleaseLineWithoutProvenanceDoesNotTripTheNewerLineWithIt() {
        Publisher p = publisher("https://github.com/o/pkg", ".github/workflows/release.yml", "refs/tags/v2.0.0");
        List<BaselineComponent> approved = List.of(approved(component("pkg:npm/pkg@1.2.0"), null, true),
                approved(component("pkg:npm/pkg@2.0.0"), p, true));
        List<Evidence> candidates = List.of(candidate(component("pkg:npm/pkg@1.2.1"), registry()),
                candidate(component("pkg:npm/pkg@2.0.1"), registry(), provenance(p)));
        assertEquals(List.of(), run(new SignatureDowngradeRule(), approved, candidates, Policy.defaults()));

        // the 1.x line alone, taken after the 2.x line was approved: another line, not compared
        assertEquals(List.of(), run(new SignatureDowngradeRule(), List.of(approved(component("pkg:npm/pkg@2.0.0"), p, true)),
                List.of(candidate(component("pkg:npm/pkg@1.2.1"), registry())), Policy.defaults()));

        // within the 2.x line, losing the provenance is a downgrade
        List<Finding> findings = run(new SignatureDowngradeRule(), approved,
                List.of(candidate(component("pkg:npm/pkg@1.2.1"), registry()),
                        candidate(component("pkg:npm/pkg@2.0.1"), registry())), Policy.defaults());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("pkg:npm/pkg@2.0.1", findings.get(0).subject());
    }

    @Test
    void forZeroMajorTheMinorIsTheReleaseLine() {
        Publisher p = publisher("https://github.com/o/pkg", ".github/workflows/release.yml", "refs/tags/v0.14.2");
        List<BaselineComponent> approved = List.of(approved(component("pkg:npm/pkg@0.14.2"), p, true));
        assertEquals(List.of(), run(new SignatureDowngradeRule(), approved,
                List.of(candidate(component("pkg:npm/pkg@0.15.0"), registry())), Policy.defaults()), "0.15 is another line");
        assertEquals(1, run(new SignatureDowngradeRule(), approved,
                List.of(candidate(component("pkg:npm/pkg@0.14.3"), registry())), Policy.defaults()).size());
    }

    @Test
    void theEcosystemsParameterSaysWhereTiersAreJudged() {
        List<BaselineComponent> approved = List.of(approved(component("pkg:npm/debug@4.3.4"), null, true));
        List<Evidence> candidates = List.of(candidate(component("pkg:npm/debug@4.3.5")));
        assertEquals(1, run(new SignatureDowngradeRule(), approved, candidates, Policy.defaults()).size());
        assertEquals(List.of(), run(new SignatureDowngradeRule(), approved, candidates,
                policy(RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS, List.of("maven", "pypi"))));
    }

    @Test
    void anotherWorkflowOfTheSameRepositoryIsSignerChanged() {
        Publisher before = publisher("https://github.com/laurentsimon/provenance-npm-test", ".github/workflows/release.yml",
                "refs/heads/main");
        Publisher after = publisher("https://github.com/laurentsimon/provenance-npm-test",
                ".github/workflows/release-slsa3.yml", "refs/heads/main");
        List<Finding> findings = run(new SignerChangedRule(),
                List.of(approved(component("pkg:npm/%40laurentsimon/provenance-npm-test@1.0.3"), before, false)),
                List.of(candidate(component("pkg:npm/%40laurentsimon/provenance-npm-test@1.0.5"), provenance(after))),
                Policy.defaults());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(RuleId.SIGNER_CHANGED, f.rule());
        assertEquals("published by another workflow: 1.0.3 came from laurentsimon/provenance-npm-test release.yml, 1.0.5"
                + " from laurentsimon/provenance-npm-test release-slsa3.yml", f.title());
        assertTrue(f.expected().contains("workflow .github/workflows/release.yml"), f.expected());
        assertTrue(f.found().contains("workflow .github/workflows/release-slsa3.yml"), f.found());
    }

    @Test
    void aForkIsAnotherRepository() {
        Publisher fork = publisher("https://github.com/attacker/axios", ".github/workflows/release.yml", "refs/tags/v1.14.1");
        List<Finding> findings = run(new SignerChangedRule(),
                List.of(approved(component("pkg:npm/axios@1.14.0"), AXIOS, true)),
                List.of(candidate(component("pkg:npm/axios@1.14.1"), registry(), provenance(fork))), Policy.defaults());
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).title().startsWith("published by another repository:"), findings.get(0).title());
    }

    @Test
    void refCommitTriggerAndRunnerAreShownNeverCompared() {
        Publisher next = new Publisher(ISSUER, "https://github.com/axios/axios", ".github/workflows/release.yml",
                "refs/tags/v1.14.1", "fedcba9876543210fedcba9876543210fedcba98", "workflow_dispatch", "self-hosted", null);
        assertEquals(List.of(), run(new SignerChangedRule(), List.of(approved(component("pkg:npm/axios@1.14.0"), AXIOS, true)),
                List.of(candidate(component("pkg:npm/axios@1.14.1"), registry(), provenance(next))), Policy.defaults()));
    }

    @Test
    void unsignedTierRegistryAcceptsARegistrySignature() {
        Policy publisherTier = new Policy("test", Map.of(), Map.of(RuleParameter.UNSIGNED_REQUIRE, List.of("pkg:npm/*")),
                List.of());
        Policy registryTier = new Policy("test", Map.of(), Map.of(RuleParameter.UNSIGNED_REQUIRE, List.of("pkg:npm/*"),
                RuleParameter.UNSIGNED_TIER, "REGISTRY"), List.of());
        Evidence registryOnly = candidate(component("pkg:npm/debug@4.3.5"), registry());
        Evidence nothing = candidate(component("pkg:npm/ms@2.1.3"));
        List<Finding> strict = run(new UnsignedRule(), List.of(), List.of(registryOnly, nothing), publisherTier);
        assertEquals(2, strict.size(), strict.toString());
        assertEquals("the artifact carries only the registry's signature, no publisher's", strict.get(0).title());
        List<Finding> lenient = run(new UnsignedRule(), List.of(), List.of(registryOnly, nothing), registryTier);
        assertEquals(1, lenient.size(), lenient.toString());
        assertEquals("pkg:npm/ms@2.1.3", lenient.get(0).subject());
    }
}
