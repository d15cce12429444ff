package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.components;
import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewComponentRuleTest {
    private final NewComponentRule rule = new NewComponentRule();

    @Test
    void aComponentWithoutApprovedVersionIsNewAndNamesWhatPullsItIn() {
        var candidate = RuleFixtures.inventory(components("pkg:npm/axios@1.14.1", "pkg:npm/plain-crypto-js@4.2.1"),
                Map.of("pkg:npm/axios@1.14.1", List.of("pkg:npm/plain-crypto-js@4.2.1")));
        List<Finding> findings = rule.evaluate(context(baseline("pkg:npm/axios@1.14.0"), candidate));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("pkg:npm/plain-crypto-js@4.2.1", f.subject());
        assertTrue(f.title().contains("pkg:npm/plain-crypto-js") && f.title().contains("4.2.1"), f.title());
        assertTrue(f.found().contains("a dependency of pkg:npm/axios@1.14.1"), f.found());
        assertTrue(f.fix().contains("--accept 'NEW_COMPONENT:pkg:npm/plain-crypto-js@4.2.1'"), f.fix());
    }

    @Test
    void withoutGraphTheFindingSaysSo() {
        Finding f = rule.evaluate(context(baseline("pkg:npm/a@1.0.0"), "pkg:npm/a@1.0.0", "pkg:npm/b@1.0.0")).get(0);
        assertTrue(f.found().contains("not a dependency of any other component"), f.found());
    }

    @Test
    void approvedPackagesAreNotNewEvenInAnotherVersion() {
        assertTrue(rule.evaluate(context(baseline("pkg:npm/a@1.0.0", "pkg:npm/b@2.0.0"),
                "pkg:npm/a@1.0.1", "pkg:npm/b@1.0.0")).isEmpty());
    }

    @Test
    void firstUseWithoutBaselineReportsNothing() {
        assertTrue(rule.evaluate(context(null, "pkg:npm/a@1.0.0", "pkg:npm/b@1.0.0")).isEmpty());
    }

    @Test
    void aPackageMovedToAnotherNamespaceIsNewToo() {
        List<Finding> findings = rule.evaluate(context(baseline("pkg:npm/%40acme/utils@1.0.0"), "pkg:npm/%40evil/utils@1.0.1"));
        assertEquals(List.of("pkg:npm/%40evil/utils@1.0.1"), findings.stream().map(Finding::subject).toList());
    }

    @Test
    void thePolicySeverityApplies() {
        List<Finding> findings = rule.evaluate(context(baseline("pkg:npm/a@1.0.0"),
                inventory(components("pkg:npm/b@1.0.0")), severity(RuleId.NEW_COMPONENT, Severity.BLOCK)));
        assertEquals(Severity.BLOCK, findings.get(0).severity());
    }
}
