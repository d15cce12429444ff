package dev.sbomgate.verify;

import dev.sbomgate.baseline.EvidenceKind;
import dev.sbomgate.baseline.EvidenceTier;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the verify stage proved about one component's artifact.
 *
 * @param component        the candidate component
 * @param artifactState    whether its file was looked for and found
 * @param artifact         the file, when found
 * @param computed         digests computed from the file (SHA-256 always, plus every algorithm the SBOM declares)
 * @param integrity        how the computed digests compare with the declared ones
 * @param integrityDetails one line per mismatching or weak digest, e.g. "SHA-256: declared 3a… but the file has 9f…"
 * @param signatures       every signature file checked, with its outcome
 * @param error            why verification could not be completed (an exception's message), or null
 * @param content          what the artifact's content holds (install hooks, limits), read in the same pass as
 *                         hashing (or the approved summary of the same bytes, reused); null when no artifact was read
 * @param reuse            which results of the last approval were reused and which refused (docs/formats.md §1.7);
 *                         null when reuse was off (init, approve, verify, {@code check --full}) or no artifact was read
 */
public record Evidence(Component component, ArtifactState artifactState, Path artifact, List<Digest> computed,
                       IntegrityStatus integrity, List<String> integrityDetails, List<SignatureCheck> signatures,
                       String error, ContentSummary content, Reuse.Outcome reuse) {

    /** Whether the component's artifact was looked for and found. */
    public enum ArtifactState { NOT_SEARCHED, FOUND, MISSING, ERROR }

    /** Ranks signature outcomes: the decisive signature is the first by this order. */
    private static final Comparator<SignatureCheck> DECISIVE_FIRST = Comparator.comparingInt(c -> switch (c.status()) {
        case VERIFIED -> 0;
        case BAD_SIGNATURE -> 1;
        case KEY_REVOKED -> 2;
        case KEY_EXPIRED -> 3;
        case OUTSIDE_PIN_WINDOW -> 4;
        case NOT_PINNED_FOR_PURL -> 5;
        case UNKNOWN_KEY -> 6;
        case WEAK_CRYPTO -> 7;
        case MALFORMED -> 8;
        case UNSIGNED -> 9;
    });

    public Evidence {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(artifactState, "artifactState");
        Objects.requireNonNull(integrity, "integrity");
        computed = List.copyOf(computed == null ? List.of() : computed.stream().sorted().toList());
        integrityDetails = List.copyOf(integrityDetails == null ? List.of() : integrityDetails);
        signatures = List.copyOf(signatures == null ? List.of() : signatures);
    }

    /** Evidence verified in full (no reuse). */
    public Evidence(Component component, ArtifactState artifactState, Path artifact, List<Digest> computed,
                    IntegrityStatus integrity, List<String> integrityDetails, List<SignatureCheck> signatures,
                    String error, ContentSummary content) {
        this(component, artifactState, artifact, computed, integrity, integrityDetails, signatures, error, content, null);
    }

    /** Evidence without a content summary (no artifact read, or content not inspected). */
    public Evidence(Component component, ArtifactState artifactState, Path artifact, List<Digest> computed,
                    IntegrityStatus integrity, List<String> integrityDetails, List<SignatureCheck> signatures,
                    String error) {
        this(component, artifactState, artifact, computed, integrity, integrityDetails, signatures, error, null, null);
    }

    /** How many of {@link #signatures()} were verified in full, not reused. */
    public int verifiedInFull() {
        return signatures.size() - (reuse == null ? 0 : reuse.reused().size());
    }

    /**
     * The signature that decides: a verified one if any verifies, else the most serious failure; empty when
     * the artifact carries no signature at all.
     */
    public Optional<SignatureCheck> signature() {
        // A verified registry-tier check (npm registry signature, publish attestation) is the registry's statement, not
        // the publisher's signature the baseline records (docs/formats.md 1.2-1.3); a failed one still decides.
        return signatures.stream().filter(c -> c.status() != SignatureStatus.UNSIGNED)
                .filter(c -> !(c.kind().isRegistryTier() && c.status() == SignatureStatus.VERIFIED))
                .min(DECISIVE_FIRST);
    }

    /**
     * The evidence tier the candidate's verified checks give (docs/formats.md §1.3): only checks verified with a pin
     * (a signer named) count, each by the tier of its kind ({@link EvidenceKind#tier()}), as in the baseline.
     */
    public EvidenceTier tier() {
        return signatures.stream().filter(c -> c.status() == SignatureStatus.VERIFIED && c.signer() != null)
                .map(c -> EvidenceKind.of(c.kind()).tier()).max(Comparator.naturalOrder()).orElse(EvidenceTier.NONE);
    }

    /**
     * The verified check whose publisher identity decides (docs/formats.md §1.4): the deciding signature when it names
     * one, else the first verified check that does, by kind (SIGSTORE, PYPI_ATTESTATION, NPM_PROVENANCE).
     */
    public Optional<SignatureCheck> publisherCheck() {
        Optional<SignatureCheck> deciding = signature()
                .filter(c -> c.status() == SignatureStatus.VERIFIED && c.publisher() != null);
        if (deciding.isPresent()) {
            return deciding;
        }
        return signatures.stream().filter(c -> c.status() == SignatureStatus.VERIFIED && c.publisher() != null
                && c.signer() != null).min(Comparator.comparing(SignatureCheck::kind));
    }

    /** The status of {@link #signature()}, or UNSIGNED when there is none. */
    public SignatureStatus signatureStatus() {
        return signature().map(SignatureCheck::status).orElse(SignatureStatus.UNSIGNED);
    }

    public Optional<Digest> computed(HashAlgorithm algorithm) {
        return computed.stream().filter(d -> d.algorithm() == algorithm).findFirst();
    }

    /** Proven: the artifact was found, a strong declared digest matches, and a pinned key's signature verifies. */
    public boolean proven() {
        return artifactState() == ArtifactState.FOUND && integrity() == IntegrityStatus.PROVEN
                && signatureStatus().isValid();
    }
}
