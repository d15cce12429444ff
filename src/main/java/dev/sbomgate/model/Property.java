package dev.sbomgate.model;

import java.util.Objects;

/** A CycloneDX name/value property; names may repeat. */
public record Property(String name, String value) {
    public Property {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }
}
