package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import java.util.List;

/** One anomaly rule: turns the evidence and changes of a {@link RuleContext} into findings. Pure: no I/O. */
public interface Rule {

    RuleId id();

    /**
     * What the rule detects, the real attack it answers (THREATS.md), and how to fix or approve a finding:
     * the text of {@code sbomgate explain RULE}.
     */
    String explain();

    List<Finding> evaluate(RuleContext context);

    /**
     * A second look, once every rule has run: a rule whose weight depends on other findings (SUPPLIER_CHANGED
     * blocks when another finding stands on the same component) adjusts its own findings here.
     *
     * @param own    this rule's findings from {@link #evaluate}
     * @param others every other rule's findings
     */
    default List<Finding> review(List<Finding> own, List<Finding> others) {
        return own;
    }
}
