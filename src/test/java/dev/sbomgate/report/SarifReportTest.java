package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import dev.sbomgate.rules.Rule;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.rules.Rules;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SARIF report against the official OASIS SARIF 2.1.0 schema, and what GitHub code scanning relies on. */
class SarifReportTest {
    private static Schema schema;
    private final SarifRenderer renderer = new SarifRenderer(Path.of(""), GoldenReportsTest.VERSION);

    @BeforeAll
    static void loadSchema() {
        schema = Schemas.load(Schemas.SARIF_SCHEMA, SpecificationVersion.DRAFT_7);
    }

    @Test
    void validatesAgainstTheSarif210Schema() {
        assertEquals(List.of(), Schemas.violations(schema, renderer.render(ReportScenario.verdict())));
        assertEquals(List.of(), Schemas.violations(schema, renderer.render(ReportScenario.firstUse())));
    }

    @Test
    void theSchemaIsReallyChecked() throws Exception {
        ObjectNode sarif = (ObjectNode) Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict()));
        ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(Schemas.violations(schema, sarif.toString()).isEmpty(), "'fatal' is no SARIF level");
        ObjectNode other = (ObjectNode) Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict()));
        ((ObjectNode) other.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        assertFalse(Schemas.violations(schema, other.toString()).isEmpty(), "lines start at 1");
    }

    @Test
    void oneRulePerRuleIdWithItsExplainTextAsHelp() throws Exception {
        JsonNode rules = Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict())).at("/runs/0/tool/driver/rules");
        assertEquals(RuleId.values().length, rules.size());
        for (Rule rule : Rules.all()) {
            JsonNode descriptor = rules.get(rule.id().ordinal());
            assertEquals(rule.id().name(), descriptor.get("id").asText());
            assertEquals(rule.explain().strip(), descriptor.at("/help/text").asText());
            assertTrue(descriptor.at("/properties/tags").toString().contains("security"), "code scanning files it as security");
        }
    }

    @Test
    void resultsPointAtTheSbomLineWithLevelsFromSeverity() throws Exception {
        JsonNode results = Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict())).at("/runs/0/results");
        JsonNode hash = JsonReportSchemaTest.find(results, "ruleId", "HASH_MISMATCH");
        assertEquals("error", hash.get("level").asText());
        assertEquals("bom.json", hash.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(31, hash.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("pkg:maven/org.example/tampered@1.2.0", hash.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals(RuleId.HASH_MISMATCH.ordinal(), hash.get("ruleIndex").asInt());
        assertEquals("warning", JsonReportSchemaTest.find(results, "ruleId", "UNSIGNED").get("level").asText());
        assertEquals("note", JsonReportSchemaTest.find(results, "ruleId", "LICENSE_CHANGED").get("level").asText());
        JsonNode missing = JsonReportSchemaTest.find(results, "ruleId", "MISSING_ARTIFACT");
        assertEquals(1, missing.at("/locations/0/physicalLocation/region/startLine").asInt(), "no known line: the file's first");
    }

    @Test
    void partialFingerprintsAreStableAndDistinct() throws Exception {
        JsonNode first = Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict())).at("/runs/0/results");
        JsonNode second = Schemas.MAPPER.readTree(new SarifRenderer(Path.of("elsewhere"), "9.9.9").render(ReportScenario.verdict()))
                .at("/runs/0/results");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            String fingerprint = first.get(i).at("/partialFingerprints/" + SarifRenderer.FINGERPRINT_KEY.replace("/", "~1")).asText();
            assertEquals(64, fingerprint.length());
            assertEquals(fingerprint, second.get(i).at("/partialFingerprints/" + SarifRenderer.FINGERPRINT_KEY.replace("/", "~1")).asText(),
                    "the same finding keeps its fingerprint whatever the version or directory");
            assertTrue(seen.add(fingerprint), "two findings never share one");
        }
        assertNotEquals(first.get(0).toString(), first.get(1).toString());
    }

    @Test
    void findingsPointAtTheManifestLineThatDeclaresTheComponentAndSayWhenTransitive() throws Exception {
        java.util.Map<String, dev.sbomgate.manifest.Declaration> declared = java.util.Map.of(
                "tampered", new dev.sbomgate.manifest.Declaration(Path.of("pom.xml"), 12, null),
                "resigned", new dev.sbomgate.manifest.Declaration(Path.of("web/package.json"), 7, "pkg:npm/express@4.19.2"));
        JsonNode sarif = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                new SarifRenderer(Path.of(""), GoldenReportsTest.VERSION, declared).render(ReportScenario.verdict()));
        boolean sawPom = false;
        boolean sawTransitive = false;
        for (JsonNode result : sarif.at("/runs/0/results")) {
            JsonNode physical = result.at("/locations/0/physicalLocation");
            String uri = physical.at("/artifactLocation/uri").asText();
            if (result.at("/properties/subject").asText().contains("tampered")) {
                assertEquals("pom.xml", uri);
                assertEquals(12, physical.at("/region/startLine").asInt());
                assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
                sawPom = true;
            } else if (result.at("/properties/subject").asText().contains("resigned")) {
                assertEquals("web/package.json", uri);
                assertTrue(result.at("/message/text").asText().endsWith(
                        "Location: transitive: brought in by pkg:npm/express@4.19.2, which this line declares"));
                sawTransitive = true;
            } else if (!result.at("/properties/subject").isNull() && result.at("/properties/subject").asText().contains("requests")) {
                assertEquals("bom.json", uri, "undeclared components keep their SBOM line");
                assertEquals(65, physical.at("/region/startLine").asInt());
            }
        }
        assertTrue(sawPom && sawTransitive);
        String annotations = new GithubAnnotationRenderer(Path.of(""), declared).render(ReportScenario.verdict());
        assertTrue(annotations.contains("::error file=pom.xml,line=12,title=HASH_MISMATCH"), annotations);
    }
}
