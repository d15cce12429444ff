package dev.sbomgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.manifest.Declaration;
import dev.sbomgate.text.Untrusted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * GitLab's Code Quality report (the subset of the Code Climate issue format GitLab reads: {@code description},
 * {@code check_name}, {@code fingerprint}, {@code severity}, {@code location.path}, {@code location.lines.begin}),
 * one issue per finding, for the merge-request widget. The fingerprint is what GitLab compares between the source and
 * target branch to tell new, unchanged and fixed issues apart, so it depends on the rule, the component and the
 * title only, never on lines or run times; two findings that would share one get the second's found text mixed in.
 */
public final class CodeQualityRenderer implements Renderer {
    private final ReportPaths paths;
    private final Map<String, Declaration> declarations;

    /** @param workingDirectory paths are written relative to it (the project directory, where GitLab resolves them) */
    public CodeQualityRenderer(Path workingDirectory) {
        this(workingDirectory, Map.of());
    }

    /** @param declarations candidate bom-ref → the manifest line declaring it, where findings point instead of the SBOM */
    public CodeQualityRenderer(Path workingDirectory, Map<String, Declaration> declarations) {
        this.paths = new ReportPaths(workingDirectory);
        this.declarations = Map.copyOf(declarations);
    }

    @Override
    public String render(Verdict verdict) {
        Locations locations = new Locations(verdict, declarations);
        ArrayNode issues = JsonText.MAPPER.createArrayNode();
        Set<String> fingerprints = new HashSet<>();
        for (Finding f : verdict.findings()) {
            Locations.Where where = locations.of(f);
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("check_name", f.rule().name());
            issue.put("description", description(f, where));
            issue.putArray("categories").add("Security");
            issue.put("severity", severity(f.severity()));
            String fingerprint = SarifRenderer.fingerprint(f);
            for (int n = 2; !fingerprints.add(fingerprint); n++) {
                fingerprint = sha256(fingerprint + "\u0000" + f.found() + "\u0000" + n);
            }
            issue.put("fingerprint", fingerprint);
            ObjectNode location = issue.putObject("location");
            location.put("path", paths.show(where.file()));
            location.putObject("lines").put("begin", where.line());
        }
        return JsonText.write(issues, "Code Quality report");
    }

    /** One line, as the widget shows it: rule, component, what happened, what to do. */
    private static String description(Finding f, Locations.Where where) {
        StringBuilder sb = new StringBuilder(f.rule().name()).append(": ");
        if (f.subject() != null) {
            sb.append(Untrusted.oneLine(f.subject())).append(": ");
        }
        sb.append(Untrusted.oneLine(f.title()));
        if (where.note() != null) {
            sb.append(" (").append(Untrusted.oneLine(where.note())).append(')');
        }
        if (f.waivedBy() != null) {
            sb.append(" (waived: ").append(Untrusted.oneLine(f.waivedBy())).append(')');
        }
        if (!f.fix().isBlank()) {
            sb.append(". Fix: ").append(Untrusted.oneLine(f.fix()));
        }
        return sb.toString();
    }

    /** Code Climate severities: info, minor, major, critical, blocker. */
    private static String severity(Severity severity) {
        return switch (severity) {
            case BLOCK -> "blocker";
            case WARN -> "major";
            case INFO, OFF -> "info";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
