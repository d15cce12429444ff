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
import org.junit.jupiter.api.Test;

class RollbackRuleTest {
    private final RollbackRule rule = new RollbackRule();

    @Test
    void aLowerVersionIsARollbackNamingBothVersions() {
        List<Finding> findings = rule.evaluate(context(baseline("pkg:npm/lodash@4.17.21"), "pkg:npm/lodash@4.17.20"));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(RuleId.ROLLBACK, f.rule());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("pkg:npm/lodash@4.17.20", f.subject());
        assertTrue(f.title().contains("4.17.20") && f.title().contains("4.17.21"), f.title());
        assertTrue(f.expected().contains("4.17.21"), f.expected());
        assertTrue(f.found().contains("4.17.20") && f.found().contains("patch step down"), f.found());
        assertTrue(f.fix().contains("--accept 'ROLLBACK:pkg:npm/lodash@4.17.20'"), f.fix());
    }

    @Test
    void versionsAreOrderedByTheEcosystemNotAsText() {
        // Maven: 1.10 > 1.9, although "1.10" < "1.9" as text.
        assertEquals(1, rule.evaluate(context(baseline("pkg:maven/g/a@1.10"), "pkg:maven/g/a@1.9")).size());
        assertTrue(rule.evaluate(context(baseline("pkg:maven/g/a@1.9"), "pkg:maven/g/a@1.10")).isEmpty());
        // PEP 440: 2.0rc1 < 2.0.
        assertEquals(1, rule.evaluate(context(baseline("pkg:pypi/requests@2.0"), "pkg:pypi/requests@2.0rc1")).size());
    }

    @Test
    void upgradesEqualVersionsAndUnorderableChangesAreSilent() {
        assertTrue(rule.evaluate(context(baseline("pkg:npm/lodash@4.17.20"), "pkg:npm/lodash@4.17.21")).isEmpty());
        assertTrue(rule.evaluate(context(baseline("pkg:npm/lodash@4.17.21"), "pkg:npm/lodash@4.17.21")).isEmpty());
        // 1.0 and 1.0.0 are the same Maven version: VERSION_CHANGED, not a rollback.
        assertTrue(rule.evaluate(context(baseline("pkg:maven/g/a@1.0.0"), "pkg:maven/g/a@1.0")).isEmpty());
    }

    @Test
    void withoutBaselineNothingCanBeLower() {
        assertTrue(rule.evaluate(context(null, "pkg:npm/lodash@1.0.0")).isEmpty());
    }

    @Test
    void thePolicySeverityApplies() {
        List<Finding> findings = rule.evaluate(context(baseline("pkg:npm/lodash@4.17.21"),
                inventory(components("pkg:npm/lodash@3.0.0")), severity(RuleId.ROLLBACK, Severity.WARN)));
        assertEquals(Severity.WARN, findings.get(0).severity());
        assertTrue(findings.get(0).found().contains("major step down"), findings.get(0).found());
    }
}
