package dev.sbomgate.policy;

import dev.sbomgate.rules.RuleId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated exception: findings of {@code rule} on components matching {@code purlPattern} are lowered to
 * warn until {@code expires} (inclusive). An expired waiver is itself a blocking finding (WAIVER_EXPIRED).
 */
public record Waiver(RuleId rule, String purlPattern, String reason, LocalDate expires, String ticket) {
    public Waiver {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(purlPattern, "purlPattern");
        Objects.requireNonNull(expires, "expires");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
    }

    public boolean isExpired(LocalDate today) {
        return today.isAfter(expires);
    }
}
