package dev.sbomgate.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When releases were published, from a {@code --metadata} file: canonical purl with version to publish time.
 * Empty when no metadata was given.
 */
public record ReleaseDates(Map<String, Instant> publishedByPurl) {
    public ReleaseDates {
        publishedByPurl = Collections.unmodifiableMap(new TreeMap<>(publishedByPurl == null ? Map.of() : publishedByPurl));
    }

    public static ReleaseDates none() {
        return new ReleaseDates(Map.of());
    }

    public Optional<Instant> publishedAt(Purl purlWithVersion) {
        return Optional.ofNullable(publishedByPurl.get(purlWithVersion.toString()));
    }
}
