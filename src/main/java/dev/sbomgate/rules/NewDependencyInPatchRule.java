package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.diff.UpdateKind;
import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * NEW_DEPENDENCY_IN_PATCH: a patch or minor update of a package brings a dependency edge to a component the
 * baseline does not have. The finding's subject is the upgraded package; it names the new dependencies.
 */
public final class NewDependencyInPatchRule implements Rule {
    private static final int SHOWN_DEPENDENCIES = 5;

    @Override
    public RuleId id() {
        return RuleId.NEW_DEPENDENCY_IN_PATCH;
    }

    @Override
    public String explain() {
        return """
                NEW_DEPENDENCY_IN_PATCH flags a package whose update is a patch or minor step (judged by the
                first numeric part of the version that changed, in the ecosystem's version scheme) and whose
                dependencies in the candidate SBOM's graph now include a component the baseline does not have at
                all. An edge the baseline already had (compared by package identity, so a dependency that was
                removed and re-added is not blamed) does not count, nor does a major update, where new
                dependencies are normal. The finding is about the upgraded package, the one whose release
                changed and the one you approve or pin back; it names the new dependencies. Without a
                dependency graph in the SBOM, or without a baseline, there is nothing to compare.

                Real attacks: event-stream 3.3.6 (npm, 2018) added the days-old flatmap-stream, which stole
                bitcoin wallets; axios 1.14.1 (npm, 2026) added the brand-new plain-crypto-js with a postinstall
                script; the TanStack compromise (npm, 2026) added a new github: optional dependency. Patch
                releases rarely need a brand-new package: the attacker needs one to ship code that is not in the
                package's reviewed repository.

                Fix: look at the new dependency (publisher, age, install scripts) and at the upgraded package's
                release notes. Pin the approved version again if in doubt. When the new dependency is expected,
                approve the upgraded package with the command in the finding.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        if (!context.hasBaseline() || context.candidate().dependencies().isEmpty()) {
            return List.of();
        }
        Set<String> added = new HashSet<>();
        for (Change change : context.changes()) {
            if (change.kind() == ChangeKind.ADDED) {
                added.add(change.newComponent().bomRef());
            }
        }
        if (added.isEmpty()) {
            return List.of();
        }
        Map<String, Component> byRef = new HashMap<>();
        context.candidate().components().forEach(c -> byRef.put(c.bomRef(), c));
        List<Finding> findings = new ArrayList<>();
        for (Change change : context.changes()) {
            if (change.kind() != ChangeKind.UPGRADED
                    || (change.update() != UpdateKind.PATCH && change.update() != UpdateKind.MINOR)) {
                continue;
            }
            Component upgraded = change.newComponent();
            SortedSet<String> approvedEdges = context.baseline().dependencies().get(change.oldComponent().identity());
            List<Component> newDependencies = new ArrayList<>();
            for (String ref : context.candidate().dependenciesOf(upgraded.bomRef())) {
                Component target = byRef.get(ref);
                if (target == null || !added.contains(ref)) {
                    continue;
                }
                if (approvedEdges != null && approvedEdges.contains(target.identity())) {
                    continue;
                }
                newDependencies.add(target);
            }
            if (!newDependencies.isEmpty()) {
                findings.add(finding(context, change, newDependencies));
            }
        }
        return findings;
    }

    private Finding finding(RuleContext context, Change change, List<Component> newDependencies) {
        Component upgraded = change.newComponent();
        String step = change.update().name().toLowerCase(Locale.ROOT);
        List<String> names = newDependencies.stream().map(ChangeRuleTexts::label).toList();
        String title = step + " update " + ChangeRuleTexts.plain(change.before()) + " -> " + ChangeRuleTexts.plain(change.after())
                + " adds new dependenc" + (names.size() == 1 ? "y " : "ies ") + ChangeRuleTexts.joinLimited(names, 2);
        String expected = "a " + step + " update of " + ChangeRuleTexts.plain(upgraded.identity())
                + " that depends only on packages the baseline approved";
        String found = ChangeRuleTexts.label(upgraded) + " (" + step + " step from " + ChangeRuleTexts.plain(change.before())
                + ") depends on " + (names.size() == 1 ? "a component" : names.size() + " components")
                + " not in the baseline: " + ChangeRuleTexts.joinLimited(names, SHOWN_DEPENDENCIES);
        String fix = "Review the new dependenc" + (names.size() == 1 ? "y" : "ies") + " (publisher, age, install scripts) "
                + "and the release notes of " + ChangeRuleTexts.plain(change.after()) + "; pin "
                + ChangeRuleTexts.plain(change.before()) + " again if in doubt. If expected, approve: "
                + context.approveCommand(id(), upgraded);
        return context.finding(id(), upgraded, title, expected, found, fix);
    }
}
