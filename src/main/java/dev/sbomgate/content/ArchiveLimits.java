package dev.sbomgate.content;

/**
 * The bounds an archive must stay within to be inspected; past any of them the inspector stops and the
 * artifact gets a blocking CONTENT_ANOMALY ("archive exceeds limits: …"). The defaults leave ample room for
 * real packages (measured against 1,101 real jars in docs/content.md, "Limits"; GPU wheels unpack to a few GiB)
 * while stopping a zip bomb after 16 MiB of output.
 *
 * @param maxEntries      entries, counted over the archive and every nested archive
 * @param maxTotalBytes   uncompressed bytes, counted over the archive and every nested archive
 * @param maxRatio        uncompressed bytes per byte of the artifact, once {@code ratioFloorBytes} were inflated
 * @param ratioFloorBytes uncompressed bytes below which the ratio is not judged (a small file of zeros is fine)
 * @param maxPathLength   characters in one entry's path
 * @param maxPathDepth    directory levels in one entry's path
 * @param maxNesting      archives inside archives (a jar in a jar is 1)
 * @param maxEntryBytes   bytes read into memory from one interesting entry (package.json, a .pth, MANIFEST.MF…)
 * @param maxRecorded     hooks and opaque files recorded per artifact
 * @param maxListed       unsafe entries listed by name (the rest are counted)
 */
public record ArchiveLimits(long maxEntries, long maxTotalBytes, long maxRatio, long ratioFloorBytes, int maxPathLength,
                            int maxPathDepth, int maxNesting, int maxEntryBytes, int maxRecorded, int maxListed) {

    public ArchiveLimits {
        if (maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1 || ratioFloorBytes < 0 || maxPathLength < 1
                || maxPathDepth < 1 || maxNesting < 0 || maxEntryBytes < 1 || maxRecorded < 1 || maxListed < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
        if (maxPathLength > Hook.MAX_NAME) {
            throw new IllegalArgumentException("maxPathLength is at most " + Hook.MAX_NAME);
        }
    }

    /** The limits sbomgate applies. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(
                500_000,
                8L * 1024 * 1024 * 1024,
                200,
                16L * 1024 * 1024,
                1024,
                64,
                3,
                1024 * 1024,
                5_000,
                20);
    }
}
