package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal report: verdict first, blocking findings grouped by component, colour only when asked, -q one line. */
class TextReportTest {
    @Test
    void verdictFirstThenBlockingGroupedByComponentThenWarnings() {
        String text = new TextRenderer(false, false).render(ReportScenario.verdict());
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("BLOCKED: 4 blocking findings, 3 warnings; 6 components"), lines.get(0));
        int blocking = text.indexOf("Blocking (4)");
        int warnings = text.indexOf("Warnings (3)");
        assertTrue(blocking > 0 && warnings > blocking);
        int tampered = text.indexOf("\npkg:maven/org.example/tampered@1.2.0\n");
        assertTrue(tampered > blocking && text.indexOf("HASH_MISMATCH", tampered) < text.indexOf("BAD_SIGNATURE", tampered),
                "both findings of a component under one heading");
        assertEquals(1, text.split("\npkg:maven/org.example/tampered@1.2.0\n", -1).length - 1, "a component is named once per section");
        assertTrue(text.contains("fix:      sbomgate approve --sbom bom.json --artifacts artifacts --accept 'UNTRUSTED_SIGNER:"),
                "the exact command to approve");
    }

    @Test
    void colourOnlyWhenAskedAndNeverFromTheSbom() {
        String plain = new TextRenderer(false, false).render(ReportScenario.verdict());
        assertFalse(plain.contains("\u001b"), "no escape character at all without colour, not even from the SBOM");
        String colour = new TextRenderer(true, false).render(ReportScenario.verdict());
        assertTrue(colour.startsWith("\u001b[1m\u001b[31mBLOCKED\u001b[0m"), colour);
        assertTrue(colour.contains("\\u001b[31mred"), "the SBOM's escape sequence is shown, not sent to the terminal");
    }

    @Test
    void quietIsTheVerdictLineAlone() {
        assertEquals(List.of("PASSED: 0 blocking findings, 0 warnings; 1 component checked with no baseline (first use) (policy default)"),
                new TextRenderer(false, true).render(ReportScenario.firstUse()).lines().toList());
        assertEquals(1, new TextRenderer(false, true).render(ReportScenario.verdict()).lines().count());
    }
}
