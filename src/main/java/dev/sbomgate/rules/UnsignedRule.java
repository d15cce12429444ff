package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.model.Component;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UNSIGNED: the artifact was found, carries no signature file, and the policy's {@code require} patterns say this
 * component must be signed.
 */
public final class UnsignedRule implements Rule {

    /** The {@code require} entry that stands for every component, with or without a purl. */
    static final String EVERY_COMPONENT = "*";

    @Override
    public RuleId id() {
        return RuleId.UNSIGNED;
    }

    @Override
    public String explain() {
        return """
                UNSIGNED: no signature where the policy requires one.

                The artifact was found but no signature file sits beside it (.asc, .sig, .sigstore.json), and
                its purl matches one of the policy's UNSIGNED 'require' patterns. The default requires
                signatures for pkg:maven/*/*, because Maven Central accepts no release without an OpenPGP
                signature: an unsigned Maven artifact did not come from there unchanged. The pattern "*" alone
                requires a signature of every component, including those without a purl.

                Attackers who cannot use the publisher's key publish without one: tj-actions/changed-files and
                reviewdog (2025) had their tags moved to an orphan, unsigned commit; the nx "s1ngularity",
                rspack and Ultralytics 8.3.45 releases arrived without the signatures or provenance earlier
                releases carried. SIGNATURE_DOWNGRADE catches the latter even for packages not required here.

                Fix: put the signature published with the artifact beside it (Maven: FILE.asc from the same
                repository directory) and pin its key. If this package is really published unsigned, take its
                purl out of the policy's 'require' patterns, or approve the finding with a reason.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Requirement> required = context.policy().stringList(RuleParameter.UNSIGNED_REQUIRE).stream()
                .map(Requirement::parse).toList();
        boolean registryEnough = "REGISTRY".equals(context.policy().text(RuleParameter.UNSIGNED_TIER));
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            if (evidence.artifactState() != Evidence.ArtifactState.FOUND
                    || evidence.signatureStatus() != SignatureStatus.UNSIGNED) {
                continue;
            }
            // Present registry evidence (verified or not: a failed one is BAD_SIGNATURE's or UNTRUSTED_SIGNER's matter)
            boolean registry = evidence.signatures().stream()
                    .anyMatch(s -> s.kind().isRegistryTier() && s.status() != SignatureStatus.UNSIGNED);
            if (registryEnough && registry) {
                continue;
            }
            Component c = evidence.component();
            Optional<String> pattern = requiringPattern(required, c);
            if (pattern.isEmpty()) {
                continue;
            }
            findings.add(context.finding(id(), c,
                    registry ? "the artifact carries only the registry's signature, no publisher's" : "the artifact carries no signature",
                    (registryEnough ? "a signature (tier REGISTRY or PUBLISHER)"
                            : registry ? "a publisher's signature (UNSIGNED.tier PUBLISHER)" : "a signature")
                            + ", since the policy requires one for " + pattern.get()
                            + (EVERY_COMPONENT.equals(pattern.get()) ? " (every component)" : ""),
                    (registry ? "only registry evidence (" + String.join(", ", evidence.signatures().stream()
                            .filter(s -> s.kind().isRegistryTier()).map(s -> s.kind() + " " + s.status()).toList())
                            + "); no publisher signature or provenance" : "no signature file ("
                            + String.join(", ", ArtifactLocator.SIGNATURE_SUFFIXES) + ")") + " beside "
                            + IntegrityText.artifact(evidence),
                    "Put the signature published with the artifact beside it and pin its key ("
                            + IntegrityText.trustAdd(c.purl()) + "). If " + c.label() + " is really published"
                            + " unsigned, remove it from the policy's UNSIGNED require patterns, or approve: "
                            + context.approveCommand(id(), c)));
        }
        return findings;
    }

    /** One {@code require} entry: {@code *}, or a purl pattern (validated when the policy was loaded). */
    private record Requirement(String text, PurlPattern pattern) {
        static Requirement parse(String entry) {
            String text = entry.strip();
            return new Requirement(text, EVERY_COMPONENT.equals(text) ? null : PurlPattern.parse(text));
        }

        boolean covers(Component component) {
            return pattern == null || (component.purl() != null && pattern.matches(component.purl()));
        }
    }

    /** The first {@code require} entry that covers the component, in policy order. */
    private static Optional<String> requiringPattern(List<Requirement> required, Component component) {
        return required.stream().filter(r -> r.covers(component)).map(Requirement::text).findFirst();
    }
}
