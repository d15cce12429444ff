package dev.sbomgate.digest;

import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Declared (SBOM {@code hashes}) against computed digests: one {@link Check} per declared digest, sorted, and
 * the {@link IntegrityStatus} they add up to. Pure: no I/O.
 */
public record DigestComparison(List<Check> checks, IntegrityStatus status) {

    /**
     * One declared digest against the computed one.
     *
     * @param declared the digest the SBOM states
     * @param computed the digest computed with the same algorithm, or null when that algorithm was not computed
     * @param match    the comparison's outcome
     */
    public record Check(Digest declared, Digest computed, DigestMatch match) {
        public Check {
            Objects.requireNonNull(declared, "declared");
            Objects.requireNonNull(match, "match");
            if (computed != null && computed.algorithm() != declared.algorithm()) {
                throw new IllegalArgumentException("cannot compare " + declared.algorithm().cycloneDxName()
                        + " with " + computed.algorithm().cycloneDxName());
            }
            if ((computed == null) != (match == DigestMatch.NOT_COMPUTED)) {
                throw new IllegalArgumentException("NOT_COMPUTED exactly when there is no computed digest");
            }
        }

        public HashAlgorithm algorithm() {
            return declared.algorithm();
        }
    }

    public DigestComparison {
        checks = List.copyOf(checks);
        Objects.requireNonNull(status, "status");
    }

    /**
     * Compares every declared digest with the computed digest of its algorithm. An SBOM may state two values
     * for one algorithm; each is checked, so one of them necessarily mismatches.
     */
    public static DigestComparison compare(Collection<Digest> declared, Map<HashAlgorithm, Digest> computed) {
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(computed, "computed");
        List<Check> checks = new ArrayList<>();
        for (Digest wanted : declared.stream().sorted().distinct().toList()) {
            Digest actual = computed.get(wanted.algorithm());
            DigestMatch match;
            if (actual == null) {
                match = DigestMatch.NOT_COMPUTED;
            } else {
                match = actual.hex().equalsIgnoreCase(wanted.hex()) ? DigestMatch.MATCH : DigestMatch.MISMATCH;
            }
            checks.add(new Check(wanted, actual, match));
        }
        return new DigestComparison(checks, statusOf(checks));
    }

    /** The same with {@link FileDigests}. */
    public static DigestComparison compare(Collection<Digest> declared, FileDigests computed) {
        return compare(declared, computed.digests());
    }

    /** Order matters: any mismatch wins; then anything unchecked; then weak-only is not proof. */
    private static IntegrityStatus statusOf(List<Check> checks) {
        if (checks.isEmpty()) {
            return IntegrityStatus.NONE_DECLARED;
        }
        if (checks.stream().anyMatch(c -> c.match() == DigestMatch.MISMATCH)) {
            return IntegrityStatus.MISMATCH;
        }
        if (checks.stream().anyMatch(c -> c.match() == DigestMatch.NOT_COMPUTED)) {
            return IntegrityStatus.INCOMPLETE;
        }
        boolean strong = checks.stream().anyMatch(c -> !c.algorithm().isWeak());
        return strong ? IntegrityStatus.PROVEN : IntegrityStatus.WEAK_ONLY;
    }

    /** The declared digests that differ from the computed ones. */
    public List<Check> mismatches() {
        return checks.stream().filter(c -> c.match() == DigestMatch.MISMATCH).toList();
    }
}
