package dev.sbomgate.diff;

import java.util.Locale;

/** The version orders sbomgate knows, chosen by the package URL type of a component. */
public enum VersionScheme {
    /** Maven's ComparableVersion order ({@code pkg:maven}). */
    MAVEN,
    /** Semantic Versioning 2.0.0 precedence ({@code pkg:npm}, {@code pkg:golang}, {@code pkg:cargo}, {@code pkg:nuget}). */
    SEMVER,
    /** PEP 440 ({@code pkg:pypi}). */
    PEP440,
    /** Numeric-aware token order for every other ecosystem and for components without a purl. */
    GENERIC;

    /** The scheme for a purl type ({@code maven}, {@code npm}…); {@link #GENERIC} for null or unknown types. */
    public static VersionScheme forEcosystem(String purlType) {
        if (purlType == null) {
            return GENERIC;
        }
        return switch (purlType.toLowerCase(Locale.ROOT)) {
            case "maven" -> MAVEN;
            case "npm", "golang", "cargo", "nuget" -> SEMVER;
            case "pypi" -> PEP440;
            default -> GENERIC;
        };
    }
}
