package dev.sbomgate.report;

import dev.sbomgate.feed.FeedSummary;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.rules.Rule;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.rules.Rules;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** How every report orders and labels the parts of a verdict, so that the formats agree. Lookups only: nothing is judged here. */
final class Views {
    /** The subject shown for findings about the SBOM or the gate itself. */
    static final String GATE_SUBJECT = "(the SBOM and the gate itself)";

    private Views() {
    }

    /**
     * The feed snapshot the verdict was judged with, in one line: its time and age, records and digest, or that there
     * was none (then KNOWN_MALICIOUS judged nothing). Every report shows it: an offline feed that silently goes stale
     * is worse than none.
     */
    /**
     * The reuse counts (docs/formats.md §1.7) for the text, Markdown and HTML reports, or null when reuse was off:
     * those reports then say nothing of it, as before reuse existed.
     */
    static String reuseLine(Verdict verdict) {
        dev.sbomgate.gate.ReuseSummary reuse = verdict.reuse();
        return reuse.enabled() ? reuse.text() : null;
    }

    /** Each recorded result not reused, as {component label, file, reason}, in SBOM order. */
    static List<String[]> reuseRefusals(Verdict verdict) {
        List<String[]> rows = new java.util.ArrayList<>();
        for (Evidence e : verdict.evidence()) {
            if (e.reuse() != null) {
                e.reuse().refused().forEach(r -> rows.add(new String[] {e.component().label(), r.file(), r.reason()}));
            }
        }
        return rows;
    }

    static String feedLine(Verdict verdict) {
        FeedSummary feed = verdict.feed();
        if (feed == null) {
            return "no feed snapshot: known-malicious packages were not looked up (sbomgate feed update, docs/feed.md)";
        }
        return "snapshot of " + feed.created() + " (" + feed.ageText(verdict.evaluatedAt()) + " old), " + feed.records()
                + " records in force" + (feed.ecosystems().isEmpty() ? "" : " (" + String.join(", ", feed.ecosystems()) + ")")
                + ", SHA-256 " + feed.sha256();
    }

    /** Components by label, then bom-ref: the order of every report. */
    static List<Evidence> components(Verdict verdict) {
        return verdict.evidence().stream()
                .sorted(Comparator.comparing((Evidence e) -> e.component().label()).thenComparing(e -> e.component().bomRef()))
                .toList();
    }

    /** Findings grouped by subject, in report order (blocking first); findings without a subject under {@link #GATE_SUBJECT}. */
    static Map<String, List<Finding>> bySubject(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : findings) {
            groups.computeIfAbsent(subject(f), k -> new ArrayList<>()).add(f);
        }
        return groups;
    }

    static String subject(Finding f) {
        return f.subject() == null ? GATE_SUBJECT : f.subject();
    }

    /** Findings whose subject is no candidate component: gate-level ones, and components the candidate no longer has. */
    static List<Finding> unattached(Verdict verdict) {
        Set<String> labels = verdict.evidence().stream().map(e -> e.component().label()).collect(Collectors.toSet());
        return verdict.findings().stream().filter(f -> f.subject() == null || !labels.contains(f.subject())).toList();
    }

    /** The heaviest severity among the findings, if any. */
    static Optional<Severity> worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder());
    }

    /** {@code blocked}, {@code warning}, {@code info} or {@code ok}: a component's standing in the verdict. */
    static String standing(List<Finding> findings) {
        return worst(findings).map(s -> switch (s) {
            case BLOCK -> "blocked";
            case WARN -> "warning";
            case INFO, OFF -> "info";
        }).orElse("ok");
    }

    /** An enum constant as reports write it: {@code NOT_PINNED_FOR_PURL} → {@code not_pinned_for_purl}. */
    static String token(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The same for humans: {@code not pinned for purl}. */
    static String words(Enum<?> value) {
        return value == null ? "" : token(value).replace('_', ' ');
    }

    /** Who signed, for humans: the pin's name and fingerprint, or the issuer the signature names when no pin matches. */
    static String signer(Verdict verdict, Evidence e) {
        Optional<SignatureCheck> decisive = e.signature();
        if (decisive.isEmpty()) {
            return "";
        }
        SignatureCheck s = decisive.get();
        if (s.signer() == null) {
            return s.issuer() == null ? "unknown key" : "unknown key " + s.issuer();
        }
        Optional<PinnedKey> pin = verdict.pin(s.signer());
        return pin.map(k -> k.name() + " (" + s.signer().hex() + ")").orElse(s.signer().hex());
    }

    /**
     * Every piece of npm (or other registry-served) evidence beside the decisive signature, one phrase each, e.g.
     * {@code registry signature: verified (SHA256:DhQ8…)}, {@code provenance: verified, https://github.com/o/r@refs/tags/v1,
     * workflow .github/workflows/release.yml, commit 0a1b…}; empty when the component has only detached signatures.
     */
    static java.util.List<String> evidence(Evidence e) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (SignatureCheck s : e.signatures()) {
            String label = switch (s.kind()) {
                case NPM_REGISTRY_SIGNATURE -> "registry signature";
                case NPM_PROVENANCE -> "provenance";
                case NPM_PUBLISH_ATTESTATION -> "publish attestation";
                case PYPI_ATTESTATION -> "attestation";
                case SIGSTORE -> s.publisher() == null ? null : "Sigstore bundle";
                default -> null;
            };
            if (label != null) {
                String who = s.publisher() != null ? s.publisher().summary() : s.issuer();
                out.add(label + ": " + words(s.status()) + (who == null ? "" : ", " + who));
            }
        }
        return out;
    }

    /**
     * The component's evidence tier (docs/formats.md §1.3) with what gives it, for humans: {@code PUBLISHER: provenance
     * https://github.com/o/r@refs/tags/v1, workflow .github/workflows/release.yml, commit 0a1b…}, {@code REGISTRY:
     * registry signature}, {@code NONE}; empty when no artifact was read.
     */
    static String tier(Evidence e) {
        if (e.artifactState() != Evidence.ArtifactState.FOUND) {
            return "";
        }
        dev.sbomgate.baseline.EvidenceTier tier = e.tier();
        Optional<SignatureCheck> publisher = e.publisherCheck();
        if (publisher.isPresent()) {
            return tier + ": " + label(publisher.get().kind()) + " " + publisher.get().publisher().summary();
        }
        return e.signatures().stream().filter(c -> c.status() == dev.sbomgate.signature.SignatureStatus.VERIFIED
                        && c.signer() != null && dev.sbomgate.baseline.EvidenceKind.of(c.kind()).tier() == tier)
                .map(c -> tier + ": " + label(c.kind())).findFirst().orElse(tier.name());
    }

    /** A kind of evidence for humans. */
    private static String label(dev.sbomgate.signature.SignatureKind kind) {
        return switch (kind) {
            case OPENPGP -> "OpenPGP signature";
            case KEYPAIR -> "key-pair signature";
            case SIGSTORE -> "Sigstore bundle";
            case PYPI_ATTESTATION -> "PEP 740 attestation";
            case NPM_REGISTRY_SIGNATURE -> "registry signature";
            case NPM_PROVENANCE -> "provenance";
            case NPM_PUBLISH_ATTESTATION -> "publish attestation";
        };
    }

    /** The rule's {@code explain} text, or its one-line summary for a rule this build does not know in full. */
    static String explain(RuleId id) {
        String text = Explanations.TEXTS.get(id);
        return (text == null ? id.name() + ": " + id.summary() : text).strip();
    }

    /** Built once, on first use: every rule's explain text. */
    private static final class Explanations {
        static final Map<RuleId, String> TEXTS = Rules.all().stream()
                .collect(Collectors.toUnmodifiableMap(Rule::id, Rule::explain, (a, b) -> a));
    }
}
