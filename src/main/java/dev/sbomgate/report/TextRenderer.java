package dev.sbomgate.report;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal report: the verdict on the first line, then what changed against the baseline, then blocking
 * findings grouped by component, then warnings and information (waived findings one line each unless verbose). Each finding says what was expected, what was found, why it matters and what to do.
 */
public final class TextRenderer implements Renderer {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    /** Changes listed before "... and N more" unless verbose. */
    static final int MAX_CHANGES = 25;

    /** Findings that are themselves a change of the evidence against the approved artifact, and how the changes list names them. */
    private static final Map<RuleId, String> EVIDENCE_CHANGES = new EnumMap<>(Map.of(
            RuleId.SIGNER_CHANGED, "signer changed",
            RuleId.SIGNATURE_DOWNGRADE, "signature dropped",
            RuleId.MUTATED_RELEASE, "release mutated",
            RuleId.INSTALL_HOOK_ADDED, "install hook added"));

    /** The changes list's order: version steps first, the developer's first question, then new and gone components. */
    private static final List<ChangeKind> CHANGE_ORDER = List.of(ChangeKind.UPGRADED, ChangeKind.DOWNGRADED,
            ChangeKind.VERSION_CHANGED, ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.SAME_VERSION_DIFFERENT_HASHES,
            ChangeKind.HASH_ALGORITHMS_CHANGED, ChangeKind.SUPPLIER_CHANGED, ChangeKind.SOURCE_CHANGED,
            ChangeKind.LICENSE_CHANGED);

    private final boolean colour;
    private final boolean quiet;
    private final boolean evidence;
    private final boolean verbose;

    /**
     * @param colour ANSI colours (only on a terminal, never under NO_COLOR: the caller decides)
     * @param quiet  the verdict line alone
     */
    public TextRenderer(boolean colour, boolean quiet) {
        this(colour, quiet, false);
    }

    /** As {@link #TextRenderer(boolean, boolean, boolean, boolean)}, not verbose. */
    public TextRenderer(boolean colour, boolean quiet, boolean evidence) {
        this(colour, quiet, evidence, false);
    }

    /**
     * @param colour   ANSI colours (only on a terminal, never under NO_COLOR: the caller decides)
     * @param quiet    the verdict line alone
     * @param evidence also each component's evidence (artifact, digests, signature) and how many are proven, as
     *                 {@code sbomgate verify} shows them
     * @param verbose  waived findings in full, every change and every differing digest (else one line per waived
     *                 finding, the first {@value #MAX_CHANGES} changes, the first differing digest and a count)
     */
    public TextRenderer(boolean colour, boolean quiet, boolean evidence, boolean verbose) {
        this.colour = colour;
        this.quiet = quiet;
        this.evidence = evidence;
        this.verbose = verbose;
    }

    @Override
    public String render(Verdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append(verdictLine(verdict)).append('\n');
        if (quiet) {
            return out.toString();
        }
        out.append("Feed: ").append(clean(Views.feedLine(verdict))).append('\n');
        reuse(out, verdict);
        if (evidence) {
            evidence(out, verdict);
        }
        changes(out, verdict);
        section(out, "Blocking", verdict.findingsOf(Severity.BLOCK), RED, verdict);
        section(out, "Warnings", verdict.findingsOf(Severity.WARN), YELLOW, verdict);
        section(out, "Information", verdict.findingsOf(Severity.INFO), "", verdict);
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

    /** The reuse counts on one line (only when reuse was on), then each refused reuse, at most {@value #MAX_CHANGES}. */
    private void reuse(StringBuilder out, Verdict verdict) {
        String line = Views.reuseLine(verdict);
        if (line == null) {
            return;
        }
        out.append("Reuse: ").append(line).append('\n');
        List<String[]> rows = Views.reuseRefusals(verdict);
        int shown = verbose ? rows.size() : Math.min(rows.size(), MAX_CHANGES);
        for (String[] row : rows.subList(0, shown)) {
            out.append("  not reused  ").append(clean(row[0])).append("  ").append(clean(row[1])).append(": ")
                    .append(row[2]).append('\n');
        }
        if (shown < rows.size()) {
            out.append("  ... and ").append(rows.size() - shown).append(" more (--verbose, or the JSON report, lists all)\n");
        }
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * What the update changes, before any finding: the diff stage's changes against the baseline (upgrades,
     * downgrades, added, removed, same version with other bytes, suppliers, sources, licences), then the changes the
     * evidence rules saw against the approved artifact (another signer, a signature dropped, an install hook added).
     * Shown on a pass as on a block: the developer's question before merging is what the update changes.
     */
    private void changes(StringBuilder out, Verdict verdict) {
        if (!verdict.hasBaseline()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ChangeKind kind : CHANGE_ORDER) {
            for (Change c : verdict.changes()) {
                if (c.kind() == kind) {
                    boolean whole = kind == ChangeKind.ADDED || kind == ChangeKind.REMOVED;
                    rows.add(new String[] {kind.title(), whole ? c.component().label() : c.identity(), changeDetail(c)});
                }
            }
        }
        for (Finding f : verdict.findings()) {
            String what = EVIDENCE_CHANGES.get(f.rule());
            if (what != null) {
                rows.add(new String[] {what, Views.subject(f), f.title()});
            }
        }
        if (rows.isEmpty()) {
            out.append('\n').append("No changes against the baseline.").append('\n');
            return;
        }
        out.append('\n').append(paint(BOLD, "Changes against the baseline (" + rows.size() + ")")).append('\n');
        int kindWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int shown = verbose ? rows.size() : Math.min(rows.size(), MAX_CHANGES);
        for (String[] row : rows.subList(0, shown)) {
            out.append("  ").append(String.format("%-" + kindWidth + "s", row[0])).append("  ").append(clean(row[1]));
            if (!row[2].isEmpty()) {
                out.append("  ").append(clean(row[2]));
            }
            out.append('\n');
        }
        if (shown < rows.size()) {
            out.append("  ... and ").append(rows.size() - shown).append(" more (--verbose, or the JSON or HTML report, lists all)\n");
        }
    }

    private static String changeDetail(Change c) {
        StringBuilder sb = new StringBuilder();
        switch (c.kind()) {
            case ADDED, REMOVED -> {
                // the component's label (purl with version) says it all
            }
            case SAME_VERSION_DIFFERENT_HASHES -> sb.append(orNone(c.component().effectiveVersion())).append(", ")
                    .append(c.aspect()).append(" differs");
            case SUPPLIER_CHANGED, SOURCE_CHANGED -> sb.append(c.aspect()).append(": ").append(orNone(c.before()))
                    .append(" -> ").append(orNone(c.after()));
            default -> sb.append(orNone(c.before())).append(" -> ").append(orNone(c.after()));
        }
        if (c.update() != null) {
            sb.append(" (").append(c.update().name().toLowerCase(Locale.ROOT)).append(')');
        }
        if (c.note() != null) {
            sb.append(" (").append(c.note()).append(')');
        }
        return sb.toString();
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }

    private void section(StringBuilder out, String title, List<Finding> findings, String colourCode, Verdict verdict) {
        if (findings.isEmpty()) {
            return;
        }
        out.append('\n').append(paint(BOLD, title + " (" + findings.size() + ")")).append('\n');
        List<Finding> full = verbose ? findings : findings.stream().filter(f -> f.waivedBy() == null).toList();
        Views.bySubject(full).forEach((subject, list) -> {
            out.append('\n').append(paint(BOLD, clean(subject))).append('\n');
            for (Finding f : list) {
                out.append("  ").append(paint(colourCode, f.rule().name())).append("  ").append(clean(f.title())).append('\n');
                line(out, "expected", f.expected());
                line(out, "found", found(f, verdict));
                line(out, "why", f.rule().summary());
                line(out, "fix", f.fix());
                if (f.waivedBy() != null) {
                    line(out, "waived", f.waivedBy());
                }
            }
        });
        List<Finding> waived = findings.stream().filter(f -> !verbose && f.waivedBy() != null).toList();
        if (!waived.isEmpty()) {
            out.append('\n').append("Waived (").append(waived.size()).append(", one line each; --verbose shows them in full)\n");
            for (Finding f : waived) {
                out.append("  ").append(paint(colourCode, f.rule().name())).append("  ").append(clean(Views.subject(f)))
                        .append(": ").append(clean(f.title())).append(" (waived: ").append(clean(f.waivedBy())).append(")\n");
            }
        }
    }

    /**
     * What a finding found; for a digest mismatch over several algorithms, unless verbose, the first differing
     * digest and how many others differ (every one is in the JSON and HTML reports).
     */
    private String found(Finding f, Verdict verdict) {
        if (verbose || f.rule() != RuleId.HASH_MISMATCH) {
            return f.found();
        }
        List<String> details = verdict.evidence().stream()
                .filter(e -> e.component().label().equals(f.subject()))
                .map(Evidence::integrityDetails).findFirst().orElse(List.of());
        return details.size() < 2 ? f.found() : firstOf(details);
    }

    /** The first of several digest lines and the count of the rest. */
    static String firstOf(List<String> details) {
        if (details.size() < 2) {
            return String.join("; ", details);
        }
        int others = details.size() - 1;
        return details.get(0) + " (and " + others + " other " + (others == 1 ? "algorithm" : "algorithms")
                + "; --verbose, or the JSON or HTML report, lists all)";
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
            if (verbose) {
                e.integrityDetails().forEach(d -> digests.append("; ").append(d));
            } else if (!e.integrityDetails().isEmpty()) {
                digests.append("; ").append(firstOf(e.integrityDetails()));
            }
            out.append("      digests:   ").append(clean(digests.toString())).append('\n');
            out.append("      signature: ").append(clean(e.signature().map(TextRenderer::describe).orElse("unsigned")))
                    .append('\n');
            if (!Views.tier(e).isEmpty()) {
                out.append("      tier:      ").append(clean(Views.tier(e))).append('\n');
            }
            for (String evidence : Views.evidence(e)) {
                out.append("      evidence:  ").append(clean(evidence)).append('\n');
            }
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
