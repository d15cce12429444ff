package dev.sbomgate.rules;
import dev.sbomgate.finding.RuleId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeRulesTest {

    /** The incidents of THREATS.md each rule answers, as named there. */
    private static final Map<RuleId, List<String>> INCIDENTS = Map.of(
            RuleId.NEW_DEPENDENCY_IN_PATCH, List.of("event-stream", "axios", "TanStack"),
            RuleId.TYPOSQUAT, List.of("axios"),
            RuleId.SUPPLIER_CHANGED, List.of("event-stream", "axios"),
            RuleId.DEPENDENCY_CONFUSION, List.of("torchtriton"),
            RuleId.NON_REGISTRY_SOURCE, List.of("TanStack"),
            RuleId.RELEASE_TOO_FRESH, List.of("LiteLLM"));

    @Test
    void theRegistryHoldsTheFourteenChangeAndGateRulesInRuleIdOrder() {
        List<RuleId> expected = List.of(RuleId.ROLLBACK, RuleId.NEW_COMPONENT, RuleId.NEW_DEPENDENCY_IN_PATCH, RuleId.TYPOSQUAT,
                RuleId.SUPPLIER_CHANGED, RuleId.SOURCE_CHANGED, RuleId.DEPENDENCY_CONFUSION, RuleId.NON_REGISTRY_SOURCE,
                RuleId.LICENSE_CHANGED, RuleId.RELEASE_TOO_FRESH, RuleId.SBOM_REGRESSION, RuleId.WAIVER_EXPIRED,
                RuleId.BASELINE_TAMPERED, RuleId.FEED_STALE, RuleId.SBOM_DEVIATION, RuleId.TRUST_STORE_CHANGED);
        List<RuleId> ids = ChangeRules.all().stream().map(Rule::id).toList();
        assertEquals(expected, ids);
        for (RuleId id : RuleId.values()) {
            boolean ours = id.category() != RuleId.Category.INTEGRITY && id.category() != RuleId.Category.CONTENT;
            assertEquals(ours, ids.contains(id), id + " (category " + id.category() + ")");
        }
    }

    @Test
    void everyExplainTextNamesItsRuleAndWrapsAtAHundredColumns() {
        for (Rule rule : ChangeRules.all()) {
            String text = rule.explain();
            assertFalse(text.isBlank(), rule.id().name());
            assertTrue(text.startsWith(rule.id().name() + " "), rule.id() + " explain should start with its id");
            assertTrue(text.contains("Fix"), rule.id() + " explain should say how to fix");
            text.lines().forEach(line -> assertTrue(line.length() <= 100, rule.id() + ": line over 100 columns: " + line));
        }
    }

    @Test
    void explainTextsNameTheRealIncidentsTheyAnswer() {
        for (Rule rule : ChangeRules.all()) {
            for (String incident : INCIDENTS.getOrDefault(rule.id(), List.of())) {
                assertTrue(rule.explain().contains(incident), rule.id() + " explain should name " + incident);
            }
        }
    }

    @Test
    void everyRuleIsSilentOnAnUnchangedSbom() {
        var candidate = ChangeFixtures.inventory(ChangeFixtures.components("pkg:npm/lodash@4.17.21", "pkg:maven/org.slf4j/slf4j-api@2.0.17"));
        var baseline = ChangeFixtures.baseline(candidate.components(), Map.of());
        RuleContext context = ChangeFixtures.context(baseline, candidate);
        for (Rule rule : ChangeRules.all()) {
            assertEquals(List.of(), rule.evaluate(context), rule.id().name());
        }
    }

    @Test
    void thePopularListsAreBundledAndNormalised() {
        assertTrue(PopularNames.of("npm").contains("cross-env"));
        assertTrue(PopularNames.of("npm").contains("@types/node"));
        assertTrue(PopularNames.of("pypi").contains("requests"));
        assertTrue(PopularNames.of("pypi").contains("python-dateutil"));
        assertTrue(PopularNames.of("maven").contains("com.fasterxml.jackson.core:jackson-databind"));
        assertTrue(PopularNames.of("maven").contains("com.zaxxer:hikaricp"), "keys are lower case");
        assertTrue(PopularNames.of("npm").size() >= 300 && PopularNames.of("pypi").size() >= 300
                && PopularNames.of("maven").size() >= 300);
        assertTrue(PopularNames.of("cargo").isEmpty());
        assertTrue(PopularNames.of("npm").stream().noneMatch(n -> n.startsWith("#") || n.isBlank()));
    }
}
