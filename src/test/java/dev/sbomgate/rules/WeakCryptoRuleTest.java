package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.RuleFixtures.KEY_A;
import static dev.sbomgate.rules.RuleFixtures.NOW;
import static dev.sbomgate.rules.RuleFixtures.component;
import static dev.sbomgate.rules.RuleFixtures.context;
import static dev.sbomgate.rules.RuleFixtures.found;
import static dev.sbomgate.rules.RuleFixtures.inventory;
import static dev.sbomgate.rules.RuleFixtures.sha256;
import static dev.sbomgate.rules.RuleFixtures.signature;
import static dev.sbomgate.rules.RuleFixtures.signedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
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

class WeakCryptoRuleTest {

    private static final Rule RULE = new WeakCryptoRule();
    private static final Digest MD5 = new Digest(HashAlgorithm.MD5, "9e107d9d372bb6826bd81d3542a419d6");
    private static final Digest SHA1 = new Digest(HashAlgorithm.SHA_1, "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
    private static final String BC = "pkg:maven/org.bouncycastle/bcprov-jdk15on@1.70";

    private static Component withHashes(List<Digest> hashes) {
        return component(BC, hashes, null, List.of(), List.of());
    }

    private static List<Finding> evaluate(Policy policy, boolean artifactsGiven, Evidence evidence) {
        return RULE.evaluate(context(inventory(List.of(evidence.component()), Map.of()), null, List.of(evidence), policy,
                TrustStore.empty(), artifactsGiven, List.of(), ReleaseDates.none()));
    }

    @Test
    void aWeakSignatureSaysWhyFromTheVerifiersDetail() {
        // bcprov-jdk15on 1.70's real signature: DSA-1024 key, SHA-1 digest.
        SignatureCheck weak = new SignatureCheck(SignatureKind.OPENPGP, SignatureStatus.WEAK_CRYPTO, null, null,
                "B341DDB020FCB6AB", null, "DSA-1024/SHA-1", Path.of("bcprov-jdk15on-1.70.jar.asc"),
                "SHA-1 digest and a DSA key: never valid");
        Component c = withHashes(List.of(sha256('a')));
        List<Finding> findings = evaluate(Policy.defaults(), true, found(c, List.of(sha256('a')), IntegrityStatus.PROVEN, weak));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(BC, f.subject());
        assertEquals("signed with broken cryptography (WEAK_CRYPTO)", f.title());
        assertTrue(f.found().contains("DSA-1024/SHA-1"), f.found());
        assertTrue(f.found().contains("SHA-1 digest and a DSA key"), f.found());
        assertTrue(f.found().contains("issuer B341DDB020FCB6AB"), f.found());
    }

    @Test
    void onlyMd5AndSha1HashesOfferNoProof() {
        Component c = withHashes(List.of(MD5, SHA1));
        List<Finding> findings = evaluate(Policy.defaults(), true, found(c, List.of(), IntegrityStatus.WEAK_ONLY));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("the SBOM offers only MD5/SHA-1 hashes for this component", f.title());
        assertEquals("only MD5:" + MD5.hex() + " SHA-1:" + SHA1.hex(), f.found());
        assertTrue(f.expected().contains("SHA-256"), f.expected());
    }

    @Test
    void weakHashesAreJudgedWithoutArtifacts() {
        Component c = withHashes(List.of(SHA1));
        assertEquals(1, evaluate(Policy.defaults(), false, RuleFixtures.notSearched(c)).size());
    }

    @Test
    void oneStrongHashBesideWeakOnesIsEnoughAndNoHashesAreNotWeak() {
        assertTrue(evaluate(Policy.defaults(), true,
                found(withHashes(List.of(MD5, SHA1, sha256('a'))), List.of(), IntegrityStatus.PROVEN)).isEmpty());
        assertTrue(evaluate(Policy.defaults(), true,
                found(withHashes(List.of()), List.of(), IntegrityStatus.NONE_DECLARED)).isEmpty());
    }

    @Test
    void aWeakSignatureAndWeakHashesAreTwoFindings() {
        Component c = withHashes(List.of(SHA1));
        List<Finding> findings = evaluate(Policy.defaults(), true,
                found(c, List.of(), IntegrityStatus.WEAK_ONLY, signature(SignatureStatus.WEAK_CRYPTO, KEY_A)));
        assertEquals(List.of("signed with broken cryptography (WEAK_CRYPTO)",
                "the SBOM offers only MD5/SHA-1 hashes for this component"), findings.stream().map(Finding::title).toList());
    }

    @Test
    void silentForOtherSignatureOutcomesAndWhenAnotherSignatureVerifies() {
        Component c = withHashes(List.of(sha256('a')));
        for (SignatureStatus status : SignatureStatus.values()) {
            if (status != SignatureStatus.WEAK_CRYPTO) {
                assertTrue(evaluate(Policy.defaults(), true,
                        found(c, List.of(), IntegrityStatus.PROVEN, signature(status, KEY_A))).isEmpty(), status.name());
            }
        }
        assertTrue(evaluate(Policy.defaults(), true, found(c, List.of(), IntegrityStatus.PROVEN,
                signature(SignatureStatus.WEAK_CRYPTO, KEY_A), signedBy(KEY_A, NOW))).isEmpty());
    }

    @Test
    void takesThePolicySeverity() {
        Policy warn = new Policy("test", Map.of(RuleId.WEAK_CRYPTO, Severity.WARN), Map.of(), List.of());
        List<Finding> findings = evaluate(warn, true, found(withHashes(List.of(SHA1)), List.of(), IntegrityStatus.WEAK_ONLY,
                signature(SignatureStatus.WEAK_CRYPTO, KEY_A)));
        assertEquals(List.of(Severity.WARN, Severity.WARN), findings.stream().map(Finding::severity).toList());
    }
}
