package dev.sbomgate.cli;

import dev.sbomgate.model.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sbomgate trust}: pin, list, show and remove the keys and Sigstore identities that may sign which packages,
 * and install the Sigstore trusted root.
 */
@Command(name = "trust",
        description = "Manage the pinned trust store: which keys and Sigstore identities (by full fingerprint) may sign"
                + " which packages.",
        subcommands = {
                TrustAddCommand.class,
                TrustAddIdentityCommand.class,
                TrustAddRegistryKeysCommand.class,
                TrustImportCommand.class,
                TrustSigstoreRootCommand.class,
                TrustListCommand.class,
                TrustShowCommand.class,
                TrustRemoveCommand.class,
                TrustSuggestCommand.class,
                TrustApplyCommand.class,
                TrustRefreshCommand.class,
                TrustAuditCommand.class,
                TrustRevokeCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 2 bad input or usage.",
                "", "Example:", "  sbomgate trust add release.asc --name 'ACME' --scope 'pkg:maven/com.acme/*'"})
final class TrustCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    /** What every trust subcommand takes: the trust directory, --help, and the command's output. */
    static final class TrustDir {
        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        @Option(names = "--trust", paramLabel = "DIR", defaultValue = ".sbomgate/trust",
                description = "Trust store directory (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        PrintWriter out() {
            return command.commandLine().getOut();
        }

        PrintWriter err() {
            return command.commandLine().getErr();
        }
    }
}
