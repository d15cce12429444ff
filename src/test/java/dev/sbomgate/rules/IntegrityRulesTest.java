package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
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
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrityRulesTest {

    /** A real incident from THREATS.md that each rule's explain text must name. */
    private static final Map<RuleId, String> INCIDENT = Map.ofEntries(
            Map.entry(RuleId.HASH_MISMATCH, "Codecov"),
            Map.entry(RuleId.BAD_SIGNATURE, "Codecov"),
            Map.entry(RuleId.UNSIGNED, "tj-actions"),
            Map.entry(RuleId.SIGNATURE_DOWNGRADE, "axios"),
            Map.entry(RuleId.UNTRUSTED_SIGNER, "ua-parser-js"),
            Map.entry(RuleId.SIGNER_CHANGED, "xz-utils"),
            Map.entry(RuleId.KEY_NOT_VALID, "LiteLLM"),
            Map.entry(RuleId.WEAK_CRYPTO, "Codecov"),
            Map.entry(RuleId.MUTATED_RELEASE, "Trivy"),
            Map.entry(RuleId.MISSING_ARTIFACT, "Shai-Hulud"),
            Map.entry(RuleId.KNOWN_MALICIOUS, "event-stream"));

    @Test
    void holdsExactlyTheIntegrityRulesInRuleIdOrder() {
        List<RuleId> expected = Arrays.stream(RuleId.values()).filter(id -> id.category() == RuleId.Category.INTEGRITY).toList();
        assertEquals(11, expected.size());
        assertEquals(expected, IntegrityRules.all().stream().map(Rule::id).toList());
    }

    @Test
    void everyExplainTextIsWrappedPlainTextNamingItsRuleAndARealIncident() {
        for (Rule rule : IntegrityRules.all()) {
            String text = rule.explain();
            assertFalse(text.isBlank(), rule.id().name());
            assertTrue(text.startsWith(rule.id().name() + ": "), rule.id() + " starts with its id");
            assertTrue(text.contains(INCIDENT.get(rule.id())), rule.id() + " names " + INCIDENT.get(rule.id()));
            assertTrue(text.contains("\n\n"), rule.id() + " has paragraphs");
            for (String line : text.split("\n")) {
                assertTrue(line.length() <= 110, rule.id() + ": line too long: " + line);
            }
        }
    }

    @Test
    void anArtifactThatCouldNotBeVerifiedIsExactlyOneBlockingFinding() {
        Component c = component("pkg:maven/org.slf4j/slf4j-api@2.0.17", List.of(sha256('a')), null, List.of(), List.of());
        Baseline unchanged = baseline(List.of(approved(c, List.of(sha256('a')), KEY_A)), Map.of());
        Evidence error = new Evidence(c, Evidence.ArtifactState.ERROR, null, List.of(), IntegrityStatus.NOT_CHECKED,
                List.of(), List.of(), "java.io.IOException: Input/output error");
        RuleContext context = context(inventory(List.of(c), Map.of()), unchanged, List.of(error));
        List<Finding> findings = evaluateAll(context);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(RuleId.MISSING_ARTIFACT, findings.get(0).rule());
        assertTrue(findings.get(0).blocks());
    }

    @Test
    void everyFindingSaysWhatHappenedWhatWasExpectedWhatWasFoundAndWhatToDo() {
        Digest sha1 = new Digest(HashAlgorithm.SHA_1, "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
        Component mismatched = component("pkg:maven/org.example/mismatched@1.0", List.of(sha256('a')), null, List.of(), List.of());
        Component unsigned = component("pkg:maven/org.example/unsigned@2.0");
        Component resigned = component("pkg:maven/org.example/resigned@1.0");
        Component weak = component("pkg:maven/org.example/weak@1.0", List.of(sha1), null, List.of(), List.of());
        Component gone = component("pkg:maven/org.example/gone@3.0");
        Component expired = component("pkg:maven/org.example/expired@1.0");
        Baseline before = baseline(List.of(
                approved(component("pkg:maven/org.example/unsigned@1.0"), List.of(), KEY_A),
                approved(resigned, List.of(sha256('c')), KEY_B)), Map.of());
        List<Evidence> evidence = List.of(
                new Evidence(mismatched, Evidence.ArtifactState.FOUND, null, List.of(sha256('b')), IntegrityStatus.MISMATCH,
                        List.of("SHA-256: the SBOM declares " + "a".repeat(64) + " but the file has " + "b".repeat(64)),
                        List.of(signature(SignatureStatus.BAD_SIGNATURE, KEY_A)), null),
                found(unsigned, List.of(sha256('d')), IntegrityStatus.NONE_DECLARED),
                found(resigned, List.of(sha256('e')), IntegrityStatus.NONE_DECLARED, signedBy(KEY_A, NOW)),
                found(weak, List.of(sha1), IntegrityStatus.WEAK_ONLY, signature(SignatureStatus.WEAK_CRYPTO, KEY_A)),
                RuleFixtures.missing(gone),
                found(expired, List.of(), IntegrityStatus.NONE_DECLARED, signature(SignatureStatus.KEY_EXPIRED, KEY_B)));
        RuleContext context = context(inventory(List.of(mismatched, unsigned, resigned, weak, gone, expired), Map.of()),
                before, evidence);
        List<Finding> findings = evaluateAll(context);
        assertEquals(List.of(RuleId.HASH_MISMATCH, RuleId.BAD_SIGNATURE, RuleId.UNSIGNED, RuleId.SIGNATURE_DOWNGRADE,
                RuleId.SIGNER_CHANGED, RuleId.KEY_NOT_VALID, RuleId.WEAK_CRYPTO, RuleId.WEAK_CRYPTO,
                RuleId.MUTATED_RELEASE, RuleId.MISSING_ARTIFACT), findings.stream().map(Finding::rule).toList());
        for (Finding f : findings) {
            assertFalse(f.subject() == null || f.subject().isBlank(), f.toString());
            assertFalse(f.title().isBlank() || f.title().contains("\n"), f.toString());
            assertFalse(f.expected().isBlank(), f.toString());
            assertFalse(f.found().isBlank(), f.toString());
            assertFalse(f.fix().isBlank(), f.toString());
        }
        assertEquals(findings, evaluateAll(context), "the same inputs give the same findings");
    }

    private static List<Finding> evaluateAll(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : IntegrityRules.all()) {
            findings.addAll(rule.evaluate(context));
        }
        return findings;
    }
}
