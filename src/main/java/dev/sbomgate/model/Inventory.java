package dev.sbomgate.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An SBOM in our own terms.
 *
 * @param source        the file it was read from (for messages)
 * @param format        {@code json} or {@code xml}
 * @param specVersion   the spec version it declares, e.g. {@code 1.6} (CycloneDX), {@code SPDX-2.3}
 * @param serialNumber  the {@code serialNumber} URN, or null
 * @param version       the BOM's {@code version} (1 when absent)
 * @param timestamp     {@code metadata.timestamp}, or null
 * @param root          {@code metadata.component}, or null
 * @param tools         the tools that made it, as "vendor name version"
 * @param components    every component, nested ones flattened, in document order
 * @param dependencies  the dependency graph: bom-ref to the bom-refs it depends on
 * @param deviations    schema violations of real generators the reader tolerated (SBOM_DEVIATION), in document order
 */
public record Inventory(
        Path source,
        String format,
        String specVersion,
        String serialNumber,
        int version,
        Instant timestamp,
        Component root,
        List<String> tools,
        List<Component> components,
        SortedMap<String, SortedSet<String>> dependencies,
        List<Deviation> deviations) {

    /** An inventory without tolerated deviations. */
    public Inventory(Path source, String format, String specVersion, String serialNumber, int version,
                     Instant timestamp, Component root, List<String> tools, List<Component> components,
                     SortedMap<String, SortedSet<String>> dependencies) {
        this(source, format, specVersion, serialNumber, version, timestamp, root, tools, components, dependencies,
                List.of());
    }

    public Inventory {
        deviations = List.copyOf(deviations == null ? List.of() : deviations);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(specVersion, "specVersion");
        tools = List.copyOf(tools == null ? List.of() : tools);
        components = List.copyOf(components == null ? List.of() : components);
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        if (dependencies != null) {
            for (Map.Entry<String, ? extends SortedSet<String>> e : dependencies.entrySet()) {
                copy.put(e.getKey(), Collections.unmodifiableSortedSet(new TreeSet<>(e.getValue())));
            }
        }
        dependencies = Collections.unmodifiableSortedMap(copy);
    }

    /** The bom-refs this component depends on directly (empty when the graph says nothing). */
    public SortedSet<String> dependenciesOf(String bomRef) {
        return dependencies.getOrDefault(bomRef, Collections.emptySortedSet());
    }
}
