package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;

/** HASH_MISMATCH: the artifact's bytes differ from a digest the candidate SBOM declares for it. */
public final class HashMismatchRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.HASH_MISMATCH;
    }

    @Override
    public String explain() {
        return """
                HASH_MISMATCH: the artifact's bytes differ from a digest the candidate SBOM declares.

                The gate hashes every artifact it finds with each algorithm the SBOM's 'hashes' name for the
                component (CycloneDX component.hashes) and compares. One differing digest is enough: the file in
                the build is not the file the SBOM describes. Either the artifact was swapped after the SBOM was
                made, or the SBOM was made from other bytes.

                The Codecov uploader (2021) was changed in place on the download server; it was found because a
                user compared the script's hash with the published one and it no longer matched. With
                torchtriton (2022, PyPI) the same name was served from another index: a digest recorded for the
                genuine package would not have matched the impostor's bytes.

                Fix: do not use the artifact. Fetch it again from the registry, compare its digest with the
                registry's and the SBOM's, and regenerate the SBOM from the artifacts the build really uses. There
                is nothing to approve here: a gate that accepts a file whose bytes contradict its own SBOM proves
                nothing. An artifact that could not be hashed at all is reported as MISSING_ARTIFACT.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            if (evidence.artifactState() != Evidence.ArtifactState.FOUND || evidence.integrity() != IntegrityStatus.MISMATCH) {
                continue;
            }
            Component c = evidence.component();
            String found = evidence.integrityDetails().isEmpty() ? "a declared digest differs from the file's"
                    : String.join("; ", evidence.integrityDetails());
            findings.add(context.finding(id(), c,
                    "the artifact's bytes differ from the digest the SBOM declares",
                    "the bytes the SBOM describes: " + IntegrityText.digests(c.hashes()),
                    found + " (file " + IntegrityText.artifact(evidence) + ")",
                    "Do not use this file: fetch " + c.label() + " again from its registry, compare its digest with the"
                            + " registry's, and regenerate the SBOM from the artifacts the build really uses."));
        }
        return findings;
    }
}
