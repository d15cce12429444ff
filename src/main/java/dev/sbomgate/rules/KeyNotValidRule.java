package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.model.Component;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KEY_NOT_VALID: the deciding signature was made by a key that had expired (KEY_EXPIRED) or is revoked
 * (KEY_REVOKED), or outside the pin's notBefore/notAfter window (OUTSIDE_PIN_WINDOW).
 */
public final class KeyNotValidRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.KEY_NOT_VALID;
    }

    @Override
    public String explain() {
        return """
                KEY_NOT_VALID: the key was expired or revoked at signing time, or signed outside its pin's window.

                The signature is cryptographically sound, but the key was not valid for it: it was made after
                the key (or its signing subkey) expired (KEY_EXPIRED: the RFC 9580 Key Expiration Time of its
                self-signature), the key carries a revocation signature (KEY_REVOKED), or it was made outside
                the notBefore/notAfter window the trust store pins the key for (OUTSIDE_PIN_WINDOW).

                Publishing credentials do leak: LiteLLM (2026) and ua-parser-js (2021) were released with stolen
                account credentials. A leaked signing key keeps producing valid signatures for whoever holds it;
                revocation and expiry are the publisher's only answers, and a pin window lets a project stop
                trusting a key from the day its replacement was announced (Jackson replaced its 2020 key in 2022).

                Fix: do not use the artifact. Ask the publisher which key signs this release now, confirm its
                fingerprint out of band and pin it (sbomgate trust add). If a pin window was simply set too
                narrow, remove the key and add it again with the right --not-before/--not-after dates.
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
            if (status != SignatureStatus.KEY_EXPIRED && status != SignatureStatus.KEY_REVOKED
                    && status != SignatureStatus.OUTSIDE_PIN_WINDOW) {
                continue;
            }
            SignatureCheck check = evidence.signature().orElseThrow();
            Component c = evidence.component();
            Optional<PinnedKey> pin = check.signer() == null ? Optional.empty() : context.trust().find(check.signer());
            String found = IntegrityText.check(check, context.trust());
            String title;
            String expected;
            String fix;
            if (status == SignatureStatus.KEY_EXPIRED) {
                title = "signed by a key that had expired (KEY_EXPIRED)";
                expected = "a signature made while the key was valid"
                        + pin.map(k -> k.key().expires()).map(e -> " (it expires " + e + ")").orElse("");
                fix = "Do not use this file. Ask the publisher which key signs " + c.label() + " now, confirm its"
                        + " fingerprint out of band and pin it: " + IntegrityText.trustAdd(c.purl()) + ".";
            } else if (status == SignatureStatus.KEY_REVOKED) {
                title = "signed by a revoked key (KEY_REVOKED)";
                expected = "a signature by a key that is not revoked";
                fix = "Do not use this file: a revoked key has usually leaked. Get a release signed by the"
                        + " publisher's current key, pin that key, and remove the revoked one (sbomgate trust remove "
                        + (check.signer() == null ? "FINGERPRINT" : check.signer()) + ").";
            } else {
                title = "signed outside the pin's validity window (OUTSIDE_PIN_WINDOW)";
                expected = "a signature made inside the pin's window"
                        + pin.map(k -> " " + k.window() + " of '" + k.name() + "'").orElse("");
                fix = "If the publisher still signs with this key, widen its window: sbomgate trust remove "
                        + (check.signer() == null ? "FINGERPRINT" : check.signer()) + ", then add the key again with"
                        + " the right --not-before/--not-after. Otherwise ask the publisher which key replaced it.";
            }
            findings.add(context.finding(id(), c, title, expected, found, fix));
        }
        return findings;
    }
}
