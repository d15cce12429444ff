package dev.sbomgate.model;

import java.util.Objects;

/** A CycloneDX external reference: its type as CycloneDX names it ({@code vcs}, {@code distribution}, {@code website}…) and URL. */
public record ExternalReference(String type, String url) implements Comparable<ExternalReference> {
    public ExternalReference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        type = SharedWords.shared(type);
    }

    @Override
    public int compareTo(ExternalReference o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : url.compareTo(o.url);
    }
}
