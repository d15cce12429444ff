package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.components;
import static dev.sbomgate.rules.ChangeFixtures.full;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.noEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseTooFreshRuleTest {
    private final ReleaseTooFreshRule rule = new ReleaseTooFreshRule();
    /** RuleFixtures.NOW is 2026-11-28T12:00:00Z. */
    private static final String NINE_HOURS_AGO = "2026-11-28T03:00:00Z";
    private static final Baseline LITELLM_1_82_6 = baseline("pkg:pypi/litellm@1.82.6");

    private static Component published(String purl, String property, String value) {
        return full(purl, null, null, null, null, List.of(), List.of(), List.of(new Property(property, value)));
    }

    private List<Finding> evaluate(Baseline baseline, Inventory candidate, Policy policy, ReleaseDates dates,
                                   List<Evidence> evidence) {
        return rule.evaluate(RuleFixtures.context(candidate, baseline, evidence, policy, TrustStore.empty(), true, List.of(),
                dates));
    }

    private List<Finding> evaluate(Baseline baseline, Component... candidate) {
        Inventory inv = inventory(List.of(candidate));
        return evaluate(baseline, inv, Policy.defaults(), ReleaseDates.none(), noEvidence(inv));
    }

    @Test
    void anUpgradeHoursOldWarnsAndSaysWhenTheCooldownEnds() {
        List<Finding> findings = evaluate(LITELLM_1_82_6, published("pkg:pypi/litellm@1.82.8", "sbomgate:published", NINE_HOURS_AGO));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("pkg:pypi/litellm@1.82.8", f.subject());
        assertEquals("release 1.82.8 is 9 hours old, under the 72-hour cooldown", f.title());
        assertTrue(f.expected().contains("at least 72 hours before now (2026-11-28T12:00:00Z)")
                && f.expected().contains("2026-11-25T12:00:00Z"), f.expected());
        assertTrue(f.found().contains("published 2026-11-28T03:00:00Z, 9 hours ago, according to SBOM property sbomgate:published"),
                f.found());
        assertTrue(f.fix().contains("after 2026-12-01T03:00:00Z"), f.fix());
        assertTrue(f.fix().contains("--accept 'RELEASE_TOO_FRESH:pkg:pypi/litellm@1.82.8'"), f.fix());
    }

    @Test
    void cdxgenPublishTimePropertiesAreRead() {
        assertEquals(1, evaluate(LITELLM_1_82_6, published("pkg:pypi/litellm@1.82.8", "cdx:pypi:publishTime",
                "2026-11-28T03:00:00.123456Z")).size());
        // PyPI's upload_time has no zone: read as UTC.
        Finding f = evaluate(LITELLM_1_82_6, published("pkg:pypi/litellm@1.82.8", "cdx:pypi:publishTime", "2026-11-28T03:00:00"))
                .get(0);
        assertTrue(f.found().contains("9 hours ago"), f.found());
        assertEquals(1, evaluate(baseline("pkg:npm/axios@1.14.0"), published("pkg:npm/axios@1.14.1", "cdx:npm:publishTime",
                "2026-11-27T12:00:00.000+02:00")).size());
    }

    @Test
    void aReleaseOlderThanTheCooldownIsSilent() {
        assertTrue(evaluate(LITELLM_1_82_6, published("pkg:pypi/litellm@1.82.8", "sbomgate:published", "2026-11-25T11:59:59Z"))
                .isEmpty());
    }

    @Test
    void anApprovedUnchangedReleaseIsOldNews() {
        assertTrue(evaluate(baseline("pkg:pypi/litellm@1.82.8"),
                published("pkg:pypi/litellm@1.82.8", "sbomgate:published", NINE_HOURS_AGO)).isEmpty());
    }

    @Test
    void firstUseJudgesEveryComponent() {
        assertEquals(1, evaluate(null, published("pkg:pypi/litellm@1.82.8", "sbomgate:published", NINE_HOURS_AGO)).size());
    }

    @Test
    void theMetadataFileDatesReleasesByPurlWithOrWithoutQualifiers() {
        Inventory inv = inventory(components("pkg:maven/com.acme/lib@2.0?type=jar", "pkg:npm/axios@1.14.1"));
        ReleaseDates dates = new ReleaseDates(Map.of(
                "pkg:maven/com.acme/lib@2.0", Instant.parse(NINE_HOURS_AGO),
                "pkg:npm/axios@1.14.1", Instant.parse("2026-11-28T11:30:00Z")));
        List<Finding> findings = evaluate(null, inv, Policy.defaults(), dates, noEvidence(inv));

        assertEquals(2, findings.size());
        assertTrue(findings.get(0).found().contains("according to the --metadata file"), findings.get(0).found());
        assertTrue(findings.get(1).found().contains("30 minutes ago"), findings.get(1).found());
    }

    @Test
    void theSignatureCreationTimeIsTheLastResort() {
        Inventory inv = inventory(components("pkg:maven/com.acme/lib@2.0"));
        Component c = inv.components().get(0);
        List<Evidence> evidence = List.of(RuleFixtures.found(c, List.of(), IntegrityStatus.PROVEN,
                RuleFixtures.signedBy(RuleFixtures.KEY_A, Instant.parse("2026-11-27T12:00:00Z"))));
        Finding f = evaluate(null, inv, Policy.defaults(), ReleaseDates.none(), evidence).get(0);
        assertTrue(f.found().contains("published 2026-11-27T12:00:00Z, 24 hours ago, according to the creation time of its "
                + "OPENPGP signature (VERIFIED"), f.found());
    }

    @Test
    void theSbomPropertyComesBeforeTheMetadataFile() {
        Inventory inv = inventory(List.of(published("pkg:npm/axios@1.14.1", "sbomgate:published", "2026-01-01T00:00:00Z")));
        ReleaseDates fresh = new ReleaseDates(Map.of("pkg:npm/axios@1.14.1", Instant.parse(NINE_HOURS_AGO)));
        assertTrue(evaluate(null, inv, Policy.defaults(), fresh, noEvidence(inv)).isEmpty());
        // An unreadable property is skipped: the next source decides.
        Inventory garbled = inventory(List.of(published("pkg:npm/axios@1.14.1", "sbomgate:published", "last tuesday")));
        assertEquals(1, evaluate(null, garbled, Policy.defaults(), fresh, noEvidence(garbled)).size());
    }

    @Test
    void withoutAnyDateNothingCanBeJudged() {
        assertTrue(evaluate(null, RuleFixtures.component("pkg:npm/axios@1.14.1")).isEmpty());
    }

    @Test
    void aDateInTheFutureIsReported() {
        Finding f = evaluate(null, published("pkg:npm/axios@1.14.1", "sbomgate:published", "2026-11-29T12:00:00Z")).get(0);
        assertEquals("release 1.14.1 is dated in the future, under the 72-hour cooldown", f.title());
        assertTrue(f.found().contains("in the future (24 hours after now"), f.found());
    }

    @Test
    void theCooldownAndSeverityComeFromThePolicy() {
        Inventory inv = inventory(List.of(published("pkg:pypi/litellm@1.82.8", "sbomgate:published", NINE_HOURS_AGO)));
        Policy sixHours = new Policy("p", Map.of(RuleId.RELEASE_TOO_FRESH, Severity.BLOCK),
                Map.of(RuleParameter.RELEASE_TOO_FRESH_COOLDOWN_HOURS, 6L), List.of());
        assertTrue(evaluate(LITELLM_1_82_6, inv, sixHours, ReleaseDates.none(), noEvidence(inv)).isEmpty());
        Policy day = new Policy("p", Map.of(RuleId.RELEASE_TOO_FRESH, Severity.BLOCK),
                Map.of(RuleParameter.RELEASE_TOO_FRESH_COOLDOWN_HOURS, 24L), List.of());
        Finding f = evaluate(LITELLM_1_82_6, inv, day, ReleaseDates.none(), noEvidence(inv)).get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertTrue(f.title().endsWith("under the 24-hour cooldown"), f.title());
    }
}
