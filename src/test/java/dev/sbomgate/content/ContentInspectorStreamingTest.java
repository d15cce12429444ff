package dev.sbomgate.content;

/**
 * Every test of {@link ContentInspectorTest}, through the streaming reader (a zip by its local headers) that the verify stage uses
 * for artifacts too large to hold in memory: both readers must say the same of the same archive.
 */
class ContentInspectorStreamingTest extends ContentInspectorTest {

    @Override
    ContentSummary inspect(byte[] artifact, String fileName, String purlType, ArchiveLimits limits) {
        return Archives.inspectStream(artifact, fileName, purlType, limits);
    }
}
