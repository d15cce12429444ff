package dev.sbomgate.report;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.manifest.Declaration;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions workflow commands ({@code ::error}, {@code ::warning}, {@code ::notice}), one per finding, located at
 * the SBOM file and line, so that findings show as annotations on the run and the pull request. Values are escaped
 * as the Actions toolkit does ({@code @actions/core} command.ts): in data {@code %}, CR and LF; in properties also
 * {@code :} and {@code ,}. Hostile text therefore cannot end a command early or start another.
 */
public final class GithubAnnotationRenderer implements Renderer {
    private final ReportPaths paths;
    private final Map<String, Declaration> declarations;

    /** @param workingDirectory the SBOM's path is written relative to it (the workspace root, where annotations resolve) */
    public GithubAnnotationRenderer(Path workingDirectory) {
        this(workingDirectory, Map.of());
    }

    /** @param declarations candidate bom-ref → the manifest line declaring it, where annotations go instead of the SBOM */
    public GithubAnnotationRenderer(Path workingDirectory, Map<String, Declaration> declarations) {
        this.paths = new ReportPaths(workingDirectory);
        this.declarations = Map.copyOf(declarations);
    }

    @Override
    public String render(Verdict verdict) {
        Map<String, String> bomRefs = new HashMap<>();
        for (Evidence e : Views.components(verdict)) {
            bomRefs.putIfAbsent(e.component().label(), e.component().bomRef());
        }
        StringBuilder out = new StringBuilder();
        Locations locations = new Locations(verdict, declarations);
        for (Finding f : verdict.findings()) {
            String command = switch (f.severity()) {
                case BLOCK -> "error";
                case WARN -> "warning";
                case INFO, OFF -> "notice";
            };
            Optional<Integer> line = f.subject() == null ? Optional.empty()
                    : Optional.ofNullable(bomRefs.get(f.subject())).flatMap(verdict::sbomLine);
            Locations.Where where = locations.of(f);
            if (where.declared()) {
                out.append("::").append(command).append(" file=").append(property(paths.show(where.file())))
                        .append(",line=").append(where.line());
            } else {
                out.append("::").append(command).append(" file=").append(property(paths.show(verdict.sbomFile())));
                line.ifPresent(n -> out.append(",line=").append(n));
            }
            out.append(",title=").append(property(f.rule().name() + (f.subject() == null ? "" : " " + Untrusted.oneLine(f.subject()))));
            out.append("::").append(data(message(f) + (where.note() == null ? "" : "\nLocation: " + where.note()))).append('\n');
        }
        return out.toString();
    }

    private static String message(Finding f) {
        StringBuilder sb = new StringBuilder(Untrusted.oneLine(f.title()));
        append(sb, "Expected", f.expected());
        append(sb, "Found", f.found());
        append(sb, "Fix", f.fix());
        append(sb, "Waived", f.waivedBy());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('\n').append(label).append(": ").append(Untrusted.oneLine(value));
        }
    }

    /** A command's message: {@code %}, CR and LF escaped (toolkit escapeData). */
    static String data(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: as {@link #data}, plus {@code :} and {@code ,} (toolkit escapeProperty). */
    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }
}
