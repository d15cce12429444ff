package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ContentRuleFixtures.approved;
import static dev.sbomgate.rules.ContentRuleFixtures.baseline;
import static dev.sbomgate.rules.ContentRuleFixtures.context;
import static dev.sbomgate.rules.ContentRuleFixtures.evidence;
import static dev.sbomgate.rules.ContentRuleFixtures.inspect;
import static dev.sbomgate.rules.RuleFixtures.component;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.content.Archives;
import dev.sbomgate.content.ContentFixtures;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.model.Component;
import dev.sbomgate.verify.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallHookAddedRuleTest {

    private static final Rule RULE = new InstallHookAddedRule();

    private static final Component LLM_OLD = component("pkg:pypi/demo-llm@1.82.6");
    private static final Component LLM_NEW = component("pkg:pypi/demo-llm@1.82.8");
    private static final Component HTTP_OLD = component("pkg:npm/demo-http@1.14.0");
    private static final Component HTTP_NEW = component("pkg:npm/demo-http@1.14.1");
    private static final Component TOOL_OLD = component("pkg:maven/com.example/tool@1.0");
    private static final Component TOOL_NEW = component("pkg:maven/com.example/tool@1.1");

    private static ContentSummary wheel(byte[] bytes) {
        return inspect(bytes, "demo_llm-x-py3-none-any.whl", "pypi");
    }

    private static ContentSummary npm(byte[] bytes) {
        return inspect(bytes, "demo-http-x.tgz", "npm");
    }

    private static ContentSummary jar(byte[] bytes) {
        return inspect(bytes, "tool-x.jar", "maven");
    }

    private static List<Finding> update(Component old, ContentSummary before, Component now, ContentSummary after) {
        return RULE.evaluate(context(baseline(approved(old, before)), evidence(now, "artifact", after)));
    }

    @Test
    void aWheelAddingAPthWithAnImportLineBlocksAndQuotesTheLine() {
        List<Finding> findings = update(LLM_OLD, wheel(ContentFixtures.wheelApproved()), LLM_NEW,
                wheel(ContentFixtures.wheelWithPthImport()));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("pkg:pypi/demo-llm@1.82.8", f.subject());
        assertEquals("adds .pth file demo_llm_init.pth", f.title());
        assertEquals("as approved in version 1.82.6: no .pth file demo_llm_init.pth", f.expected());
        assertEquals("new .pth file demo_llm_init.pth \"" + ContentFixtures.PTH_IMPORT_LINE
                + "\": Python executes its import lines at every start", f.found());
        assertTrue(f.fix().contains("--accept 'INSTALL_HOOK_ADDED:pkg:pypi/demo-llm@1.82.8'"), f.fix());
    }

    @Test
    void aPthThatOnlyAddsAPathIsSilent() {
        assertEquals(List.of(), update(LLM_OLD, wheel(ContentFixtures.wheelApproved()), LLM_NEW,
                wheel(ContentFixtures.wheelWithPthPath())));
    }

    @Test
    void anNpmTarballAddingAPostinstallBlocks() {
        List<Finding> findings = update(HTTP_OLD, npm(ContentFixtures.npmApproved()), HTTP_NEW,
                npm(ContentFixtures.npmWithPostinstall()));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("adds npm script postinstall", f.title());
        assertEquals("new npm script postinstall \"node setup.js\" in package.json: npm runs it when the package is "
                + "installed or packed", f.found());
    }

    @Test
    void aChangeToTheTestScriptOnlyIsSilent() {
        assertEquals(List.of(), update(HTTP_OLD, npm(ContentFixtures.npmApproved()), HTTP_NEW,
                npm(ContentFixtures.npmTestScriptChanged())));
    }

    @Test
    void aChangedInstallScriptBlocksAndShowsBothCommands() {
        ContentSummary before = npm(Archives.npm("{\"scripts\":{\"postinstall\":\"node scripts/check.js\"}}"));
        String payload = "node -e \"" + "eval(atob('Y29uc29sZS5sb2coMSk='));".repeat(12) + "\"";
        ContentSummary after = npm(Archives.npm("{\"scripts\":{\"postinstall\":" + com.fasterxml.jackson.databind.node
                .TextNode.valueOf(payload) + "}}"));
        Finding f = update(HTTP_OLD, before, HTTP_NEW, after).get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("changes npm script postinstall", f.title());
        assertEquals("as approved in version 1.14.0: npm script postinstall \"node scripts/check.js\"", f.expected());
        String quoted = payload.substring(0, 200).replace("\"", "\\\"");
        assertTrue(f.found().startsWith("changed npm script postinstall \"" + quoted + "\"… (" + payload.length()
                + " characters) in package.json"), f.found());
    }

    @Test
    void removingAHookIsSilent() {
        assertEquals(List.of(), update(HTTP_OLD, npm(ContentFixtures.npmWithPostinstall()), HTTP_NEW,
                npm(ContentFixtures.npmApproved())));
    }

    @Test
    void aJarAddingAPremainClassBlocks() {
        List<Finding> findings = update(TOOL_OLD, jar(ContentFixtures.jarApproved()), TOOL_NEW,
                jar(ContentFixtures.jarWithPremain()));
        assertEquals(1, findings.size());
        assertEquals(Severity.BLOCK, findings.get(0).severity());
        assertEquals("adds Java agent Premain-Class", findings.get(0).title());
        assertTrue(findings.get(0).found().startsWith("new Java agent Premain-Class \"com.example.Agent\" in META-INF/MANIFEST.MF"),
                findings.get(0).found());
    }

    @Test
    void aJarWhoseManifestChangedOtherwiseIsSilent() {
        assertEquals(List.of(), update(TOOL_OLD, jar(ContentFixtures.jarApproved()), TOOL_NEW,
                jar(ContentFixtures.jarVersionChanged())));
    }

    @Test
    void newEntryPointsWarnAtMost() {
        ContentSummary before = jar(Archives.jar().bytes());
        ContentSummary after = jar(Archives.jar("Main-Class: a.Main").add("META-INF/services/java.sql.Driver", "a.Driver\n").bytes());
        Finding f = update(TOOL_OLD, before, TOOL_NEW, after).get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("adds main class Main-Class, service provider java.sql.Driver (runs only when called)", f.title());

        ContentSummary bin = npm(Archives.npm("{\"name\":\"demo-http\",\"bin\":{\"ls\":\"bin/ls.js\"}}"));
        Finding b = update(HTTP_OLD, npm(ContentFixtures.npmApproved()), HTTP_NEW, bin).get(0);
        assertEquals(Severity.WARN, b.severity());
        assertEquals("adds npm bin command ls (runs only when called)", b.title());
    }

    @Test
    void anInstallHookBesideEntryPointsKeepsThePolicySeverity() {
        ContentSummary after = npm(Archives.npm("{\"bin\":{\"x\":\"x.js\"},\"scripts\":{\"preinstall\":\"node x.js\"}}"));
        Finding f = update(HTTP_OLD, npm(ContentFixtures.npmApproved()), HTTP_NEW, after).get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("adds npm script preinstall, npm bin command x", f.title());
    }

    @Test
    void thePolicySeverityApplies() {
        Baseline b = baseline(approved(HTTP_OLD, npm(ContentFixtures.npmApproved())));
        Evidence e = evidence(HTTP_NEW, "a.tgz", npm(ContentFixtures.npmWithPostinstall()));
        assertEquals(Severity.WARN, RULE.evaluate(context(b, ContentRuleFixtures.severity(RuleId.INSTALL_HOOK_ADDED,
                Severity.WARN), e)).get(0).severity());
        assertEquals(Severity.INFO, RULE.evaluate(context(b, ContentRuleFixtures.severity(RuleId.INSTALL_HOOK_ADDED,
                Severity.INFO), e)).get(0).severity());
    }

    @Test
    void firstUseIsSilent() {
        assertEquals(List.of(), RULE.evaluate(context(null, evidence(HTTP_NEW, "a.tgz", npm(ContentFixtures.npmWithPostinstall())))));
    }

    @Test
    void aNewComponentBringingInstallHooksWarns() {
        // axios 1.14.1: a brand-new dependency, plain-crypto-js, carried the postinstall.
        Component dropper = component("pkg:npm/plain-crypto-js@4.2.1");
        ContentSummary hooks = npm(Archives.npm("{\"scripts\":{\"postinstall\":\"node setup.js\"}}"));
        Baseline b = baseline(approved(HTTP_OLD, npm(ContentFixtures.npmApproved())));
        List<Finding> findings = RULE.evaluate(context(b, evidence(HTTP_OLD, "a.tgz", npm(ContentFixtures.npmApproved())),
                evidence(dropper, "plain-crypto-js-4.2.1.tgz", hooks)));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("pkg:npm/plain-crypto-js@4.2.1", f.subject());
        assertEquals("new component brings install hooks: npm script postinstall", f.title());
        assertTrue(f.found().contains("\"node setup.js\""), f.found());

        assertEquals(List.of(), RULE.evaluate(context(b, evidence(dropper, "x.tgz", npm(ContentFixtures.npmApproved())))));
    }

    @Test
    void anApprovedVersionWithoutARecordedSummaryWarnsAboutInstallHooksOnly() {
        Baseline old = baseline(approved(HTTP_OLD, null));
        List<Finding> findings = RULE.evaluate(context(old, evidence(HTTP_NEW, "a.tgz", npm(ContentFixtures.npmWithPostinstall()))));
        assertEquals(1, findings.size());
        assertEquals(Severity.WARN, findings.get(0).severity());
        assertEquals("install hooks present, none recorded for the approved version: npm script postinstall", findings.get(0).title());
        assertTrue(findings.get(0).expected().contains("no hook summary recorded"), findings.get(0).expected());

        ContentSummary entryPointOnly = npm(Archives.npm("{\"bin\":\"x.js\"}"));
        assertEquals(List.of(), RULE.evaluate(context(old, evidence(HTTP_NEW, "a.tgz", entryPointOnly))));
    }

    @Test
    void anApprovedArtifactThatWasNotAnArchiveCountsAsNotRecorded() {
        Baseline old = baseline(approved(TOOL_OLD, ContentSummary.notAnArchive(10)));
        Finding f = RULE.evaluate(context(old, evidence(TOOL_NEW, "t.jar", jar(ContentFixtures.jarWithPremain())))).get(0);
        assertEquals(Severity.WARN, f.severity());
        assertTrue(f.expected().contains("its artifact was not an archive"), f.expected());
    }

    @Test
    void evidenceWithoutContentIsSilent() {
        Baseline b = baseline(approved(HTTP_OLD, npm(ContentFixtures.npmApproved())));
        assertEquals(List.of(), RULE.evaluate(context(b, RuleFixtures.notSearched(HTTP_NEW))));
    }
}
