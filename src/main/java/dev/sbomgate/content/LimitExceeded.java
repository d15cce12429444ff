package dev.sbomgate.content;

/**
 * Thrown inside the inspector when an archive goes past an {@link ArchiveLimits} bound. Unchecked on purpose:
 * {@code GZIPInputStream} swallows IOExceptions while probing for a further gzip member, and this must never be
 * swallowed. Never leaves the package: the inspector turns it into {@link ContentSummary#problem()}.
 */
final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String detail) {
        super(detail, null, false, false);
    }
}
