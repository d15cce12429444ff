package dev.sbomgate.rules;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shorthands over {@link RuleFixtures} for the change-rule tests: baselines and candidates from purls. */
final class ChangeFixtures {

    private ChangeFixtures() {
    }

    static List<Component> components(String... purls) {
        List<Component> out = new ArrayList<>();
        for (String p : purls) {
            out.add(RuleFixtures.component(p));
        }
        return out;
    }

    /** A baseline approving these components unsigned, with these dependency edges (by identity). */
    static Baseline baseline(List<Component> components, Map<String, List<String>> edgesByIdentity) {
        List<BaselineComponent> approved = components.stream()
                .map(c -> RuleFixtures.approved(c, List.of(), null)).toList();
        return RuleFixtures.baseline(approved, edgesByIdentity);
    }

    static Baseline baseline(String... purls) {
        return baseline(components(purls), Map.of());
    }

    static Inventory inventory(List<Component> components) {
        return RuleFixtures.inventory(components, Map.of());
    }

    /** Evidence "not searched" for every component: the change rules look at the SBOM, not the artifacts. */
    static List<Evidence> noEvidence(Inventory candidate) {
        return candidate.components().stream().map(RuleFixtures::notSearched).toList();
    }

    static RuleContext context(Baseline baseline, Inventory candidate, Policy policy) {
        return RuleFixtures.context(candidate, baseline, noEvidence(candidate), policy, TrustStore.empty(), true, List.of(),
                ReleaseDates.none());
    }

    static RuleContext context(Baseline baseline, Inventory candidate) {
        return context(baseline, candidate, Policy.defaults());
    }

    static RuleContext context(Baseline baseline, List<Component> candidate) {
        return context(baseline, inventory(candidate));
    }

    static RuleContext context(Baseline baseline, String... candidatePurls) {
        return context(baseline, components(candidatePurls));
    }

    static Policy severity(RuleId rule, Severity severity) {
        return new Policy("test", Map.of(rule, severity), Map.of(), List.of());
    }

    static Policy parameter(RuleParameter parameter, Object value) {
        return new Policy("test", Map.of(), Map.of(parameter, value), List.of());
    }

    /** A component with every provenance field and licences, references and properties given. */
    static Component full(String purl, String supplier, String publisher, String author, String manufacturer,
                          List<String> licenses, List<ExternalReference> refs, List<Property> properties) {
        Purl p = Purl.parse(purl);
        return new Component(purl, p, "library", p.namespace(), p.name(), p.version(), List.of(), supplier, publisher,
                author, manufacturer, licenses, refs, null, properties, null);
    }

    /** A component whose version field differs from its purl's (an npm spec the generator put there). */
    static Component withVersion(String purl, String version) {
        Purl p = Purl.parse(purl);
        return new Component(purl, p, "library", p.namespace(), p.name(), version, List.of(), null, null, null, null,
                List.of(), List.of(), null, List.of(), null);
    }
}
