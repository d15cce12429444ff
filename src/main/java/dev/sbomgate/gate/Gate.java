package dev.sbomgate.gate;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.model.Purl;
import dev.sbomgate.policy.Waiver;
import dev.sbomgate.feed.FeedSummary;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.rules.Rule;
import dev.sbomgate.rules.RuleContext;
import dev.sbomgate.rules.Rules;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.verify.Evidence;
import dev.sbomgate.verify.EvidenceCollector;
import dev.sbomgate.verify.Progress;
import dev.sbomgate.verify.Reuse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline: verify → diff → rules → waivers → verdict (the inputs arrive loaded and resolved, the verdict leaves
 * to be reported). The only place the stages are wired together;
 * it parses nothing and prints nothing.
 */
public final class Gate {
    private final List<Rule> rules;
    /** Whether verified results of the last approval are reused (docs/formats.md §1.7): {@code check} only. */
    private final boolean reuse;

    /**
     * The rules of {@code sbomgate verify}, the gate with no baseline: is each artifact the one its SBOM describes,
     * signed by a key pinned for it, and safe to open. Every rule that compares with an approved state is left out.
     */
    public static final Set<RuleId> INTEGRITY_ONLY = Collections.unmodifiableSet(EnumSet.of(RuleId.HASH_MISMATCH,
            RuleId.BAD_SIGNATURE, RuleId.UNSIGNED, RuleId.UNTRUSTED_SIGNER, RuleId.KEY_NOT_VALID, RuleId.WEAK_CRYPTO,
            RuleId.MISSING_ARTIFACT, RuleId.CONTENT_ANOMALY, RuleId.KNOWN_MALICIOUS, RuleId.FEED_STALE,
            RuleId.SBOM_DEVIATION));

    public Gate() {
        this(Rules.all());
    }

    /** The gate of {@code sbomgate verify}: the {@link #INTEGRITY_ONLY} rules, run with no baseline. */
    public static Gate integrityOnly() {
        return new Gate(Rules.all().stream().filter(r -> INTEGRITY_ONLY.contains(r.id())).toList());
    }

    public Gate(List<Rule> rules) {
        this(rules, false);
    }

    private Gate(List<Rule> rules, boolean reuse) {
        this.rules = List.copyOf(rules);
        this.reuse = reuse;
    }

    /**
     * This gate, reusing the verified results the hash-chained baseline recorded at the last approval wherever the
     * artifact, its evidence file, the verifier and the pin are unchanged (docs/formats.md §1.7): the gate of
     * {@code check} without {@code --full}. init, approve and verify always verify in full.
     */
    public Gate reusingApprovedResults() {
        return new Gate(rules, true);
    }

    public Verdict evaluate(GateInput input) {
        return evaluate(input, Progress.NONE);
    }

    /** As {@link #evaluate(GateInput)}, reporting the verify stage's progress (a live progress line). */
    public Verdict evaluate(GateInput input, Progress progress) {
        return evaluateTimed(input, progress).verdict();
    }

    /**
     * A verdict and what each stage cost.
     *
     * @param verdict the gate's decision
     * @param timings the locate, hash, verify, diff and rules stages of {@link Timings#STAGES}
     */
    public record Timed(Verdict verdict, Timings timings) {
    }

    /** As {@link #evaluate(GateInput, Progress)}, also measuring the time of each stage (for {@code --timings}). */
    public Timed evaluateTimed(GateInput input, Progress progress) {
        long start = System.nanoTime();
        // Only results bound into the hash-chained baseline are reused, and only when it loaded without tamper evidence.
        // Without artifacts (an SBOM-only check) there is nothing to reuse, and no index of the baseline is built.
        Reuse reused = reuse && input.stored() != null && input.locator() != null
                ? Reuse.of(input.stored().baseline(), input.stored().tampered(), input.trust()) : Reuse.OFF;
        EvidenceCollector collector = new EvidenceCollector(input.locator(), input.trust(), input.now(), progress, reused);
        long keysParsed = System.nanoTime();
        List<Evidence> evidence = collector.collect(input.candidate().components());
        long verified = System.nanoTime();
        Timings timings = evidenceTimings(collector.costs(), verified - keysParsed, keysParsed - start);

        Baseline baseline = input.stored() == null ? null : input.stored().baseline();
        List<String> tamperEvidence = input.stored() == null ? List.of() : input.stored().tamperEvidence();
        DiffStage diff = DiffStage.run(baseline, input.candidate());
        long diffed = System.nanoTime();
        if (baseline != null) { // without a baseline the diff stage does not run, and --timings shows it as "-"
            timings = timings.with(Timings.Stage.of("diff", diffed - verified));
        }
        RuleContext context = new RuleContext(input.approvePrefix(), input.candidate(), baseline, evidence,
                diff.changes(), diff.approved(), input.policy(), input.trust(), input.now(), input.locator() != null,
                tamperEvidence, input.releaseDates(), input.feed(),
                input.stored() == null ? 0 : input.stored().lastApproval().map(a -> a.sequence()).orElse(0));

        // Waivers apply first, so that a rule's second look (review) sees which findings still stand.
        LocalDate today = LocalDate.ofInstant(input.now(), ZoneOffset.UTC);
        Map<Rule, List<Finding>> byRule = new IdentityHashMap<>();
        List<Rule> enabled = rules.stream().filter(r -> input.policy().isEnabled(r.id())).toList();
        // Each rule is a pure function of the immutable context, so they run side by side; results keep rule order.
        List<List<Finding>> results = enabled.parallelStream().map(rule -> rule.evaluate(context).stream()
                .map(f -> applyWaivers(f, input.policy().waivers(), today)).toList()).toList();
        for (int i = 0; i < enabled.size(); i++) {
            byRule.put(enabled.get(i), results.get(i));
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
        Verdict verdict = new Verdict(input.sbomFile(), input.sbomSha256(), input.trust().digest().toString(),
                input.policy().name(), baseline != null, input.now(), evidence, context.changes(), findings,
                input.stored() == null ? List.of() : input.stored().log(), input.trust().keys(), Map.of(),
                input.feed() == null ? null : FeedSummary.of(input.feed()));
        return new Timed(verdict, timings.with(Timings.Stage.of("rules", System.nanoTime() - diffed)));
    }

    /**
     * The locate, hash and verify stages of one evidence collection: its parts ran interleaved on a pool, so its
     * wall time is split by their thread time; parsing the pinned keys counts as verifying.
     */
    public static Timings evidenceTimings(EvidenceCollector.Costs costs, long collectNanos, long keyParsingNanos) {
        Timings split = Timings.split(List.of("locate", "hash", "verify"), collectNanos,
                new long[] {costs.locateNanos(), costs.hashNanos(), costs.signatureNanos()}, costs.threads());
        Timings.Stage verify = split.stages().get(2);
        return split.with(new Timings.Stage("verify", verify.wallNanos() + keyParsingNanos, verify.threadNanos(),
                verify.threads()));
    }

    /** An unexpired waiver covering the finding's rule and purl lowers it to at most warn, naming its reason. */
    static Finding applyWaivers(Finding finding, List<Waiver> waivers, LocalDate today) {
        Optional<Purl> purl = parsePurl(finding.subject());
        for (Waiver waiver : waivers) {
            boolean covers = purl.isPresent() && (finding.rule() == RuleId.KNOWN_MALICIOUS
                    ? waiver.coversRecord(knownMaliciousRecord(finding), purl.get())
                    : waiver.covers(finding.rule(), purl.get()));
            if (!waiver.isExpired(today) && covers) {
                String reason = waiver.reason() + (waiver.ticket() == null ? "" : " (" + waiver.ticket() + ")")
                        + ", until " + waiver.expires();
                return finding.withSeverity(finding.severity().atMost(Severity.WARN), reason);
            }
        }
        return finding;
    }

    /** The feed record a KNOWN_MALICIOUS finding is about: its {@code found} starts with the record id. */
    private static String knownMaliciousRecord(Finding finding) {
        String found = finding.found() == null ? "" : finding.found();
        int end = found.indexOf(' ');
        return end < 0 ? found : found.substring(0, end);
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
