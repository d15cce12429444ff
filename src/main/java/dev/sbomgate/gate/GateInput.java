package dev.sbomgate.gate;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.baseline.StoredBaseline;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.trust.TrustStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the gate decides on, already loaded by the adapters.
 *
 * @param sbomFile      the candidate SBOM's path
 * @param sbomSha256    SHA-256 of the candidate SBOM file
 * @param candidate     the candidate SBOM
 * @param stored        the baseline store's content, or null on first use
 * @param trust         the pinned keys
 * @param locator       the artifact roots, or null when none was given
 * @param policy        the policy
 * @param releaseDates  publish times from {@code --metadata}
 * @param now           the injected clock's time
 * @param approvePrefix the approve command for these inputs, for fix texts
 * @param sbomLines     bom-ref → the SBOM line declaring it, as the parser saw it (empty when not asked for)
 * @param feed          the malicious-package feed snapshot, or null when none was found
 */
public record GateInput(Path sbomFile, String sbomSha256, Inventory candidate, StoredBaseline stored, TrustStore trust,
                        ArtifactLocator locator, Policy policy, ReleaseDates releaseDates, Instant now,
                        String approvePrefix, Map<String, Integer> sbomLines, FeedSnapshot feed) {

    /** Without a feed snapshot. */
    public GateInput(Path sbomFile, String sbomSha256, Inventory candidate, StoredBaseline stored, TrustStore trust,
                     ArtifactLocator locator, Policy policy, ReleaseDates releaseDates, Instant now, String approvePrefix,
                     Map<String, Integer> sbomLines) {
        this(sbomFile, sbomSha256, candidate, stored, trust, locator, policy, releaseDates, now, approvePrefix, sbomLines,
                null);
    }

    /** Without SBOM lines. */
    public GateInput(Path sbomFile, String sbomSha256, Inventory candidate, StoredBaseline stored, TrustStore trust,
                     ArtifactLocator locator, Policy policy, ReleaseDates releaseDates, Instant now, String approvePrefix) {
        this(sbomFile, sbomSha256, candidate, stored, trust, locator, policy, releaseDates, now, approvePrefix, Map.of(),
                null);
    }

    public GateInput {
        sbomLines = Map.copyOf(sbomLines == null ? Map.of() : sbomLines);
        Objects.requireNonNull(sbomFile, "sbomFile");
        Objects.requireNonNull(sbomSha256, "sbomSha256");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        releaseDates = releaseDates == null ? ReleaseDates.none() : releaseDates;
    }

    /** The same inputs judged as a first use (init): without the stored baseline. */
    public GateInput withoutBaseline() {
        return new GateInput(sbomFile, sbomSha256, candidate, null, trust, locator, policy, releaseDates, now, approvePrefix,
                sbomLines, feed);
    }
}
