package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.diff.UpdateKind;
import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ROLLBACK: a component's version is lower than the approved one's, in its ecosystem's version order. */
public final class RollbackRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.ROLLBACK;
    }

    @Override
    public String explain() {
        return """
                ROLLBACK flags a component whose version is lower than the version the baseline approved, in
                the ordering of its own ecosystem (Maven, SemVer for npm, PEP 440 for PyPI, a generic order
                otherwise; the same order as 'sbomgate diff'). A version that cannot be ordered against the
                approved one (1.0 vs 1.0.0, or a missing version) is not a rollback.

                Why it matters: a downgrade quietly re-opens the vulnerabilities the newer release fixed, and it
                is what a tampered lockfile, a stale or compromised mirror, or a replayed old SBOM looks like
                from CI. An attacker who cannot publish a new release can still steer a build back to an old,
                known-vulnerable one.

                Fix: pin the approved version (or a newer one) again and regenerate the SBOM. When the downgrade
                is deliberate, for example because the newer release was withdrawn or broke the build, approve it
                with the command in the finding and say why in --reason.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Change change : context.changes()) {
            if (change.kind() != ChangeKind.DOWNGRADED) {
                continue;
            }
            Component c = change.newComponent();
            String step = change.update() == UpdateKind.OTHER ? "a pre-release or qualifier step"
                    : "a " + change.update().name().toLowerCase(Locale.ROOT) + " step";
            String title = "version " + ChangeRuleTexts.plain(change.after()) + " is lower than the approved "
                    + ChangeRuleTexts.plain(change.before());
            String expected = "version " + ChangeRuleTexts.plain(change.before()) + " (approved) or higher";
            String found = "version " + ChangeRuleTexts.plain(change.after()) + ", " + step + " down from "
                    + ChangeRuleTexts.plain(change.before()) + " (" + ChangeRuleTexts.label(change.oldComponent()) + ")";
            String fix = "Pin " + ChangeRuleTexts.plain(change.before()) + " or a newer release again and regenerate the "
                    + "SBOM; a rollback re-opens what the newer release fixed. If the downgrade is deliberate "
                    + "(the newer release was withdrawn), approve: " + context.approveCommand(id(), c);
            findings.add(context.finding(id(), c, title, expected, found, fix));
        }
        return findings;
    }
}
