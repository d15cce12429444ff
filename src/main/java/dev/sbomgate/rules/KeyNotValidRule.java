package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.model.Component;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.verify.Evidence;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.trust.RegistryKeyPin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

                The trust store may revoke a pin itself (trust.json version 2 'revoked', for keys without
                in-band revocation or ahead of one): reason compromised voids every signature the pin ever
                made, approved artifacts' included; superseded or retired voids those dated on or after its
                date (and those without a signed time).

                Ahead of time: a pinned key (OpenPGP key expiry, certificate notAfter, a registry key's
                expires) that expires within the policy's expiryWarningDays (default 30) of the check is a
                warning naming the key and the date, so the new key can be pinned before releases fail.

                Fix: do not use the artifact. Ask the publisher which key signs this release now, confirm its
                fingerprint out of band and pin it (sbomgate trust add). If a pin window was simply set too
                narrow, remove the key and add it again with the right --not-before/--not-after dates. For
                an expiry warning, fetch the publisher's refreshed key or its successor and pin it.
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
        findings.addAll(expiringSoon(context));
        return findings;
    }

    /** One warning per pinned key whose expiry lies within expiryWarningDays after the check (not already past). */
    private List<Finding> expiringSoon(RuleContext context) {
        long days = context.policy().number(RuleParameter.KEY_NOT_VALID_EXPIRY_WARNING_DAYS);
        Instant now = context.now();
        Instant horizon = now.plus(Duration.ofDays(Math.max(0, days)));
        Severity severity = context.severity(id()).atMost(Severity.WARN);
        List<Finding> findings = new ArrayList<>();
        for (PinnedKey key : context.trust().keys()) {
            if (!key.isIdentity()) {
                expiry(context, findings, severity, now, horizon, days, "key", key.fingerprint(), key.name(),
                        key.key().expires());
            }
        }
        for (RegistryKeyPin key : context.trust().registryKeys()) {
            expiry(context, findings, severity, now, horizon, days, "registry key", key.fingerprint(), key.name(),
                    key.expires());
        }
        return findings;
    }

    private void expiry(RuleContext context, List<Finding> findings, Severity severity, Instant now, Instant horizon,
                        long days, String kind, Fingerprint fingerprint, String name, Instant expires) {
        if (expires == null || !expires.isAfter(now) || expires.isAfter(horizon)) {
            return;
        }
        long left = Duration.between(now, expires).toDays();
        findings.add(context.finding(id(), severity, null, "pinned " + kind + " " + fingerprint + " ("
                        + ChangeRuleTexts.plain(name) + ") expires on " + LocalDate.ofInstant(expires, ZoneOffset.UTC)
                        + ", in " + left + " day(s)",
                "pinned keys valid for more than " + days + " days (expiryWarningDays)",
                kind + " " + fingerprint + " expires " + expires,
                "Get the publisher's refreshed key (a new expiry) or its successor, confirm it out of band and pin it"
                        + " before " + LocalDate.ofInstant(expires, ZoneOffset.UTC) + "; signatures made after that day"
                        + " are KEY_NOT_VALID."));
    }
}
