package dev.sbomgate.trust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanYamlTest {

    static TrustPlan plan() {
        TrustPlan.Info info = new TrustPlan.Info(List.of("Tatu Saloranta <tatu@fasterxml.com>", "yes"), "RSA-4096",
                Instant.parse("2022-08-13T20:18:26Z"), null,
                List.of("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.21.3"));
        return new TrustPlan(Instant.parse("2026-12-07T01:00:00Z"), "SHA-256:" + "a".repeat(64),
                new TrustPlan.Sbom("target/bom.json", "b".repeat(64)),
                List.of(new TrustPlan.Pin(TrustPlan.Action.ADD_KEY, "FasterXML 2022",
                                new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181"),
                                "evidence/keys/28118C070CB22A0175A2E8D43D12CA2AC19F3181.asc", "c".repeat(64),
                                List.of("pkg:maven/com.fasterxml.jackson.core/*"), LocalDate.parse("2026-01-01"), null, info),
                        new TrustPlan.Pin(TrustPlan.Action.SET_SCOPES, null,
                                new Fingerprint("60200AC4AE761F1614D6C46766D68DAA073BE985"), null, null,
                                List.of("pkg:maven/ch.qos.logback/*", "pkg:maven/org.slf4j/*"), null, null, null)),
                List.of(new TrustPlan.Unresolved("2C7B12F2A511E325", "key not found",
                        List.of("pkg:maven/org.slf4j/slf4j-api@2.0.17"), new TrustPlan.Waiver("UNTRUSTED_SIGNER",
                        "pkg:maven/org.slf4j/*", "no key yet", LocalDate.parse("2027-03-01")))));
    }

    @Test
    void aPlanReadsBackAsWritten() {
        TrustPlan plan = plan();
        String text = PlanYaml.write(plan);
        assertEquals(plan, PlanYaml.read(text.getBytes(StandardCharsets.UTF_8), "plan.yaml"));
        assertTrue(text.startsWith("plan: 1\ncreated: \"2026-12-07T01:00:00Z\"\ntrustStoreDigest: "), text);
        assertFalse(text.contains("---"), "one document, no start marker: " + text);
        // a value YAML 1.1 would read as a boolean stays a string
        assertTrue(text.contains("- \"yes\""), text);
        assertEquals(text, PlanYaml.write(PlanYaml.read(text.getBytes(StandardCharsets.UTF_8), "plan.yaml")),
                "written deterministically");
    }

    @Test
    void theDocumentedExampleReads() {
        String example = """
                plan: 1
                created: 2026-12-07T01:00:00Z
                trustStoreDigest: "SHA-256:d3db0229628cb2af41f082dd2c7c6604293cf56b6d6156f41f430e1d852c350b"
                sbom: {path: target/bom.json, sha256: "00"}
                pins:
                  - action: add-key
                    name: "FasterXML (Tatu Saloranta) 2022"
                    fingerprint: 28118C070CB22A0175A2E8D43D12CA2AC19F3181
                    keyFile: evidence/keys/28118C070CB22A0175A2E8D43D12CA2AC19F3181.asc
                    keyFileSha256: "00"
                    scopes: ["pkg:maven/com.fasterxml.jackson.*/*"]
                    notBefore: null
                    notAfter: null
                    info:
                      userIds: ["Tatu Saloranta <tatu@fasterxml.com>"]
                      algorithm: RSA-4096
                      created: 2022-01-03T00:00:00Z
                      expires: null
                      signs: ["pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.21.3"]
                unresolved:
                  - issuer: "2C7B12F2A511E325"
                    components: ["pkg:maven/org.slf4j/slf4j-api@2.0.17"]
                    waiver: {rule: UNTRUSTED_SIGNER, purl: "pkg:maven/org.slf4j/*", reason: "…", expires: 2027-03-01}
                """;
        TrustPlan plan = PlanYaml.read(example.getBytes(StandardCharsets.UTF_8), "example.yaml");
        assertEquals(1, plan.pins().size());
        assertEquals(LocalDate.parse("2027-03-01"), plan.unresolved().get(0).waiver().expires());
    }

    @Test
    void strictReadingNamesTheKey() {
        String text = PlanYaml.write(plan());
        assertMessage(text.replace("  - action: \"set-scopes\"\n", "  - action: \"set-scopes\"\n    name: \"x\"\n"),
                "pins[1]: a set-scopes entry names only the fingerprint and the new scopes");
        assertMessage(text.replace("    keyFileSha256: \"" + "c".repeat(64) + "\"\n", ""),
                "pins[0]: an add-key entry names the pin (name), its key file (keyFile) and the file's SHA-256");
        assertMessage(text.replace("notBefore: \"2026-01-01\"", "notBefore: \"2026-1-1\""),
                "pins[0].notBefore: expected a date like 2027-01-31");
        assertMessage(text.replace("\"28118C070CB22A0175A2E8D43D12CA2AC19F3181\"\n", "\"2C7B12F2A511E325\"\n"),
                "pins[0].fingerprint: a fingerprint is 40 or 64 hex digits");
        assertMessage(text.replace("created: \"2026-12-07T01:00:00Z\"\n", ""), "created: missing");
        assertMessage("- 1\n", "a trust plan is a YAML mapping");
        assertMessage(text + "extra: 1\n", "extra: unknown key");
        assertMessage("plan: [\n", "not a valid YAML trust plan");
    }

    private static void assertMessage(String text, String expected) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PlanYaml.read(text.getBytes(StandardCharsets.UTF_8), "p.yaml"));
        assertTrue(e.getMessage().startsWith("p.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
