package dev.sbomgate.sbom;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Inventory;
import java.nio.file.Path;

/** TEMPORARY stand-in so that the diff branch compiles until the real reader is merged from main. */
public final class SbomReader {
    private SbomReader() {
    }

    public static Inventory read(Path path) {
        throw new BadInputException(path + ": SBOM reading is not merged yet");
    }
}
