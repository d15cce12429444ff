package dev.sbomgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void waiversTakeMavenRangesButAKnownMaliciousWaiverNeedsOneRelease() throws IOException {
        // the waivers `trust import` prints for a keys map's noSig entries use ranges (trust.json v2 scopes)
        Policy policy = PolicyLoader.load(write("""
                waivers:
                  - rule: UNSIGNED
                    purl: "pkg:maven/cglib/cglib@(,2.2]"
                    reason: "the keys map says it is not signed (noSig)"
                    expires: 2027-03-07
                """));
        assertTrue(policy.waivers().get(0).purlPattern().matches(dev.sbomgate.model.Purl.parse("pkg:maven/cglib/cglib@2.1")));
        assertFalse(policy.waivers().get(0).purlPattern().matches(dev.sbomgate.model.Purl.parse("pkg:maven/cglib/cglib@2.2.2")));
        Path range = write("""
                waivers:
                  - rule: KNOWN_MALICIOUS
                    purl: "pkg:maven/org.example/lib@[1.0,2.0)"
                    record: MAL-2025-1
                    reason: "reviewed"
                    expires: 2027-03-07
                """);
        assertThrows(dev.sbomgate.model.BadInputException.class, () -> PolicyLoader.load(range));
    }

    @Test
    void readsSeveritiesParametersAndWaivers() throws IOException {
        Policy policy = PolicyLoader.load(write("""
                name: team
                rules:
                  UNSIGNED:
                    severity: warn
                    require: ["pkg:maven/*/*", "pkg:npm/*"]
                  SIGNER_CHANGED: { severity: block, allowPinnedRotation: true }
                  RELEASE_TOO_FRESH: { cooldownHours: 24 }
                  LICENSE_CHANGED: off
                waivers:
                  - rule: UNSIGNED
                    purl: "pkg:maven/com.example/*"
                    reason: vendor publishes no signatures yet
                    expires: 2027-01-31
                    ticket: SEC-12
                """));
        assertEquals("team", policy.name());
        assertEquals(Severity.WARN, policy.severity(RuleId.UNSIGNED));
        assertEquals(List.of("pkg:maven/*/*", "pkg:npm/*"), policy.stringList(RuleParameter.UNSIGNED_REQUIRE));
        assertTrue(policy.flag(RuleParameter.SIGNER_CHANGED_ALLOW_PINNED_ROTATION));
        assertEquals(24L, policy.number(RuleParameter.RELEASE_TOO_FRESH_COOLDOWN_HOURS));
        assertEquals(Severity.WARN, policy.severity(RuleId.RELEASE_TOO_FRESH), "unset severity keeps the default");
        assertFalse(policy.isEnabled(RuleId.LICENSE_CHANGED));
        Waiver waiver = policy.waivers().get(0);
        assertEquals(RuleId.UNSIGNED, waiver.rule());
        assertEquals(LocalDate.of(2027, 1, 31), waiver.expires());
        assertEquals("SEC-12", waiver.ticket());
    }

    @Test
    void unsetValuesFallBackToDefaults() throws IOException {
        Policy policy = PolicyLoader.load(write("name: empty\n"));
        for (RuleId rule : RuleId.values()) {
            assertEquals(rule.defaultSeverity(), policy.severity(rule));
        }
        assertEquals(72L, policy.number(RuleParameter.RELEASE_TOO_FRESH_COOLDOWN_HOURS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top-level key     | colour: red                                              | unknown key 'colour'",
            "unknown rule              | 'rules: {NOT_A_RULE: warn}'                              | unknown rule 'NOT_A_RULE'",
            "unknown severity          | 'rules: {UNSIGNED: loud}'                                | severity 'loud'",
            "unknown parameter         | 'rules: {UNSIGNED: {severity: warn, requires: []}}'      | unknown key 'requires' for rule UNSIGNED",
            "parameter of wrong type   | 'rules: {RELEASE_TOO_FRESH: {cooldownHours: soon}}'      | cooldownHours must be a whole number",
            "waiver without expiry     | 'waivers: [{rule: UNSIGNED, purl: \"pkg:npm/x\", reason: r}]' | needs 'expires'",
            "waiver with a bad date    | 'waivers: [{rule: UNSIGNED, purl: \"pkg:npm/x\", reason: r, expires: soon}]' | expires must be a date",
            "waiver for unknown rule   | 'waivers: [{rule: NOPE, purl: \"pkg:npm/x\", reason: r, expires: 2027-01-01}]' | unknown rule 'NOPE'",
            "malformed yaml            | 'rules: {UNSIGNED: [warn'                                | not a valid YAML policy",
            "duplicate keys            | 'name: a\nname: b'                                       | not a valid YAML policy",
            "not a mapping             | '- a list'                                               | a policy is a mapping",
            "malformed require pattern | 'rules: {UNSIGNED: {require: [maven/x]}}'              | is not a purl pattern",
            "malformed waiver pattern  | 'waivers: [{rule: UNSIGNED, purl: npm, reason: r, expires: 2027-01-01}]' | purl pattern 'npm' is malformed",
    })
    void rejectsWithOneLineMessage(String what, String yaml, String expectedFragment) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));
        BadInputException e = assertThrows(BadInputException.class, () -> PolicyLoader.load(file));
        assertTrue(e.getMessage().contains(expectedFragment), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingAndEmptyFilesAreBadInput() throws IOException {
        assertTrue(assertThrows(BadInputException.class, () -> PolicyLoader.load(dir.resolve("nope.yaml")))
                .getMessage().contains("not found"));
        assertTrue(assertThrows(BadInputException.class, () -> PolicyLoader.load(write("")))
                .getMessage().contains("empty"));
    }

    @Test
    void bundledDefaultPolicyEqualsBuiltInDefaults() {
        Policy fromFile = PolicyLoader.load(Path.of("policies/default.yaml"));
        Policy builtIn = Policy.defaults();
        for (RuleId rule : RuleId.values()) {
            assertEquals(builtIn.severity(rule), fromFile.severity(rule), rule.name());
        }
        for (RuleParameter parameter : RuleParameter.values()) {
            Object fileValue = fromFile.parameters().getOrDefault(parameter, parameter.defaultValue());
            assertEquals(parameter.defaultValue(), fileValue, parameter.key());
        }
    }

    @Test
    void strictBlocksEverythingAndAuditBlocksNothing() {
        Policy strict = PolicyLoader.load(Path.of("policies/strict.yaml"));
        Policy audit = PolicyLoader.load(Path.of("policies/audit.yaml"));
        for (RuleId rule : RuleId.values()) {
            assertEquals(Severity.BLOCK, strict.severity(rule), "strict " + rule);
            assertTrue(audit.severity(rule) != Severity.BLOCK, "audit " + rule);
        }
    }
}
