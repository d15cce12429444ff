package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.EvidenceKind;
import dev.sbomgate.baseline.EvidenceTier;
import dev.sbomgate.baseline.PublisherIdentity;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.model.Component;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SIGNATURE_DOWNGRADE: the approved version of this package was signed, and the candidate's artifact carries no
 * signature at all, regardless of the UNSIGNED policy; or the approved version carried a Sigstore bundle and the
 * candidate only an OpenPGP or key-pair signature.
 */
public final class SignatureDowngradeRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.SIGNATURE_DOWNGRADE;
    }

    @Override
    public String explain() {
        return """
                SIGNATURE_DOWNGRADE: weaker evidence than the approved version (provenance or signature lost).

                The baseline records, per approved component, the strongest evidence verified for it by a pin
                (its tier: NONE < REGISTRY < PUBLISHER) and the publisher identity it proved. REGISTRY is the
                registry vouching for the file: an npm dist.signatures entry under a pinned registry key, or
                npm's publish attestation. PUBLISHER is the publisher's own evidence: an OpenPGP, key-pair or
                Sigstore signature by a pinned key or identity, npm SLSA provenance or a PyPI PEP 740
                attestation from a pinned identity (repository, workflow). A candidate whose tier is lower
                than the approved version's in the same release line (the same major version; for 0.x the
                same minor) is reported, e.g. "1.14.0 had provenance from axios/axios release.yml; 1.14.1
                has only a registry signature". Only the same line is compared, so that an old line
                published before the project adopted provenance does not trip a newer line that has it
                (pnpm's trustPolicy users reported exactly those false positives, pnpm issues 10202 and
                10622); with no approved version in the line, nothing is compared. The policy parameter
                ecosystems (default maven, npm, pypi) says where tiers are judged; elsewhere, and against a
                baseline that recorded no tiers (format 1 or 2), a signed approved version followed by an
                unsigned one is reported. Whatever the tiers, a version that carries only an OpenPGP or
                key-pair signature where the approved one carried a Sigstore bundle is reported too: a stolen
                key signs without a trace, a Sigstore identity leaves a public log entry.

                Losing evidence is what a release made outside the publisher's pipeline looks like. The
                registry signs whatever a stolen token uploads, so on npm the registry's signature survives
                every one of these: axios 1.14.1 (2026) was published from a stolen maintainer token without
                the provenance 1.14.0 had from axios/axios release.yml; the Nx "s1ngularity" releases (2025)
                were published from a leaked token without the provenance of earlier ones; the Shai-Hulud
                worm (2025) republished hundreds of npm packages with stolen tokens, none with provenance;
                rspack and Ultralytics 8.3.45 (2024) arrived likewise; tj-actions/changed-files (2025) tags
                were moved to an unsigned commit.

                Fix: fetch the evidence published with the artifact (sbomgate fetch) and put it beside it. If
                the publisher really stopped signing or publishing provenance, confirm it with them out of
                band (an announcement, an issue), then approve the finding with a reason; the next approved
                version is then recorded with the evidence it has.
                """;
    }

    /** For npm: what the registry still vouches for, so the finding says the publisher's evidence is what was lost. */
    private static String registryOnly(Evidence evidence) {
        boolean registry = evidence.signatures().stream().anyMatch(s -> s.kind().isRegistryTier()
                && s.status() == dev.sbomgate.signature.SignatureStatus.VERIFIED);
        return registry ? " (only the registry's own signature or publish attestation verifies: no provenance)" : "";
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<String> ecosystems = context.policy().stringList(RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS);
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            if (evidence.artifactState() != Evidence.ArtifactState.FOUND) {
                continue;
            }
            Component c = evidence.component();
            Optional<BaselineComponent> approved = context.approvedVersionOf(c);
            boolean judgedByTier = c.purl() != null && ecosystems.contains(c.purl().type());
            Optional<BaselineComponent> inLine = judgedByTier ? EvidenceTiers.approvedInLine(context, c) : Optional.empty();
            // Tiers are compared when the baseline recorded them (format 3): within the release line only. Without a
            // record (format 1/2, or an ecosystem the policy leaves out) today's signed-to-unsigned check runs.
            boolean recorded = inLine.map(b -> b.evidence() != null)
                    .orElse(approved.map(b -> b.evidence() != null).orElse(false));
            if (judgedByTier && recorded) {
                inLine.filter(b -> b.evidence() != null).flatMap(b -> tierLoss(context, evidence, b)).ifPresent(findings::add);
            } else if (approved.isPresent() && approved.get().isSigned()
                    && evidence.signatureStatus() == SignatureStatus.UNSIGNED) {
                BaselineComponent before = approved.get();
                findings.add(context.finding(id(), c,
                        "the approved version was signed; this one carries no signature",
                        expected(context, before),
                        "no publisher signature beside " + IntegrityText.artifact(evidence) + registryOnly(evidence),
                        "Put the signature published with " + c.label() + " beside the artifact. If the publisher"
                                + " really stopped signing, confirm it with them out of band, then approve: "
                                + context.approveCommand(id(), c)));
                continue;
            }
            if (approved.isEmpty() || !approved.get().isSigned() || evidence.signatureStatus() == SignatureStatus.UNSIGNED) {
                continue;
            }
            BaselineComponent before = approved.get();
            SignatureCheck check = evidence.signature().orElseThrow();
            if (isWeakerKind(before.signatureKind(), check.kind())) {
                findings.add(context.finding(id(), c,
                        "signed with a weaker kind of signature than the approved version",
                        expected(context, before),
                        IntegrityText.check(check, context.trust()),
                        "Fetch the " + before.signatureKind() + " signature published with " + c.label()
                                + ". If the publisher really changed how it signs, confirm it with them out of band,"
                                + " then approve: " + context.approveCommand(id(), c)));
            }
        }
        return findings;
    }

    private static String expected(RuleContext context, BaselineComponent before) {
        return "signed like the approved version " + IntegrityText.version(before.component()) + ": "
                + before.signatureKind() + " signature by " + IntegrityText.signer(context.trust(), before.signer());
    }

    /**
     * The candidate's evidence tier below that of the approved version in its release line (docs/formats.md §1.3):
     * "1.14.0 had provenance from axios/axios release.yml; 1.14.1 has only a registry signature".
     */
    private Optional<Finding> tierLoss(RuleContext context, Evidence evidence, BaselineComponent before) {
        EvidenceTier had = before.evidence().tier();
        EvidenceTier has = EvidenceTiers.tierOf(evidence);
        if (has.isAtLeast(had)) {
            return Optional.empty();
        }
        // Evidence of the approved tier is present but does not count (a bad signature, an unpinned signer, an expired
        // key): that is BAD_SIGNATURE's, UNTRUSTED_SIGNER's or KEY_NOT_VALID's finding, as for UNSIGNED.tier.
        boolean presentButFailed = evidence.signatures().stream().anyMatch(s -> s.status() != SignatureStatus.VERIFIED
                && s.status() != SignatureStatus.UNSIGNED && EvidenceKind.of(s.kind()).tier().isAtLeast(had));
        if (presentButFailed) {
            return Optional.empty();
        }
        Component c = evidence.component();
        String oldVersion = IntegrityText.version(before.component());
        String newVersion = IntegrityText.version(c);
        String title = oldVersion + " had " + EvidenceTiers.had(before) + "; " + newVersion + " has "
                + EvidenceTiers.has(evidence);
        PublisherIdentity identity = before.evidence().identity();
        String expected = "evidence of tier " + had + " like the approved version " + oldVersion + " (release line "
                + EvidenceTiers.line(c) + ")" + (identity == null ? "" : ": " + identity.publisher().summary());
        String found = "tier " + has + " beside " + IntegrityText.artifact(evidence) + registryOnly(evidence)
                + failedEvidence(evidence);
        return Optional.of(context.finding(id(), c, title, expected, found,
                "Fetch the evidence published with " + c.label() + " (sbomgate fetch) and put it beside the artifact."
                        + " A release that lost its publisher's evidence is what a stolen token looks like: confirm"
                        + " with the publisher out of band that " + newVersion + " was published without it, then"
                        + " approve: " + context.approveCommand(id(), c)));
    }

    /** Evidence present but not counted (failed, unpinned): named, so the reader sees why the tier is lower. */
    private static String failedEvidence(Evidence evidence) {
        List<String> failed = evidence.signatures().stream().filter(s -> s.status() != SignatureStatus.VERIFIED
                && s.status() != SignatureStatus.UNSIGNED).map(s -> s.kind() + " " + s.status()).toList();
        return failed.isEmpty() ? "" : "; present but not counted: " + String.join(", ", failed);
    }

    /**
     * Whether a signature of kind {@code candidate} gives less assurance than the approved {@code approved} kind: an
     * approved SIGSTORE signature or PYPI_ATTESTATION (an identity bound to a transparency log entry, publicly
     * auditable) followed by only an OPENPGP or KEYPAIR one (a key that, once stolen, signs without a trace). OPENPGP and KEYPAIR rank alike: a
     * change between them is SIGNER_CHANGED's matter, not a downgrade.
     */
    static boolean isWeakerKind(SignatureKind approved, SignatureKind candidate) {
        return approved.sigstoreBased() && !candidate.sigstoreBased();
    }
}
