package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LicenseChangedRuleTest {
    private final LicenseChangedRule rule = new LicenseChangedRule();

    private static Component licensed(String purl, String... licenses) {
        return RuleFixtures.component(purl, List.of(), null, List.of(licenses), List.of());
    }

    @Test
    void aChangedLicenceWarnsWithBothValues() {
        var baseline = baseline(List.of(licensed("pkg:npm/lib@1.0.0", "MIT")), Map.of());
        List<Finding> findings = rule.evaluate(context(baseline, List.of(licensed("pkg:npm/lib@1.1.0", "GPL-3.0-only"))));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("pkg:npm/lib@1.1.0", f.subject());
        assertEquals("licence changed from MIT to GPL-3.0-only", f.title());
        assertTrue(f.expected().startsWith("MIT") && f.expected().contains("pkg:npm/lib@1.0.0"), f.expected());
        assertTrue(f.found().startsWith("GPL-3.0-only"), f.found());
        assertTrue(f.fix().contains("--accept 'LICENSE_CHANGED:pkg:npm/lib@1.1.0'"), f.fix());
    }

    @Test
    void aDroppedLicenceIsAChange() {
        var baseline = baseline(List.of(licensed("pkg:npm/lib@1.0.0", "Apache-2.0")), Map.of());
        Finding f = rule.evaluate(context(baseline, List.of(licensed("pkg:npm/lib@1.0.1")))).get(0);
        assertTrue(f.title().endsWith("to no licence"), f.title());
    }

    @Test
    void sameLicencesInAnotherCaseAreSilent() {
        var baseline = baseline(List.of(licensed("pkg:npm/lib@1.0.0", "MIT")), Map.of());
        assertTrue(rule.evaluate(context(baseline, List.of(licensed("pkg:npm/lib@1.0.1", "mit")))).isEmpty());
    }

    @Test
    void firstUseIsSilent() {
        assertTrue(rule.evaluate(context(null, List.of(licensed("pkg:npm/lib@1.0.0", "MIT")))).isEmpty());
    }

    @Test
    void thePolicySeverityApplies() {
        var baseline = baseline(List.of(licensed("pkg:npm/lib@1.0.0", "MIT")), Map.of());
        Finding f = rule.evaluate(context(baseline, inventory(List.of(licensed("pkg:npm/lib@1.0.0", "BUSL-1.1"))),
                severity(RuleId.LICENSE_CHANGED, Severity.BLOCK))).get(0);
        assertEquals(Severity.BLOCK, f.severity());
    }
}
