package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.manifest.Declaration;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GitLab Code Quality: the fields GitLab reads, one issue per finding, fingerprints unique and stable across line moves. */
class CodeQualityReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode render(Verdict verdict, Map<String, Declaration> declared) throws Exception {
        return JSON.readTree(new CodeQualityRenderer(Path.of(""), declared).render(verdict));
    }

    private static JsonNode hashMismatch(JsonNode issues) {
        for (JsonNode issue : issues) {
            if (issue.path("check_name").asText().equals("HASH_MISMATCH")) {
                return issue;
            }
        }
        throw new AssertionError("no HASH_MISMATCH issue in " + issues);
    }

    @Test
    void oneIssuePerFindingWithTheFieldsGitlabReads() throws Exception {
        JsonNode issues = render(ReportScenario.verdict(), Map.of());
        Verdict verdict = ReportScenario.verdict();
        assertEquals(verdict.findings().size(), issues.size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                assertTrue(issue.path(field).isTextual(), field + " in " + issue);
            }
            assertTrue(issue.path("location").path("path").isTextual());
            assertTrue(issue.path("location").path("lines").path("begin").asInt() >= 1);
            assertTrue(List.of("info", "minor", "major", "critical", "blocker").contains(issue.get("severity").asText()));
            assertTrue(fingerprints.add(issue.get("fingerprint").asText()), "unique fingerprints");
        }
        JsonNode tampered = hashMismatch(issues);
        assertEquals("HASH_MISMATCH", tampered.get("check_name").asText());
        assertEquals("blocker", tampered.get("severity").asText());
        assertEquals("bom.json", tampered.at("/location/path").asText());
        assertEquals(31, tampered.at("/location/lines/begin").asInt(), "the SBOM line when no manifest declares it");
    }

    @Test
    void fingerprintsDoNotMoveWithLinesAndDifferForTwinFindings() throws Exception {
        JsonNode sbom = render(ReportScenario.verdict(), Map.of());
        JsonNode manifest = render(ReportScenario.verdict(), Map.of("tampered", new Declaration(Path.of("pom.xml"), 12, null)));
        assertEquals(hashMismatch(sbom).get("fingerprint"), hashMismatch(manifest).get("fingerprint"));
        assertEquals("pom.xml", hashMismatch(manifest).at("/location/path").asText());
        assertEquals(12, hashMismatch(manifest).at("/location/lines/begin").asInt());

        Finding one = new Finding(RuleId.UNSIGNED, Severity.WARN, "pkg:npm/a@1.0.0", "no signature", "", "first", "", null);
        Finding two = new Finding(RuleId.UNSIGNED, Severity.WARN, "pkg:npm/a@1.0.0", "no signature", "", "second", "", null);
        Verdict twins = new Verdict(Path.of("bom.json"), "c".repeat(64), "d", "default", true, ReportScenario.NOW, List.of(),
                List.of(), List.of(one, two));
        JsonNode issues = render(twins, Map.of());
        assertNotEquals(issues.get(0).get("fingerprint"), issues.get(1).get("fingerprint"));
    }

    @Test
    void aTransitiveComponentPointsAtTheDirectDependencyAndSaysSo() throws Exception {
        JsonNode issues = render(ReportScenario.verdict(),
                Map.of("tampered", new Declaration(Path.of("package.json"), 7, "express")));
        assertEquals("package.json", hashMismatch(issues).at("/location/path").asText());
        assertTrue(hashMismatch(issues).get("description").asText().contains("(transitive: brought in by express, which this line declares)"),
                hashMismatch(issues).toString());
    }
}
