package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.jca.JcaFixtures;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustCommandTest {

    @TempDir
    Path temp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void addListShowRemove() {
        String trust = temp.resolve("trust").toString();
        Fingerprint cert = JcaFixtures.expectedFingerprint("cert-p256.crt.pem");
        Result add = run("trust", "add", JcaFixtures.file("cert-p256.crt.pem").toString(), "--trust", trust,
                "--name", "Release signer", "--scope", "pkg:maven/org.example/*", "--scope", "pkg:npm/@acme/*",
                "--not-after", "2030-12-31");
        assertEquals(0, add.code(), add.err());
        assertEquals("", add.err());
        assertTrue(add.out().startsWith("Pinned keypair key 'Release signer' in " + trust + ":\n"), add.out());
        assertTrue(add.out().contains("  fingerprint  " + cert.hex() + "\n"), add.out());
        assertTrue(add.out().contains("  algorithm    ECDSA-P256\n"), add.out());
        assertTrue(add.out().contains("  user IDs     CN=sbomgate test release signer,O=sbomgate tests\n"), add.out());
        assertTrue(add.out().contains("  created      (not recorded)\n"), add.out());
        assertTrue(add.out().contains("  expires      20"), add.out());
        assertTrue(add.out().contains("  scopes       pkg:maven/org.example/*\n               pkg:npm/@acme/*\n"), add.out());
        assertTrue(add.out().contains("  window       until 2030-12-31\n"), add.out());
        assertTrue(add.out().contains("  trust store  SHA-256:" + TrustStoreLoader.load(Path.of(trust)).digest().hex()), add.out());

        Fingerprint ed = JcaFixtures.expectedFingerprint("ed25519.pub.pem");
        assertEquals(0, run("trust", "add", JcaFixtures.file("ed25519.pub.pem").toString(), "--trust", trust,
                "--name", "ACME CI", "--scope", "pkg:npm/@acme/*").code());

        Result list = run("trust", "list", "--trust", trust);
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n");
        assertTrue(lines[0].matches("NAME +TYPE +FINGERPRINT +SCOPES +WINDOW +EXPIRES"), lines[0]);
        assertTrue(lines[1].startsWith("ACME CI         keypair  " + ed.hex()), lines[1]);
        assertTrue(lines[1].contains("pkg:npm/@acme/*") && lines[1].contains("always") && lines[1].endsWith("never"), lines[1]);
        assertTrue(lines[2].startsWith("Release signer  keypair  " + cert.hex() + "  pkg:maven/org.example/*"), lines[2]);
        assertTrue(lines[3].trim().equals("pkg:npm/@acme/*"), lines[3]);
        assertTrue(list.out().endsWith("2 keys pinned; trust store " + TrustStoreLoader.load(Path.of(trust)).digest() + "\n"));

        Result show = run("trust", "show", "--trust", trust, cert.hex().toLowerCase());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().startsWith("keypair key 'Release signer':\n  fingerprint  " + cert.hex() + "\n"), show.out());
        assertTrue(show.out().contains("  file         " + Path.of(trust).resolve("keys/" + cert.hex() + ".pem")), show.out());

        Result remove = run("trust", "remove", "--trust", trust, cert.hex());
        assertEquals(0, remove.code(), remove.err());
        assertEquals("Removed keypair key 'Release signer' (" + cert.hex() + ") from " + trust + ".\n", remove.out());
        assertFalse(run("trust", "list", "--trust", trust).out().contains("Release signer"));
    }

    @Test
    void addAndShowAnOpenPgpKeyPrintUserIdsDatesAndSubkeys() throws Exception {
        String trust = temp.resolve("trust").toString();
        Path alice = Path.of(TrustCommandTest.class.getResource("/trust/openpgp-alice.asc").toURI());
        Result add = run("trust", "add", alice.toString(), "--trust", trust, "--name", "Alice",
                "--scope", "pkg:maven/org.example/*");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().startsWith("Pinned openpgp key 'Alice' in " + trust + ":\n"), add.out());
        assertTrue(add.out().contains("  user IDs     Alice Release <alice@example.invalid>\n"), add.out());
        assertTrue(add.out().matches("(?s).*  created      \\d{4}-\\d\\d-\\d\\dT.*"), add.out());
        assertTrue(add.out().contains("  expires      2036-01-01T"), add.out());
        assertTrue(add.out().contains("  subkeys      "), add.out());
        String fingerprint = add.out().lines().filter(l -> l.startsWith("  fingerprint")).findFirst().orElseThrow()
                .substring(15);
        assertEquals(40, fingerprint.length());
        Result show = run("trust", "show", "--trust", trust, fingerprint);
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("  subkeys      "), show.out());
        assertTrue(show.out().contains("  file         " + Path.of(trust).resolve("keys/" + fingerprint + ".asc")), show.out());
    }

    @Test
    void listOfAnEmptyStoreSaysSo() {
        Result list = run("trust", "list", "--trust", temp.resolve("none").toString());
        assertEquals(0, list.code());
        assertEquals("No keys are pinned in " + temp.resolve("none") + ": every signature counts as UNKNOWN_KEY."
                + " Pin one with 'sbomgate trust add'.\n", list.out());
    }

    @Test
    void badInputExitsWithTwoAndOneLine() {
        String trust = temp.resolve("trust").toString();
        String key = JcaFixtures.file("p256.pub.pem").toString();
        assertBadInput(run("trust", "add", key, "--trust", trust, "--name", "X", "--scope", "maven/x"),
                "sbomgate: error: --scope: scope pattern must start with 'pkg:'");
        assertBadInput(run("trust", "add", key, "--trust", trust, "--name", "X", "--scope", "pkg:npm/x", "--not-after", "tomorrow"),
                "sbomgate: error: --not-after: expected a date like 2026-01-31, got 'tomorrow'");
        assertBadInput(run("trust", "add", temp.resolve("missing.pem").toString(), "--trust", trust, "--name", "X", "--scope", "pkg:npm/x"),
                "sbomgate: error: " + temp.resolve("missing.pem") + ": key file not found");
        assertBadInput(run("trust", "show", "--trust", trust, "ABCDEF0123456789"),
                "sbomgate: error: expected a full fingerprint (40 or 64 hex digits), got 'ABCDEF0123456789'; short key ids are never accepted");
        String fp = JcaFixtures.expectedFingerprint("p256.pub.pem").hex();
        assertBadInput(run("trust", "show", "--trust", trust, fp),
                "sbomgate: error: " + trust + ": no key with fingerprint " + fp + " is pinned");
        assertBadInput(run("trust", "remove", "--trust", trust, fp),
                "sbomgate: error: " + trust + ": no key with fingerprint " + fp + " is pinned");
        assertEquals(0, run("trust", "add", key, "--trust", trust, "--name", "X", "--scope", "pkg:npm/x").code());
        assertBadInput(run("trust", "add", key, "--trust", trust, "--name", "Y", "--scope", "pkg:npm/y"),
                "sbomgate: error: " + key + ": key " + fp + " is already pinned as 'X'");
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        Result result = run("trust", "add", JcaFixtures.file("p256.pub.pem").toString(), "--trust", temp.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains("Missing required options: '--name=NAME', '--scope=PATTERN'"), result.err());
    }

    @Test
    void weakKeysArePinnedWithAWarning() {
        Result add = run("trust", "add", JcaFixtures.file("rsa1024.pub.pem").toString(), "--trust", temp.resolve("t").toString(),
                "--name", "Old", "--scope", "pkg:npm/old");
        assertEquals(0, add.code());
        assertEquals("sbomgate: warning: RSA-1024 is under 2048 bits: its signatures will be reported as WEAK_CRYPTO\n", add.err());
    }

    @Test
    void everySubcommandHasHelpWithAnExample() throws Exception {
        for (String sub : new String[] {"add", "list", "show", "remove"}) {
            Result help = run("trust", sub, "--help");
            assertEquals(0, help.code(), sub);
            assertTrue(help.out().startsWith("Usage: sbomgate trust " + sub), help.out());
            assertTrue(help.out().contains("Example") && help.out().contains("  sbomgate trust " + sub), help.out());
            assertTrue(help.out().contains("--trust=DIR"), help.out());
        }
        Result trust = run("trust", "--help");
        assertEquals(0, trust.code());
        assertTrue(trust.out().contains("add") && trust.out().contains("remove") && trust.out().contains("Example"));
        assertTrue(run("--help").out().contains("trust"));
        assertFalse(Files.exists(temp.resolve(".sbomgate")));
    }

    private static void assertBadInput(Result result, String expectedStart) {
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith(expectedStart), result.err());
        assertEquals(1, result.err().split("\n").length, result.err());
        assertEquals("", result.out());
    }
}
