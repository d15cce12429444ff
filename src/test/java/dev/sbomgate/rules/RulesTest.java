package dev.sbomgate.rules;
import dev.sbomgate.finding.RuleId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {
    @Test
    void everyRuleIdHasExactlyOneRuleInIdOrder() {
        List<RuleId> ids = Rules.all().stream().map(Rule::id).toList();
        assertEquals(Arrays.asList(RuleId.values()), ids);
    }

    @Test
    void everyRuleExplainsItself() {
        for (Rule rule : Rules.all()) {
            assertFalse(rule.explain().isBlank(), rule.id().name());
            assertEquals(rule, Rules.find(rule.id()).orElseThrow().getClass().isInstance(rule) ? rule : null);
        }
    }
}
