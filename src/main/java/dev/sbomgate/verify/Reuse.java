package dev.sbomgate.verify;

import dev.sbomgate.baseline.ApprovedTrust;
import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.EvidenceCheck;
import dev.sbomgate.baseline.EvidenceKind;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureVerifier;
import dev.sbomgate.trust.TrustStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which verified results of the last approval a check may reuse instead of verifying again (docs/formats.md §1.7,
 * issue 17). Only what the hash-chained baseline records is reused, and only when it loaded without tamper evidence:
 * never a cache file. This class decides the conditions that need no file access; the verify stage adds the evidence
 * file's SHA-256 and then re-runs every decision that can change (scope, window, expiry, revocation), the rules the
 * rest (policy, waivers). Immutable and thread-safe.
 */
public final class Reuse {

    /** The refusal reasons, exactly as docs/formats.md §1.7 names them. */
    public static final String BASELINE_TAMPERED = "baseline tampered";
    public static final String ARTIFACT_CHANGED = "artifact changed";
    public static final String SIGNATURE_FILE_CHANGED = "signature file changed";
    public static final String SIGNATURE_FILE_MISSING = "signature file missing";
    public static final String VERIFIER_CHANGED = "verifier changed";
    public static final String KEY_REPINNED = "key re-pinned";
    public static final String TRUSTED_ROOT_CHANGED = "trusted root changed";

    /** Nothing is reused: init, approve, verify and {@code check --full} verify everything in full. */
    public static final Reuse OFF = new Reuse(null, false, null, null, null, Set.of());

    private final Baseline baseline;
    private final boolean tampered;
    private final ApprovedTrust current;
    private final String currentRoot;
    private final Map<String, BaselineComponent> byIdentityAndVersion;
    private final Set<String> identitiesWithEvidence;

    private Reuse(Baseline baseline, boolean tampered, ApprovedTrust current, String currentRoot,
                  Map<String, BaselineComponent> byIdentityAndVersion, Set<String> identitiesWithEvidence) {
        this.baseline = baseline;
        this.tampered = tampered;
        this.current = current;
        this.currentRoot = currentRoot;
        this.byIdentityAndVersion = byIdentityAndVersion;
        this.identitiesWithEvidence = identitiesWithEvidence;
    }

    /**
     * Reuse of what {@code baseline} recorded, judged against the loaded trust store.
     *
     * @param baseline the approved baseline, or null (then nothing is reused)
     * @param tampered whether the baseline store showed any tamper evidence: then nothing is reused, and each
     *                 recorded result says {@value #BASELINE_TAMPERED}
     * @param trust    the trust store of this run
     */
    public static Reuse of(Baseline baseline, boolean tampered, TrustStore trust) {
        Objects.requireNonNull(trust, "trust");
        if (baseline == null) {
            return OFF;
        }
        Map<String, BaselineComponent> index = new HashMap<>();
        for (BaselineComponent c : baseline.components()) {
            index.putIfAbsent(key(c.identity(), c.component().effectiveVersion()), c);
        }
        Set<String> withEvidence = baseline.components().stream()
                .filter(c -> c.evidence() != null && !c.evidence().checks().isEmpty())
                .map(BaselineComponent::identity).collect(Collectors.toUnmodifiableSet());
        String root = trust.sigstoreTrustedRoot().map(SignatureCheck::sha256).orElse(null);
        ApprovedTrust current;
        try {
            current = ApprovedTrust.of(trust);
        } catch (RuntimeException e) {
            return OFF; // a store the baseline cannot describe: nothing can be compared, so everything is verified in full
        }
        return new Reuse(baseline, tampered, current, root, Map.copyOf(index), withEvidence);
    }

    private static String key(String identity, String version) {
        return identity + "\n" + version;
    }

    /** Whether reuse is on at all (a check with a baseline, without {@code --full}). */
    public boolean enabled() {
        return baseline != null;
    }

    /** What may be reused for one candidate component, once its artifact's digests are known. */
    Plan plan(Component component, List<Digest> computed) {
        if (baseline == null) {
            return null;
        }
        BaselineComponent approved = byIdentityAndVersion.get(key(component.identity(), component.effectiveVersion()));
        if (approved == null || approved.evidence() == null) {
            // Another version of an approved component: its results cannot be this artifact's. A new component, or
            // one approved without recorded evidence (format 1 or 2, no artifact seen): nothing was recorded.
            String reason = identitiesWithEvidence.contains(component.identity()) ? ARTIFACT_CHANGED : null;
            return new Plan(null, tampered ? (reason == null ? null : BASELINE_TAMPERED) : reason, null);
        }
        if (tampered) {
            return new Plan(approved, BASELINE_TAMPERED, null);
        }
        Digest sha256 = computed.stream().filter(d -> d.algorithm() == HashAlgorithm.SHA_256).findFirst().orElse(null);
        Digest approvedSha256 = approved.artifactDigests().stream().filter(d -> d.algorithm() == HashAlgorithm.SHA_256)
                .findFirst().orElse(null);
        if (sha256 == null || !sha256.equals(approvedSha256)) {
            return new Plan(approved, ARTIFACT_CHANGED, null);
        }
        // The content summary is a function of the artifact's bytes and of the inspector's rules, versioned with the
        // verifiers' (RULES_VERSION): same bytes, same rules, same summary.
        ContentSummary content = approved.evidence().verifier() == SignatureVerifier.RULES_VERSION
                ? approved.content() : null;
        return new Plan(approved, null, content);
    }

    /**
     * What one candidate component may reuse.
     *
     * @param approved          the approved component of the same identity and version, or null
     * @param componentRefusal  why nothing recorded for this component is reused (tampered, artifact changed), or null
     * @param content           the approved content summary, reusable for these bytes, or null
     */
    final class Plan {
        private final BaselineComponent approved;
        private final String componentRefusal;
        private final ContentSummary content;

        Plan(BaselineComponent approved, String componentRefusal, ContentSummary content) {
            this.approved = approved;
            this.componentRefusal = componentRefusal;
            this.content = content;
        }

        ContentSummary content() {
            return content;
        }

        /** The publisher identity the approval recorded for the component, or null. */
        dev.sbomgate.baseline.PublisherIdentity approvedIdentity() {
            return approved == null || approved.evidence() == null ? null : approved.evidence().identity();
        }

        /** The recorded checks of the approved component (empty when none). */
        List<EvidenceCheck> recorded() {
            return approved == null || approved.evidence() == null ? List.of() : approved.evidence().checks();
        }

        /** The check recorded for this evidence file name and kind, or null. */
        EvidenceCheck recorded(String file, EvidenceKind kind) {
            for (EvidenceCheck check : recorded()) {
                if (check.kind() == kind && check.file().equals(file)) {
                    return check;
                }
            }
            return null;
        }

        /** Why nothing of this component is reused, before any file is read; null when its checks may be. */
        String componentRefusal() {
            return componentRefusal;
        }

        /**
         * Why this recorded check is not reused, or null when it may be: the first condition of docs/formats.md §1.7's
         * table that fails, in the table's order.
         *
         * @param computed   the candidate artifact's digests
         * @param fileSha256 the evidence file's SHA-256 now, read only when the earlier conditions hold (null: the
         *                   file cannot be read)
         */
        String refusal(EvidenceCheck check, Map<HashAlgorithm, Digest> computed, Supplier<String> fileSha256) {
            if (componentRefusal != null) {
                return componentRefusal;
            }
            if (!check.subject().equals(computed.get(check.subject().algorithm()))) {
                return ARTIFACT_CHANGED;
            }
            if (!check.sha256().equals(fileSha256.get())) {
                return SIGNATURE_FILE_CHANGED;
            }
            if (approved.evidence().verifier() != SignatureVerifier.RULES_VERSION) {
                return VERIFIER_CHANGED;
            }
            ApprovedTrust then = baseline.trust();
            ApprovedTrust.Pin was = then == null ? null : then.pin(check.signer());
            ApprovedTrust.Pin now = current.pin(check.signer());
            if (was == null || now == null || !was.material().equals(now.material())
                    || (check.signingKey() != null && !now.signsWith(check.signingKey()))) {
                return KEY_REPINNED;
            }
            if (check.kind().sigstoreBased()) {
                // A keyless result names the identity pin it matched; another identity pin added, removed or changed
                // since could match the same certificate, so the result stands only with the same identity pins.
                if (!identityPins(then).equals(identityPins(current))) {
                    return KEY_REPINNED;
                }
                if (!Objects.equals(check.trustedRoot(), currentRoot)) {
                    return TRUSTED_ROOT_CHANGED;
                }
            }
            return null;
        }
    }

    /** The identity pins of a pinned set, each as fingerprint, material, scopes and window. */
    private static Set<List<Object>> identityPins(ApprovedTrust trust) {
        return trust.pins().stream().filter(p -> p.type() == ApprovedTrust.PinType.IDENTITY)
                .map(p -> List.<Object>of(p.fingerprint(), p.material(), p.scopes(), String.valueOf(p.notBefore()),
                        String.valueOf(p.notAfter())))
                .collect(Collectors.toSet());
    }

    /**
     * What the verify stage did with one component's recorded results (null in {@link Evidence#reuse()} when reuse
     * was off).
     *
     * @param reused  the evidence files whose recorded result was reused (their checks are in the evidence as always)
     * @param refused the recorded results not reused, each with its reason; every other check was verified in full
     * @param content whether the content summary was the approved one, not inspected again
     */
    public record Outcome(List<String> reused, List<Refusal> refused, boolean content) {
        public Outcome {
            reused = List.copyOf(reused);
            refused = List.copyOf(refused);
        }
    }

    /**
     * One recorded result not reused.
     *
     * @param file   the evidence file's name
     * @param reason one of the reasons of docs/formats.md §1.7 (the constants of {@link Reuse})
     */
    public record Refusal(String file, String reason) {
        public Refusal {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
