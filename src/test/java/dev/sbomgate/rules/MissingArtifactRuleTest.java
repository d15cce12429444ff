package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.RuleFixtures.approved;
import static dev.sbomgate.rules.RuleFixtures.baseline;
import static dev.sbomgate.rules.RuleFixtures.component;
import static dev.sbomgate.rules.RuleFixtures.context;
import static dev.sbomgate.rules.RuleFixtures.found;
import static dev.sbomgate.rules.RuleFixtures.inventory;
import static dev.sbomgate.rules.RuleFixtures.missing;
import static dev.sbomgate.rules.RuleFixtures.notSearched;
import static dev.sbomgate.rules.RuleFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingArtifactRuleTest {

    private static final Rule RULE = new MissingArtifactRule();
    private static final Component OLD = component("pkg:maven/org.slf4j/slf4j-api@1.7.36");
    private static final Component NEW = component("pkg:maven/org.slf4j/slf4j-api@2.0.17");
    private static final Component UNCHANGED = component("pkg:maven/info.picocli/picocli@4.7.7");
    private static final Baseline BEFORE = baseline(List.of(approved(OLD, List.of(sha256('a')), null),
            approved(UNCHANGED, List.of(sha256('b')), null)), Map.of());

    private static Component withoutPurl(String name, List<ExternalReference> refs) {
        return new Component("ref-" + name, null, "library", "acme", name, "1.0", List.of(), null, null, null, null,
                List.of(), refs, null, List.of(), null);
    }

    private static List<Finding> evaluate(Baseline baseline, Policy policy, boolean artifactsGiven, Evidence... evidence) {
        List<Component> components = Arrays.stream(evidence).map(Evidence::component).toList();
        return RULE.evaluate(context(inventory(components, Map.of()), baseline, List.of(evidence), policy,
                TrustStore.empty(), artifactsGiven, List.of(), ReleaseDates.none()));
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void withoutAnyArtifactsOneGateLevelFindingFailsClosed() {
        Finding f = only(evaluate(BEFORE, Policy.defaults(), false, notSearched(NEW), notSearched(UNCHANGED)));
        assertNull(f.subject());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("no artifacts given: signatures and digests were not verified", f.title());
        assertEquals("the artifacts of the 2 components (--artifacts DIR), to check their digests and signatures",
                f.expected());
        assertEquals("no --artifacts directory was given", f.found());
        assertTrue(f.fix().contains("set MISSING_ARTIFACT to warn"), f.fix());
        assertEquals("MISSING_ARTIFACT:*", f.acceptToken());
    }

    @Test
    void anSbomOnlyPolicyLowersTheGateLevelFinding() {
        Policy sbomOnly = new Policy("sbom-only", Map.of(RuleId.MISSING_ARTIFACT, Severity.WARN), Map.of(), List.of());
        assertEquals(Severity.WARN, only(evaluate(null, sbomOnly, false, notSearched(NEW))).severity());
    }

    @Test
    void anEmptyCandidateNeedsNoArtifacts() {
        assertTrue(evaluate(null, Policy.defaults(), false).isEmpty());
    }

    @Test
    void aChangedComponentWithoutItsFileBlocks() {
        Finding f = only(evaluate(BEFORE, Policy.defaults(), true, missing(NEW), found(UNCHANGED, List.of(sha256('b')),
                IntegrityStatus.NONE_DECLARED)));
        assertEquals("pkg:maven/org.slf4j/slf4j-api@2.0.17", f.subject());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("the artifact of a changed component is missing", f.title());
        assertEquals("its artifact among the given --artifacts, since it changed from the approved version 1.7.36",
                f.expected());
        assertEquals("not found: looked for slf4j-api.jar", f.found());
        assertTrue(f.fix().contains("--accept 'MISSING_ARTIFACT:pkg:maven/org.slf4j/slf4j-api@2.0.17'"), f.fix());
    }

    @Test
    void everyComponentIsChangedOnFirstUse() {
        Finding f = only(evaluate(null, Policy.defaults(), true, missing(UNCHANGED)));
        assertEquals(Severity.BLOCK, f.severity());
        assertTrue(f.expected().endsWith("since it was never approved (no baseline)"), f.expected());
        Component added = component("pkg:maven/org.example/new@1.0");
        Finding g = only(evaluate(BEFORE, Policy.defaults(), true, missing(added)));
        assertEquals(Severity.BLOCK, g.severity());
        assertTrue(g.expected().endsWith("since it is not in the baseline"), g.expected());
    }

    @Test
    void anUnchangedComponentWithoutItsFileOnlyWarns() {
        Finding f = only(evaluate(BEFORE, Policy.defaults(), true, missing(UNCHANGED)));
        assertEquals(Severity.WARN, f.severity());
        assertEquals("the artifact is missing (the component is unchanged since approval)", f.title());
    }

    @Test
    void anyChangeTheDiffReportsMakesTheComponentChanged() {
        Component approvedWithSupplier = component(UNCHANGED.bomRef(), List.of(), "Remko Popma", List.of(), List.of());
        Component otherSupplier = component(UNCHANGED.bomRef(), List.of(), "Someone Else", List.of(), List.of());
        Baseline before = baseline(List.of(approved(approvedWithSupplier, List.of(), null)), Map.of());
        Finding f = only(evaluate(before, Policy.defaults(), true, missing(otherSupplier)));
        assertEquals(Severity.BLOCK, f.severity());
        assertTrue(f.expected().endsWith("since it changed since approval: supplier changed"), f.expected());
    }

    @Test
    void anArtifactThatCouldNotBeVerifiedBlocksEvenWhenUnchanged() {
        Evidence error = new Evidence(UNCHANGED, Evidence.ArtifactState.ERROR, null, List.of(), IntegrityStatus.NOT_CHECKED,
                List.of(), List.of(), "libs/picocli-4.7.7.jar: Permission denied");
        Finding f = only(evaluate(BEFORE, Policy.defaults(), true, error));
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("the artifact could not be verified: libs/picocli-4.7.7.jar: Permission denied", f.title());
        assertEquals("verification failed: libs/picocli-4.7.7.jar: Permission denied", f.found());
    }

    @Test
    void aLongErrorIsShortenedInTheTitleOnly() {
        String message = "x".repeat(500);
        Evidence error = new Evidence(NEW, Evidence.ArtifactState.ERROR, null, List.of(), IntegrityStatus.NOT_CHECKED,
                List.of(), List.of(), message);
        Finding f = only(evaluate(null, Policy.defaults(), true, error));
        assertTrue(f.title().length() < 220, f.title());
        assertTrue(f.found().endsWith(message), f.found());
    }

    @Test
    void aComponentWithoutPurlOrDistributionReferenceOnlyWarns() {
        Finding f = only(evaluate(null, Policy.defaults(), true, missing(withoutPurl("tool", List.of()))));
        assertEquals(Severity.WARN, f.severity());
        assertEquals("acme/tool@1.0", f.subject());
        assertEquals("the artifact cannot be located without a purl", f.title());
    }

    @Test
    void aDistributionReferenceIsEnoughToBeExpected() {
        Component distributed = withoutPurl("tool", List.of(new ExternalReference("distribution",
                "https://downloads.example.org/tool-1.0.tar.gz")));
        assertEquals(Severity.BLOCK, only(evaluate(null, Policy.defaults(), true, missing(distributed))).severity());
    }

    @Test
    void evidenceNotSearchedThoughArtifactsWereGivenCountsAsMissing() {
        Finding f = only(evaluate(BEFORE, Policy.defaults(), true, notSearched(NEW)));
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("it was not searched for", f.found());
    }

    @Test
    void silentWhenEveryFileWasFound() {
        assertTrue(evaluate(BEFORE, Policy.defaults(), true, found(NEW, List.of(sha256('c')), IntegrityStatus.NONE_DECLARED),
                found(UNCHANGED, List.of(sha256('b')), IntegrityStatus.NONE_DECLARED)).isEmpty());
    }

    @Test
    void thePolicySeverityIsACeilingForEveryCase() {
        Policy warn = new Policy("test", Map.of(RuleId.MISSING_ARTIFACT, Severity.WARN), Map.of(), List.of());
        assertEquals(Severity.WARN, only(evaluate(BEFORE, warn, true, missing(NEW))).severity());
        Policy info = new Policy("test", Map.of(RuleId.MISSING_ARTIFACT, Severity.INFO), Map.of(), List.of());
        assertEquals(Severity.INFO, only(evaluate(BEFORE, info, true, missing(UNCHANGED))).severity());
        assertEquals(Severity.INFO, only(evaluate(null, info, true, missing(withoutPurl("tool", List.of())))).severity());
    }
}
