package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * MISSING_ARTIFACT: what the gate could not verify. Without any {@code --artifacts}: one gate-level finding. With
 * them: a component whose file is not among them (blocking when the component changed, at most WARN when it did
 * not, at most WARN when it has neither purl nor distribution reference to be found by), and a component whose
 * verification failed with an error (blocking, changed or not: fail closed).
 */
public final class MissingArtifactRule implements Rule {

    private static final int MAX_TITLE_ERROR = 160;

    @Override
    public RuleId id() {
        return RuleId.MISSING_ARTIFACT;
    }

    @Override
    public String explain() {
        return """
                MISSING_ARTIFACT: artifacts were given, but this component's file is not among them.

                A component whose file is missing blocks when it changed since the approval (new, another
                version, other hashes, or any other change the diff reports), and warns when it did not. A
                component without a purl and without a distribution reference cannot be located and only warns.
                A component whose verification failed with an error (an unreadable file, an I/O error) blocks,
                changed or not. When no --artifacts were given at all, one finding says that nothing was
                verified; a policy for SBOM-only checks can lower MISSING_ARTIFACT to warn.

                Every other integrity rule needs the artifact: without it no digest is computed and no signature
                checked, so a repacked tarball (Shai-Hulud, 2025) or a release changed in place (Codecov, 2021)
                passes unseen. A gate that verifies only the files it is shown is bypassed by leaving the file
                out, and silent skips are the worst failure mode (npm audit signatures skipping registries).

                Fix: put the file, with its signature, into an --artifacts directory (a Maven repository layout
                such as ~/.m2/repository, a flat folder, or the file named by the component's distribution
                reference). If the component really ships no file of its own, approve the finding with a reason.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        if (!context.artifactsGiven()) {
            int count = context.candidate().components().size();
            if (count > 0) {
                findings.add(context.finding(id(), null,
                        "no artifacts given: signatures and digests were not verified",
                        "the artifacts of the " + count + " component" + (count == 1 ? "" : "s")
                                + " (--artifacts DIR), to check their digests and signatures",
                        "no --artifacts directory was given",
                        "Pass --artifacts DIR with the files and their .asc/.sig signatures (a Maven repository layout"
                                + " or a flat folder). For an SBOM-only check, set MISSING_ARTIFACT to warn in the"
                                + " policy."));
            }
            return findings;
        }
        // bom-ref -> what the diff says changed about it (ChangeKind order, so deterministic).
        Map<String, SortedSet<ChangeKind>> changedRefs = new HashMap<>();
        for (Change change : context.changes()) {
            if (change.newComponent() != null) {
                changedRefs.computeIfAbsent(change.newComponent().bomRef(), r -> new TreeSet<>()).add(change.kind());
            }
        }
        for (Evidence evidence : context.evidence()) {
            Component c = evidence.component();
            switch (evidence.artifactState()) {
                case FOUND -> {
                }
                case ERROR -> findings.add(context.finding(id(), c,
                        "the artifact could not be verified: " + shorten(evidence.error()),
                        "its artifact hashed and its signatures checked",
                        "verification failed: " + (evidence.error() == null ? "unknown error" : evidence.error())
                                + (evidence.artifact() == null ? "" : " (file " + evidence.artifact() + ")"),
                        "Make the file readable (permissions, a complete download) and run the gate again; an"
                                + " artifact that cannot be checked is not accepted."));
                case MISSING, NOT_SEARCHED -> findings.add(missing(context, evidence, changedRefs));
            }
        }
        return findings;
    }

    private Finding missing(RuleContext context, Evidence evidence, Map<String, SortedSet<ChangeKind>> changedRefs) {
        Component c = evidence.component();
        String found = evidence.artifactState() == Evidence.ArtifactState.NOT_SEARCHED ? "it was not searched for"
                : evidence.integrityDetails().isEmpty() ? "no file" : "not found: " + String.join("; ", evidence.integrityDetails());
        String approve = "If " + c.label() + " ships no file of its own, approve: " + context.approveCommand(id(), c);
        if (c.purl() == null && c.references("distribution").isEmpty()) {
            return context.finding(id(), context.severity(id()).atMost(Severity.WARN), c,
                    "the artifact cannot be located without a purl",
                    "a purl or a distribution reference to find the component's file by", found,
                    "Give the component a purl (or a distribution external reference) in the SBOM so its file can"
                            + " be found and verified. " + approve);
        }
        Optional<String> change = change(context, c, changedRefs);
        String where = "its artifact among the given --artifacts";
        String fix = "Put " + c.label() + "'s file and its signature into an --artifacts directory. " + approve;
        if (change.isPresent()) {
            return context.finding(id(), c, "the artifact of a changed component is missing",
                    where + ", since it " + change.get(), found, fix);
        }
        return context.finding(id(), context.severity(id()).atMost(Severity.WARN), c,
                "the artifact is missing (the component is unchanged since approval)", where, found, fix);
    }

    /** How the component changed since approval, or empty when it is the approved version, unchanged. */
    private static Optional<String> change(RuleContext context, Component c,
                                           Map<String, SortedSet<ChangeKind>> changedRefs) {
        Optional<BaselineComponent> approved = context.approvedVersionOf(c);
        if (approved.isEmpty()) {
            return Optional.of(context.hasBaseline() ? "is not in the baseline" : "was never approved (no baseline)");
        }
        String before = approved.get().component().effectiveVersion();
        if (!Objects.equals(before, c.effectiveVersion())) {
            return Optional.of("changed from the approved version " + IntegrityText.version(approved.get().component()));
        }
        SortedSet<ChangeKind> kinds = changedRefs.get(c.bomRef());
        if (kinds != null) {
            return Optional.of("changed since approval: " + kinds.stream().map(ChangeKind::title)
                    .collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }

    /** An error message short enough for a one-line title; the finding's found text keeps all of it. */
    private static String shorten(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= MAX_TITLE_ERROR ? text : text.substring(0, MAX_TITLE_ERROR) + "...";
    }
}
