package dev.sbomgate.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Purl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching components against real OSV MAL- records (test resources feed/osv, see feed/SOURCES.md). */
class FeedSnapshotTest {
    static final Path OSV = Path.of("src/test/resources/feed/osv");

    static FeedSnapshot real() {
        OsvImport.Imported imported = OsvImport.fromDirectory(OSV, Set.of());
        return FeedSnapshot.of(Instant.parse("2026-12-01T00:00:00Z"), "dir:test", List.of("npm", "PyPI", "Maven"),
                imported.skipped(), "0".repeat(64), imported.records());
    }

    static Component component(String purl) {
        Purl p = Purl.parse(purl);
        return new Component(p.toString(), p, "library", p.namespace(), p.name(), p.version(), List.of(), null, null, null,
                null, List.of(), List.of(), null, List.of(), null);
    }

    private static List<String> ids(FeedSnapshot feed, String purl) {
        return feed.matches(component(purl), List.of()).stream().map(m -> m.record().id()).toList();
    }

    @Test
    void everyVersionOfARangeFromZeroMatches() {
        FeedSnapshot feed = real();
        assertEquals(List.of("MAL-2025-20690"), ids(feed, "pkg:npm/flatmap-stream@0.1.1"));
        assertEquals(List.of("MAL-2025-20690"), ids(feed, "pkg:npm/flatmap-stream@99.0.0"));
        assertEquals(List.of("MAL-2025-2552"), ids(feed, "pkg:maven/io.github.leetcrunch/scribejava-core@8.3.1"));
        assertEquals(List.of("MAL-2023-1578"), ids(feed, "pkg:pypi/AioHTT@0.1"), "PyPI names are compared PEP 503-normalised");
    }

    @Test
    void anExplicitVersionListMatchesThoseVersionsOnly() {
        FeedSnapshot feed = real();
        assertEquals(List.of("MAL-2026-2306"), ids(feed, "pkg:npm/plain-crypto-js@4.2.1"));
        assertEquals(List.of(), ids(feed, "pkg:npm/plain-crypto-js@4.2.0"));
        assertEquals(List.of(), ids(feed, "pkg:npm/crypto-js@4.2.1"), "another package of a similar name");
    }

    @Test
    void aWithdrawnRecordNeverMatches() {
        FeedSnapshot feed = real();
        assertEquals(List.of(), ids(feed, "pkg:npm/%40amber-team/amazon-utils@1.0.0"));
        assertEquals(5, feed.records().size());
        assertEquals(4, feed.activeRecords());
    }

    @Test
    void rangesFollowOsvSemanticsForFixedAndLastAffected() {
        FeedRecord.Range fixed = new FeedRecord.Range("SEMVER", List.of(new FeedRecord.Event("introduced", "1.2.0"),
                new FeedRecord.Event("fixed", "1.2.5"), new FeedRecord.Event("introduced", "2.0.0"),
                new FeedRecord.Event("last_affected", "2.0.3")));
        FeedRecord r = new FeedRecord("MAL-TEST-1", List.of(), Instant.EPOCH, null, "built at test time", "npm", "npm", "x",
                List.of(), List.of(fixed), List.of());
        assertFalse(FeedSnapshot.affects(r, "1.1.9"));
        assertTrue(FeedSnapshot.affects(r, "1.2.0"));
        assertTrue(FeedSnapshot.affects(r, "1.2.4"));
        assertFalse(FeedSnapshot.affects(r, "1.2.5"));
        assertFalse(FeedSnapshot.affects(r, "1.9.0"));
        assertTrue(FeedSnapshot.affects(r, "2.0.3"));
        assertFalse(FeedSnapshot.affects(r, "2.0.4"));
        FeedRecord maven = new FeedRecord("MAL-TEST-2", List.of(), Instant.EPOCH, null, "", "Maven", "maven", "g:a",
                List.of(), List.of(new FeedRecord.Range("ECOSYSTEM", List.of(new FeedRecord.Event("introduced", "1.0"),
                new FeedRecord.Event("fixed", "1.10")))), List.of());
        assertTrue(FeedSnapshot.affects(maven, "1.9"), "Maven order: 1.9 < 1.10");
        assertFalse(FeedSnapshot.affects(maven, "1.10.0"), "Maven order: 1.10.0 == 1.10");
    }

    @Test
    void aListedDigestMatchesWhateverTheName() {
        Digest listed = new Digest(HashAlgorithm.SHA_256, "ab".repeat(32));
        FeedRecord r = new FeedRecord("MAL-TEST-3", List.of(), Instant.EPOCH, null, "", "npm", "npm", "evil", List.of("1.0.0"),
                List.of(), List.of(listed));
        FeedSnapshot feed = FeedSnapshot.of(Instant.EPOCH, "test", List.of("npm"), 0, "0".repeat(64), List.of(r));
        List<FeedSnapshot.Match> matches = feed.matches(component("pkg:npm/renamed@3.0.0"), List.of(listed));
        assertEquals(1, matches.size());
        assertEquals(FeedSnapshot.MatchedBy.DIGEST, matches.get(0).by());
        assertEquals(List.of(), feed.matches(component("pkg:npm/renamed@3.0.0"),
                List.of(new Digest(HashAlgorithm.SHA_256, "cd".repeat(32)))));
    }
}
