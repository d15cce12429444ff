package dev.sbomgate.baseline;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What was last approved: the approved SBOM's identity, the trust store's digest at the time, and per
 * component its evidence. Dependency edges are kept by component identity (purl without version), which
 * stays stable across releases where bom-refs do not.
 *
 * @param sbomSerialNumber the approved SBOM's serialNumber, or null
 * @param sbomVersion      the approved SBOM's version
 * @param sbomTimestamp    the approved SBOM's metadata.timestamp, or null
 * @param sbomSha256       SHA-256 of the approved SBOM file
 * @param trustStoreDigest digest of the trust store the approval was made with
 * @param components       approved components, sorted by identity then version
 * @param dependencies     identity to the identities it depends on
 */
public record Baseline(String sbomSerialNumber, int sbomVersion, Instant sbomTimestamp, String sbomSha256,
                       String trustStoreDigest, List<BaselineComponent> components,
                       SortedMap<String, SortedSet<String>> dependencies) {

    /**
     * The baseline file format version written; bumped on incompatible changes. Format 2 added each component's
     * {@code content} (artifact size and install-hook summary); format 1 files are still read, as baselines
     * without content summaries.
     */
    public static final int FORMAT = 2;

    /** The oldest format still read. */
    public static final int OLDEST_FORMAT_READ = 1;

    public Baseline {
        Objects.requireNonNull(sbomSha256, "sbomSha256");
        components = sorted(components);
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        if (dependencies != null) {
            for (Map.Entry<String, ? extends SortedSet<String>> e : dependencies.entrySet()) {
                copy.put(e.getKey(), Collections.unmodifiableSortedSet(new TreeSet<>(e.getValue())));
            }
        }
        dependencies = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Sorted by identity, then version ({@code "null"} for none); a stable sort, so equal keys keep their order.
     * Each key is computed once: building a purl's identity string per comparison was most of the sort's time.
     */
    private static List<BaselineComponent> sorted(List<BaselineComponent> components) {
        int n = components.size();
        String[] identities = new String[n];
        String[] versions = new String[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            BaselineComponent c = components.get(i);
            identities[i] = c.identity();
            versions[i] = String.valueOf(c.component().effectiveVersion());
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer, String>comparing(i -> identities[i]).thenComparing(i -> versions[i]));
        BaselineComponent[] out = new BaselineComponent[n];
        for (int i = 0; i < n; i++) {
            out[i] = components.get(order[i]);
        }
        return List.of(out);
    }

    /** The approved components of one identity (more than one when the SBOM held several versions). */
    public List<BaselineComponent> componentsOf(String identity) {
        return components.stream().filter(c -> c.identity().equals(identity)).toList();
    }

    public Optional<BaselineComponent> find(String identity, String version) {
        return components.stream()
                .filter(c -> c.identity().equals(identity) && Objects.equals(c.component().effectiveVersion(), version))
                .findFirst();
    }

    /** The approved components as an inventory, so the SBOM diff can compare a candidate with it. */
    public Inventory asInventory(Path source) {
        List<Component> list = components.stream().map(BaselineComponent::component).toList();
        return new Inventory(source, "baseline", "baseline", sbomSerialNumber, sbomVersion, sbomTimestamp, null,
                List.of(), list, null);
    }
}
