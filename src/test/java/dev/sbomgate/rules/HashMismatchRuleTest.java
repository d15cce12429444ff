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
import static dev.sbomgate.rules.RuleFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashMismatchRuleTest {

    private static final Rule RULE = new HashMismatchRule();
    private static final Digest DECLARED = sha256('a');
    private static final Digest ACTUAL = sha256('b');
    private static final Component JACKSON = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21",
            List.of(DECLARED), null, List.of(), List.of());

    private static Evidence mismatching(Component c) {
        return new Evidence(c, Evidence.ArtifactState.FOUND, Path.of("libs/jackson-annotations-2.21.jar"), List.of(ACTUAL),
                IntegrityStatus.MISMATCH, List.of("SHA-256: the SBOM declares " + DECLARED.hex() + " but the file has "
                        + ACTUAL.hex()), List.of(), null);
    }

    @Test
    void firesWhenTheFileDiffersFromTheDeclaredDigestEvenOnFirstUse() {
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(mismatching(JACKSON))));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(RuleId.HASH_MISMATCH, f.rule());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21", f.subject());
        assertEquals("the artifact's bytes differ from the digest the SBOM declares", f.title());
        assertTrue(f.expected().contains("SHA-256:" + DECLARED.hex()), f.expected());
        assertTrue(f.found().contains("declares " + DECLARED.hex() + " but the file has " + ACTUAL.hex()), f.found());
        assertTrue(f.found().contains(Path.of("libs/jackson-annotations-2.21.jar").toString()), f.found());
        assertTrue(f.fix().contains("regenerate the SBOM"), f.fix());
        assertNull(f.waivedBy());
    }

    @Test
    void firesWithABaselineToo() {
        Component old = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.12.7");
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()),
                baseline(List.of(approved(old, List.of(sha256('c')), null)), Map.of()), List.of(mismatching(JACKSON))));
        assertEquals(1, findings.size());
    }

    @ParameterizedTest
    @EnumSource(value = IntegrityStatus.class, names = "MISMATCH", mode = EnumSource.Mode.EXCLUDE)
    void silentForEveryOtherIntegrityStatus(IntegrityStatus status) {
        Evidence evidence = found(JACKSON, List.of(DECLARED), status);
        assertTrue(RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null, List.of(evidence))).isEmpty());
    }

    @Test
    void silentWhenNoArtifactWasSeen() {
        Evidence missing = RuleFixtures.missing(JACKSON);
        assertTrue(RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null, List.of(missing))).isEmpty());
    }

    @Test
    void takesThePolicySeverity() {
        Policy warn = new Policy("test", Map.of(RuleId.HASH_MISMATCH, Severity.WARN), Map.of(), List.of());
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(mismatching(JACKSON)), warn, TrustStore.empty(), true, List.of(), ReleaseDates.none()));
        assertEquals(Severity.WARN, findings.get(0).severity());
    }

    @Test
    void oneFindingPerMismatchingComponentInCandidateOrder() {
        Component other = component("pkg:maven/org.slf4j/slf4j-api@2.0.17", List.of(DECLARED), null, List.of(), List.of());
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(other, JACKSON), Map.of()), null,
                List.of(mismatching(other), mismatching(JACKSON))));
        assertEquals(List.of("pkg:maven/org.slf4j/slf4j-api@2.0.17",
                "pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21"), findings.stream().map(Finding::subject).toList());
    }
}
