package dev.sbomgate.rules;

import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.policy.FeedPolicy;
import java.time.Duration;
import java.util.List;

/**
 * FEED_STALE: the feed snapshot is older than the policy's {@code feed.max_age}, or there is none and the policy's
 * {@code feed.required} asks for one. About the gate, not a component: one finding at most.
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
                without feed.required, the report says once that no feed was used and the check goes on.

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
        if (feed == null) {
            if (!policy.required()) {
                return List.of();
            }
            return List.of(context.finding(id(), Severity.BLOCK, null, "no malicious-package feed snapshot, and the policy"
                            + " requires one", "a feed snapshot (feed.required: true in policy "
                            + ChangeRuleTexts.shown(context.policy().name()) + ")", "none given (--feed, default .sbomgate/feed)",
                    "Run 'sbomgate feed update --into .sbomgate/feed' before the check, or give --feed DIR"));
        }
        Duration age = Duration.between(feed.created(), context.now());
        if (age.compareTo(policy.maxAge()) <= 0) {
            return List.of();
        }
        String title = "the feed snapshot is " + FeedPolicy.human(age) + " old, over the policy's " + FeedPolicy.human(policy.maxAge());
        String expected = "a snapshot at most " + FeedPolicy.human(policy.maxAge()) + " old (feed.max_age)";
        String found = "snapshot of " + feed.created() + " from " + ChangeRuleTexts.shown(feed.source()) + ", "
                + feed.activeRecords() + " records";
        String fix = "Run 'sbomgate feed update --into DIR' (online) before the check";
        return List.of(context.finding(id(), null, title, expected, found, fix));
    }
}
