package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.components;
import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyConfusionRuleTest {
    private final DependencyConfusionRule rule = new DependencyConfusionRule();

    @Test
    void torchtritonFromThePublicIndexInsteadOfPytorchsOwnBlocks() {
        var baseline = baseline("pkg:pypi/torchtriton@2.0.0?repository_url=https://download.pytorch.org/whl/nightly");
        List<Finding> findings = rule.evaluate(context(baseline, "pkg:pypi/torchtriton@2.0.0"));

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("pkg:pypi/torchtriton@2.0.0", f.subject());
        assertEquals("'torchtriton' now resolves from registry pypi.org instead of download.pytorch.org", f.title());
        assertTrue(f.expected().contains("https://download.pytorch.org/whl/nightly"), f.expected());
        assertTrue(f.found().contains("absent: the default registry"), f.found());
        assertTrue(f.fix().contains("--accept 'DEPENDENCY_CONFUSION:pkg:pypi/torchtriton@2.0.0'"), f.fix());
    }

    @Test
    void aMoveBetweenAliasesOfOneRegistryIsNotConfusion() {
        var baseline = baseline("pkg:maven/org.slf4j/slf4j-api@2.0.16?repository_url=https://repo1.maven.org/maven2");
        assertTrue(rule.evaluate(context(baseline,
                "pkg:maven/org.slf4j/slf4j-api@2.0.17?repository_url=https://repo.maven.apache.org/maven2")).isEmpty());
        assertTrue(rule.evaluate(context(baseline, "pkg:maven/org.slf4j/slf4j-api@2.0.17")).isEmpty());
    }

    @Test
    void theSameNameInAnotherNamespaceBlocks() {
        List<Finding> findings = rule.evaluate(context(baseline("pkg:npm/%40acme/utils@1.0.0"), "pkg:npm/%40evil/utils@1.0.1"));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("'utils' now comes from another namespace", f.title());
        assertTrue(f.expected().contains("pkg:npm/%40acme/utils"), f.expected());
        assertTrue(f.found().contains("pkg:npm/%40evil/utils") && f.found().contains("@acme -> @evil"), f.found());
    }

    @Test
    void aRegistryPackageReplacedByADownloadOfTheSameNameBlocks() {
        List<Finding> findings = rule.evaluate(context(baseline("pkg:pypi/torch@2.1.0"),
                "pkg:generic/torch@2.1.0?download_url=https://evil.example/torch-2.1.0.tar.gz"));
        assertEquals(1, findings.size());
        assertEquals("'torch' now comes as purl type generic instead of pypi", findings.get(0).title());
    }

    @Test
    void oneNameInTwoRegistriesIsACoincidence() {
        assertTrue(rule.evaluate(context(baseline("pkg:pypi/numpy@1.26.0"), "pkg:conda/numpy@1.26.0")).isEmpty());
    }

    @Test
    void aPurlThatAppearedWarnsAtMost() {
        Component noPurl = new Component("ref-1", null, "library", "acme", "widget", "1.0", List.of(), null, null, null, null,
                List.of(), List.of(), null, List.of(), null);
        var baseline = baseline(List.of(noPurl), Map.of());
        List<Finding> findings = rule.evaluate(context(baseline, components("pkg:maven/com.evil/widget@1.0")));
        assertEquals(1, findings.size());
        assertEquals(Severity.WARN, findings.get(0).severity());
        assertEquals("'widget' now comes from a component identified differently", findings.get(0).title());
    }

    @Test
    void firstUseIsSilent() {
        assertTrue(rule.evaluate(context(null, "pkg:npm/%40evil/utils@1.0.1")).isEmpty());
    }

    @Test
    void thePolicySeverityApplies() {
        var baseline = baseline("pkg:npm/%40acme/utils@1.0.0");
        Finding f = rule.evaluate(context(baseline, inventory(components("pkg:npm/%40evil/utils@1.0.0")),
                severity(RuleId.DEPENDENCY_CONFUSION, Severity.WARN))).get(0);
        assertEquals(Severity.WARN, f.severity());
    }
}
