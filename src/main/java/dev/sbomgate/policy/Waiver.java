package dev.sbomgate.policy;

import dev.sbomgate.model.Purl;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.trust.PurlPattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A dated exception: findings of {@code rule} on components matching {@code purlPattern} are lowered to
 * warn until {@code expires} (inclusive). An expired waiver is itself a blocking finding (WAIVER_EXPIRED).
 * A KNOWN_MALICIOUS waiver also names the feed records it accepts ({@code records}); for every other rule the
 * list is empty.
 */
public record Waiver(RuleId rule, PurlPattern purlPattern, String reason, LocalDate expires, String ticket,
                     List<String> records) {

    /** A waiver that names no feed record (every rule but KNOWN_MALICIOUS). */
    public Waiver(RuleId rule, PurlPattern purlPattern, String reason, LocalDate expires, String ticket) {
        this(rule, purlPattern, reason, expires, ticket, List.of());
    }

    public Waiver {
        records = List.copyOf(records == null ? List.of() : records);
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

    /**
     * Whether this waiver covers a KNOWN_MALICIOUS finding about feed record {@code recordId} on a component with this
     * purl: only a waiver naming that record, for exactly that purl (the loader refuses patterns for this rule).
     */
    public boolean coversRecord(String recordId, Purl purl) {
        return rule == RuleId.KNOWN_MALICIOUS && records.contains(recordId) && covers(rule, purl);
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }
}
