package dev.sbomgate.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the gate proved of an approved artifact beyond the deciding signature (docs/formats.md §1.2): the strongest
 * tier of verified evidence, the publisher identity it proved, every verified check, and the verification rules in
 * force. Consistent by construction: {@code tier} is {@link #tierOf(List)} of the checks, and an identity needs a
 * Sigstore-based check by its pin.
 *
 * @param tier     the strongest evidence verified at approval
 * @param identity the publisher identity the deciding Sigstore-based check proved, or null
 * @param checks   every piece of evidence that verified, sorted by kind then file; at most {@link #MAX_CHECKS}
 * @param verifier {@code SignatureVerifier.RULES_VERSION} at approval
 */
public record ComponentEvidence(EvidenceTier tier, PublisherIdentity identity, List<EvidenceCheck> checks, int verifier) {

    /** At most this many checks per component (docs/limits.md). */
    public static final int MAX_CHECKS = 16;

    public ComponentEvidence {
        Objects.requireNonNull(tier, "tier");
        List<EvidenceCheck> sorted = new ArrayList<>(checks == null ? List.of() : checks);
        sorted.sort(null);
        checks = List.copyOf(sorted);
        if (checks.size() > MAX_CHECKS) {
            throw new IllegalArgumentException("at most " + MAX_CHECKS + " checks are recorded per component, found "
                    + checks.size());
        }
        if (verifier < 1) {
            throw new IllegalArgumentException("verifier is the RULES_VERSION of the verifiers, a whole number >= 1, got "
                    + verifier);
        }
        EvidenceTier computed = tierOf(checks);
        if (tier != computed) {
            throw new IllegalArgumentException("tier " + tier + " does not follow from the checks, which give " + computed
                    + (checks.isEmpty() ? " (tier is NONE exactly when checks[] is empty)" : ""));
        }
        if (identity != null && checks.stream().noneMatch(c -> c.kind().sigstoreBased() && c.signer().equals(identity.pin()))) {
            throw new IllegalArgumentException("an identity is recorded only with a Sigstore-based check by its pin "
                    + identity.pin());
        }
    }

    /** Evidence of the checks, with the tier they give. */
    public static ComponentEvidence of(List<EvidenceCheck> checks, PublisherIdentity identity, int verifier) {
        return new ComponentEvidence(tierOf(checks), identity, checks, verifier);
    }

    /**
     * The tier verified checks give (docs/formats.md §1.3): the strongest of their kinds. Every check recorded
     * verified with a pin, so it counts; each kind's tier is {@link EvidenceKind#tier()}.
     */
    public static EvidenceTier tierOf(List<EvidenceCheck> checks) {
        EvidenceTier best = EvidenceTier.NONE;
        for (EvidenceCheck check : checks) {
            EvidenceTier tier = check.kind().tier();
            if (tier.compareTo(best) > 0) {
                best = tier;
            }
        }
        return best;
    }
}
