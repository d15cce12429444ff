package dev.sbomgate.rules;

import dev.sbomgate.model.Component;
import dev.sbomgate.text.Untrusted;
import java.time.Duration;
import java.util.List;

/** Small text helpers shared by the change rules: values from a hostile SBOM shown on one line, bounded. */
final class ChangeRuleTexts {
    /** Longest value shown in a message; SBOM fields can be megabytes long (a git URL with its commit is ~120). */
    static final int MAX_SHOWN = 512;

    private ChangeRuleTexts() {
    }

    /** The value quoted, control characters escaped and long values shortened, or {@code (none)} for null/blank. */
    static String shown(String value) {
        if (value == null || value.isBlank()) {
            return "(none)";
        }
        return "'" + plain(value) + "'";
    }

    /** The value with control characters escaped and shortened, not quoted; {@code (none)} for null/blank. */
    static String plain(String value) {
        return escaped(value, MAX_SHOWN);
    }

    /** sbomgate's own text (never shortened: it holds digests in full) with control characters escaped. */
    static String oneLine(String value) {
        return escaped(value, Integer.MAX_VALUE);
    }

    private static String escaped(String value, int max) {
        if (value == null || value.isBlank()) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder();
        int limit = Math.min(value.length(), max);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (!Character.isSurrogate(c) && Untrusted.hidden(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (value.length() > limit) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** The component's label (purl, else group/name@version), made safe for one line. */
    static String label(Component c) {
        return plain(c.label());
    }

    /** At most {@code max} items joined by ", ", then "and N more". */
    static String joinLimited(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }

    /** A duration for humans: "45 minutes", "9 hours", "3 days 4 hours". */
    static String age(Duration d) {
        Duration abs = d.abs();
        long minutes = abs.toMinutes();
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = abs.toHours();
        if (hours < 48) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long days = hours / 24;
        long rest = hours % 24;
        return days + " days" + (rest == 0 ? "" : " " + rest + (rest == 1 ? " hour" : " hours"));
    }
}
