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
 * What was last approved: the approved SBOM's identity, the trust store's digest and pinned set at the time, the
 * feed snapshot used, and per component its evidence. Dependency edges are kept by component identity (purl without
 * version), which stays stable across releases where bom-refs do not.
 *
 * @param sbomFormat       what the approved input was (CYCLONEDX for baselines read from format 1 and 2)
 * @param sbomSpecVersion  the spec version it declared ({@code 1.6}, {@code 2.3}, lockfile {@code 3}), or null when
 *                         unknown (read from format 1 or 2)
 * @param sbomEncoding     how it was written, or null when unknown (read from format 1 or 2)
 * @param sbomSerialNumber the approved SBOM's serialNumber (SPDX: documentNamespace or spdxId), or null
 * @param sbomVersion      the approved SBOM's version; null for SPDX documents and lockfiles, which have none
 * @param sbomTimestamp    the approved SBOM's metadata.timestamp (SPDX: created), or null
 * @param sbomSha256       SHA-256 of the approved SBOM file
 * @param sbomSchemaValid  whether those bytes are a CycloneDX JSON document that passed its spec version's JSON
 *                         schema with no tolerated deviation (a later check of the same bytes need not validate them
 *                         again, docs/formats.md §1.7); false when not, or not recorded
 * @param trustStoreDigest digest of the trust store the approval was made with
 * @param trust            the pinned set at approval, or null when not recorded (read from format 1 or 2)
 * @param feed             the feed snapshot the approval was judged with, or null when none was used (or unknown)
 * @param components       approved components, sorted by identity then version
 * @param dependencies     identity to the identities it depends on
 */
public record Baseline(SbomFormat sbomFormat, String sbomSpecVersion, SbomEncoding sbomEncoding,
                       String sbomSerialNumber, Integer sbomVersion, Instant sbomTimestamp, String sbomSha256,
                       boolean sbomSchemaValid, String trustStoreDigest, ApprovedTrust trust, ApprovedFeed feed,
                       List<BaselineComponent> components, SortedMap<String, SortedSet<String>> dependencies) {

    /**
     * The baseline file format version written; bumped on incompatible changes. Format 2 added each component's
     * {@code content} (artifact size and install-hook summary); format 3 the SBOM's format, the pinned set
     * ({@code trust}), the feed snapshot ({@code feed}) and each component's {@code evidence}. Formats 1 and 2 are
     * still read; what they did not record reads as unknown (null).
     */
    public static final int FORMAT = 3;

    /** The oldest format still read. */
    public static final int OLDEST_FORMAT_READ = 1;

    /** A CycloneDX baseline without the pinned set, feed, spec version or encoding (as read from format 1 or 2). */
    public Baseline(String sbomSerialNumber, int sbomVersion, Instant sbomTimestamp, String sbomSha256,
                    String trustStoreDigest, List<BaselineComponent> components,
                    SortedMap<String, SortedSet<String>> dependencies) {
        this(SbomFormat.CYCLONEDX, null, null, sbomSerialNumber, sbomVersion, sbomTimestamp, sbomSha256, false,
                trustStoreDigest, null, null, components, dependencies);
    }

    public Baseline {
        Objects.requireNonNull(sbomSha256, "sbomSha256");
        Objects.requireNonNull(sbomFormat, "sbomFormat");
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
        return new Inventory(source, "baseline", "baseline", sbomSerialNumber, sbomVersion == null ? 1 : sbomVersion,
                sbomTimestamp, null,
                List.of(), list, null);
    }
}
