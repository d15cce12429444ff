package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.policy.Policy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SbomRegressionRuleTest {
    private static final String SERIAL = "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79";
    private final SbomRegressionRule rule = new SbomRegressionRule();

    private static Baseline approved(String serial, int version, String timestamp) {
        return new Baseline(serial, version, timestamp == null ? null : Instant.parse(timestamp), "a".repeat(64), null,
                List.of(), new TreeMap<>());
    }

    private static Inventory candidate(String serial, int version, String timestamp) {
        return new Inventory(Path.of("bom.json"), "json", "1.6", serial, version,
                timestamp == null ? null : Instant.parse(timestamp), null, List.of(), List.of(), new TreeMap<>());
    }

    private List<Finding> evaluate(Baseline baseline, Inventory candidate) {
        return rule.evaluate(ChangeFixtures.context(baseline, candidate));
    }

    @Test
    void aLowerVersionOfTheSameSbomIsARegression() {
        List<Finding> findings = evaluate(approved(SERIAL, 3, null), candidate(SERIAL, 2, null));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertNull(f.subject());
        assertEquals("SBOM_REGRESSION:*", f.acceptToken());
        assertEquals("the candidate SBOM is older than the approved one", f.title());
        assertEquals("version 3 or higher of " + SERIAL + ", as approved", f.expected());
        assertEquals("bom.json has version 2", f.found());
        assertTrue(f.fix().contains("--accept 'SBOM_REGRESSION:*'"), f.fix());
    }

    @Test
    void anOlderTimestampIsARegressionWhateverTheSerial() {
        Finding f = evaluate(approved(SERIAL, 1, "2026-11-01T00:00:00Z"),
                candidate("urn:uuid:00000000-0000-0000-0000-000000000000", 9, "2026-10-01T00:00:00Z")).get(0);
        assertEquals("metadata.timestamp 2026-11-01T00:00:00Z or later, as approved", f.expected());
        assertEquals("bom.json has metadata.timestamp 2026-10-01T00:00:00Z", f.found());
    }

    @Test
    void bothSignsMakeOneFinding() {
        List<Finding> findings = evaluate(approved(SERIAL, 3, "2026-11-01T00:00:00Z"), candidate(SERIAL, 2, "2026-10-01T00:00:00Z"));
        assertEquals(1, findings.size());
        assertEquals("bom.json has version 2 and metadata.timestamp 2026-10-01T00:00:00Z", findings.get(0).found());
    }

    @Test
    void newerEqualOrIncomparableSbomsAreSilent() {
        assertTrue(evaluate(approved(SERIAL, 3, "2026-11-01T00:00:00Z"), candidate(SERIAL, 4, "2026-11-02T00:00:00Z")).isEmpty());
        assertTrue(evaluate(approved(SERIAL, 3, "2026-11-01T00:00:00Z"), candidate(SERIAL, 3, "2026-11-01T00:00:00Z")).isEmpty());
        // Versions count only within one serialNumber; a missing timestamp cannot be compared.
        assertTrue(evaluate(approved(SERIAL, 3, null), candidate("urn:uuid:other", 1, "2026-11-02T00:00:00Z")).isEmpty());
        assertTrue(evaluate(approved(null, 3, null), candidate(null, 1, null)).isEmpty());
    }

    @Test
    void firstUseIsSilent() {
        assertTrue(evaluate(null, candidate(SERIAL, 1, "2020-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void thePolicySeverityApplies() {
        Policy block = ChangeFixtures.severity(RuleId.SBOM_REGRESSION, Severity.BLOCK);
        Finding f = rule.evaluate(ChangeFixtures.context(approved(SERIAL, 3, null), candidate(SERIAL, 2, null), block)).get(0);
        assertEquals(Severity.BLOCK, f.severity());
    }
}
