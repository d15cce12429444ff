package dev.sbomgate.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Purl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PurlPatternTest {

    /** pattern, purl, whether it matches. */
    private static final String[][] MATCHES = {
        {"pkg:maven/com.fasterxml.jackson.*/*", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.0", "true"},
        {"pkg:maven/com.fasterxml.jackson.*/*", "pkg:maven/com.fasterxml.jackson.dataformat/jackson-dataformat-yaml", "true"},
        // The '.' before '*' is literal: the bare group com.fasterxml.jackson is not covered.
        {"pkg:maven/com.fasterxml.jackson.*/*", "pkg:maven/com.fasterxml.jackson/jackson-bom@2.17.0", "false"},
        {"pkg:maven/com.fasterxml.jackson.*/*", "pkg:maven/com.fasterxml.woodstox/woodstox-core@7.0.0", "false"},
        {"pkg:maven/com.fasterxml.jackson*/*", "pkg:maven/com.fasterxml.jackson/jackson-bom@2.17.0", "true"},
        {"pkg:maven/org.bouncycastle/bcprov-jdk18on", "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.85", "true"},
        {"pkg:maven/org.bouncycastle/bcprov-jdk18on", "pkg:maven/org.bouncycastle/bcprov-jdk18on", "true"},
        {"pkg:maven/org.bouncycastle/bcprov-jdk18on", "pkg:maven/org.bouncycastle/bcprov-jdk15on@1.70", "false"},
        {"pkg:maven/org.bouncycastle/bc*", "pkg:maven/org.bouncycastle/bcpg-jdk18on@1.85", "true"},
        // Maven coordinates are case-sensitive.
        {"pkg:maven/Org.Example/lib", "pkg:maven/org.example/lib@1.0", "false"},
        // Qualifiers and subpath are ignored: the sources jar is signed by the same key.
        {"pkg:maven/org.example/lib", "pkg:maven/org.example/lib@1.0?classifier=sources&type=jar", "true"},
        {"pkg:maven/org.example/lib@1.*", "pkg:maven/org.example/lib@1.2.3", "true"},
        {"pkg:maven/org.example/lib@1.*", "pkg:maven/org.example/lib@10.0", "false"},
        {"pkg:maven/org.example/lib@1.*", "pkg:maven/org.example/lib", "false"},
        {"pkg:maven/org.example/lib@2.0.0", "pkg:maven/org.example/lib@2.0.0", "true"},
        {"pkg:maven/org.example/lib@2.0.0", "pkg:maven/org.example/lib@2.0.01", "false"},
        {"pkg:npm/@acme/*", "pkg:npm/%40acme/widget@1.0.0", "true"},
        {"pkg:npm/@acme/*", "pkg:npm/@ACME/Widget@1.0.0", "true"},
        {"pkg:npm/%40acme/*", "pkg:npm/%40acme/widget@1.0.0", "true"},
        {"pkg:npm/@acme/*", "pkg:npm/@acme-evil/widget@1.0.0", "false"},
        {"pkg:npm/@acme/*", "pkg:npm/widget@1.0.0", "false"},
        {"pkg:npm/*", "pkg:npm/left-pad@1.3.0", "true"},
        {"pkg:npm/*", "pkg:npm/@acme/widget@1.0.0", "false"},
        // '*' never crosses '/': a pattern covers one namespace depth only.
        {"pkg:golang/github.com/acme/*", "pkg:golang/github.com/acme/tool@v1.2.0", "true"},
        {"pkg:golang/github.com/acme/*", "pkg:golang/github.com/acme/tool/v2@v2.0.0", "false"},
        {"pkg:golang/github.com/*/*", "pkg:golang/github.com/acme/tool@v1.2.0", "true"},
        {"pkg:golang/github.com/*", "pkg:golang/github.com/acme/tool@v1.2.0", "false"},
        {"pkg:maven/*/*", "pkg:maven/any.group/any-artifact@1", "true"},
        {"pkg:maven/*/*", "pkg:npm/any@1", "false"},
        {"PKG:Maven/org.example/*", "pkg:maven/org.example/lib@1", "true"},
        {"pkg:pypi/Foo_Bar", "pkg:pypi/foo-bar@1.0", "true"},
        {"pkg:pypi/foo.*", "pkg:pypi/foo-bar@1.0", "true"},
        {"pkg:pypi/requests", "pkg:pypi/requestss@1.0", "false"},
    };

    @TestFactory
    List<DynamicTest> matchTable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : MATCHES) {
            tests.add(DynamicTest.dynamicTest(row[0] + (row[2].equals("true") ? " covers " : " does not cover ") + row[1],
                    () -> assertEquals(Boolean.parseBoolean(row[2]), PurlPattern.parse(row[0]).matches(Purl.parse(row[1])))));
        }
        return tests;
    }

    /** malformed pattern, expected start of the message. */
    private static final String[][] MALFORMED = {
        {"", "empty scope pattern"},
        {"maven/org.example/*", "scope pattern must start with 'pkg:'"},
        {"pkg:maven", "scope pattern 'pkg:maven' needs a type and a name"},
        {"pkg:maven/", "scope pattern 'pkg:maven/' has an empty segment"},
        {"pkg:maven//lib", "scope pattern 'pkg:maven//lib' has an empty segment"},
        {"pkg:/maven/lib", "scope pattern 'pkg:/maven/lib' has an empty segment"},
        {"pkg:*/lib", "scope pattern 'pkg:*/lib' has a wildcard in the type"},
        {"pkg:mav en/lib", "scope pattern 'pkg:mav en/lib': scope type 'mav en' is not a literal purl type"},
        {"pkg:maven/org.example/**", "scope pattern 'pkg:maven/org.example/**': name '**' has '**'"},
        {"pkg:maven/org.example/lib?type=jar", "scope pattern 'pkg:maven/org.example/lib?type=jar' has qualifiers or a subpath"},
        {"pkg:maven/org.example/lib#sub", "scope pattern 'pkg:maven/org.example/lib#sub' has qualifiers or a subpath"},
        {"pkg:maven/org.example/lib@", "scope pattern 'pkg:maven/org.example/lib@' has an empty version"},
        {"pkg:maven/org ex/lib", "scope pattern 'pkg:maven/org ex/lib': namespace segment 'org ex' contains white space"},
        {"pkg:maven/org.example/%zz", "scope pattern 'pkg:maven/org.example/%zz' has malformed percent-encoding"},
        {"pkg:maven/org.example/%2A", "scope pattern 'pkg:maven/org.example/%2A' has an encoded '*'"},
        {"pkg:maven/org.example/a%2Fb", "scope pattern 'pkg:maven/org.example/a%2Fb': name 'a/b' contains '/'"},
    };

    @TestFactory
    List<DynamicTest> malformedPatternsAreRejectedWithAReason() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : MALFORMED) {
            tests.add(DynamicTest.dynamicTest("'" + row[0] + "'", () -> {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PurlPattern.parse(row[0]));
                assertTrue(e.getMessage().startsWith(row[1]), () -> "expected '" + row[1] + "...' got '" + e.getMessage() + "'");
            }));
        }
        return tests;
    }

    @Test
    void overlongPatternIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PurlPattern.parse("pkg:maven/a/" + "b".repeat(600)));
    }

    @Test
    void canonicalFormIsLowerCaseTypeWithReadableNamespace() {
        assertEquals("pkg:maven/org.example/*", PurlPattern.parse("PKG:Maven/org.example/*").toString());
        assertEquals("pkg:npm/@acme/*", PurlPattern.parse("pkg:npm/%40ACME/*").toString());
        assertEquals("pkg:pypi/foo-bar@1.*", PurlPattern.parse("pkg:pypi/Foo_Bar@1.*").toString());
        assertEquals("pkg:maven/org.example/a%2Bb", PurlPattern.parse("pkg:maven/org.example/a+b").toString());
        assertEquals(PurlPattern.parse("pkg:npm/@acme/*"), PurlPattern.parse("pkg:npm/%40acme/*"));
    }

    @Test
    void canonicalFormParsesBackToTheSamePattern() {
        for (String[] row : MATCHES) {
            PurlPattern pattern = PurlPattern.parse(row[0]);
            assertEquals(pattern, PurlPattern.parse(pattern.toString()), row[0]);
        }
    }

    @Test
    void exactPatternsHaveNoWildcard() {
        assertTrue(PurlPattern.parse("pkg:maven/org.bouncycastle/bcprov-jdk18on").isExact());
        assertFalse(PurlPattern.parse("pkg:maven/org.bouncycastle/bc*").isExact());
    }

    @Test
    void globMatchesRunsWithinTheText() {
        assertTrue(PurlPattern.glob("*", ""));
        assertTrue(PurlPattern.glob("a*b*c", "aXXbYYc"));
        assertTrue(PurlPattern.glob("a*c", "abcbc"));
        assertFalse(PurlPattern.glob("a*c", "abcb"));
        assertFalse(PurlPattern.glob("abc", "ab"));
        assertTrue(PurlPattern.glob("*.jar", "x.jar"));
        assertFalse(PurlPattern.glob("*.jar", "x.jar.asc"));
    }
}
