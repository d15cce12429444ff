package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.RuleFixtures.KEY_A;
import static dev.sbomgate.rules.RuleFixtures.KEY_B;
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
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BadSignatureRuleTest {

    private static final Rule RULE = new BadSignatureRule();
    private static final Component JACKSON = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21");

    private static List<Finding> evaluate(SignatureCheck... checks) {
        return RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(found(JACKSON, List.of(sha256('a')), IntegrityStatus.NONE_DECLARED, checks))));
    }

    @Test
    void firesForASignatureThatDoesNotVerifyNamingTheKeyAndFile() {
        SignatureCheck bad = new SignatureCheck(SignatureKind.OPENPGP, SignatureStatus.BAD_SIGNATURE, KEY_A, KEY_A,
                KEY_A.shortId(), NOW, "RSA-4096/SHA-512", Path.of("libs/jackson-annotations-2.21.jar.asc"),
                "the signature does not match the file's bytes");
        List<Finding> findings = evaluate(bad);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("the signature does not verify over the artifact's bytes (BAD_SIGNATURE)", f.title());
        assertTrue(f.found().startsWith("BAD_SIGNATURE in " + Path.of("libs/jackson-annotations-2.21.jar.asc")), f.found());
        assertTrue(f.found().contains("signer " + KEY_A.hex() + " (not pinned)"), f.found());
        assertTrue(f.found().contains("the signature does not match the file's bytes"), f.found());
        assertTrue(f.found().contains("RSA-4096/SHA-512"), f.found());
        assertTrue(f.fix().contains("gpg --verify"), f.fix());
    }

    @Test
    void firesForAMalformedSignatureFile() {
        SignatureCheck malformed = new SignatureCheck(SignatureKind.OPENPGP, SignatureStatus.MALFORMED, null, null, null,
                null, null, Path.of("jackson-annotations-2.21.jar.asc"), "not an OpenPGP signature: found HTML");
        List<Finding> findings = evaluate(malformed);
        assertEquals(1, findings.size());
        assertEquals("the signature file is not a readable signature (MALFORMED)", findings.get(0).title());
        assertTrue(findings.get(0).found().contains("MALFORMED"), findings.get(0).found());
        assertTrue(findings.get(0).found().contains("found HTML"), findings.get(0).found());
    }

    @Test
    void silentWhenAnotherSignatureVerifies() {
        assertTrue(evaluate(signature(SignatureStatus.BAD_SIGNATURE, KEY_B), signedBy(KEY_A, NOW)).isEmpty());
    }

    @Test
    void aBadSignatureOutranksAnUnknownKey() {
        List<Finding> findings = evaluate(signature(SignatureStatus.UNKNOWN_KEY, null), signature(SignatureStatus.BAD_SIGNATURE, KEY_B));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).found().contains(KEY_B.hex()), findings.get(0).found());
    }

    @ParameterizedTest
    @EnumSource(value = SignatureStatus.class, names = {"BAD_SIGNATURE", "MALFORMED"}, mode = EnumSource.Mode.EXCLUDE)
    void silentForOtherOutcomes(SignatureStatus status) {
        assertTrue(evaluate(signature(status, KEY_A)).isEmpty());
    }

    @Test
    void silentWithoutSignatureOrArtifact() {
        assertTrue(evaluate().isEmpty());
        assertTrue(RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(RuleFixtures.missing(JACKSON)))).isEmpty());
    }

    @Test
    void takesThePolicySeverity() {
        Policy info = new Policy("test", Map.of(RuleId.BAD_SIGNATURE, Severity.INFO), Map.of(), List.of());
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(found(JACKSON, List.of(), IntegrityStatus.NONE_DECLARED, signature(SignatureStatus.BAD_SIGNATURE, KEY_A))),
                info, TrustStore.empty(), true, List.of(), ReleaseDates.none()));
        assertEquals(Severity.INFO, findings.get(0).severity());
    }
}
