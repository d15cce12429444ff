package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.model.Component;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;

/** BAD_SIGNATURE: a signature is present and does not verify (BAD_SIGNATURE), or is not a readable signature (MALFORMED). */
public final class BadSignatureRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.BAD_SIGNATURE;
    }

    @Override
    public String explain() {
        return """
                BAD_SIGNATURE: a signature is present and does not verify.

                Reported when the deciding signature beside the artifact (the best one, when there are several:
                any that verifies wins) is either BAD_SIGNATURE, made by a pinned key but not over these bytes,
                or MALFORMED, a file that is not a signature sbomgate can read (empty, garbage, a public key
                instead of a signature, too large). A present signature is never ignored: a broken one is not
                the same as none.

                A signature that no longer verifies is what an artifact changed after signing looks like: the
                Codecov uploader (2021) was altered in place on its download server, and any detached signature
                over the original bytes would have failed exactly this way.

                Fix: do not use the artifact. Download the artifact and its signature again from the registry
                and check them with the publisher's tools (gpg --verify FILE.asc FILE). A MALFORMED file is
                often a download that went wrong (an HTML error page saved as .asc): replace it with the real
                one. Approving a signature that does not verify is never the fix.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            if (evidence.artifactState() != Evidence.ArtifactState.FOUND) {
                continue;
            }
            SignatureStatus status = evidence.signatureStatus();
            if (status != SignatureStatus.BAD_SIGNATURE && status != SignatureStatus.MALFORMED) {
                continue;
            }
            SignatureCheck check = evidence.signature().orElseThrow();
            Component c = evidence.component();
            String found = IntegrityText.check(check, context.trust()) + " (artifact " + IntegrityText.artifact(evidence) + ")";
            if (status == SignatureStatus.BAD_SIGNATURE) {
                findings.add(context.finding(id(), c,
                        "the signature does not verify over the artifact's bytes (BAD_SIGNATURE)",
                        "a signature that verifies over these bytes with the key that made it", found,
                        "Do not use this file: the artifact or its signature changed after signing. Download both"
                                + " again from the registry and check them (gpg --verify FILE.asc FILE)."));
            } else {
                findings.add(context.finding(id(), c,
                        "the signature file is not a readable signature (MALFORMED)",
                        "an OpenPGP detached signature (.asc) or a key-pair signature (.sig) over the artifact", found,
                        "Replace the signature file with the one published beside the artifact (a failed download"
                                + " often leaves an HTML page) and run the gate again."));
            }
        }
        return findings;
    }
}
