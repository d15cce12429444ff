package dev.sbomgate.policy;

import dev.sbomgate.model.Purl;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.trust.PurlPattern;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated exception: findings of {@code rule} on components matching {@code purlPattern} are lowered to
 * warn until {@code expires} (inclusive). An expired waiver is itself a blocking finding (WAIVER_EXPIRED).
 */
public record Waiver(RuleId rule, PurlPattern purlPattern, String reason, LocalDate expires, String ticket) {
    public Waiver {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(purlPattern, "purlPattern");
        Objects.requireNonNull(expires, "expires");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
    }

    /** Whether this waiver covers a finding of {@code findingRule} on a component with this purl (null: no purl, never covered). */
    public boolean covers(RuleId findingRule, Purl purl) {
        return rule == findingRule && purl != null && purlPattern.matches(purl);
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }
}
