package dev.sbomgate.report;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.text.Untrusted;
import java.util.List;

/**
 * The terminal report: the verdict on the first line, then blocking findings grouped by component, then
 * warnings and information. Each finding says what was expected, what was found, why it matters and what to do.
 */
public final class TextRenderer implements Renderer {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;
    private final boolean quiet;

    /**
     * @param colour ANSI colours (only on a terminal, never under NO_COLOR: the caller decides)
     * @param quiet  the verdict line alone
     */
    public TextRenderer(boolean colour, boolean quiet) {
        this.colour = colour;
        this.quiet = quiet;
    }

    @Override
    public String render(Verdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append(verdictLine(verdict)).append('\n');
        if (quiet) {
            return out.toString();
        }
        section(out, "Blocking", verdict.findingsOf(Severity.BLOCK), RED);
        section(out, "Warnings", verdict.findingsOf(Severity.WARN), YELLOW);
        section(out, "Information", verdict.findingsOf(Severity.INFO), "");
        if (!verdict.findings().isEmpty()) {
            out.append("\nWhy a rule exists and how to handle it: sbomgate explain RULE\n");
        }
        return out.toString();
    }

    private String verdictLine(Verdict verdict) {
        int blocking = verdict.findingsOf(Severity.BLOCK).size();
        int warnings = verdict.findingsOf(Severity.WARN).size();
        String against = verdict.hasBaseline() ? "against the approved baseline" : "with no baseline (first use)";
        String counts = plural(blocking, "blocking finding") + ", " + plural(warnings, "warning") + "; "
                + plural(verdict.evidence().size(), "component") + " checked " + against
                + " (policy " + clean(verdict.policyName()) + ")";
        return verdict.blocked()
                ? paint(BOLD + RED, "BLOCKED") + ": " + counts
                : paint(BOLD + GREEN, "PASSED") + ": " + counts;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void section(StringBuilder out, String title, List<Finding> findings, String colourCode) {
        if (findings.isEmpty()) {
            return;
        }
        out.append('\n').append(paint(BOLD, title + " (" + findings.size() + ")")).append('\n');
        Views.bySubject(findings).forEach((subject, list) -> {
            out.append('\n').append(paint(BOLD, clean(subject))).append('\n');
            for (Finding f : list) {
                out.append("  ").append(paint(colourCode, f.rule().name())).append("  ").append(clean(f.title())).append('\n');
                line(out, "expected", f.expected());
                line(out, "found", f.found());
                line(out, "why", f.rule().summary());
                line(out, "fix", f.fix());
                if (f.waivedBy() != null) {
                    line(out, "waived", f.waivedBy());
                }
            }
        });
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        out.append("      ").append(String.format("%-10s", label + ":")).append(clean(value)).append('\n');
    }

    /** Text from SBOMs is hostile: no terminal escape, control or bidi character reaches the screen. */
    static String clean(String text) {
        return Untrusted.oneLine(text);
    }

    private String paint(String code, String text) {
        return colour && !code.isEmpty() ? code + text + RESET : text;
    }
}
