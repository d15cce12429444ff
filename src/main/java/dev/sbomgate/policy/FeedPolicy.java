package dev.sbomgate.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy's {@code feed:} section (docs/feed.md): how old a malicious-package feed snapshot may be, and whether a
 * check without one is refused.
 *
 * @param maxAge   a snapshot older than this is FEED_STALE
 * @param required without a snapshot, FEED_STALE at block (else the report says so once and goes on)
 */
public record FeedPolicy(Duration maxAge, boolean required) {
    /** The defaults: 7 days, not required. */
    public static final FeedPolicy DEFAULT = new FeedPolicy(Duration.ofDays(7), false);

    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,4})([dh])");

    public FeedPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("feed.max_age must be positive");
        }
    }

    /** {@code 7d}, {@code 48h}: a whole number of days or hours, 1 to 99999. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a whole number of days or hours like 7d or 48h");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }

    /** A duration as a person reads it: {@code 7d}, {@code 36h}, {@code 3d 4h}. */
    public static String human(Duration d) {
        long hours = d.toHours();
        long days = hours / 24;
        long rest = hours % 24;
        if (days == 0) {
            return hours + "h";
        }
        return rest == 0 ? days + "d" : days + "d " + rest + "h";
    }
}
