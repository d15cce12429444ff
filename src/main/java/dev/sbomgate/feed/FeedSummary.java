package dev.sbomgate.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every report says of the feed snapshot a run was judged with: its digest, its time, its size. The snapshot's
 * age is the run's clock minus {@code created}.
 *
 * @param sha256        SHA-256 of {@code osv-snapshot.jsonl} as read
 * @param created       the header's {@code created}
 * @param records       records in force (withdrawn ones excluded)
 * @param ecosystems    OSV ecosystems the snapshot covers
 */
public record FeedSummary(String sha256, Instant created, long records, List<String> ecosystems) {
    public FeedSummary {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(created, "created");
        ecosystems = List.copyOf(ecosystems);
    }

    public static FeedSummary of(FeedSnapshot snapshot) {
        return new FeedSummary(snapshot.sha256(), snapshot.created(), snapshot.activeRecords(), snapshot.ecosystems());
    }

    /** The snapshot's age at {@code now}; zero when it is dated in the future (FEED_STALE's matter, not the age's). */
    public Duration age(Instant now) {
        Duration d = Duration.between(created, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The age in words: {@code 3 days}, {@code 5 hours}, {@code 12 minutes}. */
    public String ageText(Instant now) {
        Duration d = age(now);
        if (d.toDays() >= 1) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    }
}
