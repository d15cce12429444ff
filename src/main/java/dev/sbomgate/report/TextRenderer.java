package dev.sbomgate.report;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.verify.Evidence;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
    private final boolean evidence;

    /**
     * @param colour ANSI colours (only on a terminal, never under NO_COLOR: the caller decides)
     * @param quiet  the verdict line alone
     */
    public TextRenderer(boolean colour, boolean quiet) {
        this(colour, quiet, false);
    }

    /**
     * @param colour   ANSI colours (only on a terminal, never under NO_COLOR: the caller decides)
     * @param quiet    the verdict line alone
     * @param evidence also each component's evidence (artifact, digests, signature) and how many are proven, as
     *                 {@code sbomgate verify} shows them
     */
    public TextRenderer(boolean colour, boolean quiet, boolean evidence) {
        this.colour = colour;
        this.quiet = quiet;
        this.evidence = evidence;
    }

    @Override
    public String render(Verdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append(verdictLine(verdict)).append('\n');
        if (quiet) {
            return out.toString();
        }
        if (evidence) {
            evidence(out, verdict);
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

    /**
     * Per component, sorted by label: whether it is proven (artifact found, a strong declared digest matches, a
     * pinned key's signature verifies), then its artifact, digests and signature; then the count proven.
     */
    private void evidence(StringBuilder out, Verdict verdict) {
        List<Evidence> sorted = verdict.evidence().stream()
                .sorted(Comparator.comparing((Evidence e) -> e.component().label())
                        .thenComparing(e -> e.component().bomRef()))
                .toList();
        out.append('\n');
        long proven = 0;
        for (Evidence e : sorted) {
            proven += e.proven() ? 1 : 0;
            out.append(e.proven() ? paint(GREEN, "ok  ") + "  " : paint(RED, "FAIL") + "  ")
                    .append(clean(e.component().label())).append('\n');
            StringBuilder artifact = new StringBuilder(e.artifactState().name().toLowerCase(Locale.ROOT));
            if (e.artifact() != null) {
                artifact.append(" (").append(e.artifact().getFileName()).append(')');
            }
            if (e.error() != null) {
                artifact.append(": ").append(e.error());
            }
            out.append("      artifact:  ").append(clean(artifact.toString())).append('\n');
            StringBuilder digests = new StringBuilder(e.integrity().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            e.integrityDetails().forEach(d -> digests.append("; ").append(d));
            out.append("      digests:   ").append(clean(digests.toString())).append('\n');
            out.append("      signature: ").append(clean(e.signature().map(TextRenderer::describe).orElse("unsigned")))
                    .append('\n');
        }
        out.append('\n').append(proven).append(" of ").append(sorted.size())
                .append(" components proven (artifact found, digests match, signed by a pinned key); ")
                .append(sorted.size() - proven).append(" not.\n");
    }

    private static String describe(SignatureCheck s) {
        StringBuilder sb = new StringBuilder(s.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (s.signer() != null) {
            sb.append(" by ").append(s.signer());
        }
        if (s.created() != null) {
            sb.append(" at ").append(s.created());
        }
        if (!s.detail().isBlank()) {
            sb.append(" — ").append(s.detail());
        }
        return sb.toString();
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
