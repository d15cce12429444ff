package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.verify.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** RELEASE_TOO_FRESH: a new or changed component was published more recently than the policy's cooldown. */
public final class ReleaseTooFreshRule implements Rule {

    /** SBOM component properties that carry a publish time, in the order they are read. */
    static final List<String> PUBLISH_TIME_PROPERTIES = List.of(
            "sbomgate:published", "cdx:npm:publishTime", "cdx:pypi:publishTime");

    /** The changes that mean the candidate has another release than the approved one. */
    private static final Set<ChangeKind> NEW_RELEASE = EnumSet.of(ChangeKind.ADDED, ChangeKind.UPGRADED,
            ChangeKind.DOWNGRADED, ChangeKind.VERSION_CHANGED, ChangeKind.SAME_VERSION_DIFFERENT_HASHES);

    @Override
    public RuleId id() {
        return RuleId.RELEASE_TOO_FRESH;
    }

    @Override
    public String explain() {
        return """
                RELEASE_TOO_FRESH flags a component whose release is younger than the policy's cooldown
                (cooldownHours, default 72) at the gate's clock. Only releases the baseline has not approved
                are judged: new components, version changes and same-version rebuilds; an approved, unchanged
                release is old news. Without a baseline every component is judged.

                The publish time is taken from the first of these that gives one:
                  1. a component property in the SBOM: sbomgate:published, or cdxgen's cdx:npm:publishTime or
                     cdx:pypi:publishTime (the registry's publish time of that version, which cdxgen records when
                     it enriches from registry metadata); ISO-8601 with Z or an offset, or without a zone read
                     as UTC (PyPI's upload_time); an unreadable value is skipped;
                  2. the --metadata file (docs/metadata.md), matched by the full purl, else by type, namespace,
                     name and version without qualifiers;
                  3. the creation time of the artifact's decisive signature.
                A component none of these dates is not reported: the rule cannot judge it.

                Why it matters: most malicious releases are found and pulled within hours or days, so waiting
                a few days before taking a new release is the cheapest defence there is. LiteLLM 1.82.7 and
                1.82.8 (PyPI, 2026) were hours old when they were installed; they were uploaded with a stolen
                token and ran code on every Python start.

                Fix: wait until the cooldown has passed (the finding says when) and run the gate again. If you
                need the release now and have reviewed it, approve it with the command in the finding.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Duration cooldown = Duration.ofHours(Math.max(0, context.policy().number(RuleParameter.RELEASE_TOO_FRESH_COOLDOWN_HOURS)));
        Set<String> judged = null;
        if (context.hasBaseline()) {
            judged = new HashSet<>();
            for (Change change : context.changes()) {
                if (NEW_RELEASE.contains(change.kind())) {
                    judged.add(change.newComponent().bomRef());
                }
            }
        }
        Map<String, Evidence> evidence = new HashMap<>();
        context.evidence().forEach(e -> evidence.putIfAbsent(e.component().bomRef(), e));
        List<Finding> findings = new ArrayList<>();
        for (Component c : context.candidate().components()) {
            if (judged != null && !judged.contains(c.bomRef())) {
                continue;
            }
            Optional<Published> published = published(c, context, evidence.get(c.bomRef()));
            if (published.isEmpty()) {
                continue;
            }
            Instant when = published.get().time();
            Duration age = Duration.between(when, context.now());
            if (age.compareTo(cooldown) >= 0) {
                continue;
            }
            findings.add(finding(context, c, published.get(), age, cooldown));
        }
        return findings;
    }

    private Finding finding(RuleContext context, Component c, Published published, Duration age, Duration cooldown) {
        String version = c.effectiveVersion() == null ? "" : " " + ChangeRuleTexts.plain(c.effectiveVersion());
        String ageText = age.isNegative() ? "in the future (" + ChangeRuleTexts.age(age) + " after now: a wrong clock or a forged date)"
                : ChangeRuleTexts.age(age) + " ago";
        String title = "release" + version + " is " + (age.isNegative() ? "dated in the future" : ChangeRuleTexts.age(age) + " old")
                + ", under the " + cooldown.toHours() + "-hour cooldown";
        String expected = "a release published at least " + cooldown.toHours() + " hours before now ("
                + context.now() + "), that is no later than " + context.now().minus(cooldown);
        String found = ChangeRuleTexts.label(c) + " published " + published.time() + ", " + ageText
                + ", according to " + published.source();
        String fix = "Wait for the cooldown and run the gate again after " + published.time().plus(cooldown)
                + "; fresh malicious releases are usually found and pulled within days. If you need it now and have "
                + "reviewed it, approve: " + context.approveCommand(id(), c);
        return context.finding(id(), c, title, expected, found, fix);
    }

    /** A publish time and where it was read. */
    private record Published(Instant time, String source) {
    }

    private static Optional<Published> published(Component c, RuleContext context, Evidence evidence) {
        for (String property : PUBLISH_TIME_PROPERTIES) {
            for (var p : c.properties()) {
                if (p.name().equals(property)) {
                    Optional<Instant> t = parseTime(p.value());
                    if (t.isPresent()) {
                        return Optional.of(new Published(t.get(), "SBOM property " + property));
                    }
                }
            }
        }
        Purl purl = c.purl();
        if (purl != null && c.effectiveVersion() != null) {
            Purl withVersion = purl.version() == null ? purl.withVersion(c.effectiveVersion()) : purl;
            Optional<Instant> t = context.releaseDates().publishedAt(withVersion);
            if (t.isEmpty()) {
                t = context.releaseDates().publishedAt(new Purl(withVersion.type(), withVersion.namespace(),
                        withVersion.name(), withVersion.version(), null, null));
            }
            if (t.isPresent()) {
                return Optional.of(new Published(t.get(), "the --metadata file"));
            }
        }
        if (evidence != null) {
            Optional<SignatureCheck> signature = evidence.signature();
            if (signature.isPresent() && signature.get().created() != null) {
                SignatureCheck s = signature.get();
                return Optional.of(new Published(s.created(), "the creation time of its " + s.kind() + " signature ("
                        + s.status() + (s.signatureFile() == null ? "" : ", " + ChangeRuleTexts.plain(s.signatureFile().toString())) + ")"));
            }
        }
        return Optional.empty();
    }

    /** ISO-8601 with Z or an offset; without a zone the time is read as UTC. Empty when unreadable. */
    static Optional<Instant> parseTime(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
