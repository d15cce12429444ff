package dev.sbomgate.report;

import dev.sbomgate.diff.Change;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * A pull-request comment or GitHub job summary (GitHub Flavored Markdown): the verdict as a heading, a table per
 * severity with each finding's details folded below it, and the changes against the baseline. Every value from
 * the SBOM is escaped ({@link Escape#markdown}) and shown in {@code <code>} elements; the report stays under
 * GitHub's comment size limit by leaving out details, never the verdict or the tables' first rows.
 */
public final class MarkdownRenderer implements Renderer {
    /** GitHub refuses comments over 65536 characters; leave room for a wrapper the caller may add. */
    static final int BUDGET = 60_000;
    private static final int MAX_TABLE_ROWS = 200;

    private final ReportPaths paths;

    /** @param workingDirectory the SBOM's path is written relative to it */
    public MarkdownRenderer(Path workingDirectory) {
        this.paths = new ReportPaths(workingDirectory);
    }

    @Override
    public String render(Verdict verdict) {
        StringBuilder md = new StringBuilder();
        int blocking = verdict.findingsOf(Severity.BLOCK).size();
        int warnings = verdict.findingsOf(Severity.WARN).size();
        md.append(verdict.blocked() ? "## ❌ sbomgate: BLOCKED\n\n" : "## ✅ sbomgate: PASSED\n\n");
        md.append("**").append(TextRenderer.plural(blocking, "blocking finding")).append(", ")
                .append(TextRenderer.plural(warnings, "warning")).append("** · ")
                .append(TextRenderer.plural(verdict.evidence().size(), "component")).append(" checked ")
                .append(verdict.hasBaseline() ? "against the approved baseline" : "with no baseline (first use)")
                .append(" · policy ").append(code(verdict.policyName())).append("\n\n");
        md.append("SBOM ").append(code(paths.show(verdict.sbomFile()))).append(" (SHA-256 ").append(code(verdict.sbomSha256()))
                .append(") · trust store ").append(code(verdict.trustDigest())).append(" · evaluated ")
                .append(code(verdict.evaluatedAt().toString())).append("\n\n");
        md.append("Feed: ").append(Escape.markdown(Views.feedLine(verdict))).append("\n");
        if (Views.reuseLine(verdict) != null) {
            md.append("\nReuse: ").append(Escape.markdown(Views.reuseLine(verdict))).append("\n");
        }

        int[] omitted = {0};
        section(md, "Blocking", verdict.findingsOf(Severity.BLOCK), omitted);
        section(md, "Warnings", verdict.findingsOf(Severity.WARN), omitted);
        section(md, "Information", verdict.findingsOf(Severity.INFO), omitted);
        changes(md, verdict.changes());
        evidence(md, verdict, omitted);
        if (omitted[0] > 0) {
            md.append("\n_").append(omitted[0]).append(" more item(s) left out to stay under GitHub's comment size limit;"
                    + " the full report: `sbomgate check --format html --output report.html`._\n");
        }
        if (!verdict.findings().isEmpty()) {
            md.append("\n<sub>Why a rule exists and how to handle it: <code>sbomgate explain RULE</code></sub>\n");
        }
        return md.toString();
    }

    /**
     * Evidence per component whose artifact was read: its tier (docs/formats.md §1.3) and the registry-served or
     * Sigstore-based evidence (npm registry signature, provenance: repository@ref, workflow, commit; PEP 740).
     */
    private static void evidence(StringBuilder md, Verdict verdict, int[] omitted) {
        List<dev.sbomgate.verify.Evidence> with = Views.components(verdict).stream()
                .filter(e -> !Views.tier(e).isEmpty()).toList();
        if (with.isEmpty()) {
            return;
        }
        md.append("\n### Evidence (").append(with.size()).append(")\n\n| Component | Tier | Evidence |\n|---|---|---|\n");
        int rows = 0;
        for (dev.sbomgate.verify.Evidence e : with) {
            if (rows++ >= MAX_TABLE_ROWS || md.length() > BUDGET) {
                omitted[0]++;
                continue;
            }
            List<String> items = Views.evidence(e);
            md.append("| ").append(code(e.component().label())).append(" | ").append(Escape.markdown(Views.tier(e)))
                    .append(" | ").append(items.isEmpty() ? "—" : String.join("<br>", items.stream().map(Escape::markdown).toList()))
                    .append(" |\n");
        }
    }

    private static void section(StringBuilder md, String title, List<Finding> findings, int[] omitted) {
        if (findings.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append(" (").append(findings.size()).append(")\n\n");
        md.append("| Rule | Component | Finding |\n|---|---|---|\n");
        int rows = 0;
        for (Finding f : findings) {
            if (rows++ >= MAX_TABLE_ROWS || md.length() > BUDGET) {
                omitted[0]++;
                continue;
            }
            md.append("| `").append(f.rule().name()).append("` | ").append(code(Views.subject(f))).append(" | ")
                    .append(Escape.markdown(f.title())).append(f.waivedBy() == null ? "" : " (waived)").append(" |\n");
        }
        md.append('\n');
        for (Finding f : findings) {
            StringBuilder details = new StringBuilder();
            details.append("<details><summary><code>").append(f.rule().name()).append("</code> ")
                    .append(code(Views.subject(f))).append("</summary>\n\n");
            item(details, "Expected", f.expected(), false);
            item(details, "Found", f.found(), false);
            item(details, "Why", f.rule().summary(), false);
            item(details, "Fix", f.fix(), true);
            item(details, "Waived", f.waivedBy(), false);
            details.append("\n</details>\n");
            if (md.length() + details.length() > BUDGET) {
                omitted[0]++;
                continue;
            }
            md.append(details);
        }
    }

    private static void item(StringBuilder md, String label, String value, boolean asCode) {
        if (value == null || value.isBlank()) {
            return;
        }
        md.append("- **").append(label).append(":** ").append(asCode ? code(value) : Escape.markdown(value)).append('\n');
    }

    private static void changes(StringBuilder md, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append("\n### Changes against the baseline (").append(changes.size()).append(")\n\n");
        md.append("<details><summary>").append(TextRenderer.plural(changes.size(), "change")).append("</summary>\n\n");
        md.append("| Change | Component | Aspect | Before | After |\n|---|---|---|---|---|\n");
        int rows = 0;
        int left = 0;
        for (Change c : changes.stream().sorted().toList()) {
            if (rows++ >= MAX_TABLE_ROWS || md.length() > BUDGET) {
                left++;
                continue;
            }
            md.append("| ").append(Escape.markdown(c.kind().title()))
                    .append(c.update() == null ? "" : " (" + Views.words(c.update()) + ")").append(" | ")
                    .append(code(c.identity())).append(" | ").append(Escape.markdown(c.aspect())).append(" | ")
                    .append(c.before() == null ? "" : code(c.before())).append(" | ")
                    .append(c.after() == null ? "" : code(c.after())).append(" |\n");
        }
        if (left > 0) {
            md.append("| … | ").append(left).append(" more | | | |\n");
        }
        md.append("\n</details>\n");
    }

    /** Hostile text as inline code: a {@code <code>} element (in which, unlike a backtick span, references are decoded). */
    private static String code(String value) {
        return "<code>" + Escape.markdownCode(value) + "</code>";
    }
}
