package dev.sbomgate.cli;

import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.gate.Gate;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.manifest.Declaration;
import dev.sbomgate.manifest.Manifests;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.report.CodeQualityRenderer;
import dev.sbomgate.report.GithubAnnotationRenderer;
import dev.sbomgate.report.HtmlRenderer;
import dev.sbomgate.report.JsonRenderer;
import dev.sbomgate.report.JunitRenderer;
import dev.sbomgate.report.MarkdownRenderer;
import dev.sbomgate.report.Renderer;
import dev.sbomgate.report.SarifRenderer;
import dev.sbomgate.report.TextRenderer;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a gate command shows its verdict: one or more reports from one evaluation, each to standard output or a file. */
final class ReportOptions {
    /** Output formats; lower case because they are typed on the command line. */
    enum Format {
        text, json, sarif, junit, markdown, html, codequality;

        /** Whether a program reads it: such a report on standard output keeps annotations off standard output. */
        boolean machineReadable() {
            return this != text;
        }
    }

    /** One report: a format and its file, or null for standard output. */
    record Target(Format format, Path output) {
    }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = {"Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable, for several reports from one "
                    + "evaluation: the n-th --format goes with the n-th --output, so the one --format beyond the last --output "
                    + "(at most one) goes to standard output."})
    List<Format> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report of the matching --format to FILE, atomically (whole or not at all). Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "A manifest (pom.xml, build.gradle(.kts), libs.versions.toml, package.json, requirements*.txt, pyproject.toml) "
                    + "whose dependency lines SARIF, Code Quality and annotations point at instead of the SBOM's. Repeatable; "
                    + "without it, the manifests in the git repository are found. Only files inside the repository are read.")
    List<Path> manifests = new ArrayList<>();

    /** Candidate bom-ref → its manifest line, once evaluated (empty when no report points at lines, or outside a repository). */
    private Map<String, Declaration> declarations = Map.of();

    /** The command this mixin belongs to: its inherited --verbose and --no-color are the root command's options. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** {@code verify}: the text report also lists each component's evidence and how many are proven. */
    boolean evidenceInText;

    @Option(names = {"-q", "--quiet"}, description = "Text format: print the verdict line alone.")
    boolean quiet;

    @Option(names = "--progress",
            description = "Show the progress line (files, bytes, rate) on standard error even when it is not a terminal, e.g. in CI logs. "
                    + "On a terminal it shows anyway once hashing takes over a second.")
    boolean progress;

    /** The reports asked for, paired as documented; a usage error is bad input (exit 2) before anything is evaluated. */
    List<Target> targets() {
        List<Format> wanted = formats.isEmpty() ? List.of(Format.text) : formats;
        if (outputs.size() > wanted.size()) {
            throw new BadInputException("--output " + outputs.get(wanted.size()) + " has no --format to go with: give one --format "
                    + "per --output, in the same order (the n-th --output takes the n-th --format)");
        }
        List<Target> targets = new ArrayList<>();
        Set<Path> files = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            Path output = i < outputs.size() ? outputs.get(i) : null;
            if (output != null && !files.add(output.toAbsolutePath().normalize())) {
                throw new BadInputException("--output " + output + " is given twice; each report needs a file of its own");
            }
            targets.add(new Target(wanted.get(i), output));
        }
        List<Target> toStdout = targets.stream().filter(t -> t.output() == null).toList();
        if (toStdout.size() > 1) {
            throw new BadInputException("--format " + toStdout.get(0).format() + " and --format " + toStdout.get(1).format()
                    + " would both go to standard output; give all but one of them an --output FILE (the n-th --output "
                    + "takes the n-th --format)");
        }
        return targets;
    }

    /** Runs the gate with the live progress line (see {@link ProgressLine}), and adds the SBOM lines reports point at. */
    Verdict evaluate(GateInput input, Environment environment, PrintWriter err) {
        return evaluateTimed(input, environment, err).verdict();
    }

    /** As {@link #evaluate}, with the gate's stage timings ({@code --timings}); finding the SBOM lines is not timed here. */
    Gate.Timed evaluateTimed(GateInput input, Environment environment, PrintWriter err) {
        return evaluateTimed(new Gate(), input, environment, err);
    }

    /** As {@link #evaluateTimed(GateInput, Environment, PrintWriter)}, with another gate ({@code verify}'s). */
    Gate.Timed evaluateTimed(Gate gate, GateInput input, Environment environment, PrintWriter err) {
        ProgressLine line = new ProgressLine(err, progress, environment.stderrIsTerminal(), System::nanoTime);
        Gate.Timed timed;
        try {
            timed = gate.evaluateTimed(input, line);
        } finally {
            line.finish();
        }
        declarations = declarations(input);
        if (input.sbomLines().isEmpty()) {
            return timed;
        }
        return new Gate.Timed(timed.verdict().withSbomLines(input.sbomLines()), timed.timings());
    }

    /**
     * The manifest lines of the candidate's components, when a report points at lines: the --manifest files, else those
     * found in the git repository of the working directory; none outside a repository.
     */
    private Map<String, Declaration> declarations(GateInput input) {
        if (input.sbomLines().isEmpty() && manifests.isEmpty()) {
            return Map.of();
        }
        Path here = Path.of("").toAbsolutePath();
        Optional<Path> top = Manifests.gitTop(here);
        if (top.isEmpty()) {
            if (!manifests.isEmpty()) {
                throw new BadInputException("--manifest " + manifests.get(0) + ": not inside a git repository; manifests are read "
                        + "only inside the repository sbomgate runs in");
            }
            return Map.of();
        }
        List<Path> files = manifests.isEmpty() ? Manifests.discover(top.get()) : manifests;
        return Manifests.locate(input.candidate(), top.get(), files);
    }

    /** The SBOM reader for these reports: one that records component lines when a report points at them. */
    SbomReader sbomReader(Environment environment) {
        return needsSbomLines(environment) ? new SbomReader().locatingLines() : new SbomReader();
    }

    /** Only the JSON, SARIF and Code Quality reports and GitHub annotations point at SBOM lines; the others never read them. */
    private boolean needsSbomLines(Environment environment) {
        return "true".equals(environment.get("GITHUB_ACTIONS"))
                || targets().stream().anyMatch(t -> t.format() == Format.json || t.format() == Format.sarif
                        || t.format() == Format.codequality);
    }

    /** Renders every report of one verdict: files atomically, at most one to standard output. */
    void emit(Verdict verdict, PrintWriter out, Environment environment) {
        emit(verdict, out, environment, true);
    }

    /** Writes only the reports that go to files: init and approve print their own message when they succeed. */
    void emitFiles(Verdict verdict, Environment environment) {
        emit(verdict, null, environment, false);
    }

    private void emit(Verdict verdict, PrintWriter out, Environment environment, boolean withStdout) {
        for (Target target : targets()) {
            if (target.output() == null && !withStdout) {
                continue;
            }
            String report = renderer(target, environment).render(verdict);
            if (target.output() != null) {
                write(target.output(), report);
            } else {
                out.print(report);
                out.flush();
            }
        }
    }

    /**
     * GitHub Actions: appends the Markdown report to the job summary when GITHUB_STEP_SUMMARY names a file, and writes
     * a workflow annotation per finding when GITHUB_ACTIONS is {@code true}, on standard output as the runner expects,
     * or on standard error when a machine-readable report occupies standard output (the runner reads both).
     */
    void github(Verdict verdict, PrintWriter out, PrintWriter err, Environment environment) {
        String summary = environment.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            String markdown = new MarkdownRenderer(Path.of("")).render(verdict);
            try {
                Files.writeString(Path.of(summary), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                // The verdict stands whatever happens to the summary; say so and go on.
                err.println("sbomgate: warning: cannot append the job summary to GITHUB_STEP_SUMMARY " + summary + " ("
                        + Untrusted.wholeMessage(e.getMessage()) + ")");
                err.flush();
            }
        }
        if ("true".equals(environment.get("GITHUB_ACTIONS"))) {
            boolean stdoutTaken = targets().stream().anyMatch(t -> t.output() == null && t.format().machineReadable());
            PrintWriter stream = stdoutTaken ? err : out;
            stream.print(new GithubAnnotationRenderer(Path.of(""), declarations).render(verdict));
            stream.flush();
        }
    }

    private Renderer renderer(Target target, Environment environment) {
        Path here = Path.of("");
        return switch (target.format()) {
            case json -> new JsonRenderer(here, VersionProvider.version());
            case sarif -> new SarifRenderer(here, VersionProvider.version(), declarations);
            case junit -> new JunitRenderer(here);
            case markdown -> new MarkdownRenderer(here);
            case html -> new HtmlRenderer(here, VersionProvider.version());
            case codequality -> new CodeQualityRenderer(here, declarations);
            case text -> new TextRenderer(target.output() == null && !inherited("--no-color") && colour(environment), quiet,
                    evidenceInText, inherited("--verbose"));
        };
    }

    /** An inherited flag of the root command (--verbose, --no-color), false when this mixin stands alone (tests). */
    private boolean inherited(String name) {
        if (mixee == null) {
            return false;
        }
        OptionSpec option = mixee.findOption(name);
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    /** Colours only on a terminal, never under NO_COLOR (no-color.org) or TERM=dumb; --no-color is the caller's. */
    static boolean colour(Environment environment) {
        return environment.stdoutIsTerminal() && !environment.isSet("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
    }

    /** A report file, whole or not at all ({@link AtomicWrite}); its directory is created when missing. */
    private static void write(Path target, String content) {
        Path absolute = target.toAbsolutePath();
        try {
            if (Files.isDirectory(absolute)) {
                throw new BadInputException("--output " + target + ": is a directory; give a file name");
            }
            Files.createDirectories(absolute.getParent());
            AtomicWrite.write(absolute, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException("--output " + target + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
