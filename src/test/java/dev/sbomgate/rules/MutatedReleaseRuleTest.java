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
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MutatedReleaseRuleTest {

    private static final Rule RULE = new MutatedReleaseRule();
    private static final String PURL = "pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21";
    private static final Component RELEASE = component(PURL);

    private static Component declaring(String purl, Digest... hashes) {
        return component(purl, List.of(hashes), null, List.of(), List.of());
    }

    private static RuleContext contextFor(Baseline baseline, Evidence evidence, Policy policy) {
        return context(inventory(List.of(evidence.component()), Map.of()), baseline, List.of(evidence), policy,
                TrustStore.empty(), true, List.of(), ReleaseDates.none());
    }

    private static List<Finding> evaluate(Baseline baseline, Evidence evidence) {
        return RULE.evaluate(contextFor(baseline, evidence, Policy.defaults()));
    }

    @Test
    void theSameVersionWithOtherArtifactBytesBlocks() {
        Baseline approvedBytes = baseline(List.of(approved(RELEASE, List.of(sha256('a')), null)), Map.of());
        List<Finding> findings = evaluate(approvedBytes, found(RELEASE, List.of(sha256('b')), IntegrityStatus.NONE_DECLARED));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(PURL, f.subject());
        assertEquals("same version 2.21 as approved, but other bytes", f.title());
        assertEquals("the approved release: artifact SHA-256 " + "a".repeat(64), f.expected());
        assertEquals("artifact SHA-256 " + "b".repeat(64), f.found());
        assertTrue(f.fix().contains("--accept 'MUTATED_RELEASE:" + PURL + "'"), f.fix());
    }

    @Test
    void otherSbomHashesAreOneFindingThoughTheDiffAlsoReportsThem() {
        Component approvedRelease = declaring(PURL, sha256('a'));
        Component candidate = declaring(PURL, sha256('c'));
        Baseline approvedHashes = baseline(List.of(approved(approvedRelease, List.of(), null)), Map.of());
        RuleContext context = contextFor(approvedHashes, RuleFixtures.notSearched(candidate), Policy.defaults());
        assertTrue(context.changes().stream().anyMatch(c -> c.kind() == ChangeKind.SAME_VERSION_DIFFERENT_HASHES));
        List<Finding> findings = RULE.evaluate(context);
        assertEquals(1, findings.size());
        assertEquals("the approved release: SBOM hash SHA-256 " + "a".repeat(64), findings.get(0).expected());
        assertEquals("SBOM hash SHA-256 " + "c".repeat(64), findings.get(0).found());
    }

    @Test
    void everyDifferenceIsListedInOneFinding() {
        Digest sha512Before = new Digest(HashAlgorithm.SHA_512, "1".repeat(128));
        Digest sha512Now = new Digest(HashAlgorithm.SHA_512, "2".repeat(128));
        Component approvedRelease = declaring(PURL, sha256('a'), sha512Before);
        Component candidate = declaring(PURL, sha256('c'), sha512Now);
        Baseline before = baseline(List.of(approved(approvedRelease, List.of(sha256('a')), KEY_B)), Map.of());
        Evidence evidence = found(candidate, List.of(sha256('c'), sha512Now), IntegrityStatus.PROVEN, signedBy(KEY_A, NOW));
        List<Finding> findings = evaluate(before, evidence);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("same version 2.21 as approved, but other bytes and another signer", f.title());
        assertEquals("artifact SHA-256 " + "c".repeat(64) + "; SBOM hash SHA-256 " + "c".repeat(64) + "; SBOM hash SHA-512 "
                + "2".repeat(128) + "; signed by " + KEY_A.hex() + " (not pinned)", f.found());
        assertTrue(f.expected().contains("artifact SHA-256 " + "a".repeat(64)), f.expected());
        assertTrue(f.expected().contains("SBOM hash SHA-512 " + "1".repeat(128)), f.expected());
        assertTrue(f.expected().endsWith("signed by " + KEY_B.hex() + " (not pinned)"), f.expected());
    }

    @Test
    void theSameVersionSignedByAnotherKeyBlocks() {
        Baseline byKeyB = baseline(List.of(approved(RELEASE, List.of(sha256('a')), KEY_B)), Map.of());
        Finding f = evaluate(byKeyB, found(RELEASE, List.of(sha256('a')), IntegrityStatus.NONE_DECLARED,
                signedBy(KEY_A, NOW))).get(0);
        assertEquals("same version 2.21 as approved, but another signer", f.title());
        assertEquals("signed by " + KEY_A.hex() + " (not pinned)", f.found());
    }

    @Test
    void aSignedReleaseArrivingUnsignedIsMutatedLikeAMovedTag() {
        Baseline signed = baseline(List.of(approved(RELEASE, List.of(), KEY_A)), Map.of());
        Finding f = evaluate(signed, found(RELEASE, List.of(sha256('a')), IntegrityStatus.NONE_DECLARED)).get(0);
        assertEquals("same version 2.21 as approved, but another signer", f.title());
        assertTrue(f.found().startsWith("no signature"), f.found());
    }

    @Test
    void anUnknownKeysIssuerIsComparedWithTheApprovedSigner() {
        Baseline byKeyA = baseline(List.of(approved(RELEASE, List.of(), KEY_A)), Map.of());
        // The approved key, no longer in the trust store, named by its key id: the same signer.
        assertTrue(evaluate(byKeyA, found(RELEASE, List.of(), IntegrityStatus.NONE_DECLARED,
                withIssuer(KEY_A.shortId()))).isEmpty());
        assertTrue(evaluate(byKeyA, found(RELEASE, List.of(), IntegrityStatus.NONE_DECLARED,
                withIssuer(KEY_A.hex().toLowerCase(java.util.Locale.ROOT)))).isEmpty());
        Finding other = evaluate(byKeyA, found(RELEASE, List.of(), IntegrityStatus.NONE_DECLARED,
                withIssuer(KEY_B.shortId()))).get(0);
        assertEquals("signed by issuer " + KEY_B.shortId() + ", not a key of the approved signer", other.found());
        // A signature that names no key cannot be compared (UNTRUSTED_SIGNER reports it).
        assertTrue(evaluate(byKeyA, found(RELEASE, List.of(), IntegrityStatus.NONE_DECLARED, withIssuer(null))).isEmpty());
    }

    @Test
    void aKeyIdIsTheLowHalfOfAV4FingerprintAndTheHighHalfOfAV6One() {
        Fingerprint v6 = new Fingerprint("CB186C4F0609A697E4D52DFA6C722B0C1F1E27C18A56708F6525EC27BAD9ACC9");
        assertTrue(MutatedReleaseRule.names(v6, "CB186C4F0609A697"));
        assertFalse(MutatedReleaseRule.names(v6, "6525EC27BAD9ACC9"));
        assertTrue(MutatedReleaseRule.names(KEY_A, "3D12CA2AC19F3181"));
        assertFalse(MutatedReleaseRule.names(KEY_A, "28118C070CB22A01"));
    }

    private static SignatureCheck withIssuer(String issuer) {
        return new SignatureCheck(SignatureKind.OPENPGP, SignatureStatus.UNKNOWN_KEY, null, null, issuer, NOW,
                "RSA-4096/SHA-512", Path.of("a.jar.asc"), "unknown key");
    }

    @Test
    void anUpgradeIsOtherBytesByDefinition() {
        Component older = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.12.7");
        Baseline before = baseline(List.of(approved(older, List.of(sha256('a')), KEY_B)), Map.of());
        assertTrue(evaluate(before, found(RELEASE, List.of(sha256('b')), IntegrityStatus.NONE_DECLARED)).isEmpty());
    }

    @Test
    void silentForTheApprovedBytesAndSigner() {
        Component approvedRelease = declaring(PURL, sha256('a'));
        Baseline before = baseline(List.of(approved(approvedRelease, List.of(sha256('a')), KEY_A)), Map.of());
        assertTrue(evaluate(before, found(approvedRelease, List.of(sha256('a')), IntegrityStatus.PROVEN,
                signedBy(KEY_A, NOW))).isEmpty());
    }

    @Test
    void silentWhenNoAlgorithmIsInCommon() {
        Digest sha512 = new Digest(HashAlgorithm.SHA_512, "2".repeat(128));
        Baseline before = baseline(List.of(approved(declaring(PURL, sha256('a')), List.of(sha256('a')), null)), Map.of());
        assertTrue(evaluate(before, found(declaring(PURL, sha512), List.of(), IntegrityStatus.INCOMPLETE)).isEmpty());
    }

    @Test
    void silentOnFirstUseAndWhenTheArtifactWasNotSeen() {
        assertTrue(evaluate(null, found(RELEASE, List.of(sha256('b')), IntegrityStatus.NONE_DECLARED)).isEmpty());
        Baseline before = baseline(List.of(approved(RELEASE, List.of(sha256('a')), KEY_A)), Map.of());
        assertTrue(evaluate(before, RuleFixtures.missing(RELEASE)).isEmpty());
    }

    @Test
    void takesThePolicySeverity() {
        Policy warn = new Policy("test", Map.of(RuleId.MUTATED_RELEASE, Severity.WARN), Map.of(), List.of());
        Baseline before = baseline(List.of(approved(RELEASE, List.of(sha256('a')), null)), Map.of());
        assertEquals(Severity.WARN, RULE.evaluate(contextFor(before,
                found(RELEASE, List.of(sha256('b')), IntegrityStatus.NONE_DECLARED), warn)).get(0).severity());
    }
}
