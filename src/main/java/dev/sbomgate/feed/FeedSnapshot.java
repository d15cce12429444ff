package dev.sbomgate.feed;

import dev.sbomgate.diff.VersionOrder;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A feed snapshot as read: its header, its SHA-256, and its records indexed by package, so that every component of
 * an SBOM is matched with one lookup (and one lookup per digest). Pure: the file is read by {@link SnapshotFile}.
 *
 * @param created    when {@code feed update} finished
 * @param source     where the records came from ({@code osv:URL} or {@code dir:PATH})
 * @param ecosystems the OSV ecosystems it covers
 * @param skipped    records dropped at update because nothing in them can match
 * @param sha256     SHA-256 of the snapshot file as read
 * @param records    every record, withdrawn ones included (they are shown, never matched)
 */
public record FeedSnapshot(Instant created, String source, List<String> ecosystems, long skipped, String sha256,
                           List<FeedRecord> records, Map<PackageKey, List<FeedRecord>> byPackage,
                           Map<Digest, List<FeedRecord>> byDigest) {

    public FeedSnapshot {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        ecosystems = List.copyOf(ecosystems);
        records = List.copyOf(records);
    }

    /** A snapshot of {@code records}, indexed. */
    public static FeedSnapshot of(Instant created, String source, List<String> ecosystems, long skipped, String sha256,
                                  List<FeedRecord> records) {
        Map<PackageKey, List<FeedRecord>> byPackage = new HashMap<>();
        Map<Digest, List<FeedRecord>> byDigest = new HashMap<>();
        for (FeedRecord r : records) {
            if (r.withdrawn() != null) {
                continue; // withdrawn records never match
            }
            byPackage.computeIfAbsent(r.key(), k -> new ArrayList<>(1)).add(r);
            for (Digest d : r.digests()) {
                byDigest.computeIfAbsent(d, k -> new ArrayList<>(1)).add(r);
            }
        }
        return new FeedSnapshot(created, source, ecosystems, skipped, sha256, records, Map.copyOf(byPackage),
                Map.copyOf(byDigest));
    }

    /** Records that are not withdrawn. */
    public long activeRecords() {
        return records.stream().filter(r -> r.withdrawn() == null).count();
    }

    /** Why a record matched a component. */
    public enum MatchedBy { VERSION, DIGEST }

    /** A record that a component falls under, and why. */
    public record Match(FeedRecord record, MatchedBy by) {
    }

    /**
     * The records {@code component} falls under: its purl's package and version in an affected range or list, or one
     * of {@code digests} (computed or declared) listed. Withdrawn records never match; each record at most once.
     */
    public List<Match> matches(Component component, Collection<Digest> digests) {
        Set<String> seen = new HashSet<>();
        List<Match> out = new ArrayList<>();
        if (component.purl() != null) {
            List<FeedRecord> candidates = byPackage.get(PackageKey.of(component.purl()));
            String version = component.effectiveVersion();
            if (candidates != null && version != null) {
                for (FeedRecord r : candidates) {
                    if (affects(r, version) && seen.add(r.id())) {
                        out.add(new Match(r, MatchedBy.VERSION));
                    }
                }
            }
        }
        for (Digest d : new LinkedHashSet<>(digests)) {
            for (FeedRecord r : byDigest.getOrDefault(d, List.of())) {
                if (seen.add(r.id())) {
                    out.add(new Match(r, MatchedBy.DIGEST));
                }
            }
        }
        return out;
    }

    /** Whether {@code version} is affected: listed explicitly, or inside one of the record's ranges (OSV semantics). */
    static boolean affects(FeedRecord record, String version) {
        if (record.versions().contains(version)) {
            return true;
        }
        for (FeedRecord.Range range : record.ranges()) {
            if (inRange(record.purlType(), range, version)) {
                return true;
            }
        }
        return false;
    }

    /**
     * OSV's evaluation of one range: the events sorted by version ({@code introduced: "0"} first); walking them up to
     * {@code version}, an {@code introduced} at or below it opens the range, a {@code fixed} at or below it closes it,
     * a {@code last_affected} below it closes it. A {@code limit} bounds the range from above.
     */
    static boolean inRange(String purlType, FeedRecord.Range range, String version) {
        List<FeedRecord.Event> events = new ArrayList<>(range.events());
        events.sort((a, b) -> compare(purlType, a.version(), b.version()));
        boolean affected = false;
        for (FeedRecord.Event e : events) {
            int c = compare(purlType, version, e.version());
            switch (e.kind()) {
                case "introduced" -> {
                    if (c >= 0) {
                        affected = true;
                    }
                }
                case "fixed" -> {
                    if (c >= 0) {
                        affected = false;
                    }
                }
                case "last_affected" -> {
                    if (c > 0) {
                        affected = false;
                    }
                }
                case "limit" -> {
                    if (c >= 0) {
                        return false;
                    }
                }
                default -> {
                    // unknown event kinds are dropped when the snapshot is written
                }
            }
        }
        return affected;
    }

    /** "0" is below every version (OSV: the range starts at the first release). */
    private static int compare(String purlType, String a, String b) {
        boolean zeroA = "0".equals(a);
        boolean zeroB = "0".equals(b);
        if (zeroA || zeroB) {
            return zeroA == zeroB ? 0 : zeroA ? -1 : 1;
        }
        return VersionOrder.compare(purlType, a, b);
    }
}
