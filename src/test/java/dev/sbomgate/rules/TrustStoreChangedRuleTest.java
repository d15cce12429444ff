package dev.sbomgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.ApprovedTrust;
import dev.sbomgate.baseline.ApprovedTrust.Pin;
import dev.sbomgate.baseline.ApprovedTrust.PinType;
import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.trust.TrustStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TRUST_STORE_CHANGED's change table (docs/formats.md §1.5) and its reading of format 1/2 baselines (§1.8). */
class TrustStoreChangedRuleTest {
    private static final Fingerprint A = new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181");
    private static final Fingerprint B = new Fingerprint("60200AC4AE761F1614D6C46766D68DAA073BE985");
    private static final String M1 = "1".repeat(64);
    private static final String M2 = "2".repeat(64);

    private static Pin pin(Fingerprint fp, String name, List<String> scopes, LocalDate notBefore, LocalDate notAfter,
                           Instant expires, List<Fingerprint> subkeys, ApprovedTrust.Revocation revoked, String material) {
        return new Pin(fp, PinType.OPENPGP, name, scopes, notBefore, notAfter, expires, subkeys, revoked, material);
    }

    private static Pin pin(Fingerprint fp, String... scopes) {
        return pin(fp, "Jackson", List.of(scopes), null, null, null, List.of(), null, M1);
    }

    private static ApprovedTrust set(Pin... pins) {
        return ApprovedTrust.of(List.of(pins), List.of(), null);
    }

    private static List<TrustStoreChanges.Change> diff(ApprovedTrust before, ApprovedTrust after) {
        return TrustStoreChanges.between(before, after, Map.of());
    }

    private static TrustStoreChanges.Weight only(List<TrustStoreChanges.Change> changes) {
        assertEquals(1, changes.size(), changes.toString());
        return changes.get(0).weight();
    }

    @Test
    void scopeCoverageIsSyntacticAndFailsClosed() {
        assertTrue(TrustStoreChanges.covers("pkg:maven/com.fasterxml.*/*", "pkg:maven/com.fasterxml.jackson.*/*"));
        assertTrue(TrustStoreChanges.covers("pkg:maven/org.foo/*", "pkg:maven/org.foo/bar@1.2"));
        assertTrue(TrustStoreChanges.covers("pkg:maven/org.foo/*", "pkg:maven/org.foo/bar@[1.0,2.0)"));
        assertTrue(TrustStoreChanges.covers("pkg:maven/org.foo/bar@1.*", "pkg:maven/org.foo/bar@1.2.*"));
        assertFalse(TrustStoreChanges.covers("pkg:maven/org.foo/bar@1.2", "pkg:maven/org.foo/bar"), "versionless is wider");
        assertFalse(TrustStoreChanges.covers("pkg:maven/com.fasterxml.jackson.*/*", "pkg:maven/com.fasterxml.*/*"));
        assertFalse(TrustStoreChanges.covers("pkg:maven/a*/*", "pkg:maven/*a/*"));
        assertFalse(TrustStoreChanges.covers("pkg:maven/org.foo/*", "pkg:npm/org.foo/*"), "another type");
        assertFalse(TrustStoreChanges.covers("pkg:npm/*", "pkg:npm/@acme/*"), "another segment count");
        assertFalse(TrustStoreChanges.covers("pkg:maven/org.foo/bar@[1.0,3.0)", "pkg:maven/org.foo/bar@[1.0,2.0)"),
                "range containment is not decided: fail closed");
        assertFalse(TrustStoreChanges.covers("regex:pkg:maven/org\\.foo.*/.*@.*", "pkg:maven/org.foo/bar"));
        assertTrue(TrustStoreChanges.covers("regex:pkg:maven/org\\.foo.*/.*@.*", "regex:pkg:maven/org\\.foo.*/.*@.*"));
        assertFalse(TrustStoreChanges.covers("pkg:maven/*5/x", "pkg:maven/%25/x"), "segments compared decoded");
    }

    @Test
    void theChangeTableWeighsEachChange() {
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "pkg:maven/a/*")),
                set(pin(A, "pkg:maven/a/*"), pin(B, "pkg:maven/*/*")))), "pin added");
        assertEquals(TrustStoreChanges.Weight.NARROWS, only(diff(set(pin(A, "pkg:maven/a/*"), pin(B, "pkg:maven/b/*")),
                set(pin(A, "pkg:maven/a/*")))), "removed pin that signs nothing approved");
        assertEquals(TrustStoreChanges.Weight.WIDENS, TrustStoreChanges.between(set(pin(A, "pkg:maven/a/*"),
                pin(B, "pkg:maven/b/*")), set(pin(A, "pkg:maven/a/*")), Map.of(B, List.of("pkg:maven/b/x@1"))).get(0).weight(),
                "removed pin that signed an approved component");
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "pkg:maven/a/*")), set(pin(A, "pkg:maven/*/*")))));
        assertEquals(TrustStoreChanges.Weight.NARROWS, only(diff(set(pin(A, "pkg:maven/a/*")), set(pin(A, "pkg:maven/a/b")))));
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "pkg:maven/a/*")),
                set(pin(A, "pkg:maven/a/*", "pkg:maven/c/*")))), "scope added");
        assertEquals(TrustStoreChanges.Weight.NARROWS, only(diff(set(pin(A, "pkg:maven/a/*", "pkg:maven/c/*")),
                set(pin(A, "pkg:maven/a/*")))), "scope removed");
        LocalDate d1 = LocalDate.parse("2026-01-01");
        LocalDate d2 = LocalDate.parse("2027-01-01");
        List<String> s = List.of("pkg:maven/a/*");
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "n", s, null, d1, null, List.of(), null, M1)),
                set(pin(A, "n", s, null, d2, null, List.of(), null, M1)))), "window widened");
        assertEquals(TrustStoreChanges.Weight.NARROWS, only(diff(set(pin(A, "n", s, null, d2, null, List.of(), null, M1)),
                set(pin(A, "n", s, null, d1, null, List.of(), null, M1)))), "window narrowed");
        Instant e1 = Instant.parse("2027-01-01T00:00:00Z");
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "n", s, null, null, e1, List.of(), null, M1)),
                set(pin(A, "n", s, null, null, null, List.of(), null, M1)))), "expiry removed");
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "n", s, null, null, null, List.of(), null, M1)),
                set(pin(A, "n", s, null, null, null, List.of(B), null, M1)))), "signing subkey added");
        ApprovedTrust.Revocation compromised = new ApprovedTrust.Revocation(d1, ApprovedTrust.RevocationReason.COMPROMISED);
        ApprovedTrust.Revocation retired = new ApprovedTrust.Revocation(d1, ApprovedTrust.RevocationReason.RETIRED);
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "n", s, null, null, null, List.of(), compromised, M1)),
                set(pin(A, "n", s, null, null, null, List.of(), null, M1)))), "revocation removed");
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(set(pin(A, "n", s, null, null, null, List.of(), compromised, M1)),
                set(pin(A, "n", s, null, null, null, List.of(), retired, M1)))), "compromised → retired");
        assertEquals(TrustStoreChanges.Weight.NARROWS, only(diff(set(pin(A, "n", s, null, null, null, List.of(), null, M1)),
                set(pin(A, "n", s, null, null, null, List.of(), retired, M1)))), "revocation added");
        assertEquals(TrustStoreChanges.Weight.SHOWN, only(diff(set(pin(A, "n", s, null, null, null, List.of(), null, M1)),
                set(pin(A, "n", s, null, null, null, List.of(), null, M2)))), "material only");
        assertEquals(TrustStoreChanges.Weight.SHOWN, only(diff(set(pin(A, "old", s, null, null, null, List.of(), null, M1)),
                set(pin(A, "new", s, null, null, null, List.of(), null, M1)))), "name only");
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(ApprovedTrust.of(List.of(), List.of(), "a".repeat(64)),
                ApprovedTrust.of(List.of(), List.of(), "b".repeat(64)))), "trusted root changed");
        assertEquals(TrustStoreChanges.Weight.WIDENS, only(diff(
                ApprovedTrust.of(List.of(), List.of(new ApprovedTrust.IgnoredKey("0123456789ABCDEF", "r")), null),
                ApprovedTrust.of(List.of(), List.of(), null))), "ignored key removed");
    }

    @Test
    void aFormat2BaselineComparesTheDigestOnlyAndFailsClosed() {
        Inventory candidate = ChangeFixtures.inventory(ChangeFixtures.components("pkg:maven/org.slf4j/slf4j-api@2.0.17"));
        Baseline format2 = new Baseline("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", 1,
                Instant.parse("2026-01-01T00:00:00Z"), "a".repeat(64), "SHA-256:" + "b".repeat(64), List.of(), null);
        RuleContext context = new RuleContext("sbomgate approve --sbom bom.json", candidate, format2, List.of(), List.of(),
                Map.of(), Policy.defaults(), TrustStore.empty(), RuleFixtures.NOW, true, List.of(), null, null, 4);
        List<Finding> findings = new TrustStoreChangedRule().evaluate(context);
        assertEquals(1, findings.size());
        assertEquals(Severity.BLOCK, findings.get(0).severity());
        assertTrue(findings.get(0).title().startsWith("trust store changed since approval #4 (details not recorded)"),
                findings.get(0).title());
        assertEquals(null, findings.get(0).subject());
        assertEquals("TRUST_STORE_CHANGED:*", findings.get(0).acceptToken());
    }

    @Test
    void anUnchangedStoreIsSilent() {
        Inventory candidate = ChangeFixtures.inventory(ChangeFixtures.components("pkg:maven/org.slf4j/slf4j-api@2.0.17"));
        Baseline format2 = new Baseline("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", 1,
                Instant.parse("2026-01-01T00:00:00Z"), "a".repeat(64), TrustStore.empty().digest().toString(), List.of(), null);
        RuleContext context = new RuleContext("sbomgate approve --sbom bom.json", candidate, format2, List.of(), List.of(),
                Map.of(), Policy.defaults(), TrustStore.empty(), RuleFixtures.NOW, true, List.of(), null, null, 4);
        assertEquals(List.of(), new TrustStoreChangedRule().evaluate(context));
    }
}
