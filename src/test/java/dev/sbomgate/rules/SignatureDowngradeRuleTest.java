package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.RuleFixtures.KEY_A;
import static dev.sbomgate.rules.RuleFixtures.KEY_B;
import static dev.sbomgate.rules.RuleFixtures.NOW;
import static dev.sbomgate.rules.RuleFixtures.approved;
import static dev.sbomgate.rules.RuleFixtures.baseline;
import static dev.sbomgate.rules.RuleFixtures.component;
import static dev.sbomgate.rules.RuleFixtures.context;
import static dev.sbomgate.rules.RuleFixtures.found;
import static dev.sbomgate.rules.RuleFixtures.inventory;
import static dev.sbomgate.rules.RuleFixtures.sha256;
import static dev.sbomgate.rules.RuleFixtures.signature;
import static dev.sbomgate.rules.RuleFixtures.signedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureDowngradeRuleTest {

    private static final Rule RULE = new SignatureDowngradeRule();
    private static final Component OLD = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.12.7");
    private static final Component NEW = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21");
    private static final Baseline SIGNED_BEFORE = baseline(List.of(approved(OLD, List.of(sha256('a')), KEY_B)), Map.of());

    private static Evidence unsigned(Component c) {
        return found(c, List.of(sha256('b')), IntegrityStatus.NONE_DECLARED);
    }

    private static List<Finding> evaluate(Component candidate, Baseline baseline, Evidence evidence, Policy policy,
                                          TrustStore trust) {
        return RULE.evaluate(context(inventory(List.of(candidate), Map.of()), baseline, List.of(evidence), policy, trust,
                true, List.of(), ReleaseDates.none()));
    }

    @Test
    void firesWhenTheApprovedVersionWasSignedAndThisOneIsNot() {
        List<Finding> findings = evaluate(NEW, SIGNED_BEFORE, unsigned(NEW), Policy.defaults(), TrustStore.empty());
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21", f.subject());
        assertEquals("the approved version was signed; this one carries no signature", f.title());
        assertEquals("signed like the approved version 2.12.7: OPENPGP signature by " + KEY_B.hex() + " (not pinned)",
                f.expected());
        assertTrue(f.found().startsWith("no publisher signature beside"), f.found());
        assertTrue(f.fix().contains("--accept 'SIGNATURE_DOWNGRADE:pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21'"),
                f.fix());
    }

    @Test
    void namesTheApprovedSignersPin(@TempDir Path dir) {
        TrustStore trust = TrustForRules.store(dir, TrustForRules.pin(KEY_B, "Jackson release key 2020",
                TrustForRules.JACKSON_SCOPE));
        Finding f = evaluate(NEW, SIGNED_BEFORE, unsigned(NEW), Policy.defaults(), trust).get(0);
        assertTrue(f.expected().endsWith(KEY_B.hex() + " ('Jackson release key 2020')"), f.expected());
    }

    @Test
    void blocksEvenWhereUnsignedIsOffOrThePurlIsNotRequired() {
        Component oldNpm = component("pkg:npm/axios@1.14.0");
        Component newNpm = component("pkg:npm/axios@1.14.1");
        Baseline signedNpm = baseline(List.of(approved(oldNpm, List.of(), KEY_A)), Map.of());
        Policy unsignedOff = new Policy("test", Map.of(RuleId.UNSIGNED, Severity.OFF),
                Map.of(RuleParameter.UNSIGNED_REQUIRE, List.of()), List.of());
        List<Finding> findings = evaluate(newNpm, signedNpm, unsigned(newNpm), unsignedOff, TrustStore.empty());
        assertEquals(1, findings.size());
        assertEquals(Severity.BLOCK, findings.get(0).severity());
        assertTrue(findings.get(0).expected().contains("approved version 1.14.0"), findings.get(0).expected());
    }

    @Test
    void firesForTheSameVersionArrivingUnsigned() {
        Baseline sameVersion = baseline(List.of(approved(NEW, List.of(), KEY_A)), Map.of());
        assertEquals(1, evaluate(NEW, sameVersion, unsigned(NEW), Policy.defaults(), TrustStore.empty()).size());
    }

    @Test
    void silentWhenTheApprovedVersionWasUnsigned() {
        Baseline unsignedBefore = baseline(List.of(approved(OLD, List.of(), null)), Map.of());
        assertTrue(evaluate(NEW, unsignedBefore, unsigned(NEW), Policy.defaults(), TrustStore.empty()).isEmpty());
    }

    @Test
    void silentOnFirstUseAndForNewPackages() {
        assertTrue(evaluate(NEW, null, unsigned(NEW), Policy.defaults(), TrustStore.empty()).isEmpty());
        Component other = component("pkg:maven/org.slf4j/slf4j-api@2.0.17");
        assertTrue(evaluate(other, SIGNED_BEFORE, unsigned(other), Policy.defaults(), TrustStore.empty()).isEmpty());
    }

    @Test
    void silentWhenTheCandidateCarriesAnySignature() {
        for (SignatureCheck check : List.of(signedBy(KEY_A, NOW), signature(SignatureStatus.BAD_SIGNATURE, KEY_B),
                signature(SignatureStatus.UNKNOWN_KEY, null), signature(SignatureStatus.MALFORMED, null))) {
            Evidence evidence = found(NEW, List.of(), IntegrityStatus.NONE_DECLARED, check);
            assertTrue(evaluate(NEW, SIGNED_BEFORE, evidence, Policy.defaults(), TrustStore.empty()).isEmpty(),
                    check.status().name());
        }
    }

    @Test
    void silentWhenTheArtifactWasNotSeen() {
        assertTrue(evaluate(NEW, SIGNED_BEFORE, RuleFixtures.missing(NEW), Policy.defaults(), TrustStore.empty()).isEmpty());
        assertTrue(evaluate(NEW, SIGNED_BEFORE, RuleFixtures.notSearched(NEW), Policy.defaults(), TrustStore.empty()).isEmpty());
    }

    @Test
    void aKeyPairSignatureAfterAnOpenPgpOneIsNotADowngrade() {
        // OpenPGP and key-pair signatures rank alike; another key is SIGNER_CHANGED's matter.
        SignatureCheck keyPair = new SignatureCheck(SignatureKind.KEYPAIR, SignatureStatus.VERIFIED, KEY_A, KEY_A, null,
                null, "Ed25519", Path.of("a.jar.sig"), "good signature");
        Evidence evidence = found(NEW, List.of(), IntegrityStatus.NONE_DECLARED, keyPair);
        assertTrue(evaluate(NEW, SIGNED_BEFORE, evidence, Policy.defaults(), TrustStore.empty()).isEmpty());
        assertFalse(SignatureDowngradeRule.isWeakerKind(SignatureKind.OPENPGP, SignatureKind.KEYPAIR));
        assertFalse(SignatureDowngradeRule.isWeakerKind(SignatureKind.KEYPAIR, SignatureKind.OPENPGP));
    }

    @Test
    void onlyLeavingSigstoreForAKeySignatureIsAWeakerKind() {
        for (SignatureKind approvedKind : SignatureKind.values()) {
            for (SignatureKind candidateKind : SignatureKind.values()) {
                java.util.Set<SignatureKind> transparencyLogged = java.util.EnumSet.of(SignatureKind.SIGSTORE,
                        SignatureKind.PYPI_ATTESTATION, SignatureKind.NPM_PROVENANCE);
                // from a publisher identity bound to a log entry to anything else (a key signature, or the
                // registry's own statement alone) is weaker
                boolean weaker = transparencyLogged.contains(approvedKind) && !transparencyLogged.contains(candidateKind);
                assertEquals(weaker, SignatureDowngradeRule.isWeakerKind(approvedKind, candidateKind),
                        approvedKind + " -> " + candidateKind);
            }
        }
    }

    @Test
    void anApprovedSigstoreBundleFollowedByOnlyAnOpenPgpSignatureIsADowngrade() {
        BaselineComponent bundled = new BaselineComponent(OLD, List.of(), SignatureKind.SIGSTORE, KEY_B,
                Instant.parse("2026-01-01T00:00:00Z"));
        Evidence pgpOnly = found(NEW, List.of(), IntegrityStatus.NONE_DECLARED, signedBy(KEY_A, NOW));
        List<Finding> findings = evaluate(NEW, baseline(List.of(bundled), Map.of()), pgpOnly, Policy.defaults(),
                TrustStore.empty());
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("signed with a weaker kind of signature than the approved version", f.title());
        assertTrue(f.expected().contains("SIGSTORE signature by " + KEY_B.hex()), f.expected());
        assertTrue(f.found().startsWith("VERIFIED in a.jar.asc"), f.found());
        assertTrue(f.fix().startsWith("Fetch the SIGSTORE signature published with"), f.fix());
    }

    @Test
    void takesThePolicySeverity() {
        Policy warn = new Policy("test", Map.of(RuleId.SIGNATURE_DOWNGRADE, Severity.WARN), Map.of(), List.of());
        assertEquals(Severity.WARN, evaluate(NEW, SIGNED_BEFORE, unsigned(NEW), warn, TrustStore.empty()).get(0).severity());
    }

    @Test
    void theBaselineRecordsBothKindAndSigner() {
        BaselineComponent signed = new BaselineComponent(OLD, List.of(), SignatureKind.KEYPAIR, KEY_A,
                Instant.parse("2026-01-01T00:00:00Z"));
        Finding f = evaluate(NEW, baseline(List.of(signed), Map.of()), unsigned(NEW), Policy.defaults(),
                TrustStore.empty()).get(0);
        assertTrue(f.expected().contains("KEYPAIR signature by " + KEY_A.hex()), f.expected());
    }
}
