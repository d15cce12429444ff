package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * WEAK_CRYPTO: the deciding signature uses broken cryptography (MD5/SHA-1 digest, RSA under 2048 bits, DSA), or
 * the candidate SBOM offers only MD5/SHA-1 hashes for a component.
 */
public final class WeakCryptoRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.WEAK_CRYPTO;
    }

    @Override
    public String explain() {
        return """
                WEAK_CRYPTO: MD5/SHA-1 signature digest, RSA under 2048 bits, DSA, or only MD5/SHA-1 hashes offered.

                Two findings, independent of each other. A signature whose digest is MD5 or SHA-1, or whose key
                is RSA under 2048 bits or DSA, never counts as valid: the verifier reports it as WEAK_CRYPTO and
                the detail says which. And a component whose SBOM hashes (CycloneDX component.hashes) are all
                MD5 or SHA-1 offers no proof of its bytes: both have practical collisions (RFC 6151, RFC 6194;
                SHAttered, 2017), so different bytes can be made to match. A component with no hashes at all is
                not reported here.

                A digest check is only as strong as its algorithm: the Codecov uploader's tampering (2021) was
                found because a user compared a hash. With only MD5 or SHA-1, an attacker who can collide it
                makes a mutated release (Trivy, tj-actions) look identical to the approved one.

                Fix: ask the publisher to sign with SHA-256 or stronger and a current key (RSA 3072+, Ed25519,
                ECDSA P-256+); regenerate the SBOM with a tool set to write SHA-256 or stronger. Where that is
                not possible yet, a dated waiver or an approval with a reason records the accepted risk.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            Component c = evidence.component();
            if (evidence.artifactState() == Evidence.ArtifactState.FOUND
                    && evidence.signatureStatus() == SignatureStatus.WEAK_CRYPTO) {
                findings.add(context.finding(id(), c,
                        "signed with broken cryptography (WEAK_CRYPTO)",
                        "a signature with SHA-256 or a stronger digest, by an RSA key of 2048 bits or more, ECDSA or"
                                + " EdDSA",
                        IntegrityText.check(evidence.signature().orElseThrow(), context.trust()),
                        "Ask the publisher to sign " + c.label() + " with SHA-256 or stronger and a current key. Until"
                                + " then, accept the risk explicitly: " + context.approveCommand(id(), c)));
            }
        }
        // The declared hashes are judged for every candidate component, whether or not an artifact was seen.
        for (Component c : context.candidate().components()) {
            List<Digest> hashes = c.hashes();
            if (!hashes.isEmpty() && hashes.stream().allMatch(d -> d.algorithm().isWeak())) {
                findings.add(context.finding(id(), c,
                        "the SBOM offers only MD5/SHA-1 hashes for this component",
                        "at least one hash of SHA-256 or stronger (SHA-384, SHA-512, SHA3, BLAKE2b, BLAKE3)",
                        "only " + IntegrityText.digests(hashes),
                        "Regenerate the SBOM with a tool set to write SHA-256 or stronger hashes, or accept the"
                                + " risk explicitly: " + context.approveCommand(id(), c)));
            }
        }
        return findings;
    }
}
