package dev.sbomgate.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem the gate found, as data. Every finding says what was expected, what was found, why it
 * matters and what to do.
 *
 * @param rule       the rule that found it
 * @param severity   its weight after the policy (and any waiver) was applied
 * @param subject    the component's purl (or label when it has no purl); null for SBOM- or gate-level findings
 * @param title      one line: what happened, e.g. "signed by another key than the approved version"
 * @param expected   what the baseline, the SBOM or the policy called for
 * @param found      what the gate actually saw
 * @param fix        the fix, or the exact command to approve it
 * @param waivedBy   the reason of the waiver that lowered it, or null
 */
public record Finding(RuleId rule, Severity severity, String subject, String title, String expected, String found,
                      String fix, String waivedBy) {

    /** Findings in report order: blocking first, then by subject, rule and title. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(f -> f.subject() == null ? "" : f.subject())
            .thenComparing(Finding::rule)
            .thenComparing(Finding::title)
            .thenComparing(Finding::found);

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        expected = expected == null ? "" : expected;
        found = found == null ? "" : found;
        fix = fix == null ? "" : fix;
    }

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }

    /** The token {@code approve --accept} takes to accept this finding: {@code RULE:PURL}. */
    public String acceptToken() {
        return rule.name() + ":" + (subject == null ? "*" : subject);
    }

    public Finding withSeverity(Severity newSeverity, String waiverReason) {
        return new Finding(rule, newSeverity, subject, title, expected, found, fix, waiverReason);
    }
}
