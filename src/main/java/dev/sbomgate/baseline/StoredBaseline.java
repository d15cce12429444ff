package dev.sbomgate.baseline;

import java.util.List;
import java.util.Optional;

/**
 * What {@link BaselineStore#load()} found: the approved baseline, its approval history, and every sign that
 * either was changed outside sbomgate. Tamper evidence is data, not an exception: the gate turns each line
 * into a BASELINE_TAMPERED finding and still reports everything else.
 *
 * @param baseline       the parsed {@code baseline.json}; null only when that file is missing or cannot be
 *                       read, and then {@code tamperEvidence} says why. It may be non-null and still tampered
 *                       with: check {@link #tampered()} before trusting it.
 * @param log            the approval entries that could be read, oldest first
 * @param tamperEvidence one line per problem, saying what was expected and what was found; empty when intact
 */
public record StoredBaseline(Baseline baseline, List<ApprovalEntry> log, List<String> tamperEvidence) {

    public StoredBaseline {
        log = List.copyOf(log == null ? List.of() : log);
        tamperEvidence = List.copyOf(tamperEvidence == null ? List.of() : tamperEvidence);
        if (baseline == null && tamperEvidence.isEmpty()) {
            throw new IllegalArgumentException("a stored baseline without a usable baseline.json must say why");
        }
    }

    /** Whether the baseline or its log was changed outside sbomgate (or an approval was interrupted). */
    public boolean tampered() {
        return !tamperEvidence.isEmpty();
    }

    /** The newest approval entry that could be read. */
    public Optional<ApprovalEntry> lastApproval() {
        return log.isEmpty() ? Optional.empty() : Optional.of(log.get(log.size() - 1));
    }

    public Optional<Baseline> usableBaseline() {
        return Optional.ofNullable(baseline);
    }
}
