package dev.sbomgate.baseline;

import java.time.Instant;
import java.util.Objects;

/**
 * The feed snapshot an approval was judged with (docs/formats.md §1.6), so that a later check notices a snapshot
 * rolled back in time or shrunk.
 *
 * @param sha256  SHA-256 of {@code osv-snapshot.jsonl} as read
 * @param created the snapshot header's {@code created}
 * @param records the header's {@code records}
 * @param source  the header's {@code source} (shown only)
 */
public record ApprovedFeed(String sha256, Instant created, long records, String source) {
    public ApprovedFeed {
        if (sha256 == null || !EvidenceCheck.SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("feed.sha256 is a SHA-256, 64 lower-case hex digits");
        }
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(source, "source");
        if (records < 0) {
            throw new IllegalArgumentException("feed.records is a whole number >= 0, got " + records);
        }
    }
}
