package dev.sbomgate.gate;

import dev.sbomgate.baseline.ApprovalEntry;
import dev.sbomgate.diff.Change;
import dev.sbomgate.feed.FeedSummary;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gate's decision and everything it rests on: the renderers show this and recompute nothing.
 *
 * @param sbomFile         the candidate SBOM
 * @param sbomSha256       its SHA-256
 * @param trustDigest      the trust store's digest
 * @param policyName       the policy's name
 * @param hasBaseline      whether a baseline was compared against
 * @param evaluatedAt      the injected clock's time
 * @param evidence         per candidate component, in SBOM order
 * @param changes          baseline → candidate
 * @param findings         in {@link Finding#REPORT_ORDER}
 * @param approvals        the baseline's approval log, oldest first (empty on first use)
 * @param trustedKeys      the trust store's pins, sorted by fingerprint
 * @param sbomLines        sorted by bom-ref: bom-ref → the 1-based line of the SBOM text that declares the component, where it was found
 * @param feed             the malicious-package feed snapshot judged with, or null when there was none
 */
public record Verdict(Path sbomFile, String sbomSha256, String trustDigest, String policyName, boolean hasBaseline,
                      Instant evaluatedAt, List<Evidence> evidence, List<Change> changes, List<Finding> findings,
                      List<ApprovalEntry> approvals, List<PinnedKey> trustedKeys, Map<String, Integer> sbomLines,
                      FeedSummary feed) {

    public Verdict {
        Objects.requireNonNull(sbomFile, "sbomFile");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
        findings = findings.stream().sorted(Finding.REPORT_ORDER).toList();
        approvals = List.copyOf(approvals == null ? List.of() : approvals);
        trustedKeys = List.copyOf(trustedKeys == null ? List.of()
                : trustedKeys.stream().sorted(Comparator.comparing(PinnedKey::fingerprint)).toList());
        sbomLines = Collections.unmodifiableSortedMap(new TreeMap<>(sbomLines == null ? Map.of() : sbomLines));
    }

    /** A verdict without approval history, trust inventory or SBOM lines (tests, and callers that have none). */
    public Verdict(Path sbomFile, String sbomSha256, String trustDigest, String policyName, boolean hasBaseline,
                   Instant evaluatedAt, List<Evidence> evidence, List<Change> changes, List<Finding> findings) {
        this(sbomFile, sbomSha256, trustDigest, policyName, hasBaseline, evaluatedAt, evidence, changes, findings,
                List.of(), List.of(), Map.of(), null);
    }

    /** Without a feed snapshot. */
    public Verdict(Path sbomFile, String sbomSha256, String trustDigest, String policyName, boolean hasBaseline,
                   Instant evaluatedAt, List<Evidence> evidence, List<Change> changes, List<Finding> findings,
                   List<ApprovalEntry> approvals, List<PinnedKey> trustedKeys, Map<String, Integer> sbomLines) {
        this(sbomFile, sbomSha256, trustDigest, policyName, hasBaseline, evaluatedAt, evidence, changes, findings,
                approvals, trustedKeys, sbomLines, null);
    }

    /** This verdict judged with the feed snapshot {@code summary} (null: none). */
    public Verdict withFeed(FeedSummary summary) {
        return new Verdict(sbomFile, sbomSha256, trustDigest, policyName, hasBaseline, evaluatedAt, evidence, changes,
                findings, approvals, trustedKeys, sbomLines, summary);
    }

    /** This verdict with the SBOM lines of its components, which the command line finds in the SBOM's text. */
    public Verdict withSbomLines(Map<String, Integer> lines) {
        return new Verdict(sbomFile, sbomSha256, trustDigest, policyName, hasBaseline, evaluatedAt, evidence, changes,
                findings, approvals, trustedKeys, lines, feed);
    }

    /** How many verified results of the last approval were reused, refused and verified in full. */
    public ReuseSummary reuse() {
        return ReuseSummary.of(evidence);
    }

    public boolean blocked() {
        return findings.stream().anyMatch(Finding::blocks);
    }

    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocks).toList();
    }

    public List<Finding> findingsOf(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The findings about one component, by its label (a finding's subject), in report order. */
    public List<Finding> findingsAbout(String subject) {
        return findings.stream().filter(f -> Objects.equals(f.subject(), subject)).toList();
    }

    /** The 1-based SBOM line that declares this component, when it was found. */
    public Optional<Integer> sbomLine(String bomRef) {
        return Optional.ofNullable(sbomLines.get(bomRef));
    }

    /** The pin with this fingerprint, if the trust store holds one. */
    public Optional<PinnedKey> pin(Fingerprint fingerprint) {
        return fingerprint == null ? Optional.empty()
                : trustedKeys.stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst();
    }

    /** The evidence of every component carrying a signature made by this key (whatever the gate judged of it), in SBOM order. */
    public List<Evidence> signedBy(Fingerprint fingerprint) {
        return evidence.stream()
                .filter(e -> e.signatures().stream().map(SignatureCheck::signer).anyMatch(fingerprint::equals))
                .toList();
    }

    /** The one place a verdict becomes an exit code: 1 when any blocking finding stands, else 0. */
    public ExitCode exitCode() {
        return blocked() ? ExitCode.GATE_FAILED : ExitCode.OK;
    }

    /**
     * {@code sbomgate verify}'s exit code: as {@link #exitCode()}, and also failed when a component is not proven
     * (artifact found, a strong declared digest matches, a pinned key's signature verifies; {@link Evidence#proven()})
     * even though no finding blocks, e.g. a component without a purl whose file is missing, or one the policy does
     * not require to be signed. Fail closed: verify claims proof, not the absence of findings.
     */
    public ExitCode exitCodeRequiringProof() {
        return blocked() || !evidence.stream().allMatch(Evidence::proven) ? ExitCode.GATE_FAILED : ExitCode.OK;
    }
}
