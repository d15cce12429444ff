package dev.sbomgate.cli;

import dev.sbomgate.diff.DiffJsonRenderer;
import dev.sbomgate.diff.DiffReport;
import dev.sbomgate.diff.DiffTextRenderer;
import dev.sbomgate.diff.SbomDiff;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate diff OLD NEW}: reads two SBOMs, compares them, prints the changes. */
@Command(name = "diff",
        description = {
            "Compare two CycloneDX SBOMs component by component.",
            "Reports added and removed components, upgrades and downgrades (in each ecosystem's version order), "
                    + "the same version with other hashes, and changed hash algorithms, suppliers, sources and licences. "
                    + "Components match by package URL without version; see docs/diff-format.md."
        },
        footer = {
            "",
            "Exit codes: 0 compared (with --fail-on-change: nothing changed), 1 something changed and --fail-on-change "
                    + "was given, 2 bad input or usage.",
            "",
            "Examples:",
            "  sbomgate diff samples/diff/old.cdx.json samples/diff/new.cdx.json",
            "  sbomgate diff --format json --fail-on-change old.cdx.json new.cdx.json",
            "  git show main:bom.json | sbomgate diff - bom.json      (OLD from standard input)"
        })
final class DiffCommand implements Callable<Integer> {

    /** Output formats; lower case because they are typed on the command line. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "OLD", description = "The baseline SBOM (CycloneDX JSON or XML); '-' reads it from standard input.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "NEW", description = "The candidate SBOM to compare with it; '-' reads it from standard input.")
    Path candidate;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "JSON is deterministic and documented in docs/diff-format.md.")
    Format format;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--fail-on-change", description = "Exit with 1 when anything changed (a CI step that wants no surprises).")
    boolean failOnChange;

    @Override
    public Integer call() {
        if (GateOptions.STDIN.equals(baseline) && GateOptions.STDIN.equals(candidate)) {
            throw new BadInputException("OLD and NEW are both '-': standard input holds one SBOM; give the other as a file");
        }
        Inventory old = read(baseline);
        Inventory now = read(candidate);
        DiffReport report = new DiffReport(baseline.toString(), old.components().size(),
                candidate.toString(), now.components().size(), SbomDiff.compare(old, now));
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? DiffJsonRenderer.render(report) : DiffTextRenderer.render(report));
        out.flush();
        return failOnChange && report.hasChanges() ? ExitCode.GATE_FAILED.code() : ExitCode.OK.code();
    }

    /** A file, or standard input for '-' (buffered whole under the SBOM size limit). */
    private Inventory read(Path sbom) {
        return GateOptions.STDIN.equals(sbom) ? new SbomReader().loadDocument(sbom, main.stdin()).inventory() : SbomReader.read(sbom);
    }
}
