package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.components;
import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.parameter;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.model.Component;
import dev.sbomgate.policy.RuleParameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TyposquatRuleTest {
    private final TyposquatRule rule = new TyposquatRule();

    /** An approved baseline that has nothing to do with the names under test. */
    private static final Baseline UNRELATED = baseline("pkg:npm/left-pad@1.3.0", "pkg:pypi/boto3@1.34.0",
            "pkg:maven/org.slf4j/slf4j-api@2.0.16");

    private List<Finding> added(String... purls) {
        return rule.evaluate(context(UNRELATED, purls));
    }

    @Test
    void requetsIsOneEditFromRequestsOnPypi() {
        List<Finding> findings = added("pkg:pypi/requets@2.31.0");
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(RuleId.TYPOSQUAT, f.rule());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("pkg:pypi/requets@2.31.0", f.subject());
        assertEquals("'requets' looks like 'requests', a popular pypi package", f.title());
        assertTrue(f.found().contains("requests (1 edit away; popular pypi list)"), f.found());
        assertTrue(f.fix().contains("depend on requests instead"), f.fix());
        assertTrue(f.fix().contains("--accept 'TYPOSQUAT:pkg:pypi/requets@2.31.0'"), f.fix());
    }

    @Test
    void crossenvIsALookAlikeOfCrossEnv() {
        Finding f = added("pkg:npm/crossenv@1.0.0").get(0);
        assertEquals("'crossenv' looks like 'cross-env', a popular npm package", f.title());
        assertTrue(f.found().contains("1 edit away") && f.found().contains("separators and look-alike characters"), f.found());
    }

    @Test
    void digitsForLettersAreLookAlikes() {
        Finding f = added("pkg:npm/c0lors@1.4.0").get(0);
        assertEquals("'c0lors' looks like 'colors', a popular npm package", f.title());
        // A digit for a letter once is one edit; three times are three edits, but still the same skeleton.
        assertEquals("'1odash' looks like 'lodash', a popular npm package", added("pkg:npm/1odash@4.17.21").get(0).title());
        assertEquals("'c0l0r5' looks like 'colors', a popular npm package", added("pkg:npm/c0l0r5@1.4.0").get(0).title());
    }

    @Test
    void aDroppedNpmScopeIsFlaggedAsAWarning() {
        Finding f = added("pkg:npm/node@1.0.0").get(0);
        assertEquals("'node' looks like '@types/node', a popular npm package", f.title());
        assertTrue(f.found().contains("the same name without its npm scope @types"), f.found());
        // @types/x mirrors x by design: a resemblance through the scope alone warns, it does not block.
        assertEquals(Severity.WARN, f.severity());
        // The scope glued into the name is a look-alike of the scoped name, through the scope as well.
        Finding glued = added("pkg:npm/types-node@1.0.0").get(0);
        assertEquals("'types-node' looks like '@types/node', a popular npm package", glued.title());
        assertEquals(Severity.WARN, glued.severity());
    }

    @Test
    void aScopeDropWithAStrongerResemblanceElsewhereKeepsThePolicySeverity() {
        // 'babel-cor' is one edit from the approved 'babel-core': an edit, not a scope, so the policy's block stands.
        Baseline baseline = baseline("pkg:npm/babel-core@6.26.3");
        Finding f = rule.evaluate(context(baseline, "pkg:npm/babel-cor@6.26.4")).get(0);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("'babel-cor' looks like 'babel-core', an approved component", f.title());
    }

    @Test
    void aTranspositionIsOneEdit() {
        assertEquals("'reqeusts' looks like 'requests', a popular pypi package", added("pkg:pypi/reqeusts@1.0").get(0).title());
    }

    @Test
    void aFindingNamesTheClassOfLookAlike() {
        // Real squats (registry, year): each finding ends with the class that matched.
        assertClass("pkg:npm/crossenv@1.0.0", "cross-env", "separator swap of 'crossenv' for 'cross-env'"); // npm 2017
        assertClass("pkg:npm/electorn@1.0.0", "electron", "transposition of 'electorn' for 'electron'"); // npm 2018
        assertClass("pkg:npm/mongose@1.0.0", "mongoose", "dropped letter of 'mongose' for 'mongoose'"); // npm 2017
        assertClass("pkg:npm/electronn@1.0.0", "electron", "doubled letter of 'electronn' for 'electron'");
        assertClass("pkg:pypi/python3-dateutil@2.8.1", "python-dateutil",
                "extra letter of 'python3-dateutil' for 'python-dateutil'"); // PyPI 2019
        assertClass("pkg:pypi/djanga@1.0", "django", "substituted letter of 'djanga' for 'django'"); // PyPI 2017
        assertClass("pkg:npm/rnocha@10.0.0", "mocha", "homoglyph of 'rnocha' for 'mocha'");
    }

    @Test
    void jeIlyfishIsAHomoglyphOfAnApprovedJellyfish() {
        // PyPI 2019: a capital I for an l; PyPI names compare in lower case, where i and l still look alike.
        Finding f = rule.evaluate(context(baseline("pkg:pypi/jellyfish@0.7.2"), "pkg:pypi/jeIlyfish@0.7.2")).get(0);
        assertEquals("'jeilyfish' looks like 'jellyfish', an approved component", f.title());
        assertTrue(f.found().endsWith("homoglyph of 'jeilyfish' for 'jellyfish'"), f.found());
        assertEquals(Severity.BLOCK, f.severity());
    }

    @Test
    void comboNamesOfPopularPackagesWarn() {
        // nodemailer-js and jquery.js (npm 2017, the crossenv author's batch): a popular name plus a word
        Finding f = added("pkg:npm/nodemailer-js@1.0.0").get(0);
        assertEquals("'nodemailer-js' looks like 'nodemailer', a popular npm package", f.title());
        assertTrue(f.found().contains("the popular name with a common word added")
                && f.found().endsWith("combo name of 'nodemailer-js' for 'nodemailer'"), f.found());
        // Ports and plugins are named the same way (acorn-node, asn1.js): a combo asks for a look, it does not block.
        assertEquals(Severity.WARN, f.severity());
        assertEquals("'jquery.js' looks like 'jquery', a popular npm package", added("pkg:npm/jquery.js@3.0.0").get(0).title());
        assertEquals("'py-requests' looks like 'requests', a popular pypi package",
                added("pkg:pypi/py-requests@1.0").get(0).title());
        // Only popular names are combo targets: an approved 'internal-toolkit' does not make 'internal-toolkit-js' one.
        assertTrue(rule.evaluate(context(baseline("pkg:npm/internal-toolkit@1.0.0"), "pkg:npm/internal-toolkit-js@1.0.0"))
                .isEmpty());
    }

    @Test
    void aScopeThatImitatesAKnownScopeBlocks() {
        // @typescript_eslinter/eslint (npm, 2024) imitated the @typescript-eslint scope.
        Finding f = added("pkg:npm/%40typescript_eslinter/eslint@8.0.0").get(0);
        assertTrue(f.title().startsWith("'@typescript_eslinter/eslint' looks like '@typescript-eslint/"), f.title());
        assertTrue(f.found().contains("an npm scope that imitates @typescript-eslint"), f.found());
        assertEquals(Severity.BLOCK, f.severity());
        // A one-letter slip in a scope, and a known scope with a word added ('@types-x'), are look-alikes too.
        Finding types = added("pkg:npm/%40types-node/node@20.0.0").get(0);
        assertEquals("'@types-node/node' looks like '@types/node', a popular npm package", types.title());
        assertTrue(types.found().endsWith("look-alike scope of '@types-node/node' for '@types/node'"), types.found());
        assertTrue(added("pkg:npm/%40typescrpt-eslint/parser@8.0.0").get(0).title()
                .endsWith("looks like '@typescript-eslint/parser', a popular npm package"), added("pkg:npm/%40typescrpt-eslint/parser@8.0.0").toString());
        // A scope nobody known uses, with nothing like a known scope, is no finding.
        assertTrue(added("pkg:npm/%40acme-internal/widgets@1.0.0").isEmpty());
    }

    @Test
    void aScopeNamedLikeAPackageWarns() {
        Finding f = added("pkg:npm/%40lodash/core@1.0.0").get(0);
        assertEquals("'@lodash/core' looks like 'lodash', a popular npm package", f.title());
        assertTrue(f.found().endsWith("scope named like a package of '@lodash/core' for 'lodash'"), f.found());
        assertEquals(Severity.WARN, f.severity());
    }

    @Test
    void pluralsWarnAndOrdinaryNeighboursAreNotFlagged() {
        // shadowsock for shadowsocks (npm, 2017) is a plural, as are the ordinary cookie/cookies: warn.
        Baseline baseline = baseline("pkg:npm/shadowsocks@1.0.0", "pkg:npm/eventemitter3@5.0.1", "pkg:npm/lodash.map@4.6.0",
                "pkg:alpine/zlib@1.3.1");
        Finding f = rule.evaluate(context(baseline, "pkg:npm/shadowsock@1.0.0")).get(0);
        assertEquals("'shadowsock' looks like 'shadowsocks', an approved component", f.title());
        assertEquals(Severity.WARN, f.severity());
        // One version digit for another, a short name's letter, a dotted family's member: pairs of real packages.
        assertTrue(rule.evaluate(context(baseline, "pkg:npm/eventemitter2@6.4.9", "pkg:npm/lodash.max@4.0.1",
                "pkg:alpine/glib@2.80.0")).isEmpty());
        // A homoglyph in a short name still counts: only plain substitutions are dropped there.
        assertEquals("'g1ob' looks like 'glob', a popular npm package", added("pkg:npm/g1ob@1.0.0").get(0).title());
    }

    private void assertClass(String purl, String known, String technique) {
        List<Finding> findings = added(purl);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertTrue(f.title().endsWith("looks like '" + known + "', a popular " + (purl.startsWith("pkg:npm") ? "npm" : "pypi")
                + " package"), f.title());
        assertTrue(f.found().endsWith("; the closest: " + technique), f.found());
        assertEquals(Severity.BLOCK, f.severity());
    }

    @Test
    void exactAndPopularNamesAreNotTyposquats() {
        assertTrue(added("pkg:npm/lodash@4.17.21", "pkg:pypi/requests@2.31.0", "pkg:maven/com.google.guava/guava@33.0.0-jre")
                .isEmpty());
        // mysql2 is one edit from mysql, but is itself a popular package.
        assertTrue(added("pkg:npm/mysql2@3.9.0").isEmpty());
    }

    @Test
    void shortNamesAreNotCheckedNorTargets() {
        assertTrue(added("pkg:npm/qsx@1.0.0", "pkg:npm/wss@1.0.0").isEmpty());
        // 'jwss' is one edit from 'jws', which is too short to be a target.
        assertTrue(added("pkg:npm/jwss@1.0.0").isEmpty());
    }

    @Test
    void approvedComponentsAreKnownNamesToo() {
        Baseline baseline = baseline("pkg:npm/internal-toolkit@2.0.0");
        Finding f = rule.evaluate(context(baseline, "pkg:npm/internal-toolkit@2.0.0", "pkg:npm/internal-tolkit@2.0.1")).get(0);
        assertEquals("pkg:npm/internal-tolkit@2.0.1", f.subject());
        assertEquals("'internal-tolkit' looks like 'internal-toolkit', an approved component", f.title());
        assertTrue(f.found().contains("approved pkg:npm/internal-toolkit@2.0.0"), f.found());
    }

    @Test
    void namesInsideOneNamespaceAreTheOwnersBusiness() {
        Baseline baseline = baseline("pkg:maven/com.example/widget-core@1.0", "pkg:npm/%40acme/toolkit@1.0.0");
        assertTrue(rule.evaluate(context(baseline, "pkg:maven/com.example/widget-cores@1.0", "pkg:npm/%40acme/toolkits@1.0.0"))
                .isEmpty());
        // The same artifact under a group one transposition away is not the owner's.
        Finding f = rule.evaluate(context(baseline, "pkg:maven/com.exmaple/widget-core@1.0")).get(0);
        assertEquals("'com.exmaple:widget-core' looks like 'com.example:widget-core', an approved component", f.title());
    }

    @Test
    void mavenGroupSquatsOfPopularArtifactsAreFlagged() {
        Finding f = added("pkg:maven/com.fasterxm1.jackson.core/jackson-databind@2.17.0").get(0);
        assertEquals("'com.fasterxm1.jackson.core:jackson-databind' looks like 'com.fasterxml.jackson.core:jackson-databind', "
                + "a popular maven package", f.title());
    }

    @Test
    void theSameArtifactUnderAnotherGroupRootIsFlagged() {
        // org. for com.: three edits, beyond the default distance, yet the same name to a reader
        Baseline baseline = baseline("pkg:maven/com.acme.platform/billing-core@3.1.0");
        List<Finding> findings = rule.evaluate(context(baseline, "pkg:maven/com.acme.platform/billing-core@3.1.0",
                "pkg:maven/org.acme.platform/billing-core@3.1.0"));
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("pkg:maven/org.acme.platform/billing-core@3.1.0", f.subject());
        assertEquals("'org.acme.platform:billing-core' looks like 'com.acme.platform:billing-core', an approved component",
                f.title());
        assertTrue(f.found().contains("the same artifact and groupId but for the groupId's first segment"), f.found());
        assertEquals(Severity.BLOCK, f.severity());
    }

    @Test
    void aGroupRootSwapOfAPopularArtifactIsFlaggedToo() {
        Finding f = rule.evaluate(context(baseline("pkg:npm/left-pad@1.3.0"), "pkg:maven/io.slf4j/slf4j-api@2.0.16")).get(0);
        assertEquals("'io.slf4j:slf4j-api' looks like 'org.slf4j:slf4j-api', a popular maven package", f.title());
        Finding jackson = added("pkg:maven/org.fasterxml.jackson.core/jackson-databind@2.21.3").get(0);
        assertEquals("'org.fasterxml.jackson.core:jackson-databind' looks like 'com.fasterxml.jackson.core:jackson-databind', "
                + "a popular maven package", jackson.title());
    }

    @Test
    void anotherArtifactOrAOneSegmentGroupIsNotAGroupRootSwap() {
        Baseline baseline = baseline("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.21.3",
                "pkg:maven/junit/junit-platform@4.13.2");
        assertTrue(rule.evaluate(context(baseline, "pkg:maven/org.fasterxml.jackson.core/jackson-yaml-support@2.21.3",
                "pkg:maven/org.junit/junit-platform@4.13.2")).isEmpty());
    }

    @Test
    void onlyNewComponentsAreJudgedWhenThereIsABaseline() {
        // Already approved: a baseline decision, not this rule's to repeat.
        Baseline baseline = baseline("pkg:npm/crossenv@1.0.0");
        assertTrue(rule.evaluate(context(baseline, "pkg:npm/crossenv@1.0.1")).isEmpty());
    }

    @Test
    void firstUseChecksEveryComponentAgainstThePopularListsAndWarns() {
        List<Finding> findings = rule.evaluate(context(null, "pkg:npm/express@4.19.2", "pkg:npm/crossenv@1.0.0"));
        assertEquals(List.of("pkg:npm/crossenv@1.0.0"), findings.stream().map(Finding::subject).toList());
        assertEquals(Severity.WARN, findings.get(0).severity());
        assertTrue(rule.evaluate(context(null, "pkg:npm/express@4.19.2", "pkg:npm/cross-env@7.0.3")).isEmpty());
    }

    @Test
    void maxDistanceWidensAndNarrowsTheSearch() {
        String twoEdits = "pkg:pypi/requ3stz@1.0";
        assertTrue(added(twoEdits).isEmpty());
        List<Finding> wider = rule.evaluate(context(UNRELATED, inventory(components(twoEdits)),
                parameter(RuleParameter.TYPOSQUAT_MAX_DISTANCE, 2L)));
        assertEquals("'requ3stz' looks like 'requests', a popular pypi package", wider.get(0).title());
        assertTrue(wider.get(0).expected().contains("within 2 edits"), wider.get(0).expected());
        // With 0, edits no longer count but look-alikes still do.
        var zero = parameter(RuleParameter.TYPOSQUAT_MAX_DISTANCE, 0L);
        assertTrue(rule.evaluate(context(UNRELATED, inventory(components("pkg:pypi/requets@1.0")), zero)).isEmpty());
        assertEquals(1, rule.evaluate(context(UNRELATED, inventory(components("pkg:npm/c0lors@1.0.0")), zero)).size());
    }

    @Test
    void thePolicySeverityApplies() {
        Finding f = rule.evaluate(context(UNRELATED, inventory(components("pkg:pypi/requets@2.31.0")),
                severity(RuleId.TYPOSQUAT, Severity.WARN))).get(0);
        assertEquals(Severity.WARN, f.severity());
    }

    @Test
    void aHundredThousandApprovedNamesAndTenThousandNewOnesTakeSeconds() {
        Random random = new Random(42);
        List<Component> approved = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            approved.add(RuleFixtures.component("pkg:npm/" + randomName(random) + "@1.0.0"));
        }
        List<Component> candidate = new ArrayList<>(approved);
        for (int i = 0; i < 10_000; i++) {
            candidate.add(RuleFixtures.component("pkg:npm/" + randomName(random) + "@1.0.0"));
        }
        String approvedName = approved.get(12_345).name();
        String squat = approvedName.substring(1);
        candidate.add(RuleFixtures.component("pkg:npm/" + squat + "@9.9.9"));
        Baseline baseline = baseline(approved, Map.of());
        RuleContext context = context(baseline, candidate);
        // About 1.5 s on one busy core; comparing every pair (10^9 of them) takes far longer.
        List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> rule.evaluate(context));
        assertTrue(findings.stream().anyMatch(f -> f.subject().equals("pkg:npm/" + squat + "@9.9.9")
                && f.title().contains("'" + approvedName + "'")), findings.toString().substring(0, 200));
    }

    private static String randomName(Random random) {
        int length = 8 + random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
