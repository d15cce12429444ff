package dev.sbomgate.rules;
import dev.sbomgate.finding.RuleId;

import java.util.List;

/** The change rules and the gate's own rules, one instance each, in {@link RuleId} order. */
public final class ChangeRules {

    private ChangeRules() {
    }

    /** ROLLBACK through SBOM_REGRESSION, then WAIVER_EXPIRED, BASELINE_TAMPERED, FEED_STALE, SBOM_DEVIATION and TRUST_STORE_CHANGED. */
    public static List<Rule> all() {
        return List.of(
                new RollbackRule(),
                new NewComponentRule(),
                new NewDependencyInPatchRule(),
                new TyposquatRule(),
                new SupplierChangedRule(),
                new SourceChangedRule(),
                new DependencyConfusionRule(),
                new NonRegistrySourceRule(),
                new LicenseChangedRule(),
                new ReleaseTooFreshRule(),
                new SbomRegressionRule(),
                new WaiverExpiredRule(),
                new BaselineTamperedRule(),
                new FeedStaleRule(),
                new SbomDeviationRule(),
                new TrustStoreChangedRule());
    }
}
