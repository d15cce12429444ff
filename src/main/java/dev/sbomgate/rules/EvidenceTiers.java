package dev.sbomgate.rules;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.ComponentEvidence;
import dev.sbomgate.baseline.EvidenceCheck;
import dev.sbomgate.baseline.EvidenceKind;
import dev.sbomgate.baseline.EvidenceTier;
import dev.sbomgate.baseline.PublisherIdentity;
import dev.sbomgate.diff.VersionOrder;
import dev.sbomgate.model.Component;
import dev.sbomgate.signature.Publisher;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Evidence tiers of candidates and approved components (docs/formats.md §1.3), their release lines, and how
 * findings word them ("1.14.0 had provenance from axios/axios release.yml; 1.14.1 has only a registry signature").
 */
final class EvidenceTiers {

    private EvidenceTiers() {
    }

    /** The candidate's verified checks by a pin: only those count towards its tier. */
    static List<SignatureCheck> verified(Evidence evidence) {
        return evidence.signatures().stream()
                .filter(c -> c.status() == SignatureStatus.VERIFIED && c.signer() != null).toList();
    }

    /** The strongest tier of the candidate's verified checks, by the same kind table as the baseline's. */
    static EvidenceTier tierOf(Evidence evidence) {
        return evidence.tier();
    }

    /**
     * The approved component of the same identity in the candidate's release line: the one it was matched with when
     * that is in the line, else the newest approved version in the line; empty when the baseline has none there.
     */
    static Optional<BaselineComponent> approvedInLine(RuleContext context, Component candidate) {
        String ecosystem = candidate.purl() == null ? null : candidate.purl().type();
        Optional<BaselineComponent> matched = context.approvedVersionOf(candidate);
        if (matched.isPresent() && VersionOrder.sameReleaseLine(ecosystem, matched.get().component().effectiveVersion(),
                candidate.effectiveVersion())) {
            return matched;
        }
        if (context.baseline() == null) {
            return Optional.empty();
        }
        return context.baseline().componentsOf(candidate.identity()).stream()
                .filter(b -> VersionOrder.sameReleaseLine(ecosystem, b.component().effectiveVersion(),
                        candidate.effectiveVersion()))
                .max(Comparator.comparing(b -> b.component().effectiveVersion(), VersionOrder.comparator(ecosystem)));
    }

    /** The release line as shown: {@code 1.x}, {@code 0.14.x}, or "(no release line)". */
    static String line(Component component) {
        return VersionOrder.releaseLine(component.purl() == null ? null : component.purl().type(),
                component.effectiveVersion()).map(l -> l + ".x").orElse("(no release line)");
    }

    /** What the approved component had: "provenance from axios/axios release.yml", "a registry signature"… */
    static String had(BaselineComponent approved) {
        ComponentEvidence evidence = approved.evidence();
        if (evidence == null) {
            return "evidence not recorded";
        }
        PublisherIdentity identity = evidence.identity();
        if (identity != null) {
            EvidenceKind kind = evidence.checks().stream().filter(c -> c.signer().equals(identity.pin()))
                    .map(EvidenceCheck::kind).filter(EvidenceKind::sigstoreBased).findFirst().orElse(EvidenceKind.SIGSTORE);
            return word(kind) + " from " + from(identity.publisher());
        }
        return switch (evidence.tier()) {
            case PUBLISHER -> evidence.checks().stream().filter(c -> c.kind().tier() == EvidenceTier.PUBLISHER)
                    .findFirst().map(c -> label(c.kind()) + " by a pinned key").orElse("a publisher signature");
            case REGISTRY -> "a registry signature";
            case NONE -> "no verified evidence";
        };
    }

    /** What the candidate has: "only a registry signature", "no verified evidence", "provenance from …". */
    static String has(Evidence evidence) {
        List<SignatureCheck> verified = verified(evidence);
        Optional<SignatureCheck> publisher = verified.stream().filter(c -> !c.kind().isRegistryTier())
                .min(Comparator.comparing(SignatureCheck::kind));
        if (publisher.isPresent()) {
            SignatureCheck check = publisher.get();
            return check.publisher() != null ? word(EvidenceKind.of(check.kind())) + " from " + from(check.publisher())
                    : label(EvidenceKind.of(check.kind())) + " by a pinned key";
        }
        if (verified.stream().anyMatch(c -> c.kind() == SignatureKind.NPM_REGISTRY_SIGNATURE)) {
            return "only a registry signature";
        }
        if (!verified.isEmpty()) {
            return "only the registry's publish attestation";
        }
        return "no verified evidence";
    }

    private static String label(EvidenceKind kind) {
        return switch (kind) {
            case OPENPGP -> "an OpenPGP signature";
            case KEYPAIR -> "a key-pair signature";
            case SIGSTORE -> "a Sigstore signature";
            case NPM_PROVENANCE -> "provenance";
            case PYPI_ATTESTATION -> "a PEP 740 attestation";
            case NPM_REGISTRY_SIGNATURE -> "a registry signature";
            case NPM_PUBLISH_ATTESTATION -> "the registry's publish attestation";
        };
    }

    private static String word(EvidenceKind kind) {
        return switch (kind) {
            case NPM_PROVENANCE -> "provenance";
            case PYPI_ATTESTATION -> "a PEP 740 attestation";
            default -> "a Sigstore signature";
        };
    }

    /** {@code axios/axios release.yml}. */
    static String from(Publisher publisher) {
        return publisher.shortRepository() + (publisher.workflowFile() == null ? "" : " " + publisher.workflowFile());
    }
}
