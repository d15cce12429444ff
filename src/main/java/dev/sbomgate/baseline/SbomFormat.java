package dev.sbomgate.baseline;

import dev.sbomgate.model.Inventory;
import java.util.Locale;

/** What the approved input was, recognised by content (docs/formats.md §1.1 {@code sbom.format}). */
public enum SbomFormat {
    CYCLONEDX, SPDX, NPM_LOCKFILE;

    /** The format of a read inventory, from the spec version its reader gives ({@code SPDX-2.3}, {@code npm-lockfile-3}). */
    public static SbomFormat of(Inventory inventory) {
        String spec = inventory.specVersion();
        if (spec.startsWith("SPDX-")) {
            return SPDX;
        }
        if (spec.startsWith("npm-lockfile-")) {
            return NPM_LOCKFILE;
        }
        return CYCLONEDX;
    }

    /** The spec version as recorded: {@code 1.6}, {@code 2.3}, {@code 3.0.1}, lockfile {@code 3}; null when none is known. */
    public static String specVersion(Inventory inventory) {
        String spec = inventory.specVersion();
        String bare = spec.startsWith("SPDX-") ? spec.substring(5)
                : spec.startsWith("npm-lockfile-") ? spec.substring("npm-lockfile-".length()) : spec;
        return bare.isBlank() ? null : bare;
    }

    /** The encoding of a read inventory, from its reader's format label ({@code json}, {@code xml}, {@code tag-value}, {@code json-ld}). */
    public static SbomEncoding encoding(Inventory inventory) {
        return switch (inventory.format().toLowerCase(Locale.ROOT)) {
            case "json" -> SbomEncoding.JSON;
            case "xml" -> SbomEncoding.XML;
            case "tag-value" -> SbomEncoding.TAG_VALUE;
            case "json-ld" -> SbomEncoding.JSON_LD;
            default -> null;
        };
    }
}
