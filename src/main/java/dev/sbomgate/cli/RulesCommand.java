package dev.sbomgate.cli;

import dev.sbomgate.rules.Rule;
import dev.sbomgate.rules.Rules;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sbomgate rules}: every rule with its default severity. */
@Command(name = "rules", description = "List every rule: ID, category, default severity and what it detects.",
        footer = {"", "Example:", "  sbomgate rules"})
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Rule rule : Rules.all()) {
            out.printf("%-24s %-10s %-6s %s%n", rule.id().name(), rule.id().category().name().toLowerCase(java.util.Locale.ROOT),
                    rule.id().defaultSeverity().label(), rule.id().summary());
        }
        out.println();
        out.println("Details: sbomgate explain RULE. Severities are set per policy: docs/policy.md.");
        out.flush();
        return 0;
    }
}
