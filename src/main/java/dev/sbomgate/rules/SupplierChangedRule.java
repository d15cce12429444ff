package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * SUPPLIER_CHANGED: the supplier, publisher, author or manufacturer of a component differs from its approved
 * version's. Warns alone; {@link #review} raises it to block when another finding stands on the same component.
 */
public final class SupplierChangedRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.SUPPLIER_CHANGED;
    }

    @Override
    public String explain() {
        return """
                SUPPLIER_CHANGED flags a component whose supplier, publisher, author or manufacturer (the
                CycloneDX fields, compared ignoring case and spacing) differs from its approved version's. One
                finding per component lists every field that changed. A value that merely appeared or
                disappeared (the SBOM generator started or stopped filling the field) is reported at info at
                most; a value replaced by another one at the policy's severity, warn by default.

                Escalation: a new supplier alone is often legitimate (a project changes hands, a company
                renames), but together with anything else it is the pattern of a takeover. So when another
                rule's finding of severity warn or block, not waived, stands on the same component, this
                finding is raised to block. That happens only when this rule's own severity is warn or block:
                a policy that sets it to info keeps it at info.

                Real attacks: event-stream (npm, 2018) was handed to a new maintainer who then published the
                malicious release; in axios 1.14.1 (npm, 2026) the publisher e-mail had changed to the attacker's
                together with the signature downgrade and a new dependency.

                Fix: find out why the party changed (release notes, the project's announcements, the registry's
                maintainer list). If the new party is legitimate, approve with the command in the finding; the
                other findings on the component need their own review.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Map<String, List<Change>> byComponent = new LinkedHashMap<>();
        for (Change change : context.changes()) {
            if (change.kind() == ChangeKind.SUPPLIER_CHANGED) {
                byComponent.computeIfAbsent(change.newComponent().bomRef(), c -> new ArrayList<>()).add(change);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Change> changes : byComponent.values()) {
            findings.add(finding(context, changes.get(0).newComponent(), changes));
        }
        return findings;
    }

    private Finding finding(RuleContext context, Component c, List<Change> changes) {
        boolean replaced = changes.stream().anyMatch(ch -> ch.before() != null && ch.after() != null);
        List<String> aspects = changes.stream().map(Change::aspect).distinct().toList();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Change ch : changes) {
            before.add(ch.aspect() + " " + ChangeRuleTexts.shown(ch.before()));
            after.add(ch.aspect() + " " + ChangeRuleTexts.shown(ch.after()));
        }
        String title = String.join(", ", aspects) + (replaced ? " changed" : " appeared or disappeared")
                + " since the approved version";
        String expected = String.join("; ", before) + ", as approved for " + ChangeRuleTexts.label(changes.get(0).oldComponent());
        String found = String.join("; ", after) + " in " + ChangeRuleTexts.label(c);
        String fix = "Find out why (release notes, the project's announcements, the registry's maintainer list); if the new "
                + "party is legitimate, approve: " + context.approveCommand(id(), c);
        // A field the generator merely started or stopped filling names no new party: info at most.
        Severity severity = replaced ? context.severity(id()) : context.severity(id()).atMost(Severity.INFO);
        return context.finding(id(), severity, c, title, expected, found, fix);
    }

    /**
     * Raises each own finding of severity warn, not waived, to block when a finding of another rule with
     * severity warn or block, not waived, stands on the same subject.
     */
    @Override
    public List<Finding> review(List<Finding> own, List<Finding> others) {
        List<Finding> out = new ArrayList<>(own.size());
        for (Finding f : own) {
            // Block already weighs all it can; info (a policy choice, or a field that merely appeared) stays.
            boolean raisable = f.subject() != null && f.waivedBy() == null && f.severity() == Severity.WARN;
            SortedSet<String> alongside = new TreeSet<>();
            if (raisable) {
                for (Finding o : others) {
                    if (o.rule() != id() && o.waivedBy() == null && Objects.equals(o.subject(), f.subject())
                            && (o.severity() == Severity.WARN || o.severity() == Severity.BLOCK)) {
                        alongside.add(o.rule().name());
                    }
                }
            }
            if (alongside.isEmpty()) {
                out.add(f);
                continue;
            }
            out.add(new Finding(f.rule(), Severity.BLOCK, f.subject(), f.title(), f.expected(),
                    f.found() + "; raised to block: other findings on this component: " + String.join(", ", alongside),
                    f.fix(), f.waivedBy()));
        }
        return out;
    }
}
