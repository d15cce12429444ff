package dev.sbomgate.rules;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.content.Archives;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Contexts for the content rules: evidence and baselines carrying real inspected summaries. */
final class ContentRuleFixtures {

    private ContentRuleFixtures() {
    }

    static ContentSummary inspect(byte[] artifact, String fileName, String purlType) {
        return Archives.inspect(artifact, fileName, purlType);
    }

    /** Found evidence for {@code c}, its artifact {@code fileName}, with this content summary. */
    static Evidence evidence(Component c, String fileName, ContentSummary content) {
        return new Evidence(c, Evidence.ArtifactState.FOUND, Path.of("artifacts", fileName),
                List.of(RuleFixtures.sha256('e')), IntegrityStatus.NONE_DECLARED, List.of(), List.of(), null, content);
    }

    static BaselineComponent approved(Component c, ContentSummary content) {
        return new BaselineComponent(c, List.of(RuleFixtures.sha256('a')), null, null, null, content);
    }

    static Baseline baseline(BaselineComponent... components) {
        return RuleFixtures.baseline(List.of(components), Map.of());
    }

    static RuleContext context(Baseline baseline, Policy policy, Evidence... evidence) {
        List<Component> components = java.util.Arrays.stream(evidence).map(Evidence::component).toList();
        return RuleFixtures.context(RuleFixtures.inventory(components, Map.of()), baseline, List.of(evidence), policy,
                TrustStore.empty(), true, List.of(), ReleaseDates.none());
    }

    static RuleContext context(Baseline baseline, Evidence... evidence) {
        return context(baseline, Policy.defaults(), evidence);
    }

    static Policy severity(RuleId rule, Severity severity) {
        return new Policy("test", Map.of(rule, severity), Map.of(), List.of());
    }
}
