package dev.sbomgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PurlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pkg:maven/com.fasterxml.jackson.core/jackson-core@2.21.3 | pkg:maven/com.fasterxml.jackson.core/jackson-core@2.21.3",
            "PKG:Maven/org.example/lib@1.0?type=jar&classifier=sources | pkg:maven/org.example/lib@1.0?classifier=sources&type=jar",
            "pkg:npm/%40angular/core@17.0.0 | pkg:npm/%40angular/core@17.0.0",
            "pkg:npm/@Angular/Core@17.0.0 | pkg:npm/%40angular/core@17.0.0",
            "pkg:pypi/Django_Rest.Framework@3.15 | pkg:pypi/django-rest-framework@3.15",
            "pkg:generic/a%20b/c%2Fd@1%2B2 | pkg:generic/a%20b/c%2Fd@1%2B2",
            "pkg:generic//ns//name@1 | pkg:generic/ns/name@1",
            "pkg:generic/caf%C3%A9@1#/sub/path/ | pkg:generic/caf%C3%A9@1#sub/path",
    })
    void parsesToTheCanonicalForm(String text, String canonical) {
        assertEquals(canonical, Purl.parse(text).toString());
    }

    @Test
    void aNamespaceWithEmptySegmentsIsEncodedSegmentBySegment() {
        Purl purl = new Purl("generic", "/a//b/", "n", null, null, null);
        assertEquals("pkg:generic/a//b/n", purl.toString());
        assertEquals(new Purl("generic", "a//b", "n", null, null, null), purl);
    }

    @Test
    void identityKeepsOnlyIdentifyingQualifiersAndDropsMavensDefaultJarType() {
        Purl jar = Purl.parse("pkg:maven/g/a@1?type=jar&repository_url=https://repo.example");
        Purl sources = Purl.parse("pkg:maven/g/a@2?classifier=sources");
        assertEquals("pkg:maven/g/a", jar.identity());
        assertEquals("pkg:maven/g/a?classifier=sources", sources.identity());
        assertEquals("pkg:deb/debian/curl?arch=amd64", Purl.parse("pkg:deb/debian/curl@8?arch=amd64&foo=x").identity());
    }

    @Test
    void equalityIsThatOfTheCanonicalForm() {
        assertEquals(Purl.parse("pkg:npm/%40scope/x@1"), Purl.parse("pkg:NPM/@Scope/X@1"));
        assertEquals(Purl.parse("pkg:npm/%40scope/x@1").hashCode(), Purl.parse("pkg:NPM/@Scope/X@1").hashCode());
        assertNotEquals(Purl.parse("pkg:maven/g/a@1"), Purl.parse("pkg:maven/g/a@1?classifier=x"));
        assertEquals(Purl.parse("pkg:maven/g/a@1"), new Purl("maven", "g", "a", "1", new TreeMap<>(Map.of("k", "")), ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1abc", "ma ven", "mav_en", "mavén"})
    void refusesAMalformedType(String type) {
        assertThrows(IllegalArgumentException.class, () -> new Purl(type, null, "n", null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maven", "a1", "c++", "x.y-z", "GENERIC"})
    void acceptsAWellFormedType(String type) {
        assertEquals(type.toLowerCase(java.util.Locale.ROOT), new Purl(type, null, "n", null, null, null).type());
    }
}
