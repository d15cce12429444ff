package dev.sbomgate.sbom;

import dev.sbomgate.model.Inventory;

/** Copies of an {@link Inventory} with one field changed (records have no withers). */
final class Inventories {

    private Inventories() {
    }

    static Inventory withSpecVersion(Inventory in, String specVersion) {
        return new Inventory(in.source(), in.format(), specVersion, in.serialNumber(), in.version(), in.timestamp(),
                in.root(), in.tools(), in.components(), in.dependencies(), in.deviations());
    }

    static Inventory withDeviations(Inventory in, java.util.List<dev.sbomgate.model.Deviation> deviations) {
        return new Inventory(in.source(), in.format(), in.specVersion(), in.serialNumber(), in.version(),
                in.timestamp(), in.root(), in.tools(), in.components(), in.dependencies(), deviations);
    }
}
