package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.RuleFixtures.KEY_A;
import static dev.sbomgate.rules.RuleFixtures.NOW;
import static dev.sbomgate.rules.RuleFixtures.approved;
import static dev.sbomgate.rules.RuleFixtures.baseline;
import static dev.sbomgate.rules.RuleFixtures.component;
import static dev.sbomgate.rules.RuleFixtures.context;
import static dev.sbomgate.rules.RuleFixtures.found;
import static dev.sbomgate.rules.RuleFixtures.inventory;
import static dev.sbomgate.rules.RuleFixtures.sha256;
import static dev.sbomgate.rules.RuleFixtures.signature;
import static dev.sbomgate.rules.RuleFixtures.signedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnsignedRuleTest {

    private static final Rule RULE = new UnsignedRule();
    private static final Component MAVEN = component("pkg:maven/org.slf4j/slf4j-api@2.0.17");
    private static final Component NPM = component("pkg:npm/%40acme/widget@1.2.3");
    private static final Component NO_PURL = new Component("vendored-tool", null, "library", "acme", "tool", "1.0",
            List.of(), null, null, null, null, List.of(), List.of(), null, List.of(), null);

    private static Evidence unsigned(Component c) {
        return found(c, List.of(sha256('a')), IntegrityStatus.NONE_DECLARED);
    }

    private static List<Finding> evaluate(Policy policy, Evidence... evidence) {
        List<Component> components = java.util.Arrays.stream(evidence).map(Evidence::component).toList();
        return RULE.evaluate(context(inventory(components, Map.of()), null, List.of(evidence), policy, TrustStore.empty(),
                true, List.of(), ReleaseDates.none()));
    }

    private static Policy requiring(String... patterns) {
        return new Policy("test", Map.of(), Map.of(RuleParameter.UNSIGNED_REQUIRE, List.of(patterns)), List.of());
    }

    @Test
    void theDefaultPolicyRequiresMavenSignatures() {
        List<Finding> findings = evaluate(Policy.defaults(), unsigned(MAVEN), unsigned(NPM));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("pkg:maven/org.slf4j/slf4j-api@2.0.17", f.subject());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("the artifact carries no signature", f.title());
        assertEquals("a signature, since the policy requires one for pkg:maven/*/*", f.expected());
        assertTrue(f.found().contains(".asc, .sig, .sigstore.json"), f.found());
        assertTrue(f.found().contains("slf4j-api.jar"), f.found());
        assertTrue(f.fix().contains("--scope 'pkg:maven/org.slf4j/*'"), f.fix());
        assertTrue(f.fix().contains("--accept 'UNSIGNED:pkg:maven/org.slf4j/slf4j-api@2.0.17'"), f.fix());
    }

    @Test
    void aStarRequiresEveryComponentEvenWithoutPurl() {
        List<Finding> findings = evaluate(requiring("*"), unsigned(MAVEN), unsigned(NPM), unsigned(NO_PURL));
        assertEquals(List.of("pkg:maven/org.slf4j/slf4j-api@2.0.17", "pkg:npm/%40acme/widget@1.2.3", "acme/tool@1.0"),
                findings.stream().map(Finding::subject).toList());
        assertEquals("a signature, since the policy requires one for * (every component)", findings.get(2).expected());
    }

    @Test
    void aPatternCoversOnlyItsPackagesAndNeverAComponentWithoutPurl() {
        List<Finding> findings = evaluate(requiring("pkg:npm/@acme/*"), unsigned(MAVEN), unsigned(NPM), unsigned(NO_PURL));
        assertEquals(List.of("pkg:npm/%40acme/widget@1.2.3"), findings.stream().map(Finding::subject).toList());
        assertTrue(findings.get(0).expected().endsWith("pkg:npm/@acme/*"), findings.get(0).expected());
    }

    @Test
    void theFirstMatchingPatternIsNamed() {
        List<Finding> findings = evaluate(requiring("pkg:npm/*", "pkg:maven/org.slf4j/*", "*"), unsigned(MAVEN));
        assertEquals("a signature, since the policy requires one for pkg:maven/org.slf4j/*", findings.get(0).expected());
    }

    @Test
    void anEmptyRequireListRequiresNothing() {
        assertTrue(evaluate(requiring(), unsigned(MAVEN), unsigned(NO_PURL)).isEmpty());
    }

    @Test
    void silentWhenAnySignatureIsPresentEvenABadOne() {
        for (SignatureCheck check : List.of(signedBy(KEY_A, NOW), signature(SignatureStatus.BAD_SIGNATURE, KEY_A),
                signature(SignatureStatus.UNKNOWN_KEY, null), signature(SignatureStatus.MALFORMED, null))) {
            Evidence evidence = found(MAVEN, List.of(), IntegrityStatus.NONE_DECLARED, check);
            assertTrue(evaluate(Policy.defaults(), evidence).isEmpty(), check.status().name());
        }
    }

    @Test
    void silentWhenTheArtifactWasNotFound() {
        assertTrue(evaluate(Policy.defaults(), RuleFixtures.missing(MAVEN)).isEmpty());
        assertTrue(evaluate(Policy.defaults(), RuleFixtures.notSearched(MAVEN)).isEmpty());
    }

    @Test
    void doesNotDependOnTheBaseline() {
        Component old = component("pkg:maven/org.slf4j/slf4j-api@1.7.36");
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(MAVEN), Map.of()),
                baseline(List.of(approved(old, List.of(), null)), Map.of()), List.of(unsigned(MAVEN))));
        assertEquals(1, findings.size());
    }

    @Test
    void takesThePolicySeverity() {
        Policy warn = new Policy("test", Map.of(RuleId.UNSIGNED, Severity.WARN), Map.of(), List.of());
        assertEquals(Severity.WARN, evaluate(warn, unsigned(MAVEN)).get(0).severity());
    }
}
