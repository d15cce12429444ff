package dev.sbomgate.rules;
import dev.sbomgate.finding.RuleId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule sbomgate runs, one per {@link RuleId}, in RuleId order. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>();
        all.addAll(IntegrityRules.all());
        all.addAll(ChangeRules.all());
        all.addAll(ContentRules.all());
        all.sort(Comparator.comparing(Rule::id));
        return List.copyOf(all);
    }

    public static Optional<Rule> find(RuleId id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }
}
