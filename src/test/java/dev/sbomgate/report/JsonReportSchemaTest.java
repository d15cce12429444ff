package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON report against docs/report.schema.json, and what the report carries beyond the findings. */
class JsonReportSchemaTest {
    private static Schema schema;
    private final JsonRenderer renderer = new JsonRenderer(Path.of(""), GoldenReportsTest.VERSION);

    @BeforeAll
    static void loadSchema() {
        schema = Schemas.load(Schemas.REPORT_SCHEMA, SpecificationVersion.DRAFT_2020_12);
    }

    @Test
    void theScenarioReportValidates() {
        List<String> violations = Schemas.violations(schema, renderer.render(ReportScenario.verdict()));
        assertEquals(List.of(), violations);
    }

    @Test
    void aFirstUseReportWithNothingInItValidates() {
        assertEquals(List.of(), Schemas.violations(schema, renderer.render(ReportScenario.firstUse())));
    }

    @Test
    void theSchemaRejectsWhatTheReportMustNotContain() throws Exception {
        ObjectNode report = (ObjectNode) Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict()));
        report.put("verdict", "maybe");
        assertFalse(Schemas.violations(schema, report.toString()).isEmpty(), "an unknown verdict is invalid");
        report.put("verdict", "blocked");
        report.remove("inputs");
        assertFalse(Schemas.violations(schema, report.toString()).isEmpty(), "inputs are required");
        ObjectNode again = (ObjectNode) Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict()));
        ((ObjectNode) again.get("components").get(0)).put("unexpected", 1);
        assertFalse(Schemas.violations(schema, again.toString()).isEmpty(), "components have no undocumented fields");
    }

    @Test
    void carriesInputsEvidenceApprovalsAndTheTrustInventory() throws Exception {
        JsonNode report = Schemas.MAPPER.readTree(renderer.render(ReportScenario.verdict()));
        assertEquals("blocked", report.get("verdict").asText());
        assertEquals("c".repeat(64), report.at("/inputs/sbomSha256").asText());
        assertEquals("4".repeat(64), report.at("/inputs/baselineSha256").asText(), "the last approval's baseline digest");
        assertEquals(4, report.at("/summary/block").asInt());
        JsonNode tampered = find(report.get("components"), "component", "pkg:maven/org.example/tampered@1.2.0");
        assertEquals(31, tampered.get("line").asInt());
        assertEquals("mismatch", tampered.get("integrity").asText());
        assertEquals("bad_signature", tampered.get("signatureStatus").asText());
        assertEquals(ReportScenario.EXAMPLE_KEY.hex(), tampered.get("signer").asText());
        assertEquals("bob <b>", report.at("/approvals/1/approvedBy").asText());
        JsonNode example = find(report.get("trustStore"), "name", "Example release key");
        assertEquals(List.of("<script>alert(1)</script>@1.0", "pkg:maven/org.example/tampered@1.2.0"),
                Schemas.MAPPER.convertValue(example.get("signed"), List.class));
        assertEquals("2027-12-31", example.get("notAfter").asText());
    }

    @Test
    void hostileTextIsKeptExactlyButWrittenAsEscapes() throws Exception {
        String json = renderer.render(ReportScenario.verdict());
        assertTrue(json.chars().allMatch(c -> c < 0x80 || (c >= 0xA0 && !Character.isSurrogate((char) c) && c != 0x202E)),
                "no control, bidi or surrogate character is written raw");
        assertTrue(json.contains("\\u202E") && json.contains("\\uD800") && json.contains("\\u001B"), json);
        JsonNode report = Schemas.MAPPER.readTree(json);
        JsonNode finding = find(report.get("findings"), "rule", "NEW_COMPONENT");
        assertEquals(ReportScenario.CONTROL_TEXT, finding.get("found").asText(), "the data itself is unchanged");
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }
}
