package dev.sbomgate.cli;

import dev.sbomgate.gate.Gate;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.BadInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate check}: the gate. */
@Command(name = "check",
        description = {"Run the gate: verify every artifact's digests and signature against the pinned trust store, "
                + "diff the SBOM against the approved baseline, run every rule, and report.",
                "No network access, ever."},
        footer = {"", "Exit codes: 0 no blocking finding, 1 a blocking finding stands, 2 bad input or configuration, 3 internal error.",
                "", "Examples:",
                "  sbomgate check --sbom target/bom.json --artifacts ~/.m2/repository",
                "  sbomgate check --sbom bom.json --artifacts libs --policy policies/strict.yaml --format json --output gate.json",
                "  cyclonedx-npm | sbomgate check --sbom - --artifacts node_modules   (the SBOM from standard input)",
                "  sbomgate check --format sarif --output gate.sarif --format html --output gate.html --format text",
                "      (SARIF and HTML to files, text on standard output: the n-th --output takes the n-th --format,",
                "       so the one format without an --output comes last)",
                "", "In GitHub Actions the Markdown report is appended to $GITHUB_STEP_SUMMARY, and each finding becomes an",
                "::error or ::warning annotation on the SBOM's line.",
                "  sbomgate check      (in a directory holding .sbomgate/: repeats the inputs of the last approval)"})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    GateOptions gate = new GateOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--timings", description = "Print on standard error how long each stage took "
            + "(start, load, locate, hash, verify, diff, rules, report), in milliseconds, and how many signature checks "
            + "were reused from the approval, refused reuse, or were verified in full.")
    boolean timings;

    @Option(names = "--full", description = "Verify every signature in full, reusing no result of the last approval. "
            + "Without it, a signature whose artifact, signature file, verifier and pinned key are unchanged since the "
            + "approval is not verified again (its scope, window, policy and waivers are still judged).")
    boolean full;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        StageClock clock = new StageClock();
        report.targets();
        GateInput input = GateInputs.load(gate, report, main.environment(), main.now(), main.stdin(), !full);
        if (input.stored() == null) {
            throw new BadInputException(gate.baselineDir + " holds no baseline: create one with 'sbomgate init --sbom FILE "
                    + "--artifacts DIR', or use 'sbomgate verify' to check signatures without one");
        }
        clock.stage("load");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Gate gate = full ? new Gate() : new Gate().reusingApprovedResults();
        Gate.Timed result = report.evaluateTimed(gate, input, main.environment(), err);
        clock.add(result.timings());
        Verdict verdict = result.verdict();
        report.emit(verdict, out, main.environment());
        report.github(verdict, out, err, main.environment());
        clock.stage("report");
        if (timings) {
            clock.print(err);
            err.print("  " + verdict.reuse().line() + "\n"); // after the stages: how much verification was reused
            err.flush();
        }
        return verdict.exitCode().code();
    }
}
