package dev.sbomgate.cli;

import dev.sbomgate.gate.Verdict;
import dev.sbomgate.report.JsonRenderer;
import dev.sbomgate.report.Renderer;
import dev.sbomgate.report.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a gate command shows its verdict. */
final class ReportOptions {
    /** Output formats; lower case because they are typed on the command line. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Text format: print the verdict line alone.")
    boolean quiet;

    void emit(Verdict verdict, PrintWriter out) {
        String report = renderer().render(verdict);
        if (output != null) {
            AtomicFiles.write(output, report);
        } else {
            out.print(report);
            out.flush();
        }
    }

    private Renderer renderer() {
        if (format == Format.json) {
            return new JsonRenderer(Path.of(""));
        }
        boolean colour = output == null && System.console() != null && System.getenv("NO_COLOR") == null;
        return new TextRenderer(colour, quiet);
    }
}
