package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.trust.TrustStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTamperedRuleTest {
    private final BaselineTamperedRule rule = new BaselineTamperedRule();
    private static final String EDITED = ".sbomgate/baseline.json: SHA-256 expected " + "a".repeat(64)
            + " (recorded by approval #3 in approvals.jsonl) but found " + "b".repeat(64);
    private static final String DELETED = ".sbomgate/approvals.jsonl records 3 approvals but .sbomgate/baseline.json is missing";

    private List<Finding> evaluate(Policy policy, List<String> evidence) {
        var candidate = ChangeFixtures.inventory(List.of());
        return rule.evaluate(RuleFixtures.context(candidate, null, List.of(), policy, TrustStore.empty(), false, evidence,
                ReleaseDates.none()));
    }

    @Test
    void eachLineOfEvidenceIsABlockingFindingAboutTheGate() {
        List<Finding> findings = evaluate(Policy.defaults(), List.of(EDITED, DELETED));

        assertEquals(2, findings.size());
        for (Finding f : findings) {
            assertEquals(Severity.BLOCK, f.severity());
            assertNull(f.subject());
            assertEquals("the baseline store was changed outside sbomgate", f.title());
            assertTrue(f.expected().contains("intact hash chain"), f.expected());
            assertTrue(f.fix().contains("version control") && f.fix().contains("sbomgate init --force"), f.fix());
        }
        assertEquals(EDITED, findings.get(0).found());
        assertEquals(DELETED, findings.get(1).found());
    }

    @Test
    void anIntactStoreIsSilent() {
        assertTrue(evaluate(Policy.defaults(), List.of()).isEmpty());
    }

    @Test
    void controlCharactersInEvidenceStayOnOneLine() {
        Finding f = evaluate(Policy.defaults(), List.of("approvals.jsonl line 2: reason 'x\ny'")).get(0);
        assertEquals("approvals.jsonl line 2: reason 'x\\u000ay'", f.found());
    }

    @Test
    void thePolicySeverityApplies() {
        assertEquals(Severity.WARN,
                evaluate(ChangeFixtures.severity(RuleId.BASELINE_TAMPERED, Severity.WARN), List.of(EDITED)).get(0).severity());
    }
}
