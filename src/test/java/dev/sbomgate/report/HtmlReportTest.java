package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.finding.RuleId;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report as a document: self-contained, every SBOM value escaped, a CSP that names exactly its inline blocks. */
class HtmlReportTest {
    private final String html = new HtmlRenderer(Path.of(""), GoldenReportsTest.VERSION).render(ReportScenario.verdict());

    @Test
    void isSelfContained() {
        assertEquals(1, count(html, "<script"), "one inline script, ours");
        assertEquals(1, count(html, "<style"), "one inline style");
        for (String external : new String[] {" src=", "<link", "<img", "<iframe", "<object", "<embed", "url(", "@import",
                "http://", "https://"}) {
            assertFalse(html.contains(external), "nothing is loaded from elsewhere: " + external);
        }
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyTheInlineScriptAndStyle() {
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertTrue(csp.find(), "a CSP meta element");
        String policy = csp.group(1);
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        String script = between(html, "<script>", "</script>");
        String style = between(html, "<style>", "</style>");
        assertTrue(policy.contains("script-src '" + HtmlRenderer.sha256(script) + "'"), policy);
        assertTrue(policy.contains("style-src '" + HtmlRenderer.sha256(style) + "'"), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
    }

    @Test
    void sbomTextIsEscaped() {
        assertFalse(html.contains(ReportScenario.HOSTILE_NAME), "the component name is never markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;@1.0"), "it is shown as text");
        assertFalse(html.contains("<b>") || html.contains("<i>"), "nor are approvers' names and reasons");
        assertTrue(html.contains("bob &lt;b&gt;"));
        assertFalse(html.chars().anyMatch(c -> c == 0x202E || c == 0x1B || c == 0 || Character.isSurrogate((char) c)),
                "no control, bidi or surrogate character is written raw");
        assertTrue(html.contains("\\u202egnp.exe"), "they are shown instead");
    }

    @Test
    void showsEverySectionAnAuditorNeeds() {
        for (String id : new String[] {"inputs", "components-table", "changes-table", "findings", "approvals-table", "trust-table", "rules"}) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("<h3 id=\"rule-HASH_MISMATCH\">"), "explanations of the rules behind the findings");
        assertTrue(html.contains(Escape.html(Views.explain(RuleId.HASH_MISMATCH).lines().findFirst().orElseThrow())));
        assertFalse(html.contains("id=\"rule-ROLLBACK\""), "only rules that raised a finding are explained");
        assertTrue(html.contains("SIGNER_CHANGED:pkg:maven/org.example/resigned@2.9.0"), "what an approval accepted");
        assertTrue(html.contains("2026-01-01..2027-12-31"), "a pin's window");
        assertTrue(html.contains("Example release key (" + ReportScenario.EXAMPLE_KEY.hex() + ")"), "a signer by its pin's name");
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = text.indexOf(close, start);
        return text.substring(start + open.length(), end);
    }

    @Test
    void aMismatchOverSeveralAlgorithmsFoldsAllButTheFirstDigestInTheComponentsTable() {
        String page = new HtmlRenderer(Path.of(""), GoldenReportsTest.VERSION).render(ReportScenario.threeDigestsDiffer());
        String table = page.substring(page.indexOf("id=\"components-table\""));
        List<String> lines = ReportScenario.THREE_DIGESTS;
        int first = table.indexOf(lines.get(0));
        int fold = table.indexOf("<details><summary>2 other digests</summary>");
        assertTrue(first > 0 && fold > first, table);
        assertTrue(table.indexOf(lines.get(1)) > fold && table.indexOf(lines.get(2)) > fold, "every digest is still in the report");
    }
}
