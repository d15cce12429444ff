package dev.sbomgate.diff;

import dev.sbomgate.text.Untrusted;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link DiffReport} for people: one section per change kind, one line per change, a summary last.
 * Every value from the SBOMs goes through {@link #printable}: a name with a line break or a bidirectional
 * control character must not be able to forge lines or hide text in a terminal or CI log.
 */
public final class DiffTextRenderer {

    private static final int MAX_PAD = 64;

    private DiffTextRenderer() {
    }

    public static String render(DiffReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Baseline:  ").append(Untrusted.printable(report.baselineSource())).append(" (").append(count(report.baselineCount())).append(")\n");
        sb.append("Candidate: ").append(Untrusted.printable(report.candidateSource())).append(" (").append(count(report.candidateCount())).append(")\n");
        for (ChangeKind kind : ChangeKind.values()) {
            List<Change> ofKind = report.changes().stream().filter(c -> c.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            String title = kind.title();
            sb.append('\n').append(Character.toUpperCase(title.charAt(0))).append(title.substring(1))
                    .append(" (").append(ofKind.size()).append(")\n");
            int pad = Math.min(MAX_PAD, ofKind.stream().mapToInt(c -> c.identity().length()).max().orElse(0));
            for (Change c : ofKind) {
                line(sb, c, pad);
            }
        }
        sb.append('\n').append(summary(report)).append('\n');
        return sb.toString();
    }

    /** E.g. "5 changes in 5 components: 1 added, 4 upgraded." or "No changes." */
    public static String summary(DiffReport report) {
        if (!report.hasChanges()) {
            return "No changes.";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<ChangeKind, Integer> e : report.counts().entrySet()) {
            if (e.getValue() > 0) {
                parts.add(e.getValue() + " " + e.getKey().title());
            }
        }
        int n = report.changes().size();
        long components = report.changedComponents();
        return n + (n == 1 ? " change" : " changes") + " in " + components + (components == 1 ? " component" : " components")
                + ": " + String.join(", ", parts) + ".";
    }

    private static void line(StringBuilder sb, Change c, int pad) {
        String identity = Untrusted.printable(c.identity());
        sb.append("  ").append(identity);
        sb.append(" ".repeat(Math.max(0, pad - identity.length()))).append("  ");
        switch (c.kind()) {
            case ADDED -> sb.append(orNone(c.after()));
            case REMOVED -> sb.append(orNone(c.before()));
            case UPGRADED, DOWNGRADED, VERSION_CHANGED, HASH_ALGORITHMS_CHANGED, LICENSE_CHANGED ->
                    sb.append(orNone(c.before())).append(" -> ").append(orNone(c.after()));
            case SAME_VERSION_DIFFERENT_HASHES -> sb.append(orNone(c.component().effectiveVersion()))
                    .append("  ").append(Untrusted.printable(c.aspect())).append(" differ");
            case SUPPLIER_CHANGED, SOURCE_CHANGED -> sb.append(Untrusted.printable(c.aspect())).append(": ")
                    .append(orNone(c.before())).append(" -> ").append(orNone(c.after()));
        }
        if (c.update() != null) {
            sb.append("  (").append(c.update().name().toLowerCase(Locale.ROOT)).append(')');
        }
        if (c.note() != null) {
            sb.append("  (").append(Untrusted.printable(c.note())).append(')');
        }
        sb.append('\n');
        if (c.kind() == ChangeKind.SAME_VERSION_DIFFERENT_HASHES) {
            sb.append("      was ").append(Untrusted.printable(c.before())).append('\n');
            sb.append("      now ").append(Untrusted.printable(c.after())).append('\n');
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " component" : " components");
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : Untrusted.printable(s);
    }
}
