package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.List;

/** LICENSE_CHANGED: the licences a component declares differ from those of its approved version. */
public final class LicenseChangedRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.LICENSE_CHANGED;
    }

    @Override
    public String explain() {
        return """
                LICENSE_CHANGED flags a component whose declared licences (CycloneDX licenses: SPDX ids, names or
                expressions, compared case-insensitively) differ from those of its approved version, including
                a licence that disappeared.

                Why it matters: a relicensing can make a dependency unusable for your product (a permissive
                library turning copyleft or source-available), and an unexpected licence change is also one of
                the visible traces of a project changing hands, together with SUPPLIER_CHANGED and
                SOURCE_CHANGED. It is a review signal, so it warns by default.

                Fix: check the new licence against your licence policy. If it is acceptable, approve the change
                with the command in the finding; if not, stay on the approved version or replace the component.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Change change : context.changes()) {
            if (change.kind() != ChangeKind.LICENSE_CHANGED) {
                continue;
            }
            Component c = change.newComponent();
            String before = change.before() == null ? "no licence" : ChangeRuleTexts.plain(change.before());
            String after = change.after() == null ? "no licence" : ChangeRuleTexts.plain(change.after());
            String title = "licence changed from " + before + " to " + after;
            String expected = before + ", as approved for " + ChangeRuleTexts.label(change.oldComponent());
            String found = after + " declared by " + ChangeRuleTexts.label(c);
            String fix = "Check " + after + " against your licence policy; if acceptable, approve: "
                    + context.approveCommand(id(), c) + "; otherwise stay on the approved version or replace the component";
            findings.add(context.finding(id(), c, title, expected, found, fix));
        }
        return findings;
    }
}
