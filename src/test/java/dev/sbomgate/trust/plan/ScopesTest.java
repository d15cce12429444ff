package dev.sbomgate.trust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Purl;
import dev.sbomgate.trust.PurlPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopesTest {

    private static String narrowest(String... purls) {
        return Scopes.narrowest(java.util.Arrays.stream(purls).map(Purl::parse).toList()).toString();
    }

    @Test
    void oneScopePerGroupIdOrNpmScopeAndThePackageOtherwise() {
        assertEquals("[pkg:maven/com.fasterxml.jackson.core/*, pkg:maven/com.fasterxml.jackson.datatype/*]",
                narrowest("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.21.3?type=jar",
                        "pkg:maven/com.fasterxml.jackson.core/jackson-core@2.21.3",
                        "pkg:maven/com.fasterxml.jackson.datatype/jackson-datatype-jsr310@2.21.3"));
        assertEquals("[pkg:npm/@sigstore/*, pkg:npm/sigstore]",
                narrowest("pkg:npm/%40sigstore/bundle@3.0.0", "pkg:npm/@sigstore/core@2.0.0", "pkg:npm/sigstore@3.0.0"));
        assertEquals("[pkg:pypi/pypi-attestations]", narrowest("pkg:pypi/pypi_attestations@0.0.26"));
        assertEquals("[pkg:golang/github.com/acme/tool]", narrowest("pkg:golang/github.com/acme/tool@v1.2.0"));
        for (String scope : List.of("pkg:maven/org.slf4j/*", "pkg:npm/@sigstore/*", "pkg:npm/sigstore")) {
            assertFalse(Scopes.isWide(PurlPattern.parse(scope)), scope + " is what suggest proposes");
        }
    }

    @Test
    void wideMeansAWildcardWhereTheNarrowestFormHasNone() {
        for (String scope : List.of("pkg:maven/com.fasterxml.*/*", "pkg:maven/*/*", "pkg:npm/*", "pkg:npm/@*/*",
                "pkg:pypi/django*")) {
            assertTrue(Scopes.isWide(PurlPattern.parse(scope)), scope);
        }
    }
}
