package dev.sbomgate.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One component of an SBOM, in our own terms. Nested CycloneDX components are flattened; {@code parentRef}
 * keeps the bom-ref of the component they were nested in (null at top level). Optional scalar fields are
 * null when the SBOM does not give them; collections are never null.
 *
 * @param bomRef       the CycloneDX {@code bom-ref}, or a synthesised one when the SBOM has none
 * @param purl         the parsed package URL, or null
 * @param type         CycloneDX component type ({@code library}, {@code application}…), lower case
 * @param supplier     the supplier organisation's name
 * @param publisher    the publisher
 * @param author       the author(s), as one string
 * @param manufacturer the manufacturer organisation's name (CycloneDX 1.6)
 * @param licenses     SPDX ids, licence names or SPDX expressions, sorted
 * @param scope        {@code required}, {@code optional}, {@code excluded}, or null
 */
public record Component(
        String bomRef,
        Purl purl,
        String type,
        String group,
        String name,
        String version,
        List<Digest> hashes,
        String supplier,
        String publisher,
        String author,
        String manufacturer,
        List<String> licenses,
        List<ExternalReference> externalReferences,
        String scope,
        List<Property> properties,
        String parentRef) {

    public Component {
        Objects.requireNonNull(bomRef, "bomRef");
        Objects.requireNonNull(name, "name");
        type = SharedWords.shared(type);
        scope = SharedWords.shared(scope);
        if (purl != null) {
            group = SharedWords.sameAs(group, purl.namespace());
            name = SharedWords.sameAs(name, purl.name());
            version = SharedWords.sameAs(version, purl.version());
        }
        hashes = sortedDistinct(hashes);
        licenses = sortedDistinct(licenses);
        externalReferences = sortedDistinct(externalReferences);
        properties = List.copyOf(properties == null ? List.of() : properties);
    }

    /** An immutable, sorted copy without repeats (natural order; nulls refused, as List.copyOf does). */
    private static <T extends Comparable<? super T>> List<T> sortedDistinct(List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> sorted = new java.util.ArrayList<>(values);
        sorted.forEach(Objects::requireNonNull);
        sorted.sort(null);
        int kept = 1;
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).equals(sorted.get(kept - 1))) {
                sorted.set(kept++, sorted.get(i));
            }
        }
        return List.copyOf(sorted.subList(0, kept));
    }

    /**
     * The key that matches this component across two SBOMs: the purl's {@link Purl#identity()} (no version),
     * or {@code group:name} (lower case) when there is no purl.
     */
    public String identity() {
        if (purl != null) {
            return purl.identity();
        }
        String g = group == null || group.isBlank() ? "" : group.toLowerCase(java.util.Locale.ROOT) + ":";
        return "name:" + g + name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The version from the component, else from its purl. */
    public String effectiveVersion() {
        if (version != null && !version.isBlank()) {
            return version;
        }
        return purl == null ? null : purl.version();
    }

    /** A human label: the purl when there is one, else group/name@version. */
    public String label() {
        if (purl != null) {
            return purl.toString();
        }
        String v = effectiveVersion();
        return (group == null || group.isBlank() ? "" : group + "/") + name + (v == null ? "" : "@" + v);
    }

    public Optional<Digest> hash(HashAlgorithm algorithm) {
        return hashes.stream().filter(d -> d.algorithm() == algorithm).findFirst();
    }

    public Optional<String> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).map(Property::value).findFirst();
    }

    /** URLs of the external references of one CycloneDX type, e.g. {@code vcs} or {@code distribution}. */
    public List<String> references(String referenceType) {
        return externalReferences.stream().filter(r -> r.type().equals(referenceType)).map(ExternalReference::url).toList();
    }
}
