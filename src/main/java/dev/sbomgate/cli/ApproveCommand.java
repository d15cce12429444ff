package dev.sbomgate.cli;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.gate.BaselineBuilder;
import dev.sbomgate.baseline.BaselineStore;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate approve}: promote the candidate to the new baseline, with a reason, in the approval log. */
@Command(name = "approve",
        description = {"Re-run the check and, when every blocking finding is accepted by name, write the candidate as the "
                + "new baseline atomically and append the approval (who, when, why, what was accepted) to the hash-chained log."},
        footer = {"", "Exit codes: 0 approved, 1 refused (a blocking finding is not accepted), 2 bad input "
                + "(an --accept that matches no blocking finding, a tampered baseline, another approval in progress).",
                "", "Example:",
                "  sbomgate approve --sbom target/bom.json --artifacts ~/.m2/repository \\",
                "      --accept 'SIGNER_CHANGED:pkg:maven/org.slf4j/slf4j-api@2.0.17' --reason 'slf4j moved to a new key, confirmed on qos.ch'"})
final class ApproveCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    GateOptions gate = new GateOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why this update is legitimate (recorded in the log).")
    String reason;

    @Option(names = "--accept", paramLabel = "RULE:PURL",
            description = "Accept one blocking finding, named exactly as the report's 'accept' token (a finding about the"
                    + " gate, like TRUST_STORE_CHANGED, by its rule ID alone). Repeatable.")
    List<String> accept = new ArrayList<>();

    @Option(names = "--by", paramLabel = "NAME", description = "Who approves (default: the OS user).")
    String by;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** {@code RULE} (a bare rule ID) is the same token as {@code RULE:*}; anything else is kept as given. */
    static String acceptToken(String token) {
        return token.indexOf(':') < 0 && RuleId.parse(token).isPresent() && token.strip().equals(token)
                ? RuleId.parse(token).orElseThrow().name() + ":*" : token;
    }

    @Override
    public Integer call() {
        report.targets();
        if (reason.isBlank()) {
            throw new BadInputException("--reason must say why this update is legitimate");
        }
        List<String> malicious = accept.stream().filter(a -> a.startsWith(RuleId.KNOWN_MALICIOUS.name())).distinct().toList();
        if (!malicious.isEmpty()) {
            throw new BadInputException("--accept " + String.join(", ", malicious) + ": KNOWN_MALICIOUS is not accepted by"
                    + " approve (it judges every component on every run); a false positive needs a dated waiver naming the"
                    + " exact purl and the record: {rule: KNOWN_MALICIOUS, purl: 'pkg:…@VERSION', record: MAL-…, reason, expires}"
                    + " (docs/feed.md)");
        }
        // docs/formats.md 4.2: a bare rule ID accepts that rule's finding without a subject (RULE:*), as logged.
        accept = accept.stream().map(ApproveCommand::acceptToken).toList();
        GateInput input = GateInputs.load(gate, report, main.environment(), main.now());
        if (input.stored() == null) {
            throw new BadInputException(gate.baselineDir + " holds no baseline yet; create the first one with 'sbomgate init'");
        }
        Verdict verdict = report.evaluate(input, main.environment(), spec.commandLine().getErr());
        Set<String> blockingTokens = verdict.blocking().stream().map(Finding::acceptToken)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = accept.stream().filter(a -> !blockingTokens.contains(a)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("--accept " + String.join(", ", unknown) + " matches no blocking finding"
                    + (blockingTokens.isEmpty() ? " (there are none)" : "; blocking findings are: " + String.join(", ", blockingTokens)));
        }
        List<Finding> unaccepted = verdict.blocking().stream().filter(f -> !accept.contains(f.acceptToken())).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (!unaccepted.isEmpty()) {
            report.emit(verdict, out, main.environment());
            StringBuilder hint = new StringBuilder("sbomgate: approve refused: " + unaccepted.size()
                    + " blocking finding(s) not accepted. If, after review, they are legitimate, add:");
            unaccepted.stream().map(Finding::acceptToken).distinct().forEach(t -> hint.append(" --accept '").append(t).append('\''));
            spec.commandLine().getErr().println(hint);
            return ExitCode.GATE_FAILED.code();
        }
        Baseline baseline = BaselineBuilder.build(input.candidate(), verdict.evidence(), input.sbomSha256(), input.trust(),
                input.feed());
        List<String> accepted = accept.stream().distinct().sorted().toList();
        var entry = new BaselineStore(gate.baselineDir).approve(baseline, Approver.name(by), reason, input.sbomSha256(), accepted,
                main.now());
        GateInputs.recordInputs(gate);
        report.emitFiles(verdict, main.environment());
        out.println("Approved: " + baseline.components().size() + " components are the new baseline in " + gate.baselineDir
                + " (approval #" + entry.sequence() + (accepted.isEmpty() ? "" : ", " + accepted.size() + " finding(s) accepted") + ").");
        out.flush();
        return ExitCode.OK.code();
    }
}
