package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.Component;
import java.nio.file.Path;
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

    @Test
    void aPassingUpgradeNamesTheUpgradeBeforeAnyFinding() {
        String text = new TextRenderer(false, false).render(ReportScenario.passingUpgrade());
        assertTrue(text.startsWith("PASSED"), text);
        int changes = text.indexOf("Changes against the baseline (1)\n"
                + "  upgraded  pkg:maven/com.fasterxml.jackson.core/jackson-annotations  2.20 -> 2.21 (minor)\n");
        assertTrue(changes > 0, text);
        assertTrue(changes < text.indexOf("Warnings (1)"), "what changed comes before the findings");
    }

    @Test
    void changesComeInTheOrderUpgradesAddedRemovedThenTheRest() {
        String text = new TextRenderer(false, false).render(ReportScenario.verdict());
        int upgraded = text.indexOf("  upgraded ");
        int added = text.indexOf("  added ");
        int removed = text.indexOf("  removed ");
        int licence = text.indexOf("  license changed ");
        assertTrue(0 < upgraded && upgraded < added && added < removed && removed < licence, text);
        assertTrue(licence < text.indexOf("Blocking (4)"), "changes before the blocking findings");
    }

    @Test
    void withABaselineAndNoChangesTheReportSaysSo() {
        Verdict none = new Verdict(Path.of("bom.json"), "c".repeat(64), "d", "default", true, ReportScenario.NOW,
                List.of(), List.of(), List.of());
        assertTrue(new TextRenderer(false, false).render(none).contains("\nNo changes against the baseline.\n"));
        assertFalse(new TextRenderer(false, false).render(ReportScenario.firstUse()).contains("No changes"),
                "no baseline, nothing to compare with");
    }

    @Test
    void waivedFindingsAreOneLineUnlessVerbose() {
        String text = new TextRenderer(false, false).render(ReportScenario.passingUpgrade());
        assertTrue(text.contains("Waived (1, one line each; --verbose shows them in full)\n"
                + "  UNSIGNED  pkg:pypi/requests@2.32.0: no signature (waived: vendor ships no signatures (SEC-1), until 2027-01-01)\n"), text);
        assertFalse(text.contains("expected: a signature"), "the waived finding's block is folded");
        String verbose = new TextRenderer(false, false, false, true).render(ReportScenario.passingUpgrade());
        assertTrue(verbose.contains("      expected: a signature\n"), verbose);
        assertTrue(verbose.contains("      waived:   vendor ships no signatures (SEC-1), until 2027-01-01\n"), verbose);
        assertFalse(verbose.contains("Waived (1"), verbose);
    }

    @Test
    void aMismatchOverSeveralAlgorithmsShowsTheFirstAndCountsTheOthers() {
        String text = new TextRenderer(false, false).render(ReportScenario.threeDigestsDiffer());
        assertTrue(text.contains("found:    " + ReportScenario.THREE_DIGESTS.get(0)
                + " (and 2 other algorithms; --verbose, or the JSON or HTML report, lists all)\n"), text);
        assertFalse(text.contains("SHA-384"), text);
        String verbose = new TextRenderer(false, false, false, true).render(ReportScenario.threeDigestsDiffer());
        assertTrue(verbose.contains("SHA-384") && verbose.contains("SHA-512"), verbose);
        String evidence = new TextRenderer(false, false, true).render(ReportScenario.threeDigestsDiffer());
        assertTrue(evidence.contains("digests:   mismatch; SHA-256: "), evidence);
        assertFalse(evidence.contains("SHA-512"), evidence);
    }

    @Test
    void longChangeListsStopAfterTheLimitUnlessVerbose() {
        List<Change> many = new java.util.ArrayList<>();
        for (int i = 0; i < TextRenderer.MAX_CHANGES + 5; i++) {
            Component c = ReportScenario.component("pkg:npm/pkg-" + (100 + i) + "@1.0.0", "n" + i);
            many.add(new Change(ChangeKind.ADDED, c.identity(), null, c, "component", null, c.label(), null, null));
        }
        Verdict verdict = new Verdict(Path.of("bom.json"), "c".repeat(64), "d", "default", true, ReportScenario.NOW,
                List.of(), many, List.of());
        String text = new TextRenderer(false, false).render(verdict);
        assertTrue(text.contains("  ... and 5 more (--verbose, or the JSON or HTML report, lists all)\n"), text);
        assertFalse(text.contains("pkg-" + (100 + TextRenderer.MAX_CHANGES)), text);
        assertTrue(new TextRenderer(false, false, false, true).render(verdict).contains("pkg-" + (104 + TextRenderer.MAX_CHANGES)));
    }
}
