package dev.sbomgate.diff;

import dev.sbomgate.model.Component;
import java.util.Comparator;
import java.util.Objects;

/**
 * One difference between a baseline and a candidate SBOM. A component can have several.
 *
 * @param kind         what changed
 * @param identity     the component's {@link Component#identity()} (the candidate's, when both exist)
 * @param oldComponent the baseline component; null for {@link ChangeKind#ADDED}
 * @param newComponent the candidate component; null for {@link ChangeKind#REMOVED}
 * @param aspect       which part changed, e.g. {@code version}, {@code supplier}, {@code vcs}, {@code SHA-256}
 * @param before       the baseline's value of that aspect, for display; null when it had none
 * @param after        the candidate's value, for display; null when it has none
 * @param update       for {@link ChangeKind#UPGRADED} and {@link ChangeKind#DOWNGRADED}, the size of the step; else null
 * @param note         a remark that the values alone do not tell, e.g. "no common hash algorithm"; null when none
 */
public record Change(ChangeKind kind, String identity, Component oldComponent, Component newComponent,
                     String aspect, String before, String after, UpdateKind update, String note) implements Comparable<Change> {

    /** By identity, then kind (in {@link ChangeKind} order), then aspect and values: a total, stable order. */
    public static final Comparator<Change> ORDER = Comparator.comparing(Change::identity)
            .thenComparing(Change::kind)
            .thenComparing(Change::aspect)
            .thenComparing(Change::before, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Change::after, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> c.oldComponent == null ? "" : c.oldComponent.bomRef())
            .thenComparing(c -> c.newComponent == null ? "" : c.newComponent.bomRef());

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(aspect, "aspect");
        if ((oldComponent == null) != (kind == ChangeKind.ADDED)) {
            throw new IllegalArgumentException(kind + " change " + (oldComponent == null ? "needs" : "cannot have")
                    + " a baseline component");
        }
        if ((newComponent == null) != (kind == ChangeKind.REMOVED)) {
            throw new IllegalArgumentException(kind + " change " + (newComponent == null ? "needs" : "cannot have")
                    + " a candidate component");
        }
        boolean versionStep = kind == ChangeKind.UPGRADED || kind == ChangeKind.DOWNGRADED;
        if ((update != null) != versionStep) {
            throw new IllegalArgumentException(kind + " change " + (versionStep ? "needs" : "cannot have") + " an update kind");
        }
    }

    /** The component as the candidate has it, else as the baseline had it. */
    public Component component() {
        return newComponent != null ? newComponent : oldComponent;
    }

    @Override
    public int compareTo(Change other) {
        return ORDER.compare(this, other);
    }
}
