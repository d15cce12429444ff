package dev.sbomgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.gate.Gate;
import dev.sbomgate.model.Deviation;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SBOM_DEVIATION: one finding per tolerated field, at the policy's severity, naming the field and the generator. */
class SbomDeviationRuleTest {

    private static Inventory npm() {
        try {
            return SbomReader.read(Path.of(SbomDeviationRuleTest.class
                    .getResource("/sbom/real/npm-cli-11.19.1__color-name-debug__sbom.cdx.json").toURI()));
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theRealNpmSbomGivesOneWarnFindingAboutColorNamesUrl() {
        List<Finding> findings = new SbomDeviationRule().evaluate(RuleFixtures.context(npm(), null, List.of()));
        assertEquals(1, findings.size(), findings::toString);
        Finding f = findings.get(0);
        assertEquals(RuleId.SBOM_DEVIATION, f.rule());
        assertEquals(Severity.WARN, f.severity());
        assertEquals("pkg:npm/color-name@1.1.4", f.subject());
        assertTrue(f.title().contains("/components/0/externalReferences/0/url"), f.title());
        assertTrue(f.title().contains("npm cli 11.19.1"), f.title());
        assertTrue(f.found().contains("git@github.com:colorjs/color-name.git"), f.found());
        assertTrue(f.found().contains("cdx-external-reference-url"), f.found());
        assertTrue(f.fix().contains("--accept 'SBOM_DEVIATION:pkg:npm/color-name@1.1.4'"), f.fix());
    }

    @Test
    void aDocumentLevelDeviationHasNoSubject() {
        Inventory base = RuleFixtures.inventory(List.of(RuleFixtures.component("pkg:npm/a@1.0.0")), Map.of());
        Inventory withDeviation = new Inventory(base.source(), base.format(), base.specVersion(), base.serialNumber(),
                base.version(), base.timestamp(), null, List.of("x"), base.components(), base.dependencies(),
                List.of(new Deviation("cdx-external-reference-url", "/metadata/tools/components/0/externalReferences/0/url",
                        "acme gen 1", null, "'x y' is not an RFC 3987 IRI-reference")));
        List<Finding> findings = new SbomDeviationRule().evaluate(RuleFixtures.context(withDeviation, null, List.of()));
        assertEquals(1, findings.size());
        assertNull(findings.get(0).subject());
        assertEquals("SBOM_DEVIATION:*", findings.get(0).acceptToken());
    }

    @Test
    void aValidSbomGivesNoFinding() {
        Inventory valid = RuleFixtures.inventory(List.of(RuleFixtures.component("pkg:npm/a@1.0.0")), Map.of());
        assertEquals(List.of(), new SbomDeviationRule().evaluate(RuleFixtures.context(valid, null, List.of())));
    }

    @Test
    void itRunsInVerifyToo() {
        assertTrue(Gate.INTEGRITY_ONLY.contains(RuleId.SBOM_DEVIATION));
    }
}
