package dev.sbomgate.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Purl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trust.json version 2 scopes (Maven ranges, regex objects) and ignoredKeys: docs/formats.md 2.5-2.7. */
class ScopesV2Test {
    private static final Path ALICE = Path.of("src/test/resources/trust/openpgp-alice.asc");

    @TempDir
    Path dir;

    private static boolean matches(String pattern, String purl) {
        return PurlPattern.parse(pattern).matches(Purl.parse(purl));
    }

    @Test
    void mavenRangesAreOrderedAsMavenOrdersVersions() {
        String range = "pkg:maven/org.foo/bar@[1.0,2.0)";
        assertTrue(matches(range, "pkg:maven/org.foo/bar@1.0"));
        assertTrue(matches(range, "pkg:maven/org.foo/bar@1.10"));
        assertTrue(matches(range, "pkg:maven/org.foo/bar@2.0-rc1")); // rc sorts before the release
        assertFalse(matches(range, "pkg:maven/org.foo/bar@2.0"));
        assertFalse(matches(range, "pkg:maven/org.foo/bar@0.9"));
        assertFalse(matches(range, "pkg:maven/org.foo/bar"));
        String union = "pkg:maven/org.foo/*@(,1.5],[1.7,)";
        assertTrue(matches(union, "pkg:maven/org.foo/x@1.5"));
        assertFalse(matches(union, "pkg:maven/org.foo/x@1.6"));
        assertTrue(matches(union, "pkg:maven/org.foo/x@9"));
        assertTrue(matches("pkg:maven/org.foo/bar@[1.0]", "pkg:maven/org.foo/bar@1"));
        assertEquals("pkg:maven/org.foo/bar@[1.0,2.0)", PurlPattern.parse("pkg:maven/org.foo/bar@[1.0, 2.0)").toString());
        assertTrue(PurlPattern.parse(range).needsVersion2());
        assertFalse(PurlPattern.parse("pkg:maven/org.foo/bar@1.*").needsVersion2());
        for (String bad : List.of("pkg:npm/foo@[1.0,2.0)", "pkg:maven/g/a@[2.0,1.0]", "pkg:maven/g/a@[1.0,2.0",
                "pkg:maven/g/a@[,1.0]", "pkg:maven/g/a@[1.0,2.0),(1.5,3)", "pkg:maven/g/a@(1.0)")) {
            assertThrows(IllegalArgumentException.class, () -> PurlPattern.parse(bad), bad);
        }
    }

    @Test
    void regexScopesAreAnchoredAndBounded() {
        PurlPattern scope = PurlPattern.regex("maven", "^org[.]apache[.]logging($|([.].*))", null, null);
        assertEquals("regex:pkg:maven/^org[.]apache[.]logging($|([.].*))/.*@.*", scope.toString());
        assertTrue(scope.matches(Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.24.0")));
        assertTrue(scope.matches(Purl.parse("pkg:maven/org.apache.logging/x")));
        assertFalse(scope.matches(Purl.parse("pkg:maven/org.apache.loggingevil/x@1")));
        assertFalse(scope.matches(Purl.parse("pkg:npm/x@1")));
        PurlPattern version = PurlPattern.regex("maven", "com\\.example", "lib", "1\\..*");
        assertTrue(version.matches(Purl.parse("pkg:maven/com.example/lib@1.2")));
        assertFalse(version.matches(Purl.parse("pkg:maven/com.example/lib")));
        assertFalse(version.matches(Purl.parse("pkg:maven/com.example/lib@11")));
        // matches everything on namespace: decided on probes, whatever the spelling
        for (String wide : List.of(".*", ".+", "^.*$", "(.*)", "[^/]*")) {
            assertTrue(PurlPattern.regex("maven", wide, "x", null).matchesEveryNamespace(), wide);
        }
        assertTrue(PurlPattern.regex("maven", null, "guava", null).matchesEveryNamespace());
        assertFalse(scope.matchesEveryNamespace());
        assertTrue(PurlPattern.parse("pkg:maven/*/*").matchesEveryNamespace());
        assertFalse(PurlPattern.parse("pkg:maven/com.*/*").matchesEveryNamespace());
        // catastrophic backtracking stops at the budget and does not match (fail closed)
        PurlPattern evil = PurlPattern.regex("maven", "(a+)+b", null, null);
        assertFalse(evil.matches(Purl.parse("pkg:maven/" + "a".repeat(40) + "/x@1")));
        assertThrows(IllegalArgumentException.class, () -> PurlPattern.regex("maven", "(", null, null));
        assertThrows(IllegalArgumentException.class, () -> PurlPattern.regex("npm", ".*", null, null));
        assertThrows(IllegalArgumentException.class, () -> PurlPattern.regex("maven", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> PurlPattern.regex("maven", "a".repeat(1025), null, null));
    }

    @Test
    void aStoreUsingV2ScopesIsWrittenAsVersion2AndReadBack() throws IOException {
        TrustStoreWriter writer = new TrustStoreWriter(dir);
        writer.add(Files.readAllBytes(ALICE), "alice.asc", "Alice", List.of(PurlPattern.parse("pkg:maven/org.example/*")), null, null);
        String v1 = Files.readString(dir.resolve("trust.json"));
        assertTrue(v1.startsWith("{\n  \"version\": 1,"), v1);
        String digestV1 = TrustStoreLoader.load(dir).digest().hex();
        // the same store re-loaded and re-written stays version 1, same bytes, same digest
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(v1, store.canonicalIndex());

        String v2 = v1.replace("\"version\": 1,", "\"version\": 2,").replace("\"pkg:maven/org.example/*\"",
                "\"pkg:maven/org.example/lib@[1.0,2.0)\",\n        {\"type\": \"maven\", \"namespace\": \"com\\\\.example\\\\..*\"}");
        Files.writeString(dir.resolve("trust.json"), v2);
        TrustStore loaded = TrustStoreLoader.load(dir);
        assertEquals(v2, loaded.canonicalIndex());
        assertTrue(loaded.keys().get(0).covers(Purl.parse("pkg:maven/com.example.sub/x@3")));
        assertTrue(loaded.keys().get(0).covers(Purl.parse("pkg:maven/org.example/lib@1.5")));
        assertFalse(loaded.keys().get(0).covers(Purl.parse("pkg:maven/org.example/lib@2.0")));
        assertFalse(digestV1.equals(loaded.digest().hex()));

        // a version 1 file holding a v2 scope is refused, and so is a version above 2
        Files.writeString(dir.resolve("trust.json"), v2.replace("\"version\": 2,", "\"version\": 1,"));
        BadInputException range = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(range.getMessage().contains("needs \"version\": 2"), range.getMessage());
        Files.writeString(dir.resolve("trust.json"), v2.replace("\"version\": 2,", "\"version\": 3,"));
        BadInputException newer = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(newer.getMessage().contains("newer sbomgate"), newer.getMessage());
        // duplicates refused
        Files.writeString(dir.resolve("trust.json"), v1.replace("\"pkg:maven/org.example/*\"",
                "\"pkg:maven/org.example/*\", \"pkg:maven/org.example/*\""));
        assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
    }

    @Test
    void ignoredKeysAreVersion2SortedAndNeverAlsoPinned() throws IOException {
        TrustStoreWriter writer = new TrustStoreWriter(dir);
        PinnedKey alice = writer.add(Files.readAllBytes(ALICE), "alice.asc", "Alice",
                List.of(PurlPattern.parse("pkg:maven/org.example/*")), null, null);
        String v1 = Files.readString(dir.resolve("trust.json"));
        String ignored = "  \"ignoredKeys\": [\n    {\n      \"id\": \"0123456789ABCDEF\",\n      \"reason\": \"not on any key"
                + " server\",\n      \"source\": \"gradle/verification-metadata.xml\"\n    }\n  ]\n}\n";
        String v2 = v1.replace("\"version\": 1,", "\"version\": 2,").replace("  ]\n}\n", "  ],\n" + ignored);
        Files.writeString(dir.resolve("trust.json"), v2);
        TrustStore store = TrustStoreLoader.load(dir);
        assertEquals(v2, store.canonicalIndex());
        assertEquals("0123456789ABCDEF", store.ignoredKeys().get(0).id());
        assertTrue(store.ignoredKeyFor("0123456789abcdef").isPresent());
        assertTrue(store.ignoredKeyFor("AAAAAAAAAAAAAAAAAAAAAAAA0123456789ABCDEF").isPresent());
        assertFalse(store.ignoredKeyFor("0123456789ABCDEE").isPresent());
        // a later trust add keeps the ignored keys
        assertTrue(TrustStoreLoader.load(dir).canonicalIndex().contains("ignoredKeys"));

        Files.writeString(dir.resolve("trust.json"), v2.replace("\"version\": 2,", "\"version\": 1,"));
        assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        Files.writeString(dir.resolve("trust.json"), v2.replace("0123456789ABCDEF", alice.fingerprint().shortId()));
        BadInputException both = assertThrows(BadInputException.class, () -> TrustStoreLoader.load(dir));
        assertTrue(both.getMessage().contains("both pinned") && both.getMessage().contains("ignored"), both.getMessage());
    }
}
