package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trust import} on real material (src/test/resources/trust/import/README.md: pcre4j's Gradle verification
 * metadata and keyring, the public pgpverify keys map, Jackson's KEYS) and on hostile input generated here.
 */
class TrustImportCommandTest {
    private static final Path REAL = Path.of("src/test/resources/trust/import");
    private static final String GRADLE = REAL.resolve("pcre4j-verification-metadata.xml").toString();
    private static final String GRADLE_KEYRING = REAL.resolve("pcre4j-verification-keyring.keys").toString();
    private static final String KEYSMAP = REAL.resolve("pgp-keys-map.list").toString();
    private static final String JACKSON_KEYS = REAL.resolve("jackson-KEYS.asc").toString();
    private static final String JACKSON_2022 = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";

    @TempDir
    Path temp;

    private static TrustCommandTest.Result run(String... args) {
        return TrustCommandTest.run(args);
    }

    private static void assertOneLineError(TrustCommandTest.Result result, String expected) {
        assertEquals(2, result.code(), result.out() + result.err());
        assertTrue(result.err().startsWith("sbomgate: error: "), result.err());
        assertEquals(1, result.err().strip().split("\n").length, result.err());
        assertTrue(result.err().contains(expected), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }

    @Test
    void realGradleFileImportsEveryExactEntryInOneChange() throws IOException {
        Path trust = temp.resolve("trust");
        TrustCommandTest.Result refused = run("trust", "import", GRADLE, "--keyring", GRADLE_KEYRING, "--trust", trust.toString());
        // 11 entries name keys the same file ignores (Gradle never counts their signatures): refused, nothing written
        assertOneLineError(refused, "11 entries cannot be imported exactly (first: line 18:");
        assertFalse(Files.exists(trust));

        TrustCommandTest.Result result = run("trust", "import", GRADLE, "--keyring", GRADLE_KEYRING, "--trust",
                trust.toString(), "--partial");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("  73 key(s) to pin, 8 key(s) to ignore, 11 entries refused\n"), result.out());
        assertTrue(result.out().contains("not imported: 786 sha256 checksum entries of 466 components"), result.out());
        assertTrue(result.out().contains("refused: line 111: <trusted-key id=\"E7DC75FC24FB3C8DFE8086AD3D5839A2262CBBFB\""),
                result.out()); // a subkey, resolved to its primary BC900CD2…, which line 9 ignores by the subkey's ID
        assertTrue(result.out().contains("  + key         " + JACKSON_2022), result.out());
        TrustStore store = TrustStoreLoader.load(trust);
        assertEquals(73, store.keys().size());
        assertEquals(8, store.ignoredKeys().size());
        assertTrue(store.canonicalIndex().startsWith("{\n  \"version\": 2,"));
        PinnedKey jackson = store.keys().stream().filter(k -> k.fingerprint().hex().equals(JACKSON_2022)).findFirst().orElseThrow();
        // <trusting group="org.codehaus.woodstox"/> and <trusting group="^com[.]fasterxml($|([.].*))" regex="true"/>
        assertEquals(List.of("pkg:maven/org.codehaus.woodstox/*", "regex:pkg:maven/^com[.]fasterxml($|([.].*))/.*@.*"),
                jackson.scopes().stream().map(Object::toString).toList());
        assertTrue(store.canonicalIndex().contains("{\"type\": \"maven\", \"namespace\": \"^com[.]fasterxml($|([.].*))\"}"));
        // each key alone in keys/FP.asc
        assertTrue(Files.isRegularFile(trust.resolve("keys/" + JACKSON_2022 + ".asc")));
        // the imported regex scope really admits a real release that key signed (Maven Central's .asc, 2026-01)
        Path artifacts = Files.createDirectories(temp.resolve("artifacts"));
        Path real = Path.of("src/test/resources/signature/pgp/real/artifacts");
        Files.copy(real.resolve("jackson-annotations-2.21.pom"), artifacts.resolve("jackson-annotations-2.21.pom"));
        Files.copy(real.resolve("jackson-annotations-2.21.pom.asc"), artifacts.resolve("jackson-annotations-2.21.pom.asc"));
        dev.sbomgate.model.Component pom = new dev.sbomgate.model.Component("ref",
                dev.sbomgate.model.Purl.parse("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom"),
                "library", "com.fasterxml.jackson.core", "jackson-annotations", "2.21", List.of(), null, null, null, null,
                List.of(), List.of(), null, List.of(), null);
        dev.sbomgate.verify.Evidence evidence = new dev.sbomgate.verify.EvidenceCollector(
                new dev.sbomgate.artifact.ArtifactLocator(List.of(artifacts)), store,
                java.time.Instant.parse("2026-11-28T12:00:00Z"), 1).collect(List.of(pom)).get(0);
        assertEquals(dev.sbomgate.signature.SignatureStatus.VERIFIED, evidence.signatureStatus());
        assertEquals(JACKSON_2022, evidence.signature().orElseThrow().signer().hex());
        String list = run("trust", "list", "--trust", trust.toString()).out();
        assertTrue(list.contains("Ignored keys (their signatures count as absent):\n  0D3B328562A119A7  Key couldn't be"
                + " downloaded from any key server\n"), list);
        // importing again changes nothing
        TrustCommandTest.Result again = run("trust", "import", GRADLE, "--keyring", GRADLE_KEYRING, "--trust",
                trust.toString(), "--partial");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("73 key(s) already pinned with these scopes: unchanged"), again.out());
        assertTrue(again.out().endsWith("Nothing to import.\n"), again.out());
    }

    @Test
    void gradleKeyringBesideTheFileIsUsedAndDryRunWritesNothing() throws IOException {
        Path gradle = Files.createDirectories(temp.resolve("project/gradle"));
        Files.copy(Path.of(GRADLE), gradle.resolve("verification-metadata.xml"));
        Files.copy(Path.of(GRADLE_KEYRING), gradle.resolve("verification-keyring.keys"));
        Path trust = temp.resolve("trust");
        TrustCommandTest.Result result = run("trust", "import", gradle.resolve("verification-metadata.xml").toString(),
                "--trust", trust.toString(), "--partial", "--dry-run");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("Would import from "), result.out());
        assertTrue(result.out().contains("73 key(s) to pin"), result.out());
        assertTrue(result.out().endsWith("Dry run: nothing written.\n"), result.out());
        assertFalse(Files.exists(trust));
    }

    @Test
    void realKeysmapMapsKeysRangesAndWaiversAndRefusesWhatWouldWiden() throws IOException {
        Path trust = temp.resolve("trust");
        TrustCommandTest.Result result = run("trust", "import", KEYSMAP, "--keyring", GRADLE_KEYRING, "--keyring",
                JACKSON_KEYS, "--trust", trust.toString(), "--partial");
        assertEquals(0, result.code(), result.err());
        String out = result.out();
        // packaging: a scope covers every file of a release
        assertTrue(out.contains("refused: line 81: commons-cli:*:pom:1.1 = noSig: packaging 'pom'"), out);
        // noSig: not pinned; the dated waiver is printed
        assertTrue(out.contains("      - rule: UNSIGNED\n        purl: \"pkg:maven/cglib/cglib@(,2.2]\""), out);
        // a key the keyring lacks cannot be pinned
        assertTrue(out.contains("the keyring holds no key"), out);
        TrustStore store = TrustStoreLoader.load(trust);
        assertFalse(store.keys().isEmpty());
        PinnedKey jackson = store.keys().stream().filter(k -> k.fingerprint().hex().equals(JACKSON_2022)).findFirst().orElseThrow();
        // com.fasterxml.* = pgpverify's "com.fasterxml and everything below it": a regex scope
        assertTrue(jackson.scopes().stream().anyMatch(s -> s.toString().equals("regex:pkg:maven/com\\.fasterxml(\\..+)?/.*@.*")),
                jackson.scopes().toString());
        assertTrue(out.contains("refused: line 161: com.fasterxml.* = 0x28118C070CB22A0175A2E8D43D12CA2AC19F3181, 0x2A21DE22"),
                out); // one of its keys is not in the keyring: that key alone is refused
        assertTrue(out.contains(store.keys().size() + " key(s) to pin"), out);
    }

    @Test
    void keysmapEntriesMapExactly() throws IOException {
        Path map = Files.writeString(temp.resolve("keys.list"), String.join("\n",
                "# a comment",
                "com.fasterxml.jackson.core:jackson-core:[2.13,3.0) = 0x" + JACKSON_2022 + " # trailing comment",
                "com.fasterxml.jackson.* = \\",
                "    0x" + JACKSON_2022.substring(24),
                "org.example:bad = badSig",
                "org.example:anyone = any",
                "org.example:lib = noKey",
                ""));
        Path trust = temp.resolve("trust");
        TrustCommandTest.Result result = run("trust", "import", map.toString(), "--keyring", JACKSON_KEYS, "--trust",
                trust.toString(), "--partial");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("refused: line 5: org.example:bad = badSig: badSig accepts"), result.out());
        assertTrue(result.out().contains("refused: line 6: org.example:anyone = any: 'any' accepts"), result.out());
        assertTrue(result.out().contains("- rule: UNTRUSTED_SIGNER\n        purl: \"pkg:maven/org.example/lib\""), result.out());
        assertTrue(result.out().contains("named as    key ID " + JACKSON_2022.substring(24)), result.out());
        PinnedKey pin = TrustStoreLoader.load(trust).keys().get(0);
        assertEquals(List.of("pkg:maven/com.fasterxml.jackson.core/jackson-core@[2.13,3.0)",
                "regex:pkg:maven/com\\.fasterxml\\.jackson(\\..+)?/.*@.*"), pin.scopes().stream().map(Object::toString).toList());
        assertTrue(pin.covers(dev.sbomgate.model.Purl.parse("pkg:maven/com.fasterxml.jackson/jackson-bom@2.17.0")));
        assertFalse(pin.covers(dev.sbomgate.model.Purl.parse("pkg:maven/com.fasterxml.jacksonevil/x@1")));
    }

    @Test
    void keyringPinsEachPrimaryKeyInItsOwnFileWithTheGivenScopes() throws IOException {
        Path trust = temp.resolve("trust");
        assertOneLineError(run("trust", "import", JACKSON_KEYS, "--trust", trust.toString()), "give --scope");
        TrustCommandTest.Result result = run("trust", "import", JACKSON_KEYS, "--trust", trust.toString(),
                "--scope", "pkg:maven/com.fasterxml.jackson.*/*");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("OpenPGP keyring, 3 entries"), result.out());
        TrustStore store = TrustStoreLoader.load(trust);
        assertEquals(3, store.keys().size());
        for (PinnedKey key : store.keys()) {
            assertEquals("keys/" + key.fingerprint().hex() + ".asc", key.file());
            assertEquals(List.of("pkg:maven/com.fasterxml.jackson.*/*"), key.scopes().stream().map(Object::toString).toList());
            assertTrue(result.out().contains("  + key         " + key.fingerprint()), result.out());
        }
        assertTrue(store.canonicalIndex().startsWith("{\n  \"version\": 1,"), "glob scopes only: still version 1");
        // the same keys as binary packets, as gpg --export writes them: recognised by content, same pins
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        String armoured = Files.readString(Path.of(JACKSON_KEYS), StandardCharsets.ISO_8859_1);
        for (String block : armoured.split("(?=-----BEGIN PGP PUBLIC KEY BLOCK-----)")) {
            if (block.startsWith("-----BEGIN")) {
                try (org.bouncycastle.bcpg.ArmoredInputStream in = new org.bouncycastle.bcpg.ArmoredInputStream(
                        new java.io.ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1)))) {
                    binary.write(in.readAllBytes());
                }
            }
        }
        Path gpg = Files.write(temp.resolve("exported"), binary.toByteArray());
        Path trust3 = temp.resolve("t3");
        assertEquals(0, run("trust", "import", gpg.toString(), "--trust", trust3.toString(), "--scope",
                "pkg:maven/com.fasterxml.jackson.*/*").code());
        assertEquals(store.keys().stream().map(PinnedKey::fingerprint).toList(),
                TrustStoreLoader.load(trust3).keys().stream().map(PinnedKey::fingerprint).toList());
        // a scope over every namespace is refused unless --allow-wide
        assertOneLineError(run("trust", "import", JACKSON_KEYS, "--trust", temp.resolve("t2").toString(), "--scope",
                "pkg:maven/*/*"), "matches every namespace");
    }

    @Test
    void aGradleRegexCatchingEveryGroupIsShownAndRefusedUnlessAllowWide() throws IOException {
        Path xml = Files.writeString(temp.resolve("verification-metadata.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <verification-metadata xmlns="https://schema.gradle.org/dependency-verification">
                   <configuration>
                      <trusted-keys>
                         <trusted-key id="%s" group=".*" regex="true"/>
                      </trusted-keys>
                   </configuration>
                </verification-metadata>
                """.formatted(JACKSON_2022));
        Path trust = temp.resolve("trust");
        TrustCommandTest.Result refused = run("trust", "import", xml.toString(), "--keyring", JACKSON_KEYS, "--trust",
                trust.toString());
        assertOneLineError(refused, "line 5: <trusted-key id=\"" + JACKSON_2022 + "\" group=\".*\" regex=\"true\"/>: scope"
                + " regex:pkg:maven/.*/.*@.* matches every namespace");
        assertTrue(refused.out().contains("refused: line 5:"), refused.out());
        assertFalse(Files.exists(trust));
        TrustCommandTest.Result allowed = run("trust", "import", xml.toString(), "--keyring", JACKSON_KEYS, "--trust",
                trust.toString(), "--allow-wide");
        assertEquals(0, allowed.code(), allowed.err());
        assertEquals("regex:pkg:maven/.*/.*@.*", TrustStoreLoader.load(trust).keys().get(0).scopes().get(0).toString());
    }

    @Test
    void xxeAndBillionLaughsAreRefusedInOneLine() throws IOException {
        Path xxe = Files.writeString(temp.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE verification-metadata [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <verification-metadata><configuration><ignored-keys>
                <ignored-key id="0123456789ABCDEF" reason="&xxe;"/>
                </ignored-keys></configuration></verification-metadata>
                """);
        assertOneLineError(run("trust", "import", xxe.toString(), "--trust", temp.resolve("t").toString()), "DOCTYPE");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE verification-metadata [\n"
                + "<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<verification-metadata><configuration><ignored-keys><ignored-key id=\"0123456789ABCDEF\""
                + " reason=\"&lol9;\"/></ignored-keys></configuration></verification-metadata>\n");
        Path bomb = Files.writeString(temp.resolve("laughs.xml"), laughs);
        assertOneLineError(run("trust", "import", bomb.toString(), "--trust", temp.resolve("t").toString()), "DOCTYPE");
        Path broken = Files.writeString(temp.resolve("broken.xml"), "<verification-metadata><configuration>");
        assertOneLineError(run("trust", "import", broken.toString(), "--trust", temp.resolve("t").toString()),
                "not well-formed XML");
        assertFalse(Files.exists(temp.resolve("t")));
    }

    @Test
    void aKeysmapOf100000LinesIsRefusedAtItsBound() throws IOException {
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            map.append("org.example").append(i).append(":lib:1.0 = 0x").append(JACKSON_2022).append('\n');
        }
        Path file = Files.writeString(temp.resolve("huge.list"), map);
        assertOneLineError(run("trust", "import", file.toString(), "--keyring", JACKSON_KEYS, "--trust",
                temp.resolve("t").toString()), "more than 50000 lines");
    }

    @Test
    void aKeyringOf10000KeysIsRefusedAtItsBound() throws IOException {
        // 10,000 distinct RSA public-key packets (RFC 9580 section 5.5.2, v4), random 2048-bit moduli: parsed, never used
        SecureRandom random = new SecureRandom();
        ByteArrayOutputStream keyring = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            byte[] modulus = new byte[256];
            random.nextBytes(modulus);
            modulus[0] |= (byte) 0x80;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(4);
            body.write(new byte[] {0x60, 0x00, 0x00, 0x00}, 0, 4);
            body.write(1);
            body.write(new byte[] {0x08, 0x00}, 0, 2);
            body.write(modulus, 0, modulus.length);
            body.write(new byte[] {0x00, 0x11, 0x01, 0x00, 0x01}, 0, 5);
            int length = body.size() - 192;
            keyring.write(0xC6);
            keyring.write((length >> 8) + 192);
            keyring.write(length & 0xff);
            body.writeTo(keyring);
        }
        Path file = Files.write(temp.resolve("huge.gpg"), keyring.toByteArray());
        assertOneLineError(run("trust", "import", file.toString(), "--trust", temp.resolve("t").toString(), "--scope",
                "pkg:maven/org.example/*"), "holds more than 5000 keys");
        assertTrue(new String(Files.readAllBytes(file), 0, 1, StandardCharsets.ISO_8859_1).length() == 1);
    }
}
