package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.Waiver;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaiverExpiredRuleTest {
    private final WaiverExpiredRule rule = new WaiverExpiredRule();

    private static Waiver waiver(RuleId rule, String pattern, String expires, String ticket) {
        return new Waiver(rule, PurlPattern.parse(pattern), "vendor publishes no signatures yet", LocalDate.parse(expires), ticket);
    }

    private List<Finding> evaluate(Instant now, Map<RuleId, Severity> severities, Waiver... waivers) {
        Policy policy = new Policy("team-policy", severities, Map.of(), List.of(waivers));
        var candidate = ChangeFixtures.inventory(List.of());
        return rule.evaluate(new RuleContext("sbomgate approve --sbom bom.json", candidate, null, List.of(), List.of(), Map.of(), policy,
                TrustStore.empty(), now, false, List.of(), ReleaseDates.none()));
    }

    private List<Finding> evaluate(Waiver... waivers) {
        return evaluate(RuleFixtures.NOW, Map.of(), waivers);
    }

    @Test
    void anExpiredWaiverBlocksNamingRulePatternReasonTicketAndExpiry() {
        List<Finding> findings = evaluate(waiver(RuleId.UNSIGNED, "pkg:maven/com.example/*", "2026-11-20", "SEC-123"));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertNull(f.subject());
        assertEquals("waiver for UNSIGNED on pkg:maven/com.example/* expired on 2026-11-20", f.title());
        assertEquals("every waiver in force: expires on or after today, 2026-11-28", f.expected());
        assertEquals("waiver of policy 'team-policy': rule UNSIGNED, purl pkg:maven/com.example/*, reason 'vendor publishes "
                + "no signatures yet', ticket SEC-123, expired 2026-11-20 (8 days ago)", f.found());
        assertTrue(f.fix().contains("renew it") && f.fix().contains("remove it"), f.fix());
    }

    @Test
    void aWaiverIsInForceUntilTheEndOfItsExpiryDay() {
        assertTrue(evaluate(waiver(RuleId.UNSIGNED, "pkg:maven/com.example/*", "2026-11-28", null)).isEmpty());
        assertTrue(evaluate(waiver(RuleId.UNSIGNED, "pkg:maven/com.example/*", "2027-01-31", null)).isEmpty());
        assertEquals(1, evaluate(waiver(RuleId.UNSIGNED, "pkg:maven/com.example/*", "2026-11-27", null)).size());
    }

    @Test
    void theDayIsTheUtcDayOfTheGatesClock() {
        Waiver w = waiver(RuleId.UNSIGNED, "pkg:npm/x", "2026-11-27", null);
        assertTrue(evaluate(Instant.parse("2026-11-27T23:59:59Z"), Map.of(), w).isEmpty());
        Finding f = evaluate(Instant.parse("2026-11-28T00:00:00Z"), Map.of(), w).get(0);
        assertTrue(f.found().endsWith("ticket (none), expired 2026-11-27 (1 day ago)"), f.found());
    }

    @Test
    void eachExpiredWaiverIsItsOwnFindingInPolicyOrder() {
        List<Finding> findings = evaluate(
                waiver(RuleId.UNSIGNED, "pkg:maven/com.example/*", "2026-01-01", null),
                waiver(RuleId.LICENSE_CHANGED, "pkg:npm/lib", "2027-01-01", null),
                waiver(RuleId.TYPOSQUAT, "pkg:npm/crossenv", "2026-02-01", null));
        assertEquals(List.of("waiver for UNSIGNED on pkg:maven/com.example/* expired on 2026-01-01",
                "waiver for TYPOSQUAT on pkg:npm/crossenv expired on 2026-02-01"), findings.stream().map(Finding::title).toList());
    }

    @Test
    void thePolicySeverityApplies() {
        Finding f = evaluate(RuleFixtures.NOW, Map.of(RuleId.WAIVER_EXPIRED, Severity.WARN),
                waiver(RuleId.UNSIGNED, "pkg:npm/x", "2026-01-01", null)).get(0);
        assertEquals(Severity.WARN, f.severity());
    }
}
