package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

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
 * key whose scopes do not cover this purl (NOT_PINNED_FOR_PURL). For a Sigstore bundle the key is the certificate
 * identity with its OIDC issuer, pinned by an identity pin.
 */
public final class UntrustedSignerRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.UNTRUSTED_SIGNER;
    }

    @Override
    public String explain() {
        return """
                UNTRUSTED_SIGNER: the signing key is not pinned for this package, so the signature cannot vouch for it.

                Anyone can make a valid signature: what counts is whose key made it. Reported when the deciding
                signature was made by a key the trust store does not hold (UNKNOWN_KEY; the issuer the signature
                names is shown), or by a pinned key whose scopes do not cover this purl (NOT_PINNED_FOR_PURL: a
                key trusted for one publisher's packages signed another's). For a Sigstore bundle the key is
                the signing certificate's identity and OIDC issuer (a GitHub workflow at a ref, an e-mail
                address): a bundle that verifies but whose identity no identity pin matches is UNKNOWN_KEY, and
                one signed by another workflow, another repository or another issuer is exactly that. A bundle
                from a certificate authority the trusted root does not hold is reported here too.

                An attacker who takes over a publishing account signs with a key of their own: the axios 1.14.1
                (2026, npm) and ua-parser-js (2021, npm) releases were published from hijacked accounts, and a
                re-signed Maven jar verifies perfectly with the attacker's key. Key servers hand out that key as
                readily as the real one, so only the committed trust store decides.

                Fix: if the key is legitimate, confirm its full fingerprint with the publisher out of band (the
                project's KEYS file, its web site over HTTPS, a signed announcement), then pin it for this
                package: sbomgate trust add KEYFILE --name NAME --scope PATTERN, or for a Sigstore identity
                sbomgate trust add-identity --name NAME --issuer ISSUER --identity-pattern REGEX --scope PATTERN.
                For a pin with too narrow a scope, remove it and add it again with the extra scope. Otherwise
                treat the artifact as forged.
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
            if (c.purl() == null && !check.kind().sigstoreBased()) {
                // Keys are pinned for purl patterns: without a purl no pin can cover the component.
                findings.add(context.finding(id(), c,
                        "signed, but without a purl no pinned key can vouch for this component",
                        "a purl, so that a key pinned for it can vouch for the signature",
                        found,
                        "Give " + c.label() + " a purl in the SBOM (keys are pinned for purl patterns), or approve: "
                                + context.approveCommand(id(), c)));
            } else if (status == SignatureStatus.NOT_PINNED_FOR_PURL) {
                PinnedKey key = check.signer() == null ? null : context.trust().find(check.signer()).orElse(null);
                boolean identity = key != null && key.isIdentity();
                String fix = "If '" + (key == null ? "the key" : key.name()) + "' really signs " + c.label()
                        + ", confirm it with the publisher, then widen its scopes: sbomgate trust remove "
                        + (key == null ? "FINGERPRINT" : key.fingerprint())
                        + (identity ? ", and pin the identity again (sbomgate trust add-identity) with --scope '"
                                : ", and add the key again with --scope '")
                        + IntegrityText.scopeFor(c.purl()) + "'"
                        + (key == null ? "" : " beside its current scopes (" + IntegrityText.scopes(key) + ")") + ".";
                findings.add(context.finding(id(), c,
                        "signed by a pinned key that is not pinned for this package",
                        expected(context, c),
                        found + (key == null ? "" : "; the key is " + IntegrityText.pin(key)),
                        fix));
            } else if (check.kind().sigstoreBased() && identityOf(check) != null) {
                String[] identity = identityOf(check);
                String how = check.kind() == SignatureKind.PYPI_ATTESTATION ? "attested (PEP 740 provenance)"
                        : "signed with a Sigstore bundle";
                findings.add(context.finding(id(), c,
                        how + " by an identity no pin trusts (" + identity[0] + ")",
                        expected(context, c),
                        found,
                        "If " + identity[0] + " is the publisher's release pipeline, confirm it out of band (the"
                                + " project's release documentation, its repository's workflow), then pin it: sbomgate"
                                + " trust add-identity --name '<publisher> releases' --issuer '" + identity[1]
                                + "' --identity '" + identity[0] + "' --scope '" + IntegrityText.scopeFor(c.purl())
                                + "' (or --identity-pattern to cover later releases). Otherwise treat " + c.label()
                                + " as forged: another workflow, repository or issuer signed it."));
            } else if (check.kind().sigstoreBased()) {
                findings.add(context.finding(id(), c,
                        "signed with a Sigstore bundle that nothing in the trust store vouches for",
                        expected(context, c),
                        found,
                        "If the trust store has no Sigstore trusted root, add the one of the instance that signed"
                                + " (sbomgate trust sigstore-root trusted_root.json); for a bundle signed with a plain key,"
                                + " pin that key (sbomgate trust add). Otherwise the bundle comes from another Sigstore"
                                + " instance or was made by someone else: treat " + c.label() + " as forged."));
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

    /**
     * The certificate identity and OIDC issuer of a bundle that verified but matched no identity pin, as the verify
     * stage writes them into {@code issuer} ({@code SUBJECT (OIDC issuer ISSUER)}); null for any other check.
     */
    static String[] identityOf(SignatureCheck check) {
        String text = check.issuer();
        int at = text == null ? -1 : text.lastIndexOf(" (OIDC issuer ");
        if (check.signer() != null || at <= 0 || !text.endsWith(")")) {
            return null;
        }
        return new String[] {text.substring(0, at), text.substring(at + " (OIDC issuer ".length(), text.length() - 1)};
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
