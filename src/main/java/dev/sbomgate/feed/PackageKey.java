package dev.sbomgate.feed;

import dev.sbomgate.model.Purl;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A package as the feed and the SBOM both name it: the purl type and the name in one canonical spelling, so that an
 * OSV record and a component meet in one index lookup. npm: {@code @scope/name} (lower case); PyPI: the PEP 503
 * normalised name; Maven: {@code group:artifact}; others: {@code namespace/name} or {@code name}.
 */
public record PackageKey(String purlType, String name) {
    /** OSV ecosystem → purl type, for the ecosystems whose purls sbomgate reads. */
    static final Map<String, String> PURL_TYPES = Map.of("npm", "npm", "PyPI", "pypi", "Maven", "maven",
            "crates.io", "cargo", "RubyGems", "gem", "Go", "golang", "NuGet", "nuget", "Packagist", "composer");

    /** The OSV ecosystem of a purl type ({@code pypi} → {@code PyPI}), if the feed maps it. */
    public static Optional<String> osvEcosystem(String purlType) {
        String type = purlType == null ? "" : purlType.toLowerCase(Locale.ROOT);
        return PURL_TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst();
    }

    public PackageKey {
        Objects.requireNonNull(purlType, "purlType");
        Objects.requireNonNull(name, "name");
    }

    /** The key of a component's purl. */
    public static PackageKey of(Purl purl) {
        String type = purl.type().toLowerCase(Locale.ROOT);
        String ns = purl.namespace();
        String name = switch (type) {
            case "npm" -> ((ns == null || ns.isEmpty() ? "" : ns + "/") + purl.name()).toLowerCase(Locale.ROOT);
            case "pypi" -> Purl.normalisePypiName(purl.name());
            case "maven" -> (ns == null ? "" : ns) + ":" + purl.name();
            default -> (ns == null || ns.isEmpty() ? "" : ns + "/") + purl.name();
        };
        return new PackageKey(type, name);
    }

    /** The key of an OSV {@code affected[].package}; empty for an ecosystem sbomgate does not map to purls. */
    public static Optional<PackageKey> ofOsv(String ecosystem, String name) {
        if (ecosystem == null || name == null || name.isEmpty()) {
            return Optional.empty();
        }
        // "Maven:…"-style suffixes name a repository, "Ubuntu:22.04" a release: the part before ':' is the ecosystem
        int colon = ecosystem.indexOf(':');
        String type = PURL_TYPES.get(colon < 0 ? ecosystem : ecosystem.substring(0, colon));
        if (type == null) {
            return Optional.empty();
        }
        String canonical = switch (type) {
            case "npm" -> name.toLowerCase(Locale.ROOT);
            case "pypi" -> Purl.normalisePypiName(name);
            default -> name;
        };
        return Optional.of(new PackageKey(type, canonical));
    }

    @Override
    public String toString() {
        return purlType + ":" + name;
    }
}
