package dev.sbomgate.rules;

import dev.sbomgate.feed.FeedRecord;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.verify.Evidence;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * KNOWN_MALICIOUS: a component the feed snapshot lists as malicious — its package and version in an affected range or
 * list of a record, or one of its digests (computed from the artifact, or declared by the SBOM) listed. Every component
 * of the SBOM is judged, transitive ones included, changed or not; withdrawn records never match. One finding per
 * component and record, whose {@code found} starts with the record id (what a waiver names).
 */
public final class KnownMaliciousRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.KNOWN_MALICIOUS;
    }

    @Override
    public String explain() {
        return """
                KNOWN_MALICIOUS: a malicious-package feed lists this component. Its package and version fall
                in an affected range or version list of an OSV record of the feed snapshot (feed update,
                docs/feed.md), or a digest of its artifact (computed, or declared by the SBOM) is one the record
                lists. Every component is judged on every run, transitive ones included and whether or not it
                changed: a record published after the approval blocks the next check. Withdrawn records (false
                positives taken back) never match. The finding names the record, its summary and its date.

                Why it matters: signatures and continuity catch a compromised publisher, but not a package that is
                malware by design (a typosquat, a dependency-confusion upload) or a release that others have
                already caught: the OpenSSF malicious-packages project publishes every confirmed one as an OSV
                MAL- record (event-stream's payload flatmap-stream in 2018, plain-crypto-js, ctx).

                Fix: remove the component or move to a version the record does not list, and rotate whatever
                secrets the machines that installed it could read. A false positive is accepted only by a dated
                waiver naming the exact purl with its version and the record id:
                  waivers: [{rule: KNOWN_MALICIOUS, purl: "pkg:npm/x@1.2.3", record: MAL-2025-1234,
                             reason: "...", expires: 2026-12-31}]
                never by the rule ID alone, and not by approve --accept: the rule judges every component on every
                run, so a one-time acceptance would not hold.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        FeedSnapshot feed = context.feed();
        if (feed == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            Component c = evidence.component();
            Set<Digest> digests = new LinkedHashSet<>(evidence.computed());
            digests.addAll(c.hashes());
            for (FeedSnapshot.Match match : feed.matches(c, digests)) {
                FeedRecord r = match.record();
                String how = match.by() == FeedSnapshot.MatchedBy.VERSION
                        ? "version " + ChangeRuleTexts.shown(c.effectiveVersion()) + " is affected"
                        : "its artifact digest is listed";
                String title = "listed as malicious by " + r.id() + ": " + how;
                String expected = "a component no feed record lists as malicious";
                String found = r.id() + " (" + LocalDate.ofInstant(r.modified(), ZoneOffset.UTC) + "): "
                        + ChangeRuleTexts.shown(r.summary()) + "; " + how + " (feed snapshot of " + feed.created() + ")";
                String fix = "Remove " + c.label() + " or move to a version " + r.id() + " does not list, and rotate the "
                        + "secrets of every machine that installed it. A false positive: a dated waiver with the exact "
                        + "purl and 'record: " + r.id() + "' (docs/feed.md); approve --accept does not accept it";
                findings.add(context.finding(id(), c, title, expected, found, fix));
            }
        }
        return findings;
    }
}
