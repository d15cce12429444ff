package dev.sbomgate.feed;

import dev.sbomgate.model.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One affected package of one OSV record that says the package is malicious, as the snapshot keeps it
 * (docs/feed.md): what the gate needs to match a component, nothing more.
 *
 * @param id        the OSV id ({@code MAL-2025-20690})
 * @param aliases   the OSV aliases
 * @param modified  OSV {@code modified}
 * @param withdrawn OSV {@code withdrawn}, or null: a withdrawn record never matches
 * @param summary   OSV {@code summary} (else the first line of {@code details}), bounded
 * @param ecosystem the OSV ecosystem ({@code npm}, {@code PyPI}, {@code Maven}…)
 * @param purlType  the purl type it maps to ({@code npm}, {@code pypi}, {@code maven}…)
 * @param name      the package name in {@link PackageKey} form
 * @param versions  explicit affected versions
 * @param ranges    SEMVER / ECOSYSTEM ranges
 * @param digests   artifact digests the record lists
 */
public record FeedRecord(String id, List<String> aliases, Instant modified, Instant withdrawn, String summary,
                         String ecosystem, String purlType, String name, List<String> versions, List<Range> ranges,
                         List<Digest> digests) {

    public FeedRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purlType, "purlType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ecosystem, "ecosystem");
        summary = summary == null ? "" : summary;
        aliases = List.copyOf(aliases);
        versions = List.copyOf(versions);
        ranges = List.copyOf(ranges);
        digests = List.copyOf(digests);
    }

    /** The package this record is about: its purl type and name. */
    public PackageKey key() {
        return new PackageKey(purlType, name);
    }

    /** An OSV range: its type ({@code SEMVER} or {@code ECOSYSTEM}) and its events, in file order. */
    public record Range(String type, List<Event> events) {
        public Range {
            Objects.requireNonNull(type, "type");
            events = List.copyOf(events);
        }
    }

    /** An OSV range event: {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}, and its version. */
    public record Event(String kind, String version) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(version, "version");
        }
    }
}
