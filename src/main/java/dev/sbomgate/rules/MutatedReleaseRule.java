package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * MUTATED_RELEASE: same package and same version as the approved component, but other bytes (artifact digests or
 * SBOM hashes that differ for an algorithm both sides have) or another signer. One finding per component lists
 * everything that differs.
 */
public final class MutatedReleaseRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.MUTATED_RELEASE;
    }

    @Override
    public String explain() {
        return """
                MUTATED_RELEASE: same package and version as approved, but other bytes or another signer.

                A published release must never change. For a candidate component with the same identity and
                the same version as the approved one, the gate compares: the digests computed from the
                candidate's artifact with those recorded from the approved artifact; the SBOM hashes with the
                approved SBOM's (CycloneDX component.hashes), for every algorithm both offer; and the signer
                with the approved signer (another key, a signature by a key the signature names but the trust
                store does not hold, or no signature where the approved release was signed). One finding lists
                everything that differs.

                This is a re-published release or a moved tag: Trivy's trivy-action tags were force-pushed to
                other content (2026); tj-actions/changed-files and reviewdog tags (2025) were moved to an
                orphan, unsigned commit; the Codecov uploader (2021) was changed in place under the same name.
                Version pinning alone trusts the name; only the recorded bytes and signer show the difference.

                Fix: do not use the artifact. Compare it with the registry and the publisher's announcements.
                If the publisher really re-published the release (rare: a broken upload replaced on a registry
                that allows it), approve the finding with a reason; the baseline then records the new bytes.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            Component c = evidence.component();
            Optional<BaselineComponent> approved = context.approvedVersionOf(c);
            if (approved.isEmpty()
                    || !Objects.equals(approved.get().component().effectiveVersion(), c.effectiveVersion())) {
                continue;
            }
            BaselineComponent before = approved.get();
            List<String> expected = new ArrayList<>();
            List<String> found = new ArrayList<>();
            boolean bytes = false;
            if (evidence.artifactState() == Evidence.ArtifactState.FOUND) {
                bytes |= compare("artifact", byAlgorithm(before.artifactDigests()), byAlgorithm(evidence.computed()),
                        expected, found);
            }
            // Both lists are sorted and distinct: equal lists cannot differ for any algorithm (the common case).
            if (!before.component().hashes().equals(c.hashes())) {
                bytes |= compare("SBOM hash", byAlgorithm(before.component().hashes()), byAlgorithm(c.hashes()),
                        expected, found);
            }
            boolean signer = false;
            if (evidence.artifactState() == Evidence.ArtifactState.FOUND && before.isSigned()) {
                Optional<String> other = otherSigner(before.signer(), evidence, context);
                if (other.isPresent()) {
                    signer = true;
                    expected.add("signed by " + IntegrityText.signer(context.trust(), before.signer()));
                    found.add(other.get());
                }
            }
            if (!bytes && !signer) {
                continue;
            }
            String what = bytes && signer ? "other bytes and another signer" : bytes ? "other bytes" : "another signer";
            findings.add(context.finding(id(), c,
                    "same version " + IntegrityText.version(c) + " as approved, but " + what,
                    "the approved release: " + String.join("; ", expected),
                    String.join("; ", found),
                    "Do not use this artifact: a published release must not change. Compare it with the registry and"
                            + " the publisher's announcements; if the publisher really re-published " + c.label()
                            + ", approve: " + context.approveCommand(id(), c)));
        }
        return findings;
    }

    /**
     * Adds one line per algorithm both sides have whose values differ ({@code artifact SHA-256 hex}); returns
     * whether any differed. An SBOM may state two values for one algorithm: the sets are compared.
     */
    private static boolean compare(String label, Map<HashAlgorithm, SortedSet<String>> before,
                                   Map<HashAlgorithm, SortedSet<String>> now, List<String> expected, List<String> found) {
        boolean differs = false;
        for (Map.Entry<HashAlgorithm, SortedSet<String>> e : before.entrySet()) {
            SortedSet<String> current = now.get(e.getKey());
            if (current == null || current.equals(e.getValue())) {
                continue;
            }
            differs = true;
            String name = label + " " + e.getKey().cycloneDxName() + " ";
            expected.add(name + String.join(" ", e.getValue()));
            found.add(name + String.join(" ", current));
        }
        return differs;
    }

    private static Map<HashAlgorithm, SortedSet<String>> byAlgorithm(List<Digest> digests) {
        Map<HashAlgorithm, SortedSet<String>> map = new EnumMap<>(HashAlgorithm.class);
        for (Digest d : digests) {
            map.computeIfAbsent(d.algorithm(), a -> new TreeSet<>()).add(d.hex());
        }
        return map;
    }

    /**
     * How the candidate's signer differs from the approved one, or empty when it does not (or cannot be told: a
     * signature that names no key is UNTRUSTED_SIGNER's matter).
     */
    private static Optional<String> otherSigner(Fingerprint approvedSigner, Evidence evidence, RuleContext context) {
        if (evidence.signatureStatus() == SignatureStatus.UNSIGNED) {
            return Optional.of("no signature (" + IntegrityText.artifact(evidence) + ")");
        }
        SignatureCheck check = evidence.signature().orElseThrow();
        if (check.signer() != null) {
            return check.signer().equals(approvedSigner) ? Optional.empty()
                    : Optional.of("signed by " + IntegrityText.signer(context.trust(), check.signer()));
        }
        if (check.issuer() == null || check.issuer().isBlank()) {
            return Optional.empty();
        }
        return names(approvedSigner, check.issuer()) ? Optional.empty()
                : Optional.of("signed by issuer " + check.issuer() + ", not a key of the approved signer");
    }

    /**
     * Whether an issuer the signature names is the approved key: its full fingerprint (RFC 9580 Issuer Fingerprint
     * subpacket) or its key id (Issuer Key ID: the low 64 bits of a v4 fingerprint, the high 64 bits of a v6 one,
     * RFC 9580 section 5.5.4). A subkey of the approved key has another id; without the key in the trust store the
     * signature cannot be tied to the approved signer, so it counts as another signer (fail closed).
     */
    static boolean names(Fingerprint approvedSigner, String issuer) {
        String hex = issuer.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        String full = approvedSigner.hex();
        if (hex.equals(full)) {
            return true;
        }
        return hex.length() == 16 && (full.length() == 40 ? full.endsWith(hex) : full.startsWith(hex));
    }
}
