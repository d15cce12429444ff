package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.trust.Rotation;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SIGNER_CHANGED: the signature verifies with a key pinned for this purl, but not the key the baseline recorded for
 * the approved version of this package: the package was re-signed. Lowered to at most WARN for a planned rotation
 * (policy {@code allowPinnedRotation}, and the old key is pinned for this purl too).
 */
public final class SignerChangedRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.SIGNER_CHANGED;
    }

    @Override
    public String explain() {
        return """
                SIGNER_CHANGED: another signing key, or another publishing repository or workflow, than approved.

                The signature verifies, with a key pinned for this package, but the baseline recorded another
                signer for the approved version. The versions may differ (an upgrade) or be the same; the same
                version with another signer is also MUTATED_RELEASE. Both fingerprints are shown in full with
                their pin names.

                A valid signature by a key that never signed this package before is what a re-signed artifact
                looks like: whoever holds a key that the trust store pins broadly can sign anything in its
                scope. What no signer rule can catch is a release signed by the genuine key (xz-utils 2024,
                SolarWinds, 3CX): that is why every new signer must be approved explicitly, so the approval log
                shows when a key first signed a package. Publishers do rotate keys (Jackson moved from key
                8A107929... to 28118C07... in 2022); a rotation announced and signed by the old key is the
                legitimate case.

                For npm provenance, PyPI attestations and Sigstore bundles the signer is the identity pin that
                matched (trust add-identity --repository --workflow), and the baseline also records the
                publisher identity the evidence proved: repository, workflow, ref, commit, trigger, runner
                (and PyPI's environment). A release whose verified evidence names another repository or
                another workflow than the approved version's is reported with both identities, even when one
                broad pin matches both; ref, commit, trigger, runner and environment are shown, never
                compared (they move with every release). Provenance from a fork or from another workflow is
                genuine for where it was built, so it shows up here rather than as a bad signature: the
                Shai-Hulud worm (2025) published from victims' tokens and pushed a workflow of its own into
                their repositories; a stolen token used from a fork, or from the attacker's own pipeline
                (Nx "s1ngularity", 2025; axios, 2026, whose 1.14.1 carried no provenance at all and is
                SIGNATURE_DOWNGRADE's), publishes from somewhere other than the approved release workflow.

                Fix: confirm the new key with the publisher out of band. If it is a planned rotation, approve
                the finding with a reason; the baseline then records the new signer. A policy may set
                allowPinnedRotation: true to report it as a warning when the old key is pinned for this package
                as well. If the change is not expected, treat the artifact as forged and the key as compromised.

                OpenPGP rotations: when the approved key certified one of the new key's user IDs, or its own
                revocation says "superseded" and names the new key's fingerprint, the finding says "rotation
                certified by the approved key FP" (or "announced by"). Signer fingerprints are always primary
                keys, whichever subkey signed. A policy may set allowCertifiedRotation: true to report a proved
                rotation as a warning. A certification never widens trust: the new key must itself be pinned
                for the package (an unpinned successor stays UNTRUSTED_SIGNER), and the approved key must stay
                pinned (e.g. revoked as superseded) so that its material can prove the rotation.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        boolean allowRotation = context.policy().flag(RuleParameter.SIGNER_CHANGED_ALLOW_PINNED_ROTATION);
        boolean allowCertified = context.policy().flag(RuleParameter.SIGNER_CHANGED_ALLOW_CERTIFIED_ROTATION);
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            if (evidence.artifactState() != Evidence.ArtifactState.FOUND
                    || evidence.signatureStatus() != SignatureStatus.VERIFIED) {
                continue;
            }
            Component c = evidence.component();
            Optional<BaselineComponent> approved = context.approvedVersionOf(c);
            if (approved.isEmpty() || !approved.get().isSigned()) {
                continue;
            }
            SignatureCheck check = evidence.signature().orElseThrow();
            Fingerprint oldSigner = approved.get().signer();
            Fingerprint newSigner = check.signer();
            if (newSigner == null || newSigner.equals(oldSigner)) {
                continue;
            }
            boolean rotation = c.purl() != null && context.trust().isPinnedFor(oldSigner, c.purl());
            // OpenPGP key rotation (docs/formats.md 2.2): the new key, pinned for this purl (the signature verified),
            // certified by the approved key or named by its "superseded" revocation. Never widens trust by itself.
            Optional<Rotation.Proof> proof = check.kind() == SignatureKind.OPENPGP
                    ? context.trust().rotationProof(oldSigner, newSigner) : Optional.empty();
            Severity severity = context.severity(id());
            if (allowRotation && rotation || allowCertified && proof.isPresent()) {
                severity = severity.atMost(Severity.WARN);
            }
            String oldPin = context.trust().find(oldSigner)
                    .map(k -> rotation ? "still pinned for this package as '" + k.name() + "'"
                            : "pinned as '" + k.name() + "', but no longer for this package")
                    .orElse("no longer in the trust store");
            String title = proof.isPresent() ? "re-signed by a new key: rotation " + (proof.get() == Rotation.Proof.CERTIFICATION
                    ? "certified by the approved key " + oldSigner + " (a certification of the new key's user ID)"
                    : "announced by the approved key " + oldSigner + " (its revocation 'superseded' names the new key)")
                    : "re-signed: signed by another key than the approved version"
                    + (allowRotation && rotation ? " (both keys are pinned for this package: a planned rotation)" : "");
            findings.add(context.finding(id(), severity, c, title,
                    "signed by " + oldSigner + " like the approved version " + IntegrityText.version(approved.get().component())
                            + " (" + oldPin + ")",
                    "signed by " + IntegrityText.signer(context.trust(), newSigner) + " at "
                            + (check.created() == null ? "(no signature time)" : check.created())
                            + context.trust().find(newSigner).map(k -> ", pinned for " + IntegrityText.scopes(k)).orElse(""),
                    "Confirm the key change with the publisher out of band (a rotation notice signed by the old"
                            + " key). If it is legitimate, approve: " + context.approveCommand(id(), c)
                            + ". If not, treat the artifact as forged and the new key as compromised."));
        }
        findings.addAll(PublisherIdentityChange.evaluate(context));
        return findings;
    }
}
