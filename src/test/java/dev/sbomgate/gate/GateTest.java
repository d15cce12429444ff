package dev.sbomgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.ExitCode;
import dev.sbomgate.policy.Waiver;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.trust.PurlPattern;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static Finding unsigned(String purl) {
        return new Finding(RuleId.UNSIGNED, Severity.BLOCK, purl, "no signature", "a signature", "none", "sign it", null);
    }

    private static Waiver waiver(String pattern, LocalDate expires) {
        return new Waiver(RuleId.UNSIGNED, PurlPattern.parse(pattern), "vendor ships no signatures", expires, "SEC-1");
    }

    @Test
    void unexpiredWaiverLowersAMatchingFindingToWarnAndNamesItsReason() {
        Finding waived = Gate.applyWaivers(unsigned("pkg:maven/com.example/lib@1.0"),
                List.of(waiver("pkg:maven/com.example/*", TODAY)), TODAY);
        assertEquals(Severity.WARN, waived.severity());
        assertTrue(waived.waivedBy().contains("vendor ships no signatures") && waived.waivedBy().contains("SEC-1"), waived.waivedBy());
    }

    @Test
    void waiverDoesNotApplyAfterItsExpiryDayOrToOtherPackagesOrRules() {
        assertEquals(Severity.BLOCK, Gate.applyWaivers(unsigned("pkg:maven/com.example/lib@1.0"),
                List.of(waiver("pkg:maven/com.example/*", TODAY.minusDays(1))), TODAY).severity());
        assertEquals(Severity.BLOCK, Gate.applyWaivers(unsigned("pkg:maven/org.other/lib@1.0"),
                List.of(waiver("pkg:maven/com.example/*", TODAY)), TODAY).severity());
        Finding other = new Finding(RuleId.SIGNER_CHANGED, Severity.BLOCK, "pkg:maven/com.example/lib@1.0", "t", "", "", "", null);
        Finding kept = Gate.applyWaivers(other, List.of(waiver("pkg:maven/com.example/*", TODAY)), TODAY);
        assertEquals(Severity.BLOCK, kept.severity());
        assertNull(kept.waivedBy());
    }

    @Test
    void aWaiverNeverRaisesSeverity() {
        Finding info = new Finding(RuleId.UNSIGNED, Severity.INFO, "pkg:maven/com.example/lib@1.0", "t", "", "", "", null);
        assertEquals(Severity.INFO, Gate.applyWaivers(info, List.of(waiver("pkg:maven/com.example/*", TODAY)), TODAY).severity());
    }

    @Test
    void exitCodeIsOneExactlyWhenABlockingFindingStands() {
        Verdict blocked = verdict(List.of(unsigned("pkg:maven/a/b@1"), unsigned("pkg:maven/a/c@1").withSeverity(Severity.WARN, "w")));
        assertEquals(ExitCode.GATE_FAILED, blocked.exitCode());
        assertEquals(1, blocked.blocking().size());
        Verdict passed = verdict(List.of(unsigned("pkg:maven/a/c@1").withSeverity(Severity.WARN, "w")));
        assertEquals(ExitCode.OK, passed.exitCode());
        assertEquals(ExitCode.OK, verdict(List.of()).exitCode());
    }

    @Test
    void findingsAreInReportOrderBlockingFirst() {
        Verdict v = verdict(List.of(unsigned("pkg:maven/z/z@1").withSeverity(Severity.WARN, null), unsigned("pkg:maven/a/a@1")));
        assertEquals(Severity.BLOCK, v.findings().get(0).severity());
    }

    private static Verdict verdict(List<Finding> findings) {
        return new Verdict(Path.of("bom.json"), "0".repeat(64), "SHA-256:" + "0".repeat(64), "default", true,
                Instant.parse("2026-11-28T12:00:00Z"), List.of(), List.of(), findings);
    }
}
