package dev.sbomgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the diff engine lands; replaced by the diff work. */
@Command(name = "diff", description = "Compare two SBOMs component by component.")
final class DiffCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("diff is not built yet");
    }
}
