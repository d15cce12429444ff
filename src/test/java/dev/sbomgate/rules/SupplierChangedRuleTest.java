package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.full;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupplierChangedRuleTest {
    private final SupplierChangedRule rule = new SupplierChangedRule();

    private static Component party(String purl, String supplier, String publisher, String author) {
        return full(purl, supplier, publisher, author, null, List.of(), List.of(), List.of());
    }

    private static dev.sbomgate.baseline.Baseline approved(Component c) {
        return ChangeFixtures.baseline(List.of(c), Map.of());
    }

    private static Finding other(RuleId rule, Severity severity, String subject, String waivedBy) {
        return new Finding(rule, severity, subject, "t", "e", "f", "x", waivedBy);
    }

    @Test
    void aReplacedPublisherWarnsWithBothValues() {
        var baseline = approved(party("pkg:npm/axios@1.14.0", null, "jasonsaayman <jasonsaayman@gmail.com>", null));
        List<Finding> findings = rule.evaluate(context(baseline,
                List.of(party("pkg:npm/axios@1.14.1", null, "jasonsaayman <ifstap@proton.me>", null))));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("pkg:npm/axios@1.14.1", f.subject());
        assertEquals("publisher changed since the approved version", f.title());
        assertTrue(f.expected().contains("publisher 'jasonsaayman <jasonsaayman@gmail.com>'")
                && f.expected().contains("pkg:npm/axios@1.14.0"), f.expected());
        assertTrue(f.found().contains("publisher 'jasonsaayman <ifstap@proton.me>'"), f.found());
        assertTrue(f.fix().contains("--accept 'SUPPLIER_CHANGED:pkg:npm/axios@1.14.1'"), f.fix());
    }

    @Test
    void severalFieldsMakeOneFinding() {
        var baseline = approved(party("pkg:npm/event-stream@3.3.5", "Dominic Tarr", null, "Dominic Tarr"));
        List<Finding> findings = rule.evaluate(context(baseline,
                List.of(party("pkg:npm/event-stream@3.3.6", "right9ctrl", null, "right9ctrl"))));
        assertEquals(1, findings.size());
        assertEquals("author, supplier changed since the approved version", findings.get(0).title());
        assertTrue(findings.get(0).found().contains("author 'right9ctrl'; supplier 'right9ctrl'"), findings.get(0).found());
    }

    @Test
    void aFieldThatMerelyAppearedIsInfoAtMost() {
        var baseline = approved(party("pkg:npm/lib@1.0.0", null, null, null));
        Finding f = rule.evaluate(context(baseline, List.of(party("pkg:npm/lib@1.0.1", "Acme Inc", null, null)))).get(0);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.title().contains("appeared or disappeared"), f.title());
        assertTrue(f.expected().contains("supplier (none)"), f.expected());
    }

    @Test
    void caseAndSpacingAreNotAChange() {
        var baseline = approved(party("pkg:npm/lib@1.0.0", "Acme  Inc", null, null));
        assertTrue(rule.evaluate(context(baseline, List.of(party("pkg:npm/lib@1.0.1", "acme inc", null, null)))).isEmpty());
    }

    @Test
    void hostileValuesStayOnOneBoundedLine() {
        var baseline = approved(party("pkg:npm/lib@1.0.0", "Acme", null, null));
        String hostile = "Evil\nINFO all good\r" + "x".repeat(100_000);
        Finding f = rule.evaluate(context(baseline, List.of(party("pkg:npm/lib@1.0.1", hostile, null, null)))).get(0);
        assertTrue(f.found().startsWith("supplier 'Evil\\u000aINFO all good\\u000d"), f.found());
        assertTrue(f.found().length() < 1_000, "length " + f.found().length());
    }

    @Test
    void firstUseIsSilent() {
        assertTrue(rule.evaluate(context(null, List.of(party("pkg:npm/lib@1.0.0", "Acme", null, null)))).isEmpty());
    }

    @Test
    void thePolicySeverityApplies() {
        var baseline = approved(party("pkg:npm/lib@1.0.0", "Acme", null, null));
        Finding f = rule.evaluate(context(baseline, inventory(List.of(party("pkg:npm/lib@1.0.1", "Evil", null, null))),
                severity(RuleId.SUPPLIER_CHANGED, Severity.INFO))).get(0);
        assertEquals(Severity.INFO, f.severity());
    }

    @Test
    void reviewRaisesToBlockWhenAnotherWarningStandsOnTheSameComponent() {
        Finding own = new Finding(RuleId.SUPPLIER_CHANGED, Severity.WARN, "pkg:npm/axios@1.14.1", "publisher changed", "e",
                "publisher 'x'", "fix", null);
        List<Finding> reviewed = rule.review(List.of(own), List.of(
                other(RuleId.NEW_DEPENDENCY_IN_PATCH, Severity.BLOCK, "pkg:npm/axios@1.14.1", null),
                other(RuleId.SIGNATURE_DOWNGRADE, Severity.WARN, "pkg:npm/axios@1.14.1", null),
                other(RuleId.NEW_COMPONENT, Severity.WARN, "pkg:npm/plain-crypto-js@4.2.1", null)));

        assertEquals(1, reviewed.size());
        Finding f = reviewed.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(own.title(), f.title());
        assertTrue(f.found().endsWith("raised to block: other findings on this component: NEW_DEPENDENCY_IN_PATCH, "
                + "SIGNATURE_DOWNGRADE"), f.found());
        // Raising twice changes nothing more.
        assertEquals(reviewed, rule.review(reviewed, List.of(other(RuleId.ROLLBACK, Severity.BLOCK, "pkg:npm/axios@1.14.1", null))));
    }

    @Test
    void reviewIgnoresOtherSubjectsInfoFindingsAndWaivedOnes() {
        Finding own = new Finding(RuleId.SUPPLIER_CHANGED, Severity.WARN, "pkg:npm/a@1.0.1", "t", "e", "f", "x", null);
        List<Finding> others = List.of(
                other(RuleId.LICENSE_CHANGED, Severity.BLOCK, "pkg:npm/b@1.0.0", null),
                other(RuleId.LICENSE_CHANGED, Severity.INFO, "pkg:npm/a@1.0.1", null),
                other(RuleId.ROLLBACK, Severity.WARN, "pkg:npm/a@1.0.1", "vendor rollback, SEC-1"),
                other(RuleId.SBOM_REGRESSION, Severity.WARN, null, null));
        assertSame(own, rule.review(List.of(own), others).get(0));
    }

    @Test
    void reviewKeepsInfoInfoAndWaivedOwnFindingsAsTheyAre() {
        List<Finding> others = List.of(other(RuleId.ROLLBACK, Severity.BLOCK, "pkg:npm/a@1.0.1", null));
        Finding info = new Finding(RuleId.SUPPLIER_CHANGED, Severity.INFO, "pkg:npm/a@1.0.1", "t", "e", "f", "x", null);
        Finding waived = new Finding(RuleId.SUPPLIER_CHANGED, Severity.WARN, "pkg:npm/a@1.0.1", "t", "e", "f", "x", "SEC-9");
        assertEquals(List.of(info, waived), rule.review(List.of(info, waived), others));
    }
}
