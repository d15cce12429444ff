package dev.sbomgate.rules;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.PublisherIdentity;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.model.Component;
import dev.sbomgate.signature.Publisher;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.npm.Provenance;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SIGNER_CHANGED for publisher identities (docs/formats.md §1.4): the candidate's verified Sigstore-based evidence
 * (npm provenance, PEP 740 attestation, Sigstore bundle) names another {@code repository} or {@code workflow} than the
 * identity the baseline recorded for the approved version. {@code ref}, {@code commit}, {@code trigger},
 * {@code runner} and {@code environment} move with every release: shown, never compared. A change of the pin itself
 * is the key comparison's finding ({@link SignerChangedRule}), so this one reports only what that comparison cannot
 * see: one pin (say, a repository without a workflow) matching two identities.
 */
final class PublisherIdentityChange {

    private PublisherIdentityChange() {
    }

    static List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            if (evidence.artifactState() != Evidence.ArtifactState.FOUND) {
                continue;
            }
            Component c = evidence.component();
            Optional<BaselineComponent> approved = context.approvedVersionOf(c);
            PublisherIdentity before = approved.map(BaselineComponent::evidence).map(e -> e.identity()).orElse(null);
            Optional<SignatureCheck> now = evidence.publisherCheck();
            if (before == null || now.isEmpty()) {
                continue; // nothing recorded, or no identity now (losing it is SIGNATURE_DOWNGRADE's matter)
            }
            SignatureCheck check = now.get();
            if (approved.get().isSigned() && !approved.get().signer().equals(check.signer())
                    && evidence.signature().filter(s -> s == check).isPresent()) {
                continue; // another pin decides: the key comparison reports it
            }
            Publisher after = check.publisher();
            List<String> changed = new ArrayList<>();
            if (!Objects.equals(Provenance.normaliseRepository(before.repository()),
                    Provenance.normaliseRepository(after.repository()))) {
                changed.add("repository");
            }
            if (!Objects.equals(before.workflow(), after.workflow())) {
                changed.add("workflow");
            }
            if (changed.isEmpty()) {
                continue;
            }
            Publisher old = before.publisher();
            String oldVersion = IntegrityText.version(approved.get().component());
            findings.add(context.finding(RuleId.SIGNER_CHANGED, c,
                    "published by another " + String.join(" and ", changed) + ": " + oldVersion + " came from "
                            + EvidenceTiers.from(old) + ", " + IntegrityText.version(c) + " from " + EvidenceTiers.from(after),
                    "published from " + old.summary() + " like the approved version " + oldVersion,
                    check.kind() + " from " + after.summary() + ", matched by "
                            + IntegrityText.signer(context.trust(), check.signer()),
                    "Confirm with the publisher out of band that releases now come from this " + String.join(" and ", changed)
                            + " (a moved repository, a renamed workflow). If it is legitimate, approve: "
                            + context.approveCommand(RuleId.SIGNER_CHANGED, c) + "; narrow the identity pin"
                            + " (trust add-identity --repository --workflow) so that a fork or a new workflow no longer"
                            + " matches it. If not, treat the release as published with a stolen token."));
        }
        return findings;
    }
}
