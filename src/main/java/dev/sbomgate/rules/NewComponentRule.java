package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** NEW_COMPONENT: a component the baseline does not have (no approved version of the same package). */
public final class NewComponentRule implements Rule {
    private static final int SHOWN_DEPENDENTS = 5;

    @Override
    public RuleId id() {
        return RuleId.NEW_COMPONENT;
    }

    @Override
    public String explain() {
        return """
                NEW_COMPONENT reports each component of the candidate SBOM that has no approved version of the
                same package (same purl without version) in the baseline, and names the components that depend
                on it when the SBOM's dependency graph says so. A package that moved to another namespace is new
                too (DEPENDENCY_CONFUSION says more about it). Without a baseline (first use) every component is
                new, so the rule reports nothing: 'sbomgate init' is the review of the first inventory.

                Why it matters: every new package is new code and a new publisher you now trust. Poisoned
                updates often arrive as a brand-new transitive dependency rather than as a change to a package
                you know: flatmap-stream under event-stream (2018), plain-crypto-js under axios 1.14.1 (2026),
                a new github: optional dependency in the TanStack compromise (2026). NEW_DEPENDENCY_IN_PATCH
                blocks the sharpest form of this; this rule keeps every addition visible. It warns by default.

                Fix: check who publishes the new package, why it was added (which dependency pulls it in) and
                whether that is expected for the update. Approve it with the command in the finding.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        if (!context.hasBaseline()) {
            return List.of();
        }
        Map<String, SortedSet<String>> dependents = null;
        List<Finding> findings = new ArrayList<>();
        for (Change change : context.changes()) {
            if (change.kind() != ChangeKind.ADDED) {
                continue;
            }
            if (dependents == null) {
                dependents = dependents(context, context.changes().stream().filter(ch -> ch.kind() == ChangeKind.ADDED)
                        .map(ch -> ch.newComponent().bomRef()).collect(java.util.stream.Collectors.toSet()));
            }
            Component c = change.newComponent();
            SortedSet<String> by = dependents.getOrDefault(c.bomRef(), new TreeSet<>());
            String version = c.effectiveVersion() == null ? "" : " " + ChangeRuleTexts.plain(c.effectiveVersion());
            String title = "new component " + ChangeRuleTexts.plain(c.purl() == null ? c.name() : c.identity()) + version;
            String expected = "only the packages the baseline approved (no approved version of "
                    + ChangeRuleTexts.plain(c.identity()) + ")";
            String found = ChangeRuleTexts.label(c) + (by.isEmpty() ? ", not a dependency of any other component in the SBOM's graph"
                    : ", a dependency of " + ChangeRuleTexts.joinLimited(new ArrayList<>(by), SHOWN_DEPENDENTS));
            String fix = "Check who publishes it and why it was added; if it is expected, approve: "
                    + context.approveCommand(id(), c);
            findings.add(context.finding(id(), c, title, expected, found, fix));
        }
        return findings;
    }

    /**
     * Candidate bom-ref (of the {@code added} components only: labelling every edge of a 100,000-component graph
     * was a tenth of a large check's time) to the labels of the components that depend on it directly.
     */
    private static Map<String, SortedSet<String>> dependents(RuleContext context, java.util.Set<String> added) {
        Map<String, Component> byRef = new HashMap<>();
        context.candidate().components().forEach(c -> byRef.put(c.bomRef(), c));
        if (context.candidate().root() != null) {
            byRef.putIfAbsent(context.candidate().root().bomRef(), context.candidate().root());
        }
        Map<String, SortedSet<String>> out = new TreeMap<>();
        context.candidate().dependencies().forEach((from, targets) -> {
            String label = null;
            for (String to : targets) {
                if (added.contains(to)) {
                    if (label == null) {
                        Component parent = byRef.get(from);
                        label = parent == null ? ChangeRuleTexts.plain(from) : ChangeRuleTexts.label(parent);
                    }
                    out.computeIfAbsent(to, k -> new TreeSet<>()).add(label);
                }
            }
        });
        return out;
    }
}
