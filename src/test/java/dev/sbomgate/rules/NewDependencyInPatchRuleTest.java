package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.components;
import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Inventory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewDependencyInPatchRuleTest {
    private final NewDependencyInPatchRule rule = new NewDependencyInPatchRule();

    /** The axios 1.14.0 baseline: axios depends on follow-redirects. */
    private static final dev.sbomgate.baseline.Baseline AXIOS_1_14_0 = baseline(
            components("pkg:npm/axios@1.14.0", "pkg:npm/follow-redirects@1.15.6"),
            Map.of("pkg:npm/axios", List.of("pkg:npm/follow-redirects")));

    private static Inventory axios(String version, String... extraDependencies) {
        List<String> purls = new java.util.ArrayList<>(List.of("pkg:npm/axios@" + version, "pkg:npm/follow-redirects@1.15.6"));
        List<String> deps = new java.util.ArrayList<>(List.of("pkg:npm/follow-redirects@1.15.6"));
        for (String d : extraDependencies) {
            purls.add(d);
            deps.add(d);
        }
        return RuleFixtures.inventory(components(purls.toArray(String[]::new)), Map.of("pkg:npm/axios@" + version, deps));
    }

    @Test
    void aPatchThatAddsABrandNewDependencyBlocksOnTheUpgradedPackage() {
        List<Finding> findings = rule.evaluate(context(AXIOS_1_14_0, axios("1.14.1", "pkg:npm/plain-crypto-js@4.2.1")));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(RuleId.NEW_DEPENDENCY_IN_PATCH, f.rule());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("pkg:npm/axios@1.14.1", f.subject());
        assertTrue(f.title().contains("patch update 1.14.0 -> 1.14.1") && f.title().contains("plain-crypto-js"), f.title());
        assertTrue(f.found().contains("pkg:npm/plain-crypto-js@4.2.1"), f.found());
        assertTrue(f.fix().contains("--accept 'NEW_DEPENDENCY_IN_PATCH:pkg:npm/axios@1.14.1'"), f.fix());
    }

    @Test
    void aMinorUpdateCountsAMajorDoesNot() {
        assertEquals(1, rule.evaluate(context(AXIOS_1_14_0, axios("1.15.0", "pkg:npm/plain-crypto-js@4.2.1"))).size());
        assertTrue(rule.evaluate(context(AXIOS_1_14_0, axios("2.0.0", "pkg:npm/plain-crypto-js@4.2.1"))).isEmpty());
    }

    @Test
    void anUpdateWithoutNewDependenciesIsSilent() {
        assertTrue(rule.evaluate(context(AXIOS_1_14_0, axios("1.14.1"))).isEmpty());
    }

    @Test
    void aNewEdgeToAnApprovedComponentIsNotBlamed() {
        var baseline = baseline(components("pkg:npm/axios@1.14.0", "pkg:npm/follow-redirects@1.15.6", "pkg:npm/form-data@4.0.0"),
                Map.of("pkg:npm/axios", List.of("pkg:npm/follow-redirects")));
        assertTrue(rule.evaluate(context(baseline, axios("1.14.1", "pkg:npm/form-data@4.0.0"))).isEmpty());
    }

    @Test
    void anEdgeTheBaselineAlreadyHadToAReAddedComponentIsNotBlamed() {
        // The approved graph had axios -> proxy-from-env, though the component itself was not in the approved list.
        var baseline = baseline(components("pkg:npm/axios@1.14.0", "pkg:npm/follow-redirects@1.15.6"),
                Map.of("pkg:npm/axios", List.of("pkg:npm/follow-redirects", "pkg:npm/proxy-from-env")));
        assertTrue(rule.evaluate(context(baseline, axios("1.14.1", "pkg:npm/proxy-from-env@1.1.0"))).isEmpty());
    }

    @Test
    void eventStreamPatternNamesEveryNewDependency() {
        var baseline = baseline(components("pkg:npm/event-stream@3.3.5"), Map.of());
        var candidate = RuleFixtures.inventory(components("pkg:npm/event-stream@3.3.6", "pkg:npm/flatmap-stream@0.1.1",
                "pkg:npm/other-new@1.0.0"),
                Map.of("pkg:npm/event-stream@3.3.6", List.of("pkg:npm/flatmap-stream@0.1.1", "pkg:npm/other-new@1.0.0")));
        Finding f = rule.evaluate(context(baseline, candidate)).get(0);
        assertTrue(f.found().contains("2 components not in the baseline"), f.found());
        assertTrue(f.found().contains("pkg:npm/flatmap-stream@0.1.1") && f.found().contains("pkg:npm/other-new@1.0.0"), f.found());
    }

    @Test
    void firstUseWithoutBaselineIsSilent() {
        assertTrue(rule.evaluate(context(null, axios("1.14.1", "pkg:npm/plain-crypto-js@4.2.1"))).isEmpty());
    }

    @Test
    void thePolicySeverityApplies() {
        List<Finding> findings = rule.evaluate(context(AXIOS_1_14_0, axios("1.14.1", "pkg:npm/plain-crypto-js@4.2.1"),
                severity(RuleId.NEW_DEPENDENCY_IN_PATCH, Severity.WARN)));
        assertEquals(Severity.WARN, findings.get(0).severity());
    }
}
