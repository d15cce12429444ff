package dev.sbomgate.cli;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.text.Untrusted;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** The sbomgate command line. {@link #run} is the whole program; {@link #main} only exits with its result. */
@Command(name = "sbomgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Stops poisoned dependency updates: unsigned, re-signed, mutated or otherwise anomalous releases.",
        footer = {"", "Exit codes: 0 ok, 1 gate failed, 2 bad input or usage, 3 internal error.",
                "", "Example:", "  sbomgate diff samples/diff/old.cdx.json samples/diff/new.cdx.json"})
// The subcommands are SUBCOMMANDS below, added in run(), not listed in the annotation: a run of one subcommand then
// does not pay for picocli's reflection over all of them.
public final class Main implements Runnable {

    /**
     * The subcommands, by name, in the order {@code --help} lists them. A run whose first argument names one of them
     * (other than generate-completion, which describes the whole tree) builds the model of that one only: picocli
     * reflects over every command, option and mixin it is given, 0.3 CPU-seconds for the whole tree, and a run
     * never reaches a second subcommand (docs/PERFORMANCE.md, "Fixed cost"). Any other first argument (an option,
     * a typo that deserves a suggestion, none) gets the whole tree, so its output is the one it always was.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> map = new java.util.LinkedHashMap<>();
        map.put("check", CheckCommand.class);
        map.put("fetch", FetchCommand.class);
        map.put("init", InitCommand.class);
        map.put("approve", ApproveCommand.class);
        map.put("verify", VerifyCommand.class);
        map.put("diff", DiffCommand.class);
        map.put("explain", ExplainCommand.class);
        map.put("rules", RulesCommand.class);
        map.put("trust", TrustCommand.class);
        map.put("feed", FeedCommand.class);
        map.put("generate-completion", AutoComplete.GenerateCompletion.class);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The subcommands a run with these arguments needs in its model: the one it names, else all of them. */
    static java.util.Collection<Class<?>> subcommandsFor(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("generate-completion")) {
            return java.util.List.of(SUBCOMMANDS.get(args[0]));
        }
        return SUBCOMMANDS.values();
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Text reports: waived findings in full, every change and every differing digest. "
                    + "Errors: with their stack traces (for bug reports).")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No ANSI colours, even on a terminal (as NO_COLOR=1 does, no-color.org).")
    boolean noColor;

    static {
        // cyclonedx-core-java's schema validator logs through SLF4J, which has no provider here; its one-time
        // "no providers" notice on stderr would break the one-line-error contract.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private Clock clock = Clock.systemUTC();
    private Environment environment = Environment.empty();
    private InputStream stdin = InputStream.nullInputStream();

    /** The injected clock's time: every timestamp sbomgate writes or judges by comes from here. */
    java.time.Instant now() {
        return clock.instant();
    }

    /** The injected clock. */
    Clock clock() {
        return clock;
    }

    /** Environment variables and terminals: NO_COLOR, GITHUB_STEP_SUMMARY, GITHUB_ACTIONS, colours and the progress line. */
    Environment environment() {
        return environment;
    }

    /** Standard input: the SBOM of {@code --sbom -} and {@code diff - NEW}. */
    InputStream stdin() {
        return stdin;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs sbomgate with these arguments and returns its exit code; never calls {@code System.exit}. It reads the
     * process's environment; the streams count as terminals only when they are {@code System.out} and {@code System.err}.
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(System.in, out, err, Clock.systemUTC(), Environment.system(out == System.out, err == System.err), args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)}, with the clock tests inject, and an empty environment without terminals. */
    public static int run(PrintStream out, PrintStream err, Clock clock, String... args) {
        return run(out, err, clock, Environment.empty(), args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)}, with the clock and the environment tests inject. */
    public static int run(PrintStream out, PrintStream err, Clock clock, Environment environment, String... args) {
        return run(InputStream.nullInputStream(), out, err, clock, environment, args);
    }

    /** As {@link #run(PrintStream, PrintStream, Clock, Environment, String...)}, with standard input (an empty one there). */
    public static int run(InputStream in, PrintStream out, PrintStream err, Clock clock, Environment environment, String... args) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Answered without building the command model: picocli reflects over every subcommand and option first,
            // which took 0.3 to 0.4 CPU-seconds, ten times the JVM's own start-up (docs/PERFORMANCE.md, Start-up).
            for (String line : new VersionProvider().getVersion()) {
                outWriter.println(line);
            }
            outWriter.flush();
            return ExitCode.OK.code();
        }
        boolean verbose = Arrays.asList(args).contains("--verbose");
        Main main = new Main();
        main.clock = clock;
        main.environment = environment;
        main.stdin = in;
        CommandLine commandLine = new CommandLine(main);
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> handle(ex, errWriter, verbose));
        commandLine.setParameterExceptionHandler((ex, args2) -> {
            errWriter.println("sbomgate: " + Untrusted.wholeMessage(ex.getMessage()));
            if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                errWriter.println("Did you mean: " + Untrusted.oneLine(String.join(" or ", unmatched.getSuggestions())) + "?");
            }
            errWriter.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT.code();
        });
        CommandLine completion = commandLine.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        try {
            int code = commandLine.execute(args);
            outWriter.flush();
            errWriter.flush();
            return code;
        } catch (RuntimeException | Error e) {
            return handle(e, errWriter, verbose);
        }
    }

    private static int handle(Throwable ex, PrintWriter err, boolean verbose) {
        if (ex instanceof BadInputException) {
            err.println("sbomgate: error: " + Untrusted.wholeMessage(ex.getMessage()));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCode.BAD_INPUT.code();
        }
        if (ex instanceof OutOfMemoryError) {
            err.println("sbomgate: internal error: out of memory (" + Untrusted.wholeMessage(ex.getMessage()) + ")");
        } else {
            err.println("sbomgate: internal error: " + ex.getClass().getSimpleName() + ": " + Untrusted.wholeMessage(ex.getMessage())
                    + (verbose ? "" : " (run again with --verbose for details and report it)"));
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
