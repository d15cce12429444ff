package dev.sbomgate.rules;

import dev.sbomgate.baseline.ApprovedTrust;
import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.EvidenceCheck;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.model.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * TRUST_STORE_CHANGED: the trust store is policy, so a change to it since the last approval is a change the gate
 * reports (issue 14, docs/formats.md §1.5): one finding without a subject, listing every change pin by pin. It blocks
 * (at the policy's severity) when a change widens trust; narrowing only is info.
 */
public final class TrustStoreChangedRule implements Rule {

    /** Changes named in the title; the rest are in {@code found}. */
    private static final int TITLE_CHANGES = 3;

    @Override
    public RuleId id() {
        return RuleId.TRUST_STORE_CHANGED;
    }

    @Override
    public String explain() {
        return """
                TRUST_STORE_CHANGED reports a trust store that changed since the last approval.

                The baseline records the pinned set at approval: every pin's fingerprint, type, name,
                scopes, window, key expiry, signing subkeys and revocation, the ignored keys and the
                Sigstore trusted root's SHA-256. The gate compares it with the loaded store pin by pin and
                reports one finding, about the gate rather than a component, that lists every change:
                "trust store changed since approval #N: + key FP (name) scopes ..., scope widened ...".

                It blocks when a change widens trust: a pin added; a scope added or widened; a window
                widened or removed; a key expiry later or removed; a signing subkey added; a revocation
                removed; an ignored key removed; the trusted root changed; a pin removed that signed an
                approved component. "Widened" is decided from the scope texts and fails closed: a new scope
                counts as narrower only when an old scope of the same pin provably covers it. Narrowing (a
                scope or window narrowed, a pin that signs nothing approved removed, a revocation or ignored
                key added) is reported as info; a new name or new key material alone is shown. A baseline of
                format 1 or 2 recorded only the store's digest: a different digest is then reported as
                changed, with the details not recorded.

                Why it matters: the trust store is what every signature check leans on. A pull request that
                adds an attacker's key to .sbomgate/trust, or widens a pin to pkg:maven/*/*, would otherwise
                turn forged artifacts into "signed by a pinned key" without anyone approving it.

                Fix: review the change (git diff .sbomgate/trust; sbomgate trust list). If it is intended,
                approve it: sbomgate approve ... --accept TRUST_STORE_CHANGED --reason "...". The new pinned
                set is then recorded. If not, restore the trust store from version control.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Baseline baseline = context.baseline();
        if (baseline == null) {
            return List.of();
        }
        String digest = context.trust().digest().toString();
        if (digest.equals(baseline.trustStoreDigest())) {
            return List.of();
        }
        String since = context.approval() > 0 ? "approval #" + context.approval() : "the last approval";
        String fix = "Review the change (git diff .sbomgate/trust; sbomgate trust list). If it is intended, approve it: "
                + (context.approvePrefix() == null ? "sbomgate approve --sbom SBOM" : context.approvePrefix())
                + " --accept TRUST_STORE_CHANGED --reason \"...\". If not, restore the trust store from version control.";
        String expected = "the pinned set of " + since + " (trust store " + baseline.trustStoreDigest() + ")";
        if (baseline.trust() == null) {
            // docs/formats.md §1.8: a format 1 or 2 baseline recorded only the digest (fail closed).
            return List.of(context.finding(id(), null, "trust store changed since " + since
                            + " (details not recorded): the pinned set at approval is not recorded (baseline format 1 or 2),"
                            + " so the change cannot be listed", expected, "trust store " + digest, fix));
        }
        List<TrustStoreChanges.Change> changes = TrustStoreChanges.between(baseline.trust(),
                ApprovedTrust.of(context.trust()), signedApproved(baseline));
        if (changes.isEmpty()) {
            // The digest covers more than the recorded pinned set (a registry URL, claim matchers): fail closed.
            changes = List.of(new TrustStoreChanges.Change(TrustStoreChanges.Weight.WIDENS,
                    "changed in a way the recorded pinned set does not show (digest " + baseline.trustStoreDigest()
                            + " → " + digest + ")"));
        }
        List<TrustStoreChanges.Change> ordered = new ArrayList<>();
        for (TrustStoreChanges.Weight weight : TrustStoreChanges.Weight.values()) {
            changes.stream().filter(c -> c.weight() == weight).forEach(ordered::add);
        }
        boolean widens = ordered.get(0).weight() == TrustStoreChanges.Weight.WIDENS;
        Severity severity = widens ? context.severity(id()) : context.severity(id()).atMost(Severity.INFO);
        List<String> texts = ordered.stream().map(TrustStoreChanges.Change::text).toList();
        String title = "trust store changed since " + since + ": " + String.join("; ", texts.subList(0,
                Math.min(TITLE_CHANGES, texts.size()))) + (texts.size() > TITLE_CHANGES
                ? "; and " + (texts.size() - TITLE_CHANGES) + " more change(s)" : "");
        List<String> found = new ArrayList<>();
        for (TrustStoreChanges.Change change : ordered) {
            found.add(change.text() + switch (change.weight()) {
                case WIDENS -> " [widens trust]";
                case NARROWS -> " [narrows trust]";
                case SHOWN -> "";
            });
        }
        return List.of(context.finding(id(), severity, null, title, expected,
                ordered.size() + " change(s): " + String.join("; ", found) + " (trust store " + digest + ")",
                widens ? fix : "Nothing widens trust; the next approval records the new pinned set."));
    }

    /** Per signer fingerprint (pin), the labels of the approved components it signed, sorted. */
    private static Map<Fingerprint, List<String>> signedApproved(Baseline baseline) {
        Map<Fingerprint, TreeSet<String>> signed = new TreeMap<>();
        for (BaselineComponent c : baseline.components()) {
            if (c.signer() != null) {
                signed.computeIfAbsent(c.signer(), k -> new TreeSet<>()).add(c.component().label());
            }
            if (c.evidence() != null) {
                for (EvidenceCheck check : c.evidence().checks()) {
                    signed.computeIfAbsent(check.signer(), k -> new TreeSet<>()).add(c.component().label());
                }
            }
        }
        Map<Fingerprint, List<String>> out = new TreeMap<>();
        signed.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
