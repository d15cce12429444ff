package dev.sbomgate.diff;

import dev.sbomgate.model.Inventory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of comparing two SBOMs, with what a reader needs to place it: where each came from and how many
 * components each has.
 *
 * @param baselineSource  the baseline's file as given by the user, or "baseline"
 * @param baselineCount   number of components in the baseline
 * @param candidateSource the candidate's file as given, or "candidate"
 * @param candidateCount  number of components in the candidate
 * @param changes         the changes, sorted by {@link Change#ORDER}
 */
public record DiffReport(String baselineSource, int baselineCount, String candidateSource, int candidateCount,
                         List<Change> changes) {

    public DiffReport {
        Objects.requireNonNull(baselineSource, "baselineSource");
        Objects.requireNonNull(candidateSource, "candidateSource");
        changes = changes.stream().sorted(Change.ORDER).toList();
    }

    /** Compares the two inventories with {@link SbomDiff#compare(Inventory, Inventory)}. */
    public static DiffReport of(Inventory baseline, Inventory candidate) {
        return new DiffReport(
                baseline.source() == null ? "baseline" : baseline.source().toString(), baseline.components().size(),
                candidate.source() == null ? "candidate" : candidate.source().toString(), candidate.components().size(),
                SbomDiff.compare(baseline, candidate));
    }

    /** How many changes of each kind, every kind present (0 when none), in {@link ChangeKind} order. */
    public Map<ChangeKind, Integer> counts() {
        Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        for (ChangeKind kind : ChangeKind.values()) {
            counts.put(kind, 0);
        }
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        return counts;
    }

    /** Number of distinct component identities with at least one change. */
    public long changedComponents() {
        return changes.stream().map(Change::identity).distinct().count();
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }
}
