package dev.sbomgate.rules;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentRulesTest {

    private static final Map<RuleId, List<String>> INCIDENTS = Map.of(
            RuleId.INSTALL_HOOK_ADDED, List.of("LiteLLM", "Shai-Hulud", "axios 1.14.1", "ua-parser-js", "TanStack"),
            RuleId.CONTENT_ANOMALY, List.of("Shai-Hulud", "LiteLLM"));

    @Test
    void theRegistryHoldsTheContentCategoryInRuleIdOrder() {
        List<RuleId> expected = Arrays.stream(RuleId.values()).filter(id -> id.category() == RuleId.Category.CONTENT).toList();
        assertEquals(List.of(RuleId.INSTALL_HOOK_ADDED, RuleId.CONTENT_ANOMALY), expected);
        assertEquals(expected, ContentRules.all().stream().map(Rule::id).toList());
        assertEquals(Severity.BLOCK, RuleId.INSTALL_HOOK_ADDED.defaultSeverity());
        assertEquals(Severity.WARN, RuleId.CONTENT_ANOMALY.defaultSeverity());
    }

    @Test
    void explainTextsNameTheirRuleTheIncidentsAndTheFixWithinAHundredColumns() {
        for (Rule rule : ContentRules.all()) {
            String text = rule.explain();
            assertTrue(text.startsWith(rule.id().name() + ": "), rule.id() + " explain should start with its id");
            assertTrue(text.contains("Fix:"), rule.id() + " explain should say how to fix");
            text.lines().forEach(line -> assertTrue(line.length() <= 100, rule.id() + ": line over 100 columns: " + line));
            for (String incident : INCIDENTS.get(rule.id())) {
                assertTrue(text.contains(incident), rule.id() + " explain should name " + incident);
            }
        }
    }
}
