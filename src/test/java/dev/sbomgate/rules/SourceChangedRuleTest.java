package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.full;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.ExternalReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceChangedRuleTest {
    private final SourceChangedRule rule = new SourceChangedRule();

    private static Component vcs(String purl, String url) {
        return full(purl, null, null, null, null, List.of(), List.of(new ExternalReference("vcs", url)), List.of());
    }

    @Test
    void aChangedVcsUrlWarnsWithBothUrls() {
        var baseline = baseline(List.of(vcs("pkg:npm/lib@1.0.0", "git+https://github.com/good/lib.git")), Map.of());
        List<Finding> findings = rule.evaluate(context(baseline, List.of(vcs("pkg:npm/lib@1.0.1", "https://github.com/evil/lib"))));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("VCS URL changed", f.title());
        assertTrue(f.expected().contains("git+https://github.com/good/lib.git"), f.expected());
        assertTrue(f.found().contains("https://github.com/evil/lib"), f.found());
        assertTrue(f.fix().contains("--accept 'SOURCE_CHANGED:pkg:npm/lib@1.0.1'"), f.fix());
    }

    @Test
    void theSameRepositorySpelledAnotherWayIsSilent() {
        var baseline = baseline(List.of(vcs("pkg:npm/lib@1.0.0", "git+https://github.com/Good/lib.git")), Map.of());
        assertTrue(rule.evaluate(context(baseline, List.of(vcs("pkg:npm/lib@1.0.1", "https://github.com/good/lib/")))).isEmpty());
    }

    @Test
    void aRepositoryUrlMovedWithinOneRegistryHostIsASourceChange() {
        var baseline = baseline("pkg:maven/com.acme/core@1.0?repository_url=https://nexus.acme.example/repository/releases");
        Finding f = rule.evaluate(context(baseline,
                "pkg:maven/com.acme/core@1.1?repository_url=https://nexus.acme.example/repository/staging")).get(0);
        assertEquals("repository_url changed within nexus.acme.example", f.title());
        assertTrue(f.expected().contains("/repository/releases") && f.found().contains("/repository/staging"), f.found());
    }

    @Test
    void aRepositoryUrlOnAnotherHostIsLeftToDependencyConfusion() {
        var baseline = baseline("pkg:pypi/torchtriton@2.0.0?repository_url=https://download.pytorch.org/whl/nightly");
        assertTrue(rule.evaluate(context(baseline, "pkg:pypi/torchtriton@2.0.0")).isEmpty());
    }

    @Test
    void theDefaultRegistryWrittenOutIsTheSamePlace() {
        var baseline = baseline("pkg:maven/org.slf4j/slf4j-api@2.0.16");
        assertTrue(rule.evaluate(context(baseline,
                "pkg:maven/org.slf4j/slf4j-api@2.0.17?repository_url=https://repo1.maven.org/maven2")).isEmpty());
    }

    @Test
    void firstUseIsSilent() {
        assertTrue(rule.evaluate(context(null, List.of(vcs("pkg:npm/lib@1.0.0", "https://github.com/good/lib")))).isEmpty());
    }

    @Test
    void thePolicySeverityApplies() {
        var baseline = baseline(List.of(vcs("pkg:npm/lib@1.0.0", "https://github.com/good/lib")), Map.of());
        Finding f = rule.evaluate(context(baseline, inventory(List.of(vcs("pkg:npm/lib@1.0.0", "https://gitlab.com/x/lib"))),
                severity(RuleId.SOURCE_CHANGED, Severity.BLOCK))).get(0);
        assertEquals(Severity.BLOCK, f.severity());
    }
}
