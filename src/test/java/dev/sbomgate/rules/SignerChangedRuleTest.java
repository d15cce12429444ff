package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.RuleFixtures.KEY_A;
import static dev.sbomgate.rules.RuleFixtures.KEY_B;
import static dev.sbomgate.rules.RuleFixtures.approved;
import static dev.sbomgate.rules.RuleFixtures.baseline;
import static dev.sbomgate.rules.RuleFixtures.component;
import static dev.sbomgate.rules.RuleFixtures.context;
import static dev.sbomgate.rules.RuleFixtures.found;
import static dev.sbomgate.rules.RuleFixtures.inventory;
import static dev.sbomgate.rules.RuleFixtures.signature;
import static dev.sbomgate.rules.RuleFixtures.signedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modelled on Jackson's real key rotation: 2.12.7 was signed by the 2020 key (KEY_B), 2.21 by the 2022 key (KEY_A).
 */
class SignerChangedRuleTest {

    private static final Rule RULE = new SignerChangedRule();
    private static final Component OLD = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.12.7");
    private static final Component NEW = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21");
    private static final Instant SIGNED = Instant.parse("2026-01-18T22:47:11Z");
    private static final Baseline BY_KEY_B = baseline(List.of(approved(OLD, List.of(), KEY_B)), Map.of());
    private static final Policy ROTATION = new Policy("rotation", Map.of(),
            Map.of(RuleParameter.SIGNER_CHANGED_ALLOW_PINNED_ROTATION, true), List.of());

    @TempDir
    Path dir;
    private TrustStore both;

    @BeforeEach
    void pinBothJacksonKeys() {
        both = TrustForRules.store(dir.resolve("both"),
                TrustForRules.pin(KEY_A, "Jackson release key 2022", TrustForRules.JACKSON_SCOPE),
                TrustForRules.pin(KEY_B, "Jackson release key 2020", TrustForRules.JACKSON_SCOPE));
    }

    private static List<Finding> evaluate(Component candidate, Baseline baseline, SignatureCheck check, Policy policy,
                                          TrustStore trust) {
        Evidence evidence = found(candidate, List.of(), IntegrityStatus.NONE_DECLARED, check);
        return RULE.evaluate(context(inventory(List.of(candidate), Map.of()), baseline, List.of(evidence), policy, trust,
                true, List.of(), ReleaseDates.none()));
    }

    @Test
    void blocksAnUpgradeSignedByAnotherPinnedKeyShowingBothKeysInFull() {
        List<Finding> findings = evaluate(NEW, BY_KEY_B, signedBy(KEY_A, SIGNED), Policy.defaults(), both);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("re-signed: signed by another key than the approved version", f.title());
        assertEquals("signed by " + KEY_B.hex() + " like the approved version 2.12.7 (still pinned for this package as"
                + " 'Jackson release key 2020')", f.expected());
        assertEquals("signed by " + KEY_A.hex() + " ('Jackson release key 2022') at 2026-01-18T22:47:11Z, pinned for "
                + TrustForRules.JACKSON_SCOPE, f.found());
        assertTrue(f.fix().contains("--accept 'SIGNER_CHANGED:pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21'"),
                f.fix());
    }

    @Test
    void aPlannedRotationWarnsWhenThePolicyAllowsItAndBothKeysArePinned() {
        Finding f = evaluate(NEW, BY_KEY_B, signedBy(KEY_A, SIGNED), ROTATION, both).get(0);
        assertEquals(Severity.WARN, f.severity());
        assertTrue(f.title().endsWith("(both keys are pinned for this package: a planned rotation)"), f.title());
    }

    @Test
    void rotationAllowedButTheOldKeyNoLongerPinnedForThePackageStillBlocks() {
        TrustStore onlyNew = TrustForRules.store(dir.resolve("new"),
                TrustForRules.pin(KEY_A, "Jackson release key 2022", TrustForRules.JACKSON_SCOPE));
        Finding gone = evaluate(NEW, BY_KEY_B, signedBy(KEY_A, SIGNED), ROTATION, onlyNew).get(0);
        assertEquals(Severity.BLOCK, gone.severity());
        assertTrue(gone.expected().endsWith("(no longer in the trust store)"), gone.expected());

        TrustStore elsewhere = TrustForRules.store(dir.resolve("elsewhere"),
                TrustForRules.pin(KEY_A, "Jackson release key 2022", TrustForRules.JACKSON_SCOPE),
                TrustForRules.pin(KEY_B, "Jackson release key 2020", "pkg:maven/com.fasterxml.jackson.dataformat/*"));
        Finding narrowed = evaluate(NEW, BY_KEY_B, signedBy(KEY_A, SIGNED), ROTATION, elsewhere).get(0);
        assertEquals(Severity.BLOCK, narrowed.severity());
        assertTrue(narrowed.expected().endsWith("(pinned as 'Jackson release key 2020', but no longer for this package)"),
                narrowed.expected());
    }

    @Test
    void bothKeysPinnedWithoutThePolicyFlagStillBlocks() {
        assertEquals(Severity.BLOCK, evaluate(NEW, BY_KEY_B, signedBy(KEY_A, SIGNED), Policy.defaults(), both).get(0).severity());
    }

    @Test
    void rotationNeverRaisesALowerPolicySeverity() {
        Policy info = new Policy("info", Map.of(RuleId.SIGNER_CHANGED, Severity.INFO),
                Map.of(RuleParameter.SIGNER_CHANGED_ALLOW_PINNED_ROTATION, true), List.of());
        assertEquals(Severity.INFO, evaluate(NEW, BY_KEY_B, signedBy(KEY_A, SIGNED), info, both).get(0).severity());
        Policy warn = new Policy("warn", Map.of(RuleId.SIGNER_CHANGED, Severity.WARN), Map.of(), List.of());
        assertEquals(Severity.WARN, evaluate(NEW, BY_KEY_B, signedBy(KEY_A, SIGNED), warn, both).get(0).severity());
    }

    @Test
    void firesForTheSameVersionResignedToo() {
        Baseline sameVersion = baseline(List.of(approved(NEW, List.of(), KEY_B)), Map.of());
        List<Finding> findings = evaluate(NEW, sameVersion, signedBy(KEY_A, SIGNED), Policy.defaults(), both);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).expected().contains("approved version 2.21"), findings.get(0).expected());
    }

    @Test
    void silentWhenTheSignerIsTheApprovedOne() {
        Baseline byKeyA = baseline(List.of(approved(OLD, List.of(), KEY_A)), Map.of());
        assertTrue(evaluate(NEW, byKeyA, signedBy(KEY_A, SIGNED), Policy.defaults(), both).isEmpty());
    }

    @Test
    void silentOnFirstUseAndWhenTheApprovedVersionWasUnsigned() {
        assertTrue(evaluate(NEW, null, signedBy(KEY_A, SIGNED), Policy.defaults(), both).isEmpty());
        Baseline unsigned = baseline(List.of(approved(OLD, List.of(), null)), Map.of());
        assertTrue(evaluate(NEW, unsigned, signedBy(KEY_A, SIGNED), Policy.defaults(), both).isEmpty());
    }

    @Test
    void silentUnlessTheSignatureVerifiesWithAKeyPinnedForThePackage() {
        for (SignatureStatus status : SignatureStatus.values()) {
            if (status != SignatureStatus.VERIFIED) {
                assertTrue(evaluate(NEW, BY_KEY_B, signature(status, KEY_A), Policy.defaults(), both).isEmpty(),
                        status.name());
            }
        }
    }
}
