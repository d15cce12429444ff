package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown summary and the GitHub workflow annotations: hostile text stays literal text. */
class MarkdownAndAnnotationsTest {
    private final String markdown = new MarkdownRenderer(Path.of("")).render(ReportScenario.verdict());
    private final String annotations = new GithubAnnotationRenderer(Path.of("")).render(ReportScenario.verdict());

    @Test
    void markdownStartsWithTheVerdictAndListsFindingsBySeverity() {
        assertTrue(markdown.startsWith("## ❌ sbomgate: BLOCKED\n"), markdown);
        assertTrue(markdown.indexOf("### Blocking (4)") < markdown.indexOf("### Warnings (3)"));
        assertTrue(markdown.contains("### Changes against the baseline (4)"));
        assertTrue(new MarkdownRenderer(Path.of("")).render(ReportScenario.firstUse()).startsWith("## ✅ sbomgate: PASSED\n"));
    }

    @Test
    void markdownCarriesNoMarkupFromTheSbom() {
        assertFalse(markdown.contains("<script"), "no HTML from the SBOM");
        assertFalse(markdown.contains("@octocat"), "no user mention");
        assertFalse(markdown.contains("#1 "), "no issue link");
        assertTrue(markdown.contains("&#64;\u2060octocat") && markdown.contains("&#35;\u2060" + "1"), "shown with a word joiner instead");
        for (String line : markdown.lines().filter(l -> l.startsWith("| ")).toList()) {
            long cells = line.chars().filter(c -> c == '|').count();
            assertTrue(cells == 4 || cells == 6, "a pipe from the SBOM never adds a table cell: " + line);
        }
        assertTrue(markdown.contains("<code>sbomgate approve &#45;&#45;sbom bom&#46;json &#45;&#45;artifacts artifacts &#45;&#45;accept "
                + "&#39;UNTRUSTED&#95;SIGNER&#58;pkg&#58;maven/org&#46;example/resigned&#64;3&#46;0&#46;0&#39;"),
                "commands are code without word joiners, so a copied command is exact");
    }

    @Test
    void markdownStaysUnderGithubsCommentLimit() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(new Finding(RuleId.UNSIGNED, Severity.BLOCK, "pkg:maven/org.example/lib" + i + "@1.0", "no signature",
                    "a signature", "none", "x".repeat(100), null));
        }
        Verdict big = new Verdict(Path.of("bom.json"), "c".repeat(64), "SHA-256:" + "d".repeat(64), "default", true, ReportScenario.NOW,
                List.of(ReportScenario.found(ReportScenario.JACKSON, IntegrityStatus.PROVEN, List.of())), List.of(), many);
        String md = new MarkdownRenderer(Path.of("")).render(big);
        assertTrue(md.length() < 65_536, "GitHub refuses comments over 65536 characters: " + md.length());
        assertTrue(md.contains("more item(s) left out"), "and says what it left out");
        assertTrue(md.startsWith("## ❌ sbomgate: BLOCKED"));
    }

    @Test
    void oneAnnotationPerFindingOnOneLine() {
        List<String> lines = annotations.lines().toList();
        assertEquals(ReportScenario.verdict().findings().size(), lines.size());
        assertEquals(4, lines.stream().filter(l -> l.startsWith("::error ")).count());
        assertEquals(3, lines.stream().filter(l -> l.startsWith("::warning ")).count());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("::notice ")).count());
        assertTrue(lines.contains("::error file=bom.json,line=31,title=BAD_SIGNATURE pkg%3Amaven/org.example/tampered@1.2.0::"
                + "a signature is present and does not verify%0AExpected: a valid signature by the pinned key%0A"
                + "Found: the signature does not match the file's bytes%0AFix: Do not use this file."), annotations);
    }

    @Test
    void annotationValuesAreEscapedAsTheActionsToolkitDoes() {
        assertEquals("a%25b%0D%0Ac::d", GithubAnnotationRenderer.data("a%b\r\nc::d"));
        assertEquals("a%25b%0D%0Ac%3A%3Ad%2Ce", GithubAnnotationRenderer.property("a%b\r\nc::d,e"));
        Finding hostile = new Finding(RuleId.UNSIGNED, Severity.BLOCK, "pkg:npm/x,title=fake::@1", "line\n::error::injected",
                "", "", "", null);
        Verdict verdict = new Verdict(Path.of("bom.json"), "c".repeat(64), "SHA-256:" + "d".repeat(64), "default", true,
                ReportScenario.NOW, List.of(), List.of(), List.of(hostile));
        String out = new GithubAnnotationRenderer(Path.of("")).render(verdict);
        assertEquals(1, out.lines().count(), "a newline in SBOM text cannot start a second command: " + out);
        assertTrue(out.startsWith("::error file=bom.json,title=UNSIGNED pkg%3Anpm/x%2Ctitle=fake%3A%3A@1::"), out);
    }
}
