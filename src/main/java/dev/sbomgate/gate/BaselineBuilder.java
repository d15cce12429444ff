package dev.sbomgate.gate;

import dev.sbomgate.baseline.ApprovedFeed;
import dev.sbomgate.baseline.ApprovedTrust;
import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.ComponentEvidence;
import dev.sbomgate.baseline.EvidenceCheck;
import dev.sbomgate.baseline.EvidenceKind;
import dev.sbomgate.baseline.PublisherIdentity;
import dev.sbomgate.baseline.SbomEncoding;
import dev.sbomgate.baseline.SbomFormat;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.signature.Publisher;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.SignatureVerifier;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns an approved candidate and the evidence the gate collected for it into the next baseline. Pure. */
public final class BaselineBuilder {
    private BaselineBuilder() {
    }

    /**
     * A baseline without the pinned set or a feed snapshot (the store is known only by its digest).
     *
     * @param candidate   the approved SBOM
     * @param evidence    the verify stage's evidence for its components
     * @param sbomSha256  SHA-256 of the approved SBOM file
     * @param trustDigest the trust store's digest at approval
     */
    public static Baseline build(Inventory candidate, List<Evidence> evidence, String sbomSha256, String trustDigest) {
        return build(candidate, evidence, sbomSha256, trustDigest, null, null);
    }

    /**
     * The baseline an approval writes (format 3): the SBOM's format, the pinned set of {@code trust} and the feed
     * snapshot the approval was judged with, and per component its evidence.
     *
     * @param trust the trust store the evidence was verified with
     * @param feed  the feed snapshot used, or null when none was
     */
    public static Baseline build(Inventory candidate, List<Evidence> evidence, String sbomSha256, TrustStore trust,
                                 FeedSnapshot feed) {
        return build(candidate, evidence, sbomSha256, trust.digest().toString(), trust, feed);
    }

    /**
     * The approved bytes are a CycloneDX JSON document that passed its schema with nothing tolerated: every CycloneDX
     * JSON inventory has passed (else it is bad input), so it is so when the reader noted no deviation.
     */
    private static boolean schemaValid(Inventory candidate) {
        return SbomFormat.of(candidate) == SbomFormat.CYCLONEDX && SbomFormat.encoding(candidate) == SbomEncoding.JSON
                && candidate.deviations().isEmpty();
    }

    private static Baseline build(Inventory candidate, List<Evidence> evidence, String sbomSha256, String trustDigest,
                                  TrustStore trust, FeedSnapshot feed) {
        String trustedRoot = trust == null ? null
                : trust.sigstoreTrustedRoot().map(SignatureCheck::sha256).orElse(null);
        List<BaselineComponent> components = evidence.stream().map(e -> approve(e, trust, trustedRoot)).toList();
        SbomFormat format = SbomFormat.of(candidate);
        return new Baseline(format, SbomFormat.specVersion(candidate), SbomFormat.encoding(candidate),
                candidate.serialNumber(), format == SbomFormat.CYCLONEDX ? Integer.valueOf(candidate.version()) : null,
                candidate.timestamp(), sbomSha256, schemaValid(candidate), trustDigest,
                trust == null ? null : ApprovedTrust.of(trust),
                feed == null ? null : approvedFeed(feed), components, dependenciesByIdentity(candidate));
    }

    /** What a baseline records of the feed snapshot used (docs/formats.md §1.6). */
    public static ApprovedFeed approvedFeed(FeedSnapshot feed) {
        return new ApprovedFeed(feed.sha256(), feed.created(), feed.records().size(), feed.source());
    }

    /**
     * Only a signature that verified with a pinned key is recorded as the approved signer. The content summary is
     * recorded as inspected, so later checks compare install hooks without the old artifact. Every verified check
     * is recorded as evidence when the artifact was seen (null when it was not).
     */
    private static BaselineComponent approve(Evidence evidence, TrustStore trust, String trustedRoot) {
        SignatureCheck signature = evidence.signature().filter(s -> s.status() == SignatureStatus.VERIFIED).orElse(null);
        ComponentEvidence proved = evidence.artifactState() == Evidence.ArtifactState.FOUND
                ? componentEvidence(evidence, trust, trustedRoot) : null;
        return new BaselineComponent(evidence.component(), evidence.computed(),
                signature == null ? null : signature.kind(), signature == null ? null : signature.signer(),
                signature == null ? null : signature.created(), evidence.content(), proved);
    }

    /**
     * The component's verified checks, each bound to the artifact's SHA-256; a check without its signature file's
     * SHA-256 (a verifier that did not hash what it read) cannot be reused later and is not recorded, unless it is the
     * deciding signature, which must be (docs/formats.md §1.2), so then no evidence is recorded at all.
     */
    static ComponentEvidence componentEvidence(Evidence evidence, TrustStore trust, String trustedRoot) {
        Optional<Digest> artifactSha256 = evidence.computed(HashAlgorithm.SHA_256);
        if (artifactSha256.isEmpty()) {
            return null;
        }
        SignatureCheck deciding = evidence.signature().filter(s -> s.status() == SignatureStatus.VERIFIED).orElse(null);
        List<EvidenceCheck> checks = new ArrayList<>();
        for (SignatureCheck check : evidence.signatures()) {
            if (check.status() != SignatureStatus.VERIFIED || check.signer() == null || check.signatureFile() == null) {
                continue;
            }
            if (check.signatureSha256() == null) {
                if (check == deciding) {
                    return null;
                }
                continue;
            }
            EvidenceKind kind = EvidenceKind.of(check.kind());
            checks.add(new EvidenceCheck(kind, check.signatureFile().getFileName().toString(), check.signatureSha256(),
                    artifactSha256.get(), check.signer(), signingKey(check, trust), check.algorithm(), check.created(),
                    createdVerified(check), kind.sigstoreBased() ? trustedRootOf(trustedRoot) : null));
        }
        if (checks.size() > ComponentEvidence.MAX_CHECKS) {
            // More verified signature files than a baseline records (docs/limits.md): the deciding one is kept first.
            EvidenceCheck kept = deciding == null ? null : checks.stream()
                    .filter(c -> c.sha256().equals(deciding.signatureSha256())).findFirst().orElse(null);
            List<EvidenceCheck> bounded = new ArrayList<>();
            if (kept != null) {
                bounded.add(kept);
            }
            for (EvidenceCheck c : checks) {
                if (bounded.size() < ComponentEvidence.MAX_CHECKS && c != kept) {
                    bounded.add(c);
                }
            }
            checks = bounded;
        }
        return ComponentEvidence.of(checks, identity(evidence, checks), SignatureVerifier.RULES_VERSION);
    }

    /**
     * The publisher identity of the deciding Sigstore-based check (docs/formats.md §1.4): the deciding signature when
     * it names one, else the first verified check that does (SIGSTORE, PYPI_ATTESTATION, NPM_PROVENANCE order); null
     * when none does (OpenPGP, key pair, registry evidence only) or that check is not among those recorded.
     */
    static PublisherIdentity identity(Evidence evidence, List<EvidenceCheck> recorded) {
        SignatureCheck source = evidence.publisherCheck().orElse(null);
        if (source == null || recorded.stream().noneMatch(c -> c.kind().sigstoreBased() && c.signer().equals(source.signer()))) {
            return null;
        }
        Publisher p = source.publisher();
        String commit = p.commit() != null && p.commit().matches("[0-9a-f]{40}") ? p.commit() : null;
        return new PublisherIdentity(p.issuer(), p.repository(), p.workflow(), p.ref(), commit, p.trigger(), p.runner(),
                p.environment(), source.signer());
    }

    /** A Sigstore-based check without a trusted root cannot have verified; recorded as the all-zero digest never. */
    private static String trustedRootOf(String trustedRoot) {
        if (trustedRoot == null) {
            throw new IllegalStateException("a Sigstore bundle verified without a trusted root in the trust store");
        }
        return trustedRoot;
    }

    /** The key that actually signed: none for a keyless bundle (its signer is an identity pin). */
    private static Fingerprint signingKey(SignatureCheck check, TrustStore trust) {
        if (check.kind().sigstoreBased() && trust != null) {
            Optional<PinnedKey> pin = trust.find(check.signer());
            if (pin.isPresent() && pin.get().isIdentity()) {
                return null;
            }
        }
        return check.signingKey() == null ? check.signer() : check.signingKey();
    }

    /**
     * Whether the check's time is signed: an OpenPGP signature creation time subpacket (hashed), a bundle's Rekor
     * integrated time or RFC 3161 timestamp (verified); a key-pair signature carries none.
     */
    private static boolean createdVerified(SignatureCheck check) {
        return check.created() != null && (check.kind() == SignatureKind.OPENPGP || check.kind().sigstoreBased()
                || check.kind() == SignatureKind.NPM_PUBLISH_ATTESTATION);
    }

    /** The SBOM's bom-ref edges, re-keyed by component identity, which is stable across releases. */
    public static SortedMap<String, SortedSet<String>> dependenciesByIdentity(Inventory inventory) {
        Map<String, String> identityByRef = new HashMap<>();
        if (inventory.root() != null) {
            identityByRef.put(inventory.root().bomRef(), inventory.root().identity());
        }
        for (Component c : inventory.components()) {
            identityByRef.put(c.bomRef(), c.identity());
        }
        SortedMap<String, SortedSet<String>> edges = new TreeMap<>();
        inventory.dependencies().forEach((ref, dependsOn) -> {
            String from = identityByRef.get(ref);
            if (from == null) {
                return;
            }
            SortedSet<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
            dependsOn.stream().map(identityByRef::get).filter(java.util.Objects::nonNull).forEach(to::add);
        });
        return edges;
    }
}
