package dev.sbomgate.report;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.manifest.Declaration;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a finding points, the same in SARIF, annotations and Code Quality: the manifest line that declares its
 * component (or, for a transitive one, the direct dependency that brings it in) when one was found; else the SBOM's
 * line for the component; else the SBOM's first line.
 */
final class Locations {
    /**
     * @param file the file to point at
     * @param line 1-based
     * @param note for a transitive component, what the line declares ("brought in by X"); else null
     * @param declared whether the file is a manifest (true) or the SBOM itself
     */
    record Where(Path file, int line, String note, boolean declared) {
    }

    private final Verdict verdict;
    private final Map<String, Declaration> declarations;
    private final Map<String, String> bomRefs = new HashMap<>();

    /** @param declarations candidate bom-ref → its declaration in a manifest (empty: point at the SBOM) */
    Locations(Verdict verdict, Map<String, Declaration> declarations) {
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.declarations = Map.copyOf(declarations == null ? Map.of() : declarations);
        for (Evidence e : Views.components(verdict)) {
            bomRefs.putIfAbsent(e.component().label(), e.component().bomRef());
        }
    }

    Where of(Finding f) {
        String bomRef = f.subject() == null ? null : bomRefs.get(f.subject());
        if (bomRef != null) {
            Declaration d = declarations.get(bomRef);
            if (d != null) {
                return new Where(d.file(), d.line(), d.via() == null ? null
                        : "transitive: brought in by " + d.via() + ", which this line declares", true);
            }
            return new Where(verdict.sbomFile(), verdict.sbomLine(bomRef).orElse(1), null, false);
        }
        return new Where(verdict.sbomFile(), 1, null, false);
    }
}
