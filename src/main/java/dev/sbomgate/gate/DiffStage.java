package dev.sbomgate.gate;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ComponentMatcher;
import dev.sbomgate.diff.SbomDiff;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diff stage: the baseline's components against the candidate's, with the same engine as {@code sbomgate diff},
 * and each candidate component matched with the approved version of the same package.
 *
 * @param changes  baseline → candidate (empty without a baseline)
 * @param approved candidate bom-ref → the baseline component it was matched with
 */
public record DiffStage(List<Change> changes, Map<String, BaselineComponent> approved) {
    public DiffStage {
        changes = List.copyOf(changes);
        approved = Map.copyOf(approved);
    }

    /** Nothing to compare: no baseline (first use, or {@code verify}). */
    public static DiffStage none() {
        return new DiffStage(List.of(), Map.of());
    }

    public static DiffStage run(Baseline baseline, Inventory candidate) {
        if (baseline == null) {
            return none();
        }
        Map<Component, BaselineComponent> byComponent = new IdentityHashMap<>();
        baseline.components().forEach(b -> byComponent.put(b.component(), b));
        List<Component> approvedComponents = baseline.components().stream().map(BaselineComponent::component).toList();
        SbomDiff.Result diff = SbomDiff.diff(approvedComponents, candidate.components());
        Map<String, BaselineComponent> approved = new HashMap<>();
        for (ComponentMatcher.Pair pair : diff.matching().pairs()) {
            approved.put(pair.newComponent().bomRef(), byComponent.get(pair.oldComponent()));
        }
        return new DiffStage(diff.changes(), approved);
    }
}
