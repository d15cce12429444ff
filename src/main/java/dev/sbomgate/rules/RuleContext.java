package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.diff.Change;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a rule may look at, already loaded, verified and diffed.
 *
 * @param approvePrefix    the approve command for these inputs (e.g. {@code sbomgate approve --sbom bom.json --artifacts libs}), for fix texts
 * @param candidate        the candidate SBOM
 * @param baseline         the last approved state, or null when there is none usable (first use, or unreadable)
 * @param evidence         one entry per candidate component, in the candidate's order
 * @param changes          baseline → candidate changes (empty without a baseline)
 * @param approved         candidate bom-ref → the baseline component it was matched with (same package, its approved version)
 * @param policy           severities, parameters and waivers
 * @param trust            the pinned keys
 * @param now              the injected clock's time
 * @param artifactsGiven   whether any {@code --artifacts} directory was given
 * @param tamperEvidence   what the baseline store found edited or broken (empty when intact)
 * @param releaseDates     publish times from {@code --metadata}
 * @param feed             the malicious-package feed snapshot, or null when none was given
 * @param approval         the sequence number of the last approval in the log ("approval #N"), or 0 when unknown
 */
public record RuleContext(String approvePrefix, Inventory candidate, Baseline baseline, List<Evidence> evidence,
                          List<Change> changes, Map<String, BaselineComponent> approved, Policy policy,
                          TrustStore trust, Instant now, boolean artifactsGiven, List<String> tamperEvidence,
                          ReleaseDates releaseDates, FeedSnapshot feed, int approval) {

    /** Without the approval's sequence number. */
    public RuleContext(String approvePrefix, Inventory candidate, Baseline baseline, List<Evidence> evidence,
                       List<Change> changes, Map<String, BaselineComponent> approved, Policy policy,
                       TrustStore trust, Instant now, boolean artifactsGiven, List<String> tamperEvidence,
                       ReleaseDates releaseDates, FeedSnapshot feed) {
        this(approvePrefix, candidate, baseline, evidence, changes, approved, policy, trust, now, artifactsGiven,
                tamperEvidence, releaseDates, feed, 0);
    }

    /** Without a feed snapshot. */
    public RuleContext(String approvePrefix, Inventory candidate, Baseline baseline, List<Evidence> evidence,
                       List<Change> changes, Map<String, BaselineComponent> approved, Policy policy,
                       TrustStore trust, Instant now, boolean artifactsGiven, List<String> tamperEvidence,
                       ReleaseDates releaseDates) {
        this(approvePrefix, candidate, baseline, evidence, changes, approved, policy, trust, now, artifactsGiven,
                tamperEvidence, releaseDates, null);
    }

    public RuleContext {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(now, "now");
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
        approved = Map.copyOf(approved);
        tamperEvidence = List.copyOf(tamperEvidence);
        releaseDates = releaseDates == null ? ReleaseDates.none() : releaseDates;
    }

    public boolean hasBaseline() {
        return baseline != null;
    }

    /** The approved version of the same package, when the baseline has one. */
    public Optional<BaselineComponent> approvedVersionOf(Component candidateComponent) {
        return Optional.ofNullable(approved.get(candidateComponent.bomRef()));
    }

    public Severity severity(RuleId rule) {
        return policy.severity(rule);
    }

    /** A finding at the policy's severity for {@code rule}. */
    public Finding finding(RuleId rule, Component subject, String title, String expected, String found, String fix) {
        return finding(rule, policy.severity(rule), subject, title, expected, found, fix);
    }

    /** A finding at an explicit severity (a rule's documented milder sub-case). */
    public Finding finding(RuleId rule, Severity severity, Component subject, String title, String expected, String found,
                           String fix) {
        return new Finding(rule, severity, subject == null ? null : subject.label(), title, expected, found, fix, null);
    }

    /**
     * The exact command that approves this finding, for fix texts:
     * the approve prefix, then {@code --accept 'RULE:PURL' --reason "..."}.
     */
    public String approveCommand(RuleId rule, Component subject) {
        String token = rule.name() + ":" + (subject == null ? "*" : subject.label());
        return (approvePrefix == null ? "sbomgate approve --sbom SBOM" : approvePrefix) + " --accept '" + token
                + "' --reason \"...\"";
    }
}
