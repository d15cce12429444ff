package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SpecificationVersion;
import dev.sbomgate.feed.FeedSummary;
import dev.sbomgate.gate.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19: the feed snapshot's time, age, size and digest are shown in every report with a header; its absence too. */
class FeedLineTest {
    private static final Path HERE = Path.of("");
    private static final String SHA = "ab".repeat(32);

    private static Verdict withFeed(Duration age) {
        Verdict v = ReportScenario.verdict();
        return v.withFeed(new FeedSummary(SHA, v.evaluatedAt().minus(age), 4, List.of("PyPI", "npm")));
    }

    private static List<Renderer> everyReportWithAHeader() {
        return List.of(new TextRenderer(false, false), new JsonRenderer(HERE, "0"), new SarifRenderer(HERE, "0"),
                new JunitRenderer(HERE), new MarkdownRenderer(HERE), new HtmlRenderer(HERE, "0"));
    }

    @Test
    void everyReportShowsTheSnapshotsAgeRecordsAndDigest() {
        Verdict verdict = withFeed(Duration.ofDays(3).plusHours(5));
        for (Renderer r : everyReportWithAHeader()) {
            String report = r.render(verdict);
            String name = r.getClass().getSimpleName();
            assertTrue(report.contains(SHA), name + " shows the snapshot's digest");
            if (r instanceof JsonRenderer) {
                assertTrue(report.replaceAll("\\s", "").contains("\"ageSeconds\":" + Duration.ofDays(3).plusHours(5).toSeconds()), report);
            } else {
                assertTrue(report.contains("3 days old") && report.contains("4 records in force"), name + ": " + report);
            }
        }
    }

    @Test
    void theAgeIsInTheLargestWholeUnit() {
        assertTrue(Views.feedLine(withFeed(Duration.ofHours(5).plusMinutes(59))).contains("(5 hours old)"));
        assertTrue(Views.feedLine(withFeed(Duration.ofMinutes(1))).contains("(1 minute old)"));
        assertTrue(Views.feedLine(withFeed(Duration.ofDays(1))).contains("(1 day old)"));
    }

    @Test
    void noSnapshotIsSaidInEveryReport() {
        Verdict verdict = ReportScenario.verdict();
        for (Renderer r : everyReportWithAHeader()) {
            String report = r.render(verdict);
            assertTrue(report.contains("no feed snapshot") || report.replaceAll("\\s", "").contains("\"feed\":null"),
                    r.getClass().getSimpleName());
        }
    }

    @Test
    void aReportWithAFeedValidatesAgainstTheSchema() {
        var schema = Schemas.load(Schemas.REPORT_SCHEMA, SpecificationVersion.DRAFT_2020_12);
        assertEquals(List.of(), Schemas.violations(schema, new JsonRenderer(HERE, "0").render(withFeed(Duration.ofDays(2)))));
    }
}
