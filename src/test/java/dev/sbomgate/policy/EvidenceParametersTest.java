package dev.sbomgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGNATURE_DOWNGRADE.ecosystems and UNSIGNED.tier (docs/formats.md §4.3, docs/policy.md). */
class EvidenceParametersTest {

    @TempDir
    Path dir;

    private Policy load(String yaml) throws IOException {
        return PolicyLoader.load(Files.writeString(dir.resolve("p.yaml"), yaml));
    }

    @Test
    void defaultsJudgeEveryEcosystemAndRequirePublisherEvidence() {
        assertEquals(List.of("maven", "npm", "pypi"), Policy.defaults().stringList(RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS));
        assertEquals("PUBLISHER", Policy.defaults().text(RuleParameter.UNSIGNED_TIER));
    }

    @Test
    void bothAreRead() throws IOException {
        Policy p = load("rules:\n  SIGNATURE_DOWNGRADE:\n    ecosystems: [npm]\n  UNSIGNED:\n    require: [\"*\"]\n    tier: REGISTRY\n");
        assertEquals(List.of("npm"), p.stringList(RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS));
        assertEquals("REGISTRY", p.text(RuleParameter.UNSIGNED_TIER));
    }

    @Test
    void anUnknownTierOrEcosystemSpellingIsRefused() {
        String tier = assertThrows(BadInputException.class, () -> load("rules:\n  UNSIGNED:\n    tier: NONE\n")).getMessage();
        assertTrue(tier.contains("UNSIGNED.tier must be one of REGISTRY, PUBLISHER, found 'NONE'"), tier);
        String eco = assertThrows(BadInputException.class,
                () -> load("rules:\n  SIGNATURE_DOWNGRADE:\n    ecosystems: [NPM]\n")).getMessage();
        assertTrue(eco.contains("'NPM' is not a purl type"), eco);
    }

    @Test
    void theBundledPoliciesLoadAndTheStrictOneRequiresPublisherEvidenceOfEverything() throws IOException {
        Path policies = Path.of("policies");
        Policy strict = PolicyLoader.load(policies.resolve("strict.yaml"));
        assertEquals(List.of("*"), strict.stringList(RuleParameter.UNSIGNED_REQUIRE));
        assertEquals("PUBLISHER", strict.text(RuleParameter.UNSIGNED_TIER));
        assertEquals(List.of("maven", "npm", "pypi"), strict.stringList(RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS));
        Policy defaults = PolicyLoader.load(policies.resolve("default.yaml"));
        assertEquals(Policy.defaults().stringList(RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS),
                defaults.stringList(RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS));
        assertEquals("PUBLISHER", defaults.text(RuleParameter.UNSIGNED_TIER));
    }
}
