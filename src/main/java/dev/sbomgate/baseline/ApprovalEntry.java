package dev.sbomgate.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the append-only approval log. Entries form a hash chain: each carries the SHA-256 of the
 * previous entry's canonical line, so an edited or deleted entry breaks the chain, and the last entry
 * carries the SHA-256 of the baseline it approved, so a baseline edited after approval no longer matches.
 *
 * @param sequence          1 for the first approval, then +1
 * @param approvedAt        when (from the injected clock)
 * @param approvedBy        who (the OS user, or --by)
 * @param reason            why (required)
 * @param sbomSha256        SHA-256 of the approved SBOM file
 * @param baselineSha256    SHA-256 of the baseline file written by this approval
 * @param acceptedFindings  the blocking findings accepted, as RULE:PURL tokens, sorted
 * @param previousSha256    SHA-256 of the previous entry's line, or 64 zeros for the first
 */
public record ApprovalEntry(int sequence, Instant approvedAt, String approvedBy, String reason, String sbomSha256,
                            String baselineSha256, List<String> acceptedFindings, String previousSha256) {

    public static final String GENESIS = "0".repeat(64);

    public ApprovalEntry {
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sbomSha256, "sbomSha256");
        Objects.requireNonNull(baselineSha256, "baselineSha256");
        Objects.requireNonNull(previousSha256, "previousSha256");
        acceptedFindings = acceptedFindings == null ? List.of() : acceptedFindings.stream().sorted().toList();
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }
}
