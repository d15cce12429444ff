package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.model.Inventory;
import java.util.ArrayList;
import java.util.List;

/** SBOM_REGRESSION: the candidate SBOM is older than the approved one (lower version of the same SBOM, or an older timestamp). */
public final class SbomRegressionRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.SBOM_REGRESSION;
    }

    @Override
    public String explain() {
        return """
                SBOM_REGRESSION flags a candidate SBOM that is older than the one the baseline approved: the same
                serialNumber with a lower version (CycloneDX: a BOM's version is incremented each time that BOM
                is modified), or a metadata.timestamp earlier than the approved SBOM's. It is one finding about
                the SBOM, not about a component. Without a baseline, or when either SBOM gives no serialNumber or
                timestamp, there is nothing to compare for that part.

                Why it matters: an older SBOM describes an older dependency set. Checking it is a replay: a gate
                fed a stale document passes a build whose real dependencies it never saw, and approving it rolls
                the baseline back.

                Fix: regenerate the SBOM from the current build and check that one. If an older SBOM is really
                meant (a release branch checked against the main baseline), use a separate baseline directory, or
                approve it with the command in the finding.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Baseline baseline = context.baseline();
        if (baseline == null) {
            return List.of();
        }
        Inventory candidate = context.candidate();
        List<String> expected = new ArrayList<>();
        List<String> found = new ArrayList<>();
        boolean sameSerial = candidate.serialNumber() != null && baseline.sbomSerialNumber() != null
                && candidate.serialNumber().strip().equalsIgnoreCase(baseline.sbomSerialNumber().strip());
        // docs/formats.md §1.1: the version is compared only when both sides are CycloneDX (SPDX and lockfiles have none).
        boolean bothCycloneDx = baseline.sbomFormat() == dev.sbomgate.baseline.SbomFormat.CYCLONEDX
                && baseline.sbomVersion() != null && dev.sbomgate.baseline.SbomFormat.of(candidate)
                == dev.sbomgate.baseline.SbomFormat.CYCLONEDX;
        if (sameSerial && bothCycloneDx && candidate.version() < baseline.sbomVersion()) {
            expected.add("version " + baseline.sbomVersion() + " or higher of " + ChangeRuleTexts.plain(baseline.sbomSerialNumber()));
            found.add("version " + candidate.version());
        }
        if (candidate.timestamp() != null && baseline.sbomTimestamp() != null
                && candidate.timestamp().isBefore(baseline.sbomTimestamp())) {
            expected.add("metadata.timestamp " + baseline.sbomTimestamp() + " or later");
            found.add("metadata.timestamp " + candidate.timestamp());
        }
        if (found.isEmpty()) {
            return List.of();
        }
        String source = candidate.source() == null ? "the candidate SBOM" : ChangeRuleTexts.plain(candidate.source().toString());
        String title = "the candidate SBOM is older than the approved one";
        String fix = "Regenerate the SBOM from the current build and check that; if this older SBOM is really meant, "
                + "approve: " + context.approveCommand(id(), null);
        return List.of(context.finding(id(), null, title, String.join("; ", expected) + ", as approved",
                source + " has " + String.join(" and ", found), fix));
    }
}
