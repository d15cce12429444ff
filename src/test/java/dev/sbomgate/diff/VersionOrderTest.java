package dev.sbomgate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionOrderTest {

    /** Asserts the relation both ways round, so that the order is also antisymmetric on the pair. */
    private static void assertRelation(String ecosystem, String a, String relation, String b) {
        int expected = switch (relation) {
            case "<" -> -1;
            case "=" -> 0;
            case ">" -> 1;
            default -> throw new IllegalArgumentException(relation);
        };
        assertEquals(expected, Integer.signum(VersionOrder.compare(ecosystem, a, b)), ecosystem + ": " + a + " " + relation + " " + b);
        assertEquals(-expected, Integer.signum(VersionOrder.compare(ecosystem, b, a)), ecosystem + ": reversed " + a + " " + relation + " " + b);
    }

    /** Every earlier element strictly below every later one, and a shuffled copy sorts back into this order. */
    private static void assertStrictlyAscending(String ecosystem, List<String> versions) {
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                assertRelation(ecosystem, versions.get(i), "<", versions.get(j));
            }
        }
        List<String> shuffled = new ArrayList<>(versions);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.sort(VersionOrder.comparator(ecosystem));
        assertEquals(versions, shuffled);
    }

    @ParameterizedTest(name = "maven {0} {1} {2}")
    @CsvSource(delimiter = ' ', value = {
        "1.10 > 1.9",
        "1.0 = 1.0.0",
        "1 = 1.0.0",
        "1.0.0.0 = 1",
        "2.0-alpha-1 < 2.0",
        "2.0-alpha1 = 2.0-a1",
        "2.0-alpha < 2.0-beta",
        "2.0-beta < 2.0-milestone",
        "2.0-M1 < 2.0-RC1",
        "2.0-RC1 = 2.0-CR1",
        "2.0-rc1 < 2.0-SNAPSHOT",
        "1.0-SNAPSHOT < 1.0",
        "1.0-SNAPSHOT > 1.0-rc-2",
        "5.4.2.Final = 5.4.2",
        "5.4.2.Final < 5.4.3.Final",
        "5.4.2.GA = 5.4.2.Final",
        "2.0.0.RELEASE = 2.0.0",
        "1.0-sp1 > 1.0",
        "1.0-sp1 < 1.0.1",
        "1.0-foo > 1.0-sp",
        "1.0-abc < 1.0-abd",
        "1.0-1 > 1.0",
        "1.0-1 < 1.0.1",
        "1-0.1 > 1",
        "2.0.0-rc.1 < 2.0.0",
        "1.0.0.Beta1 < 1.0.0.Beta2",
        "1.0.0.Beta10 > 1.0.0.Beta9",
        "3.0.0-M9 < 3.0.0",
        "2.11.0 < 2.21.0",
        "1.2.3 = 1.2.3",
        "12345678901234567890.1 > 12345678901234567889.9"
    })
    void mavenPairs(String a, String relation, String b) {
        assertRelation("maven", a, relation, b);
    }

    @Test
    void mavenQualifierSequenceFromMavensOwnTests() {
        // The ordered lists of maven-artifact's ComparableVersionTest (Apache Maven), as Maven 3.9.6 orders them.
        assertStrictlyAscending("maven", List.of("1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123",
                "1-m2", "1-m11", "1-rc", "1-cr2", "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc",
                "1-def", "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123"));
        assertStrictlyAscending("maven", List.of("2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b",
                "2.1-c", "2.1-1", "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11",
                "11", "11.a", "11b", "11c", "11m"));
    }

    @ParameterizedTest(name = "npm {0} {1} {2}")
    @CsvSource(delimiter = ' ', value = {
        "1.10.0 > 1.9.0",
        "2.0.0-rc.1 < 2.0.0",
        "2.0.0-rc.2 < 2.0.0-rc.10",
        "1.0.0-alpha.1 < 1.0.0-alpha.beta",
        "1.0.0-1 < 1.0.0-alpha",
        "1.0.0+build.1 = 1.0.0+build.2",
        "1.0.0+build.1 = 1.0.0",
        "v1.2.3 = 1.2.3",
        "=1.2.3 = 1.2.3",
        "1.2 = 1.2.0",
        "1.2.3 < 1.2.4-beta",
        "latest < 0.0.1",
        "0.0.0 > github:user/repo#abc"
    })
    void semverPairs(String a, String relation, String b) {
        assertRelation("npm", a, relation, b);
    }

    @Test
    void semverPrecedenceExampleFromTheSpec() {
        // semver.org, section 11.4.
        assertStrictlyAscending("npm", List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0", "1.11.0", "2.0.0"));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource(delimiter = ' ', value = {
        "golang v0.0.0-20210101000000-abcdef123456 < v0.1.0",
        "golang v2.0.0+incompatible = v2.0.0",
        "golang v1.10.0 > v1.9.9",
        "cargo 1.0.0-beta.2 < 1.0.0",
        "nuget 4.0.0.1 > 4.0.0"
    })
    void otherSemverEcosystems(String ecosystem, String a, String relation, String b) {
        assertRelation(ecosystem, a, relation, b);
    }

    @ParameterizedTest(name = "pypi {0} {1} {2}")
    @CsvSource(delimiter = ' ', value = {
        "1.0a1 = 1.0.0a1",
        "1.0a1 = 1.0alpha1",
        "1.0a1 = 1.0-a-1",
        "1.0a1 = 1.0.a.1",
        "1.0A1 = 1.0a1",
        "1.0rc1 = 1.0c1",
        "1.0rc1 = 1.0pre1",
        "1.0rc1 = 1.0preview1",
        "1.0-1 = 1.0.post1",
        "1.0-1 = 1.0rev1",
        "1.0-1 = 1.0-r-1",
        "1.0.dev = 1.0.dev0",
        "1.0b = 1.0b0",
        "v1.0 = 1.0",
        "1.0 = 1.0.0",
        "1.10 > 1.9",
        "1!1.0 > 2.0",
        "1.0+local.1 > 1.0",
        "1.0+ubuntu-1 = 1.0+ubuntu.1",
        "1.0.post1 > 1.0+zzz",
        "2004d < 0.1"
    })
    void pep440Pairs(String a, String relation, String b) {
        assertRelation("pypi", a, relation, b);
    }

    @Test
    void pep440OrderingExampleFromTheSpec() {
        // PEP 440, "Summary of permitted suffixes and relative ordering", plus local versions.
        assertStrictlyAscending("pypi", List.of("1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456",
                "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1",
                "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1"));
    }

    @ParameterizedTest(name = "generic {0} {1} {2}")
    @CsvSource(delimiter = ' ', value = {
        "1.10 > 1.9",
        "1.0 = 1.0.0",
        "1.0-beta < 1.0",
        "1.0-rc1 < 1.0",
        "1.0-alpha < 1.0-beta",
        "1.0.Final = 1.0",
        "1.1.1a > 1.1.1",
        "1.1.1b > 1.1.1a",
        "1.1.1a < 1.1.2",
        "R2.0 = r2.0",
        "7.4.3-2 > 7.4.3-1"
    })
    void genericPairs(String a, String relation, String b) {
        assertRelation("deb", a, relation, b);
        assertRelation(null, a, relation, b);
    }

    @Test
    void hostileVersionsAreBoundedAndStillOrdered() {
        String deep = "1" + "-1".repeat(50_000); // would nest 50,000 Maven sub-lists
        String alsoLong = "2" + ".0".repeat(50_000);
        for (String ecosystem : new String[] {"maven", "npm", "pypi", "deb"}) {
            assertRelation(ecosystem, deep, "<", "0.1");
            assertRelation(ecosystem, deep, "<", alsoLong);
            assertEquals(UpdateKind.OTHER, VersionOrder.classify(ecosystem, deep, "2.0"));
        }
    }

    @Test
    void aMissingVersionSortsFirst() {
        assertRelation("maven", null, "<", "0");
        assertEquals(0, VersionOrder.compare("npm", null, null));
    }

    @Test
    void schemesAreChosenByPurlType() {
        assertEquals(VersionScheme.MAVEN, VersionScheme.forEcosystem("maven"));
        assertEquals(VersionScheme.SEMVER, VersionScheme.forEcosystem("NPM"));
        assertEquals(VersionScheme.SEMVER, VersionScheme.forEcosystem("golang"));
        assertEquals(VersionScheme.PEP440, VersionScheme.forEcosystem("pypi"));
        assertEquals(VersionScheme.GENERIC, VersionScheme.forEcosystem("gem"));
        assertEquals(VersionScheme.GENERIC, VersionScheme.forEcosystem(null));
    }

    @Test
    void mixedSchemesStillSortConsistently() {
        // Unparseable versions sort below parseable ones; sorting a mixed list must not break the comparator contract.
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            versions.add("1." + i + ".0");
            versions.add("1." + i + ".0-rc." + i);
            versions.add("tag-" + i);
        }
        Collections.shuffle(versions, new Random(7));
        versions.sort(VersionOrder.comparator("npm"));
        assertTrue(versions.get(0).startsWith("tag-"), versions.get(0));
        assertEquals("1.39.0", versions.get(versions.size() - 1));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} is {3}")
    @CsvSource(delimiter = ' ', value = {
        "maven 2.11.0 2.21.0 MINOR",
        "maven 1.2.3 1.2.4 PATCH",
        "maven 1.2.3 2.0.0 MAJOR",
        "maven 1.2 1.2.1 PATCH",
        "maven 1.2.3 1.2.3.1 PATCH",
        "maven 1.0-SNAPSHOT 1.0 OTHER",
        "maven 5.4.2.Final 5.4.3.Final PATCH",
        "maven 2.0.0 1.9.0 MAJOR",
        "npm 2.0.0-rc.1 2.0.0 OTHER",
        "npm 1.2.3 1.2.4-beta.1 PATCH",
        "npm latest 1.0.0 OTHER",
        "golang v1.2.3 v1.3.0 MINOR",
        "pypi 1.0 1!1.0 MAJOR",
        "pypi 1.0 1.0.post1 OTHER",
        "pypi 1.2 1.2.1 PATCH",
        "pypi 1.2rc1 1.3 MINOR",
        "deb 1.0 1.0.0.1 PATCH",
        "generic v1.0 v2.0 MAJOR"
    })
    void classifiesTheStep(String ecosystem, String from, String to, UpdateKind expected) {
        assertEquals(expected, VersionOrder.classify(ecosystem, from, to));
    }

    @Test
    void classifyWithoutAVersionIsOther() {
        assertEquals(UpdateKind.OTHER, VersionOrder.classify("maven", null, "1.0"));
    }
}
