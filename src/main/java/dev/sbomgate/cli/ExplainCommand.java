package dev.sbomgate.cli;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.rules.Rule;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.rules.Rules;
import dev.sbomgate.text.Untrusted;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sbomgate explain RULE}. */
@Command(name = "explain", description = "Explain a rule: what it detects, the real attack it answers, how to fix or approve.",
        footer = {"", "Example:", "  sbomgate explain SIGNER_CHANGED"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RULE", completionCandidates = RuleIdCandidates.class,
            description = "A rule ID, as 'sbomgate rules' lists them (completion offers them).")
    String rule;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        RuleId id = RuleId.parse(rule).orElseThrow(() -> {
            List<String> near = RuleIdCandidates.nearest(rule);
            return new BadInputException("unknown rule '" + Untrusted.oneLine(rule) + "'; "
                    + (near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "? ") + "known rules: "
                    + Arrays.stream(RuleId.values()).map(Enum::name).collect(Collectors.joining(", ")));
        });
        Rule r = Rules.find(id).orElseThrow(() -> new IllegalStateException("no rule class for " + id));
        PrintWriter out = spec.commandLine().getOut();
        out.println(id.name() + " (" + id.category().name().toLowerCase(java.util.Locale.ROOT) + ", default severity "
                + id.defaultSeverity().label() + ")");
        out.println(id.summary());
        out.println();
        out.println(r.explain().strip());
        out.flush();
        return 0;
    }
}
