package dev.sbomgate.report;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML, as CI systems (Jenkins, GitLab, GitHub test reporters) read it: one test case per component, failed by
 * its blocking findings, with warnings as system-out; findings about the SBOM itself, or about components the
 * candidate no longer has, are test cases of their own. Every value is XML-escaped, and characters XML 1.0 cannot
 * carry at all are shown as {@code \\uXXXX}, so hostile SBOM text cannot break the document.
 */
public final class JunitRenderer implements Renderer {
    private final ReportPaths paths;

    /** @param workingDirectory the SBOM's path is written relative to it */
    public JunitRenderer(Path workingDirectory) {
        this.paths = new ReportPaths(workingDirectory);
    }

    /** @param evidence the component's evidence tier and evidence, one line each (empty when no artifact was read) */
    private record TestCase(String classname, String name, List<Finding> findings, List<String> evidence) {
        List<Finding> blocking() {
            return findings.stream().filter(Finding::blocks).toList();
        }

        List<Finding> others() {
            return findings.stream().filter(f -> !f.blocks()).toList();
        }
    }

    @Override
    public String render(Verdict verdict) {
        List<TestCase> cases = new ArrayList<>();
        for (Evidence e : Views.components(verdict)) {
            List<String> evidence = new ArrayList<>();
            if (!Views.tier(e).isEmpty()) {
                evidence.add("evidence tier " + Views.tier(e));
                Views.evidence(e).forEach(line -> evidence.add("evidence: " + line));
            }
            cases.add(new TestCase("sbomgate.components", e.component().label(), verdict.findingsAbout(e.component().label()),
                    evidence));
        }
        Map<String, List<Finding>> unattached = new LinkedHashMap<>(Views.bySubject(Views.unattached(verdict)));
        unattached.forEach((subject, findings) -> cases.add(new TestCase(
                subject.equals(Views.GATE_SUBJECT) ? "sbomgate.gate" : "sbomgate.findings", subject, findings, List.of())));
        long failures = cases.stream().filter(c -> !c.blocking().isEmpty()).count();
        // The timestamp attribute of the common JUnit XML schema: ISO 8601 without a zone, here UTC.
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
                .format(LocalDateTime.ofInstant(verdict.evaluatedAt(), ZoneOffset.UTC));

        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"sbomgate\" tests=\"").append(cases.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        xml.append("  <testsuite name=\"").append(attr("sbomgate check " + paths.show(verdict.sbomFile())))
                .append("\" tests=\"").append(cases.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"").append(timestamp).append("\">\n");
        xml.append("    <properties>\n");
        property(xml, "verdict", verdict.blocked() ? "blocked" : "passed");
        property(xml, "sbom", paths.show(verdict.sbomFile()));
        property(xml, "sbomSha256", verdict.sbomSha256());
        property(xml, "trustStoreDigest", verdict.trustDigest());
        property(xml, "policy", verdict.policyName());
        property(xml, "baseline", String.valueOf(verdict.hasBaseline()));
        property(xml, "feed", Views.feedLine(verdict));
        xml.append("    </properties>\n");
        for (TestCase c : cases) {
            testCase(xml, c);
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static void testCase(StringBuilder xml, TestCase c) {
        xml.append("    <testcase classname=\"").append(attr(c.classname())).append("\" name=\"").append(attr(c.name()))
                .append("\" time=\"0\"");
        List<Finding> blocking = c.blocking();
        List<Finding> others = c.others();
        if (blocking.isEmpty() && others.isEmpty() && c.evidence().isEmpty()) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        if (!blocking.isEmpty()) {
            String rules = blocking.stream().map(f -> f.rule().name()).distinct().collect(Collectors.joining(", "));
            String message = blocking.size() == 1 ? blocking.get(0).rule().name() + ": " + blocking.get(0).title()
                    : blocking.size() + " blocking findings: " + rules;
            xml.append("      <failure type=\"").append(attr(blocking.get(0).rule().name())).append("\" message=\"")
                    .append(attr(message)).append("\">");
            xml.append(text(describe(blocking)));
            xml.append("</failure>\n");
        }
        if (!others.isEmpty() || !c.evidence().isEmpty()) {
            // the component's evidence first (tier, registry signature, provenance), then its non-blocking findings
            String evidence = String.join("\n", c.evidence());
            String findings = others.isEmpty() ? "" : describe(others);
            if (!evidence.isEmpty()) {
                findings = findings.stripLeading();
            }
            xml.append("      <system-out>").append(text(evidence.isEmpty() ? findings
                    : findings.isEmpty() ? evidence : evidence + "\n\n" + findings)).append("</system-out>\n");
        }
        xml.append("    </testcase>\n");
    }

    private static String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append('\n').append(f.severity().label().toUpperCase(Locale.ROOT)).append(' ')
                    .append(f.rule().name()).append(": ").append(Untrusted.oneLine(f.title())).append('\n');
            line(sb, "expected", f.expected());
            line(sb, "found", f.found());
            line(sb, "why", f.rule().summary());
            line(sb, "fix", f.fix());
            line(sb, "waived", f.waivedBy());
        }
        return sb.append('\n').toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("  ").append(label).append(": ").append(Untrusted.oneLine(value)).append('\n');
        }
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value == null ? "" : value))
                .append("\"/>\n");
    }

    private static String attr(String value) {
        return Escape.xml(Untrusted.oneLine(value), true);
    }

    private static String text(String value) {
        return Escape.xml(value, false);
    }
}
