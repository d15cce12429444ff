package dev.sbomgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated words of a large SBOM are held once; the values stay what the input said. */
class SharedWordsTest {

    /** A string equal to {@code s} but never the same instance (as a JSON parser hands each value out). */
    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    private static Component component(String purl, String type, String group, String name, String version) {
        return new Component(fresh(purl), Purl.parse(fresh(purl)), fresh(type), fresh(group), fresh(name),
                fresh(version), List.of(), null, null, null, null, List.of(),
                List.of(new ExternalReference(fresh("distribution"), fresh("https://repo.example/a.jar"))),
                fresh("required"), List.of(), null);
    }

    @Test
    void twoComponentsShareTheirTypeScopeAndReferenceTypeInstances() {
        Component a = component("pkg:maven/org.example/a@1.0?type=jar", "library", "org.example", "a", "1.0");
        Component b = component("pkg:maven/org.example/b@2.0?type=jar", "library", "org.example", "b", "2.0");

        assertSame(a.type(), b.type());
        assertSame(a.scope(), b.scope());
        assertSame(a.externalReferences().get(0).type(), b.externalReferences().get(0).type());
        assertSame(a.purl().type(), b.purl().type());
        assertSame(a.purl().qualifier("type"), b.purl().qualifier("type"));
        assertEquals("library", a.type());
        assertEquals("jar", b.purl().qualifier("type"));
    }

    @Test
    void groupNameAndVersionAreThePurlsOwnInstancesWhenEqual() {
        Component c = component("pkg:maven/org.example/a@1.0", "library", "org.example", "a", "1.0");

        assertSame(c.purl().namespace(), c.group());
        assertSame(c.purl().name(), c.name());
        assertSame(c.purl().version(), c.version());
    }

    @Test
    void valuesThatDifferFromThePurlOrAreNotListedAreKeptAsGiven() {
        Component c = component("pkg:maven/org.example/a@1.0", "some-new-type", "com.other", "A", "1.0.0");

        assertEquals("some-new-type", c.type());
        assertEquals("com.other", c.group());
        assertEquals("A", c.name());
        assertEquals("1.0.0", c.version());
        assertNotSame(c.purl().name(), c.name());
        assertEquals(SharedWords.shared(fresh("library")), "library");
        String unlisted = fresh("a-word-nobody-listed");
        assertSame(unlisted, SharedWords.shared(unlisted));
    }

    @Test
    void aPurlWithoutQualifiersHasAnEmptyOneThatStillEqualsAnyOther() {
        Purl bare = Purl.parse("pkg:npm/left-pad@1.3.0");
        Purl emptied = new Purl("npm", null, "left-pad", "1.3.0", new java.util.TreeMap<>(java.util.Map.of("k", "")), null);

        assertEquals(bare, emptied);
        assertEquals(bare.hashCode(), emptied.hashCode());
        assertEquals(0, bare.qualifiers().size());
    }
}
