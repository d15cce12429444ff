package dev.sbomgate.rules;

import dev.sbomgate.baseline.ApprovedFeed;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.policy.FeedPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * FEED_STALE: the feed snapshot is older than the policy's {@code feed.max_age}, or there is none and the policy's
 * {@code feed.required} asks for one, or the snapshot moved back in time or lost records since the last approval
 * (the baseline's {@code feed}, docs/formats.md §1.6). About the gate, not a component: one finding at most.
 */
public final class FeedStaleRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.FEED_STALE;
    }

    @Override
    public String explain() {
        return """
                FEED_STALE reports a malicious-package feed snapshot older than the policy's feed.max_age (default
                7 days), judged by the snapshot's creation time against the gate's clock, and, when the policy says
                feed.required: true, a check with no snapshot at all (then at block). Without a snapshot and
                without feed.required, the report says once that no feed was used and the check goes on. Against
                the last approval (which records the snapshot's digest, creation time and record count) it also
                reports a snapshot that moved back in time or lost records, and a check without a snapshot when
                the approval had one: an attacker who can replace the feed directory would otherwise hide a
                record by restoring last month's snapshot.

                Why it matters: an offline feed that silently goes stale is worse than none: the report says
                "checked against known-malicious packages" while the records that would have caught this week's
                malware are missing.

                Fix: run 'sbomgate feed update --into .sbomgate/feed' (online) before the check, e.g. as the CI
                step before it, or lower feed.max_age's demand in the policy. It is about the gate, not a
                component: its accept token is FEED_STALE.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        FeedPolicy policy = context.policy().feed();
        FeedSnapshot feed = context.feed();
        ApprovedFeed approved = context.hasBaseline() ? context.baseline().feed() : null;
        if (feed == null) {
            if (policy.required()) {
                return List.of(context.finding(id(), Severity.BLOCK, null, "no malicious-package feed snapshot, and the policy"
                                + " requires one", "a feed snapshot (feed.required: true in policy "
                                + ChangeRuleTexts.shown(context.policy().name()) + ")", "none given (--feed, default .sbomgate/feed)",
                        "Run 'sbomgate feed update --into .sbomgate/feed' before the check, or give --feed DIR"));
            }
            if (approved != null) {
                return List.of(context.finding(id(), null, "no feed snapshot, but the last approval was judged with one",
                        "a snapshot at least as recent as the approved one (" + approvedText(approved) + ")",
                        "none given (--feed, default .sbomgate/feed)",
                        "Give the feed directory again (--feed DIR), or run 'sbomgate feed update --into DIR' (online)"));
            }
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        Duration age = Duration.between(feed.created(), context.now());
        if (age.compareTo(policy.maxAge()) > 0) {
            problems.add("the feed snapshot is " + FeedPolicy.human(age) + " old, over the policy's "
                    + FeedPolicy.human(policy.maxAge()));
        }
        if (approved != null && feed.created().isBefore(approved.created())) {
            problems.add("the feed snapshot moved back in time since the last approval (" + feed.created() + " < "
                    + approved.created() + ")");
        }
        if (approved != null && feed.records().size() < approved.records()) {
            problems.add("the feed snapshot lost " + (approved.records() - feed.records().size())
                    + " records since the last approval");
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        String expected = "a snapshot at most " + FeedPolicy.human(policy.maxAge()) + " old (feed.max_age)"
                + (approved == null ? "" : ", not older and not smaller than the approved one (" + approvedText(approved) + ")");
        String found = "snapshot of " + feed.created() + " from " + ChangeRuleTexts.shown(feed.source()) + ", "
                + feed.records().size() + " records (" + feed.activeRecords() + " not withdrawn)";
        String fix = "Run 'sbomgate feed update --into DIR' (online) before the check; a snapshot older or smaller than"
                + " the approved one is a rolled-back feed: find out who replaced it";
        return List.of(context.finding(id(), null, String.join("; ", problems), expected, found, fix));
    }

    private static String approvedText(ApprovedFeed approved) {
        return approved.created() + ", " + approved.records() + " records, SHA-256 " + approved.sha256();
    }
}
