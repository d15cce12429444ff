package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import dev.sbomgate.verify.Reuse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reports say of reused verification (docs/formats.md §1.7): counts in the JSON summary and per component
 * the reused files and each refused one with its reason; one line in text, Markdown and HTML, and in text each refusal.
 */
class ReuseReportTest {

    private static Evidence withReuse(Evidence e, Reuse.Outcome outcome) {
        return new Evidence(e.component(), e.artifactState(), e.artifact(), e.computed(), e.integrity(), e.integrityDetails(),
                e.signatures(), e.error(), e.content(), outcome);
    }

    /** Two components: one whose signature was reused, one whose artifact changed since approval. */
    private static Verdict verdict() {
        Evidence reused = withReuse(ReportScenario.found(ReportScenario.JACKSON, IntegrityStatus.PROVEN, List.of(),
                ReportScenario.signature(SignatureStatus.VERIFIED, ReportScenario.JACKSON_KEY,
                        "artifacts/jackson-annotations-2.21.jar.asc", "verified at approval, result reused")),
                new Reuse.Outcome(List.of("jackson-annotations-2.21.jar.asc"), List.of(), true));
        Evidence changed = withReuse(ReportScenario.found(ReportScenario.OLD, IntegrityStatus.PROVEN, List.of(),
                ReportScenario.signature(SignatureStatus.VERIFIED, ReportScenario.EXAMPLE_KEY, "artifacts/old-0.9.jar.asc",
                        "good signature")),
                new Reuse.Outcome(List.of(), List.of(new Reuse.Refusal("old-0.9.jar.asc", Reuse.ARTIFACT_CHANGED)), false));
        return new Verdict(Path.of("bom.json"), "c".repeat(64), "SHA-256:" + "d".repeat(64), "default", true,
                ReportScenario.NOW, List.of(reused, changed), List.of(), List.of());
    }

    @Test
    void jsonCountsAndNamesEveryRefusalAndValidates() throws Exception {
        String json = new JsonRenderer(Path.of(""), GoldenReportsTest.VERSION).render(verdict());
        assertEquals(List.of(), Schemas.violations(Schemas.load(Schemas.REPORT_SCHEMA, SpecificationVersion.DRAFT_2020_12), json));
        JsonNode report = Schemas.MAPPER.readTree(json);
        assertEquals("{\"enabled\":true,\"reused\":1,\"refused\":1,\"verified\":1,\"content\":1}",
                report.at("/summary/reuse").toString());
        assertEquals("[\"jackson-annotations-2.21.jar.asc\"]", report.at("/components/0/reuse/reused").toString());
        assertEquals("[{\"file\":\"old-0.9.jar.asc\",\"reason\":\"artifact changed\"}]",
                report.at("/components/1/reuse/refused").toString());
    }

    @Test
    void textSaysItOnOneLineThenEachRefusal() {
        String text = new TextRenderer(false, false).render(verdict());
        assertTrue(text.contains("\nReuse: 1 signature check reused from the approval, 1 refused, 1 verified in full;"
                + " 1 content summary reused\n  not reused  pkg:maven/org.example/old@0.9  old-0.9.jar.asc: artifact changed\n"),
                text);
    }

    @Test
    void markdownAndHtmlSayItOnOneLine() {
        String line = "1 signature check reused from the approval, 1 refused, 1 verified in full; 1 content summary reused";
        String md = new MarkdownRenderer(Path.of("")).render(verdict());
        assertTrue(md.contains("Reuse: " + line), md);
        String html = new HtmlRenderer(Path.of(""), "test").render(verdict());
        assertTrue(html.contains(line), html);
    }

    @Test
    void withReuseOffTheTextReportSaysNothingOfIt() {
        assertTrue(!new TextRenderer(false, false).render(ReportScenario.verdict()).contains("Reuse:"));
    }
}
