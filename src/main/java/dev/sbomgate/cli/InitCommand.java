package dev.sbomgate.cli;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.gate.BaselineBuilder;
import dev.sbomgate.baseline.BaselineStore;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.verify.Evidence;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate init}: the first baseline, trusted on first use, but only for artifacts that verify. */
@Command(name = "init",
        description = {"Create the first baseline from an SBOM: trust on first use, but only for what verifies. "
                + "Refuses (exit 1, with the findings) when any artifact fails verification; never overwrites an "
                + "existing baseline without --force."},
        footer = {"", "Exit codes: 0 baseline written, 1 refused (findings shown), 2 bad input or an existing baseline.",
                "", "Example:", "  sbomgate init --sbom target/bom.json --artifacts ~/.m2/repository --trust .sbomgate/trust"})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    GateOptions gate = new GateOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--force", description = "Replace an existing baseline; the approval log continues (never reset).")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "initial baseline (trust on first use)",
            description = "Why, for the approval log (default: ${DEFAULT-VALUE}).")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who approves, for the approval log (default: the OS user).")
    String by;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        report.targets();
        BaselineStore store = new BaselineStore(gate.baselineDir);
        if (!force && store.load().isPresent()) {
            throw new BadInputException(gate.baselineDir + " already holds a baseline; use 'sbomgate approve' for updates, "
                    + "or 'sbomgate init --force' to replace it (the approval log continues)");
        }
        GateInput loaded = GateInputs.load(gate, report, main.environment(), main.now());
        GateInput firstUse = loaded.withoutBaseline();
        Verdict verdict = report.evaluate(firstUse, main.environment(), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (verdict.blocked()) {
            report.emit(verdict, out, main.environment());
            spec.commandLine().getErr().println("sbomgate: init refused: " + verdict.blocking().size()
                    + " blocking finding(s); fix them (or pin the right keys) and run init again, or accept a known gap with a"
                    + " dated waiver in the policy (rule, purl, reason, expires: docs/policy.md)");
            return ExitCode.GATE_FAILED.code();
        }
        Baseline baseline = BaselineBuilder.build(loaded.candidate(), verdict.evidence(), loaded.sbomSha256(),
                loaded.trust(), loaded.feed());
        var entry = store.init(baseline, Approver.name(by), reason, loaded.sbomSha256(), List.of(), main.now(), force);
        GateInputs.recordInputs(gate);
        report.emitFiles(verdict, main.environment());
        long signed = verdict.evidence().stream().filter(e -> e.signatureStatus().isValid()).count();
        long found = verdict.evidence().stream().filter(e -> e.artifactState() == Evidence.ArtifactState.FOUND).count();
        out.println("Baseline initialised in " + gate.baselineDir + ": " + baseline.components().size() + " components, "
                + found + " artifacts verified, " + signed + " signed by pinned keys (approval #" + entry.sequence() + ").");
        if (!verdict.findings().isEmpty()) {
            out.println(verdict.findings().size() + " non-blocking finding(s) recorded; run 'sbomgate check' to see them.");
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
