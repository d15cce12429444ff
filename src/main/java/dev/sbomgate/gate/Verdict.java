package dev.sbomgate.gate;

import dev.sbomgate.diff.Change;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.rules.Finding;
import dev.sbomgate.rules.Severity;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The gate's decision and everything it rests on: the renderers show this and recompute nothing.
 *
 * @param sbomFile         the candidate SBOM
 * @param sbomSha256       its SHA-256
 * @param trustDigest      the trust store's digest
 * @param policyName       the policy's name
 * @param hasBaseline      whether a baseline was compared against
 * @param evaluatedAt      the injected clock's time
 * @param evidence         per candidate component, in SBOM order
 * @param changes          baseline → candidate
 * @param findings         in {@link Finding#REPORT_ORDER}
 */
public record Verdict(Path sbomFile, String sbomSha256, String trustDigest, String policyName, boolean hasBaseline,
                      Instant evaluatedAt, List<Evidence> evidence, List<Change> changes, List<Finding> findings) {

    public Verdict {
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
    }

    public boolean blocked() {
        return findings.stream().anyMatch(Finding::blocks);
    }

    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocks).toList();
    }

    public List<Finding> findingsOf(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The one place a verdict becomes an exit code: 1 when any blocking finding stands, else 0. */
    public ExitCode exitCode() {
        return blocked() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }
}
