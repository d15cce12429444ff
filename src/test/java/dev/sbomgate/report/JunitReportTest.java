package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML: well-formed for the JDK's parser whatever the SBOM holds, one test case per component. */
class JunitReportTest {
    private final JunitRenderer renderer = new JunitRenderer(Path.of(""));

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneTestCasePerComponentFailedByItsBlockingFindings() throws Exception {
        Document doc = parse(renderer.render(ReportScenario.verdict()));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList cases = doc.getElementsByTagName("testcase");
        // 6 components, plus the SBOM-level finding and the finding about a component the candidate no longer has.
        assertEquals(8, cases.getLength());
        assertEquals("8", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"), "missing, resigned and tampered fail");
        assertEquals(3, doc.getElementsByTagName("failure").getLength());
        Element tampered = testCase(doc, "pkg:maven/org.example/tampered@1.2.0");
        Element failure = (Element) tampered.getElementsByTagName("failure").item(0);
        assertEquals("HASH_MISMATCH", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("BAD_SIGNATURE"), "every blocking finding is in the failure");
        Element requests = testCase(doc, "pkg:pypi/requests@2.32.0");
        assertEquals(0, requests.getElementsByTagName("failure").getLength(), "a warning does not fail the test case");
        assertTrue(requests.getElementsByTagName("system-out").item(0).getTextContent().contains("UNSIGNED"));
        Element clean = testCase(doc, "pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21");
        assertEquals(0, clean.getElementsByTagName("failure").getLength(), "a clean component passes");
        assertEquals("evidence tier PUBLISHER: OpenPGP signature",
                clean.getElementsByTagName("system-out").item(0).getTextContent(), "its evidence is shown");
    }

    @Test
    void hostileTextIsEscapedAndShownNotInterpreted() throws Exception {
        Document doc = parse(renderer.render(ReportScenario.verdict()));
        Element hostile = testCase(doc, ReportScenario.HOSTILE_NAME + "@1.0");
        String out = hostile.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.contains("\\u001b[31mred\\u0007 \\u202egnp.exe \\u0000 \\ud800 & \"quotes\""), out);
        assertEquals(0, doc.getElementsByTagName("script").getLength(), "no markup from the SBOM becomes an element");
    }

    @Test
    void everyCodePointAnSbomCanHoldStillGivesWellFormedXml() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x100; c++) {
            all.append((char) c);
        }
        all.append("\uD800 \uDFFF \uFFFE \uFFFF \u2028 \uD83D\uDE00 ]]> <![CDATA[ x ]]> &amp; &#0; <!-- -->");
        String text = all.toString();
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(RuleId.UNSIGNED, Severity.BLOCK, text, text, text, text, text, text));
        findings.add(new Finding(RuleId.NEW_COMPONENT, Severity.WARN, text, text, text, text, text, null));
        Verdict verdict = new Verdict(Path.of("bom.json"), text, text, text, true, ReportScenario.NOW,
                List.of(ReportScenario.found(ReportScenario.JACKSON, IntegrityStatus.PROVEN, List.of())), List.of(), findings);
        Document doc = parse(renderer.render(verdict));
        assertEquals(2, doc.getElementsByTagName("testcase").getLength());
        Element odd = (Element) doc.getElementsByTagName("testcase").item(1);
        assertTrue(odd.getAttribute("name").contains("\\u0000") && odd.getAttribute("name").contains("\\ud800"), odd.getAttribute("name"));
        assertTrue(odd.getAttribute("name").contains("\uD83D\uDE00"), "a valid pair (an emoji) is kept");
    }

    private static Element testCase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no test case named " + name);
    }
}
