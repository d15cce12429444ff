package dev.sbomgate.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads an artifact's content in one streaming pass and summarises what it will run when installed
 * (docs/content.md). Safe on hostile archives: nothing is extracted or written, every size is bounded by
 * {@link ArchiveLimits}, links are never followed, and a bound that is reached ends the walk with
 * {@link ContentSummary#problem()} set — never an exception, a hang or an out-of-memory.
 */
public final class ContentInspector {

    private ContentInspector() {
    }

    /** {@link #inspect(InputStream, String, String, ArchiveLimits)} with the default limits. */
    public static ContentSummary inspect(InputStream artifact, String fileName, String purlType) throws IOException {
        return inspect(artifact, fileName, purlType, ArchiveLimits.defaults());
    }

    /**
     * Reads {@code artifact} to its end (without closing it) and summarises it. The archive format is sniffed
     * from the first bytes; the file name and purl type choose the ecosystem's install rules.
     *
     * @param artifact the artifact's bytes; a caller hashing the same pass sees every byte read
     * @param fileName the artifact's file name
     * @param purlType the component's purl type (npm, pypi, maven…), or null
     * @throws IOException only when reading {@code artifact} itself fails; a malformed or hostile archive is a
     *                     summary with a problem
     */
    public static ContentSummary inspect(InputStream artifact, String fileName, String purlType, ArchiveLimits limits)
            throws IOException {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(limits, "limits");
        return new Inspection(limits).run(artifact, fileName, purlType);
    }

    /** {@link #inspect(byte[], String, String, ArchiveLimits)} with the default limits. */
    public static ContentSummary inspect(byte[] artifact, String fileName, String purlType) {
        return inspect(artifact, fileName, purlType, ArchiveLimits.defaults());
    }

    /**
     * Summarises an artifact held in memory. A zip archive is read by its central directory, each entry checked
     * against its local header, and only the entries the summary needs are inflated (far cheaper than a stream,
     * which must inflate every entry to find the next); a tarball is streamed from memory. The caller keeps
     * ownership of {@code artifact} and must not change it during the call.
     */
    public static ContentSummary inspect(byte[] artifact, String fileName, String purlType, ArchiveLimits limits) {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(limits, "limits");
        return new Inspection(limits).run(artifact, fileName, purlType);
    }
}
