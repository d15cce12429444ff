package dev.sbomgate.rules;

import dev.sbomgate.model.Component;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * UNTRUSTED_SIGNER: the deciding signature is by a key the trust store does not hold (UNKNOWN_KEY), or by a pinned
 * key whose scopes do not cover this purl (NOT_PINNED_FOR_PURL).
 */
public final class UntrustedSignerRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.UNTRUSTED_SIGNER;
    }

    @Override
    public String explain() {
        return """
                UNTRUSTED_SIGNER: the signature is valid but its key is not pinned for this package.

                Anyone can make a valid signature: what counts is whose key made it. Reported when the deciding
                signature was made by a key the trust store does not hold (UNKNOWN_KEY; the issuer the signature
                names is shown), or by a pinned key whose scopes do not cover this purl (NOT_PINNED_FOR_PURL: a
                key trusted for one publisher's packages signed another's). Signatures sbomgate cannot verify
                yet (Sigstore bundles) are reported here too: present evidence that vouches for nothing.

                An attacker who takes over a publishing account signs with a key of their own: the axios 1.14.1
                (2026, npm) and ua-parser-js (2021, npm) releases were published from hijacked accounts, and a
                re-signed Maven jar verifies perfectly with the attacker's key. Key servers hand out that key as
                readily as the real one, so only the committed trust store decides.

                Fix: if the key is legitimate, confirm its full fingerprint with the publisher out of band (the
                project's KEYS file, its web site over HTTPS, a signed announcement), then pin it for this
                package: sbomgate trust add KEYFILE --name NAME --scope PATTERN. For a key pinned with too narrow
                a scope, remove it and add it again with the extra scope. Otherwise treat the artifact as forged.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            if (evidence.artifactState() != Evidence.ArtifactState.FOUND) {
                continue;
            }
            SignatureStatus status = evidence.signatureStatus();
            if (status != SignatureStatus.UNKNOWN_KEY && status != SignatureStatus.NOT_PINNED_FOR_PURL) {
                continue;
            }
            SignatureCheck check = evidence.signature().orElseThrow();
            Component c = evidence.component();
            String found = IntegrityText.check(check, context.trust());
            if (c.purl() == null && check.kind() != SignatureKind.SIGSTORE) {
                // Keys are pinned for purl patterns: without a purl no pin can cover the component.
                findings.add(context.finding(id(), c,
                        "signed, but without a purl no pinned key can vouch for this component",
                        "a purl, so that a key pinned for it can vouch for the signature",
                        found,
                        "Give " + c.label() + " a purl in the SBOM (keys are pinned for purl patterns), or approve: "
                                + context.approveCommand(id(), c)));
            } else if (status == SignatureStatus.NOT_PINNED_FOR_PURL) {
                PinnedKey key = check.signer() == null ? null : context.trust().find(check.signer()).orElse(null);
                String fix = "If '" + (key == null ? "the key" : key.name()) + "' really signs " + c.label()
                        + ", confirm it with the publisher, then widen its scopes: sbomgate trust remove "
                        + (key == null ? "FINGERPRINT" : key.fingerprint()) + ", and add the key again with --scope '"
                        + IntegrityText.scopeFor(c.purl()) + "'"
                        + (key == null ? "" : " beside its current scopes (" + IntegrityText.scopes(key) + ")") + ".";
                findings.add(context.finding(id(), c,
                        "signed by a pinned key that is not pinned for this package",
                        expected(context, c),
                        found + (key == null ? "" : "; the key is " + IntegrityText.pin(key)),
                        fix));
            } else if (check.kind() == SignatureKind.SIGSTORE) {
                findings.add(context.finding(id(), c,
                        "signed only with a Sigstore bundle, which this sbomgate cannot verify",
                        expected(context, c),
                        found,
                        "Provide an OpenPGP (.asc) or key-pair (.sig) signature by a pinned key, or approve with a"
                                + " reason if you verified the bundle otherwise: " + context.approveCommand(id(), c)));
            } else {
                String who = check.signer() != null ? check.signer().toString()
                        : check.issuer() != null ? "issuer " + check.issuer() : "an unnamed key";
                findings.add(context.finding(id(), c,
                        "signed by a key the trust store does not hold (" + who + ")",
                        expected(context, c),
                        found,
                        "If the key is legitimate, confirm its full fingerprint with the publisher out of band, then"
                                + " pin it: " + IntegrityText.trustAdd(c.purl()) + ". Otherwise treat "
                                + c.label() + " as forged."));
            }
        }
        return findings;
    }

    /** Which keys would have been accepted: the pins covering this purl, or none. */
    private static String expected(RuleContext context, Component c) {
        List<PinnedKey> pins = c.purl() == null ? List.of() : context.trust().pinsFor(c.purl());
        if (pins.isEmpty()) {
            return "a signature by a key pinned for " + c.label() + "; no key is pinned for it";
        }
        return "a signature by a key pinned for " + c.label() + ": " + pins.stream()
                .map(k -> "'" + k.name() + "' (" + k.fingerprint() + ")").collect(Collectors.joining(", "));
    }
}
