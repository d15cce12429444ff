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
