package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.policy.Waiver;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** WAIVER_EXPIRED: a waiver in the policy is past its expiry date. One finding per expired waiver, about the gate. */
public final class WaiverExpiredRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.WAIVER_EXPIRED;
    }

    @Override
    public String explain() {
        return """
                WAIVER_EXPIRED reports each waiver in the policy whose expiry date has passed: a waiver applies
                up to and including its expires date (in UTC, at the gate's clock), and from the next day on it
                no longer lowers anything and is itself a blocking finding. The finding names the waiver's rule,
                purl pattern, reason, ticket and expiry. It is about the policy, not about a component, so its
                accept token is WAIVER_EXPIRED:*; accepting it only postpones the question to the next run.

                Why it matters: exceptions need an owner, a reason and an expiry, or they rot (THREATS.md,
                lessons from the issue trackers). A forgotten waiver keeps hiding the very finding it was meant
                to tolerate for a while, long after the reason for it is gone.

                Fix: look at the finding the waiver covered. If the reason still holds, renew the waiver with a
                new expires date (and a ticket) after review; otherwise remove it from the policy file and fix
                what it hid.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
        List<Finding> findings = new ArrayList<>();
        for (Waiver w : context.policy().waivers()) {
            if (!w.isExpired(today)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(w.expires(), today);
            String pattern = w.purlPattern().toString();
            String title = "waiver for " + w.rule() + " on " + ChangeRuleTexts.plain(pattern) + " expired on " + w.expires();
            String expected = "every waiver in force: expires on or after today, " + today;
            String found = "waiver of policy " + ChangeRuleTexts.shown(context.policy().name()) + ": rule " + w.rule()
                    + ", purl " + ChangeRuleTexts.plain(pattern) + ", reason " + ChangeRuleTexts.shown(w.reason())
                    + ", ticket " + (w.ticket() == null || w.ticket().isBlank() ? "(none)" : ChangeRuleTexts.plain(w.ticket()))
                    + ", expired " + w.expires() + " (" + days + (days == 1 ? " day" : " days") + " ago)";
            String fix = "Review what it covers: renew it with a new 'expires' date (and a ticket) if the reason still holds, "
                    + "or remove it from the policy file and fix the " + w.rule() + " findings it hid";
            findings.add(context.finding(id(), null, title, expected, found, fix));
        }
        return findings;
    }
}
