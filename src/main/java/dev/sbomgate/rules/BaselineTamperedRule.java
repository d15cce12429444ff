package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import java.util.ArrayList;
import java.util.List;

/** BASELINE_TAMPERED: the baseline store found its files changed outside sbomgate; one finding per line of evidence. */
public final class BaselineTamperedRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.BASELINE_TAMPERED;
    }

    @Override
    public String explain() {
        return """
                BASELINE_TAMPERED reports every sign that the baseline directory (.sbomgate/ by default) was
                changed outside sbomgate: baseline.json no longer has the SHA-256 the last approval recorded,
                the hash chain of approvals.jsonl is broken or edited, a file is missing or unreadable, or an
                approval was interrupted halfway. Each line of evidence the store found is one blocking finding
                about the gate itself, saying what was expected and what was found.

                Why it matters: the baseline is the gate's memory of what was approved. Whoever can edit it
                unseen can approve anything: a new signer, a mutated release, a new dependency. That is why
                every approval is logged and chained, and why a broken chain fails closed instead of being
                trusted or silently repaired.

                Fix: find out who changed the files (git log -p .sbomgate/). Restore them from version control
                (git checkout -- .sbomgate/) if the change was not an approval. If the current state has to be
                replaced, review the current SBOM and run 'sbomgate init --force', which records the
                replacement as a new approval in the log. For an interrupted approval, follow the evidence line:
                finish it by renaming the pending file, or run the next approval.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String evidence : context.tamperEvidence()) {
            String title = "the baseline store was changed outside sbomgate";
            String expected = "baseline.json and approvals.jsonl exactly as the last approval wrote them, with an intact hash chain";
            String found = ChangeRuleTexts.oneLine(evidence);
            String fix = "Find out who changed it (git log -p on the baseline directory); restore the files from version control "
                    + "if it was not an approval, or, after reviewing the current SBOM, replace the baseline with "
                    + "'sbomgate init --force' (logged as a new approval)";
            findings.add(context.finding(id(), null, title, expected, found, fix));
        }
        return findings;
    }
}
