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
import static dev.sbomgate.rules.RuleFixtures.signature;
import static dev.sbomgate.rules.RuleFixtures.signedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UntrustedSignerRuleTest {

    private static final Rule RULE = new UntrustedSignerRule();
    private static final Component JACKSON = component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21");
    private static final Instant SIGNED = Instant.parse("2026-01-18T22:47:11Z");

    private static List<Finding> evaluate(SignatureCheck check, Policy policy, TrustStore trust) {
        return RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(found(JACKSON, List.of(), IntegrityStatus.NONE_DECLARED, check)), policy, trust, true, List.of(),
                ReleaseDates.none()));
    }

    @Test
    void anUnknownKeyIsNamedByTheIssuerItsSignatureGives() {
        SignatureCheck unknown = new SignatureCheck(SignatureKind.OPENPGP, SignatureStatus.UNKNOWN_KEY, null, null,
                "B3E9A54E0D1C7F22", SIGNED, "RSA-4096/SHA-512", Path.of("jackson-annotations-2.21.jar.asc"),
                "no pinned key has id B3E9A54E0D1C7F22");
        List<Finding> findings = evaluate(unknown, Policy.defaults(), TrustStore.empty());
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("signed by a key the trust store does not hold (issuer B3E9A54E0D1C7F22)", f.title());
        assertEquals("a signature by a key pinned for pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21;"
                + " no key is pinned for it", f.expected());
        assertTrue(f.found().contains("issuer B3E9A54E0D1C7F22"), f.found());
        assertTrue(f.found().contains("made 2026-01-18T22:47:11Z"), f.found());
        assertTrue(f.fix().contains("sbomgate trust add KEYFILE --name '<publisher> release key'"
                + " --scope 'pkg:maven/com.fasterxml.jackson.core/*'"), f.fix());
    }

    @Test
    void aValidSignatureByAnUnpinnedKeyShowsItsFullFingerprint() {
        SignatureCheck unpinned = signedBy(KEY_B, SIGNED).withStatus(SignatureStatus.UNKNOWN_KEY,
                "signed by " + KEY_B + ", which the trust store does not pin");
        Finding f = evaluate(unpinned, Policy.defaults(), TrustStore.empty()).get(0);
        assertEquals("signed by a key the trust store does not hold (" + KEY_B.hex() + ")", f.title());
        assertTrue(f.found().contains("signer " + KEY_B.hex() + " (not pinned)"), f.found());
    }

    @Test
    void aKeyPinnedForOtherPackagesNamesItsScopesAndHowToWidenThem(@TempDir Path dir) {
        TrustStore trust = TrustForRules.store(dir,
                TrustForRules.pin(KEY_A, "SLF4J release key", "pkg:maven/org.slf4j/*"),
                TrustForRules.pin(KEY_B, "Jackson release key 2020", TrustForRules.JACKSON_SCOPE));
        SignatureCheck notPinned = signedBy(KEY_A, SIGNED).withStatus(SignatureStatus.NOT_PINNED_FOR_PURL,
                "signed by 'SLF4J release key', pinned for another scope");
        List<Finding> findings = evaluate(notPinned, Policy.defaults(), trust);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("signed by a pinned key that is not pinned for this package", f.title());
        assertEquals("a signature by a key pinned for pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21:"
                + " 'Jackson release key 2020' (" + KEY_B.hex() + ")", f.expected());
        assertTrue(f.found().contains("signer " + KEY_A.hex() + " ('SLF4J release key')"), f.found());
        assertTrue(f.found().contains("pinned for pkg:maven/org.slf4j/*"), f.found());
        assertTrue(f.fix().contains("sbomgate trust remove " + KEY_A.hex()), f.fix());
        assertTrue(f.fix().contains("--scope 'pkg:maven/com.fasterxml.jackson.core/*' beside its current scopes"
                + " (pkg:maven/org.slf4j/*)"), f.fix());
    }

    @Test
    void aBundleByAnUnpinnedIdentityNamesTheIdentityAndThePinToAdd() {
        SignatureCheck bundle = new SignatureCheck(SignatureKind.SIGSTORE, SignatureStatus.UNKNOWN_KEY, null, null,
                "https://github.com/evil/fork/.github/workflows/release.yml@refs/tags/v2.21 (OIDC issuer"
                        + " https://token.actions.githubusercontent.com)", SIGNED, "ECDSA-P256/SHA-256",
                Path.of("jackson-annotations-2.21.jar.sigstore.json"), "no identity pin of the trust store matches the"
                        + " certificate identity of this bundle");
        Finding f = evaluate(bundle, Policy.defaults(), TrustStore.empty()).get(0);
        assertEquals("signed with a Sigstore bundle by an identity no pin trusts"
                + " (https://github.com/evil/fork/.github/workflows/release.yml@refs/tags/v2.21)", f.title());
        assertTrue(f.found().contains("jackson-annotations-2.21.jar.sigstore.json"), f.found());
        assertTrue(f.fix().contains("sbomgate trust add-identity --name '<publisher> releases' --issuer"
                + " 'https://token.actions.githubusercontent.com' --identity"
                + " 'https://github.com/evil/fork/.github/workflows/release.yml@refs/tags/v2.21' --scope"
                + " 'pkg:maven/com.fasterxml.jackson.core/*'"), f.fix());
    }

    @Test
    void aBundleNothingVouchesForIsUntrustedToo() {
        SignatureCheck bundle = new SignatureCheck(SignatureKind.SIGSTORE, SignatureStatus.UNKNOWN_KEY, null, null, null,
                null, null, Path.of("jackson-annotations-2.21.jar.sigstore.json"),
                "the signing certificate does not chain to a certificate authority of the trusted root");
        Finding f = evaluate(bundle, Policy.defaults(), TrustStore.empty()).get(0);
        assertEquals("signed with a Sigstore bundle that nothing in the trust store vouches for", f.title());
        assertTrue(f.found().contains("does not chain to a certificate authority"), f.found());
        assertTrue(f.fix().contains("sbomgate trust sigstore-root"), f.fix());
    }

    @Test
    void withoutAPurlTheFixIsAPurlNotAPin() {
        Component noPurl = new Component("vendored-tool", null, "library", "acme", "tool", "1.0", List.of(), null, null,
                null, null, List.of(), List.of(), null, List.of(), null);
        SignatureCheck notPinned = signedBy(KEY_A, SIGNED).withStatus(SignatureStatus.NOT_PINNED_FOR_PURL,
                "signed by a pinned key, not for acme/tool@1.0");
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(noPurl), Map.of()), null,
                List.of(found(noPurl, List.of(), IntegrityStatus.NONE_DECLARED, notPinned))));
        Finding f = findings.get(0);
        assertEquals("acme/tool@1.0", f.subject());
        assertEquals("signed, but without a purl no pinned key can vouch for this component", f.title());
        assertTrue(f.fix().startsWith("Give acme/tool@1.0 a purl in the SBOM"), f.fix());
    }

    @Test
    void silentForOtherOutcomes() {
        for (SignatureStatus status : SignatureStatus.values()) {
            if (status == SignatureStatus.UNKNOWN_KEY || status == SignatureStatus.NOT_PINNED_FOR_PURL) {
                continue;
            }
            assertTrue(evaluate(signature(status, KEY_A), Policy.defaults(), TrustStore.empty()).isEmpty(), status.name());
        }
    }

    @Test
    void silentWhenAnotherSignatureVerifies() {
        assertTrue(evaluate(signedBy(KEY_A, NOW), Policy.defaults(), TrustStore.empty()).isEmpty());
        List<Finding> findings = RULE.evaluate(context(inventory(List.of(JACKSON), Map.of()), null,
                List.of(found(JACKSON, List.of(), IntegrityStatus.NONE_DECLARED, signature(SignatureStatus.UNKNOWN_KEY, null),
                        signedBy(KEY_A, NOW)))));
        assertTrue(findings.isEmpty());
    }

    @Test
    void takesThePolicySeverity() {
        Policy warn = new Policy("test", Map.of(RuleId.UNTRUSTED_SIGNER, Severity.WARN), Map.of(), List.of());
        assertEquals(Severity.WARN, evaluate(signature(SignatureStatus.UNKNOWN_KEY, null), warn, TrustStore.empty())
                .get(0).severity());
    }

    @Test
    void suggestedScopesCoverTheNamespaceOrExactlyThePackage() {
        assertEquals("pkg:maven/com.fasterxml.jackson.core/*",
                IntegrityText.scopeFor(Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.21.3")));
        assertEquals("pkg:npm/@acme/*", IntegrityText.scopeFor(Purl.parse("pkg:npm/%40acme/widget@1.2.3")));
        assertEquals("pkg:golang/github.com/sigstore/*",
                IntegrityText.scopeFor(Purl.parse("pkg:golang/github.com/sigstore/cosign@v2.4.1")));
        // Without a namespace a wildcard would cover the whole ecosystem: pin the package itself.
        assertEquals("pkg:pypi/litellm", IntegrityText.scopeFor(Purl.parse("pkg:pypi/LiteLLM@1.82.8")));
        assertEquals("pkg:npm/axios", IntegrityText.scopeFor(Purl.parse("pkg:npm/axios@1.14.1")));
        assertEquals("PATTERN", IntegrityText.scopeFor(null));
    }
}
