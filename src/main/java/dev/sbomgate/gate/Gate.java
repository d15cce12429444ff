package dev.sbomgate.gate;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.model.Purl;
import dev.sbomgate.policy.Waiver;
import dev.sbomgate.rules.Finding;
import dev.sbomgate.rules.Rule;
import dev.sbomgate.rules.RuleContext;
import dev.sbomgate.rules.Rules;
import dev.sbomgate.rules.Severity;
import dev.sbomgate.verify.Evidence;
import dev.sbomgate.verify.EvidenceCollector;
import dev.sbomgate.verify.Progress;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline: verify → diff → rules → waivers → verdict. The only place the stages are wired together;
 * it parses nothing and prints nothing.
 */
public final class Gate {
    private final List<Rule> rules;

    public Gate() {
        this(Rules.all());
    }

    public Gate(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Verdict evaluate(GateInput input) {
        return evaluate(input, Progress.NONE);
    }

    /** As {@link #evaluate(GateInput)}, reporting the verify stage's progress (a live progress line). */
    public Verdict evaluate(GateInput input, Progress progress) {
        List<Evidence> evidence = new EvidenceCollector(input.locator(), input.trust(), input.now(), progress)
                .collect(input.candidate().components());
        Baseline baseline = input.stored() == null ? null : input.stored().baseline();
        List<String> tamperEvidence = input.stored() == null ? List.of() : input.stored().tamperEvidence();
        RuleContext context = RuleContext.of(input.approvePrefix(), input.candidate(), baseline, evidence, input.policy(),
                input.trust(), input.now(), input.locator() != null, tamperEvidence, input.releaseDates());

        // Waivers apply first, so that a rule's second look (review) sees which findings still stand.
        LocalDate today = LocalDate.ofInstant(input.now(), ZoneOffset.UTC);
        Map<Rule, List<Finding>> byRule = new IdentityHashMap<>();
        List<Rule> enabled = rules.stream().filter(r -> input.policy().isEnabled(r.id())).toList();
        for (Rule rule : enabled) {
            byRule.put(rule, rule.evaluate(context).stream()
                    .map(f -> applyWaivers(f, input.policy().waivers(), today)).toList());
        }
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : enabled) {
            List<Finding> others = new ArrayList<>();
            byRule.forEach((r, f) -> {
                if (r != rule) {
                    others.addAll(f);
                }
            });
            findings.addAll(rule.review(byRule.get(rule), others));
        }
        return new Verdict(input.sbomFile(), input.sbomSha256(), input.trust().digest().toString(), input.policy().name(),
                baseline != null, input.now(), evidence, context.changes(), findings,
                input.stored() == null ? List.of() : input.stored().log(), input.trust().keys(), Map.of());
    }

    /** An unexpired waiver covering the finding's rule and purl lowers it to at most warn, naming its reason. */
    static Finding applyWaivers(Finding finding, List<Waiver> waivers, LocalDate today) {
        Optional<Purl> purl = parsePurl(finding.subject());
        for (Waiver waiver : waivers) {
            if (!waiver.isExpired(today) && purl.isPresent() && waiver.covers(finding.rule(), purl.get())) {
                String reason = waiver.reason() + (waiver.ticket() == null ? "" : " (" + waiver.ticket() + ")")
                        + ", until " + waiver.expires();
                return finding.withSeverity(finding.severity().atMost(Severity.WARN), reason);
            }
        }
        return finding;
    }

    private static Optional<Purl> parsePurl(String subject) {
        if (subject == null || !subject.startsWith("pkg:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Purl.parse(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
