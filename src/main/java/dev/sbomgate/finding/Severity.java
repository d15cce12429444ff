package dev.sbomgate.finding;

import java.util.Locale;
import java.util.Optional;

/** How much a finding weighs: {@code block} fails the gate, {@code warn} and {@code info} are reported, {@code off} disables the rule. */
public enum Severity {
    BLOCK, WARN, INFO, OFF;

    /** The lower of two severities (OFF is lowest): how a rule lowers its policy severity for a milder sub-case. */
    public Severity atMost(Severity ceiling) {
        return this.ordinal() >= ceiling.ordinal() ? this : ceiling;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
