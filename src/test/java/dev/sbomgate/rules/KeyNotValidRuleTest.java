package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.RuleFixtures.KEY_A;
import static dev.sbomgate.rules.RuleFixtures.KEY_B;
import static dev.sbomgate.rules.RuleFixtures.component;
import static dev.sbomgate.rules.RuleFixtures.context;
import static dev.sbomgate.rules.RuleFixtures.found;
import static dev.sbomgate.rules.RuleFixtures.inventory;
import static dev.sbomgate.rules.RuleFixtures.signature;
import static dev.sbomgate.rules.RuleFixtures.signedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyNotValidRuleTest {

    private static final Rule RULE = new KeyNotValidRule();
    private static final Component JACKSON = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21");
    private static final Instant SIGNED = Instant.parse("2026-01-18T22:47:11Z");

    private static List<Finding> evaluate(SignatureCheck check, Policy policy, TrustStore trust) {
        return RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(found(JACKSON, List.of(), IntegrityStatus.NONE_DECLARED, check)), policy, trust, true, List.of(),
                ReleaseDates.none()));
    }

    @Test
    void aSignatureMadeAfterTheKeyExpiredNamesTheExpiry(@TempDir Path dir) {
        // KEY_B is Jackson's 2020 key; its real self-signature lets it expire on 2022-08-01.
        TrustStore trust = TrustForRules.store(dir, TrustForRules.pin(KEY_B, "Jackson release key 2020",
                TrustForRules.JACKSON_SCOPE));
        SignatureCheck expired = signedBy(KEY_B, SIGNED).withStatus(SignatureStatus.KEY_EXPIRED,
                "key " + KEY_B + " expired 2022-08-01, before the signature was made");
        List<Finding> findings = evaluate(expired, Policy.defaults(), trust);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("signed by a key that had expired (KEY_EXPIRED)", f.title());
        assertTrue(f.expected().startsWith("a signature made while the key was valid (it expires 2022-08-01"), f.expected());
        assertTrue(f.found().contains("signer " + KEY_B.hex() + " ('Jackson release key 2020')"), f.found());
        assertTrue(f.found().contains("made 2026-01-18T22:47:11Z"), f.found());
        assertTrue(f.found().contains("expired 2022-08-01, before the signature was made"), f.found());
        assertTrue(f.fix().contains("--scope 'pkg:maven/com.fasterxml.jackson.core/*'"), f.fix());
    }

    @Test
    void aRevokedKeyIsToBeRemoved() {
        List<Finding> findings = evaluate(signature(SignatureStatus.KEY_REVOKED, KEY_A), Policy.defaults(), TrustStore.empty());
        Finding f = findings.get(0);
        assertEquals("signed by a revoked key (KEY_REVOKED)", f.title());
        assertEquals("a signature by a key that is not revoked", f.expected());
        assertTrue(f.found().contains("KEY_REVOKED detail"), f.found());
        assertTrue(f.fix().contains("sbomgate trust remove " + KEY_A.hex()), f.fix());
    }

    @Test
    void aSignatureOutsideThePinWindowNamesTheWindow(@TempDir Path dir) {
        TrustStore trust = TrustForRules.store(dir, TrustForRules.pinUntil(KEY_A, "Jackson release key 2022",
                LocalDate.parse("2025-12-31"), TrustForRules.JACKSON_SCOPE));
        SignatureCheck outside = signedBy(KEY_A, SIGNED).withStatus(SignatureStatus.OUTSIDE_PIN_WINDOW,
                "signed by 'Jackson release key 2022' at " + SIGNED + ", outside its pin's window until 2025-12-31");
        Finding f = evaluate(outside, Policy.defaults(), trust).get(0);
        assertEquals("signed outside the pin's validity window (OUTSIDE_PIN_WINDOW)", f.title());
        assertEquals("a signature made inside the pin's window until 2025-12-31 of 'Jackson release key 2022'", f.expected());
        assertTrue(f.found().contains("made 2026-01-18T22:47:11Z"), f.found());
        assertTrue(f.fix().contains("sbomgate trust remove " + KEY_A.hex()), f.fix());
        assertTrue(f.fix().contains("--not-before/--not-after"), f.fix());
    }

    @Test
    void silentForOtherOutcomes() {
        for (SignatureStatus status : SignatureStatus.values()) {
            if (status == SignatureStatus.KEY_EXPIRED || status == SignatureStatus.KEY_REVOKED
                    || status == SignatureStatus.OUTSIDE_PIN_WINDOW) {
                continue;
            }
            assertTrue(evaluate(signature(status, KEY_A), Policy.defaults(), TrustStore.empty()).isEmpty(), status.name());
        }
    }

    @Test
    void silentWhenAnotherSignatureVerifies() {
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(found(JACKSON, List.of(), IntegrityStatus.NONE_DECLARED,
                        signature(SignatureStatus.KEY_EXPIRED, KEY_B), signedBy(KEY_A, SIGNED)))));
        assertTrue(findings.isEmpty());
    }

    @Test
    void takesThePolicySeverity() {
        Policy warn = new Policy("test", Map.of(RuleId.KEY_NOT_VALID, Severity.WARN), Map.of(), List.of());
        assertEquals(Severity.WARN, evaluate(signature(SignatureStatus.KEY_REVOKED, KEY_A), warn, TrustStore.empty())
                .get(0).severity());
    }
}
