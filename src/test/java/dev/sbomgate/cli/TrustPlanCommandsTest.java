package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.pgp.PgpKeys;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.plan.PlanYaml;
import dev.sbomgate.trust.plan.TrustPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * trust suggest / apply / refresh / audit on real Maven Central POMs with their real signatures and their signers'
 * real keys (src/test/resources/signature/pgp/real: SOURCES.md, keys/INDEX.tsv), and GnuPG-made keys for the subkey
 * and revocation cases (signature/pgp/gpg).
 */
class TrustPlanCommandsTest {
    static final Path REAL = Path.of("src/test/resources/signature/pgp/real");
    static final Path GPG = Path.of("src/test/resources/signature/pgp/gpg");
    static final String JACKSON = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";
    static final String PICOCLI = "AA417737BD805456DB3CBDDE6601E5C08DCCBB96";
    static final String SLF4J = "60200AC4AE761F1614D6C46766D68DAA073BE985";
    static final String CODEC = "F4DD59C90148BDC52BEB90A4530AA5F25C25011F";
    static final String BC_2023 = "7B121B76A7ED6CE6E60AD51784E913A8E3A748C0";
    static final String BC_DSA = "08F0AAB4D0C1A4BDDE340765B341DDB020FCB6AB";
    static final String SUBKEY_PRIMARY = "BE893C2B9A68A711E759C05373C064284A090782";
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;
    Path evidence;
    Path trust;
    Path keyring;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One line on stderr, exit 2: the bad-input contract. */
    static void assertBadInput(Run run, String expected) {
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("sbomgate: error: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    @BeforeEach
    void evidenceDirectory() throws IOException {
        evidence = temp.resolve("evidence");
        trust = temp.resolve("trust");
        put("com.fasterxml.jackson.core", "jackson-annotations", "2.21");
        put("info.picocli", "picocli", "4.7.6");
        put("org.slf4j", "slf4j-api", "2.0.17");
        put("commons-codec", "commons-codec", "1.21.0");
        put("org.bouncycastle", "bcprov-jdk18on", "1.85");
        // what fetch would have brought from a keyserver: the Jackson key, alone in its file
        Files.createDirectories(evidence.resolve("keys"));
        Files.copy(REAL.resolve("keys/" + JACKSON + ".asc"), evidence.resolve("keys/" + JACKSON + ".asc"));
        // a keyring of three real keys, armoured, as a KEYS file or gpg --export --armor writes it
        keyring = temp.resolve("KEYS");
        StringBuilder keys = new StringBuilder("These keys sign our releases.\n\n");
        for (String fp : List.of(PICOCLI, SLF4J, CODEC)) {
            keys.append("pub ").append(fp).append('\n').append(Files.readString(REAL.resolve("keys/" + fp + ".asc"))).append('\n');
        }
        Files.writeString(keyring, keys);
    }

    private void put(String group, String artifact, String version) throws IOException {
        Path dir = Files.createDirectories(evidence.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
        String pom = artifact + "-" + version + ".pom";
        Files.copy(REAL.resolve("artifacts/" + pom), dir.resolve(pom));
        Files.copy(REAL.resolve("artifacts/" + pom + ".asc"), dir.resolve(pom + ".asc"));
    }

    /** An SBOM naming the POMs of {@code coordinates} ("group:artifact:version") with their SHA-256. */
    private Path sbom(String name, String... coordinates) throws Exception {
        List<String> components = new ArrayList<>();
        for (String gav : coordinates) {
            String[] p = gav.split(":");
            Path file = evidence.resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]).resolve(p[1] + "-" + p[2] + ".pom");
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            components.add(("{\"type\":\"library\",\"bom-ref\":\"%s\",\"group\":\"%s\",\"name\":\"%s\",\"version\":\"%s\","
                    + "\"purl\":\"pkg:maven/%s/%s@%s?type=pom\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"%s\"}]}")
                    .formatted(p[1], p[0], p[1], p[2], p[0], p[1], p[2], sha));
        }
        Path sbom = temp.resolve(name);
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[%s]}
                """.formatted(String.join(",", components)));
        return sbom;
    }

    private Path allFive() throws Exception {
        return sbom("bom.json", "com.fasterxml.jackson.core:jackson-annotations:2.21", "info.picocli:picocli:4.7.6",
                "org.slf4j:slf4j-api:2.0.17", "commons-codec:commons-codec:1.21.0", "org.bouncycastle:bcprov-jdk18on:1.85");
    }

    private Run suggest(Path sbom, Path plan, String... more) {
        List<String> args = new ArrayList<>(List.of("trust", "suggest", "--sbom", sbom.toString(), "--artifacts",
                evidence.toString(), "--keyring", keyring.toString(), "--trust", trust.toString()));
        args.addAll(List.of(more));
        if (plan != null) {
            args.addAll(List.of("--write", plan.toString()));
        }
        return run(args.toArray(new String[0]));
    }

    private static TrustPlan read(Path plan) throws IOException {
        return PlanYaml.read(Files.readAllBytes(plan), plan.toString());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void suggestProposesTheNarrowestScopePerSignerFoundAndListsTheSignerNotFoundWithItsWaiver() throws Exception {
        Path plan = temp.resolve("review/trust-plan.yaml");
        Run suggested = suggest(allFive(), plan);
        assertEquals(0, suggested.code(), suggested.err());
        assertFalse(Files.exists(trust.resolve("trust.json")), "suggest pins nothing");

        TrustPlan read = read(plan);
        assertEquals(TrustStore.empty().digest().toString(), read.trustStoreDigest());
        assertEquals(NOW, read.created());
        List<String> proposed = read.pins().stream().map(p -> p.fingerprint().hex() + " " + p.scopes()).toList();
        assertEquals(List.of(JACKSON + " [pkg:maven/com.fasterxml.jackson.core/*]", SLF4J + " [pkg:maven/org.slf4j/*]",
                PICOCLI + " [pkg:maven/info.picocli/*]", CODEC + " [pkg:maven/commons-codec/*]"), proposed);
        TrustPlan.Pin jackson = read.pins().get(0);
        assertEquals(TrustPlan.Action.ADD_KEY, jackson.action());
        assertEquals("Tatu Saloranta (cowtowncoder) 2022", jackson.name());
        assertEquals(List.of("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom"), jackson.info().signs());
        assertEquals("RSA-4096", jackson.info().algorithm());
        assertEquals(Instant.parse("2022-08-13T20:18:26Z"), jackson.info().created());
        assertEquals(Instant.parse("2027-08-12T20:18:26Z"), jackson.info().expires());
        // alone in fetch's candidate file: referenced there, relative to the plan, with that file's SHA-256
        assertEquals("../evidence/keys/" + JACKSON + ".asc", jackson.keyFile());
        assertEquals(sha256(evidence.resolve("keys/" + JACKSON + ".asc")), jackson.keyFileSha256());
        // from the three-key keyring: exported alone beside the plan
        TrustPlan.Pin codec = read.pins().get(3);
        assertEquals("trust-plan.keys/" + CODEC + ".asc", codec.keyFile());
        Path exported = plan.getParent().resolve(codec.keyFile());
        assertEquals(sha256(exported), codec.keyFileSha256());
        assertEquals(List.of(new Fingerprint(CODEC)), List.copyOf(PgpKeys.parse(Files.readAllBytes(exported), "x").fingerprints()));
        assertEquals(List.of(), codec.info().userIds(), "the commons-codec key has no user ID");

        assertEquals(1, read.unresolved().size());
        TrustPlan.Unresolved bc = read.unresolved().get(0);
        assertEquals(BC_2023, bc.issuer());
        assertEquals(List.of("pkg:maven/org.bouncycastle/bcprov-jdk18on@1.85?type=pom"), bc.components());
        assertEquals("UNTRUSTED_SIGNER", bc.waiver().rule());
        assertEquals("pkg:maven/org.bouncycastle/*", bc.waiver().purl());
        assertEquals(LocalDate.parse("2027-03-07"), bc.waiver().expires());

        assertTrue(suggested.out().contains("  + add-key 'Tatu Saloranta (cowtowncoder) 2022'\n"), suggested.out());
        assertTrue(suggested.out().contains("      created      2022-08-13T20:18:26Z (4 years old)\n"), suggested.out());
        assertTrue(suggested.out().contains("      signs        1 component\n"), suggested.out());
        assertTrue(suggested.out().contains("  ! signer " + BC_2023 + ": key not found"), suggested.out());
        assertTrue(suggested.out().contains("Nothing is pinned yet"), suggested.out());
    }

    @Test
    void aBinaryMultiKeyKeyringAndASubkeySignatureResolveToThePrimaryKey() throws Exception {
        // a component signed by a signing subkey (GnuPG-made, signature/pgp/gpg/cases.tsv "signing-subkey-verified")
        Path dir = Files.createDirectories(evidence.resolve("org/example/data/1.0"));
        Files.copy(GPG.resolve("artifact.txt"), dir.resolve("data-1.0.txt"));
        Files.copy(GPG.resolve("sigs/signing-subkey.asc"), dir.resolve("data-1.0.txt.asc"));
        String sha = sha256(dir.resolve("data-1.0.txt"));
        Path sbom = temp.resolve("sub.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[{"type":"library","bom-ref":"d",
                 "group":"org.example","name":"data","version":"1.0","purl":"pkg:maven/org.example/data@1.0?type=txt",
                 "hashes":[{"alg":"SHA-256","content":"%s"}]}]}
                """.formatted(sha));
        // a binary keyring of two keys (gpg --export without --armor)
        PgpKeys both = PgpKeys.union(List.of(PgpKeys.read(GPG.resolve("keys/signing-subkey.asc")),
                PgpKeys.read(GPG.resolve("keys/stranger.asc"))));
        byte[] binary = concat(both.export(new Fingerprint(SUBKEY_PRIMARY), false),
                both.export(new Fingerprint("AFE2DDE647B93A006FFEEBC691A11EC0AB7E7600"), false));
        Path ring = temp.resolve("ring.gpg");
        Files.write(ring, binary);
        Path plan = temp.resolve("plan.yaml");
        Run suggested = run("trust", "suggest", "--sbom", sbom.toString(), "--artifacts", evidence.toString(),
                "--keyring", ring.toString(), "--trust", trust.toString(), "--write", plan.toString());
        assertEquals(0, suggested.code(), suggested.err());
        TrustPlan read = read(plan);
        assertEquals(1, read.pins().size(), suggested.out());
        assertEquals(SUBKEY_PRIMARY, read.pins().get(0).fingerprint().hex(), "the subkey's signature is the primary key's");
        assertEquals(List.of("pkg:maven/org.example/*"), read.pins().get(0).scopes());
        assertEquals(0, run("trust", "apply", plan.toString(), "--trust", trust.toString()).code());
        assertEquals(0, run("verify", "--sbom", sbom.toString(), "--artifacts", evidence.toString(), "--trust",
                trust.toString()).code(), "the applied pin verifies the subkey's signature");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void applyPinsExactlyThePlanInOneChangeAndThenVerifyPasses() throws Exception {
        Path sbom = sbom("four.json", "com.fasterxml.jackson.core:jackson-annotations:2.21", "info.picocli:picocli:4.7.6",
                "org.slf4j:slf4j-api:2.0.17", "commons-codec:commons-codec:1.21.0");
        assertEquals(1, run("verify", "--sbom", sbom.toString(), "--artifacts", evidence.toString(), "--trust",
                trust.toString()).code(), "nothing is pinned yet");
        Path plan = temp.resolve("plan.yaml");
        assertEquals(0, suggest(sbom, plan).code());
        Run applied = run("trust", "apply", plan.toString(), "--trust", trust.toString());
        assertEquals(0, applied.code(), applied.err());
        assertTrue(applied.out().startsWith("Applied " + plan + " to " + trust + " (4 changes, one atomic write):\n"),
                applied.out());
        TrustStore store = TrustStoreLoader.load(trust);
        assertEquals(List.of(JACKSON, SLF4J, PICOCLI, CODEC), store.keys().stream().map(k -> k.fingerprint().hex()).toList());
        PinnedKey slf4j = store.find(new Fingerprint(SLF4J)).orElseThrow();
        assertEquals("Ceki Gulcu 2022", slf4j.name());
        assertEquals("[pkg:maven/org.slf4j/*]", slf4j.scopes().toString());
        assertEquals(0, run("verify", "--sbom", sbom.toString(), "--artifacts", evidence.toString(), "--trust",
                trust.toString()).code());
        // the same plan a second time: the store it was made against is gone
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()), "the store changed since");
    }

    @Test
    void applyRefusesAStoreChangedSinceThePlan() throws Exception {
        Path plan = temp.resolve("plan.yaml");
        assertEquals(0, suggest(allFive(), plan).code());
        assertEquals(0, run("trust", "add", REAL.resolve("keys/" + BC_2023 + ".asc").toString(), "--trust", trust.toString(),
                "--name", "BC", "--scope", "pkg:maven/org.bouncycastle/*").code());
        String before = TrustStoreLoader.load(trust).digest().toString();
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()),
                "made against trust store " + TrustStore.empty().digest());
        assertEquals(before, TrustStoreLoader.load(trust).digest().toString(), "nothing pinned");
    }

    @Test
    void applyRefusesATamperedKeyFileAndAKeyFileOfAnotherKey() throws Exception {
        Path plan = temp.resolve("plan.yaml");
        assertEquals(0, suggest(allFive(), plan).code());
        Path exported = temp.resolve("plan.keys/" + CODEC + ".asc");
        byte[] original = Files.readAllBytes(exported);
        Files.write(exported, concat(original, "\n".getBytes(StandardCharsets.UTF_8)));
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()),
                "the key file changed since the plan was reviewed");
        assertFalse(Files.exists(trust.resolve("trust.json")));
        // another key's file with its SHA-256 written into the plan: the fingerprint check refuses it
        Files.write(exported, original);
        String other = Files.readString(temp.resolve("plan.keys/" + SLF4J + ".asc"));
        Files.writeString(exported, other);
        String text = Files.readString(plan).replace(sha256OfBytes(original), sha256(exported));
        Files.writeString(plan, text);
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()),
                "not exactly the key " + CODEC);
    }

    private static String sha256OfBytes(byte[] bytes) {
        return SignatureCheck.sha256(bytes);
    }

    @Test
    void applyRefusesUnknownKeysASecondDocumentAndAnotherFormat() throws Exception {
        Path plan = temp.resolve("plan.yaml");
        assertEquals(0, suggest(allFive(), plan).code());
        String text = Files.readString(plan);
        Files.writeString(plan, text.replaceFirst("    notBefore: null\n", "    notBefore: null\n    trustEverything: true\n"));
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()),
                "pins[0].trustEverything: unknown key");
        Files.writeString(plan, text + "---\nplan: 1\npins: []\n");
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()), "several YAML documents");
        Files.writeString(plan, text.replaceFirst("plan: 1", "plan: 2"));
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()), "expected format 1");
        Files.writeString(plan, text.replaceFirst("action: \"add-key\"", "action: \"add-identity\""));
        assertBadInput(run("trust", "apply", plan.toString(), "--trust", trust.toString()), "not applied by this sbomgate yet");
        assertFalse(Files.exists(trust.resolve("trust.json")), "nothing was pinned by any refused plan");
        assertBadInput(run("trust", "apply", temp.resolve("nope.yaml").toString(), "--trust", trust.toString()), "not found");
    }

    @Test
    void aPinnedSignerOutsideItsScopeGetsASetScopesEntry() throws Exception {
        assertEquals(0, run("trust", "add", REAL.resolve("keys/" + JACKSON + ".asc").toString(), "--trust", trust.toString(),
                "--name", "Jackson", "--scope", "pkg:maven/com.fasterxml.jackson.databind/*").code());
        Path sbom = sbom("jx.json", "com.fasterxml.jackson.core:jackson-annotations:2.21");
        Path plan = temp.resolve("plan.yaml");
        Run suggested = suggest(sbom, plan);
        assertEquals(0, suggested.code(), suggested.err());
        TrustPlan read = read(plan);
        assertEquals(1, read.pins().size());
        assertEquals(TrustPlan.Action.SET_SCOPES, read.pins().get(0).action());
        assertEquals(List.of("pkg:maven/com.fasterxml.jackson.core/*", "pkg:maven/com.fasterxml.jackson.databind/*"),
                read.pins().get(0).scopes());
        assertTrue(suggested.out().contains("  ~ set-scopes " + JACKSON), suggested.out());
        assertEquals(0, run("trust", "apply", plan.toString(), "--trust", trust.toString()).code());
        assertEquals("[pkg:maven/com.fasterxml.jackson.core/*, pkg:maven/com.fasterxml.jackson.databind/*]",
                TrustStoreLoader.load(trust).find(new Fingerprint(JACKSON)).orElseThrow().scopes().toString());
    }

    @Test
    void refreshMergesARevocationShowsItAndRefusesAnotherFingerprint() throws Exception {
        // The pinned copy without its revocation (stripped here); the key's own file carries it (GnuPG-made).
        Path revoked = GPG.resolve("keys/revoked-compromised.asc");
        PGPPublicKeyRing ring = ring(Files.readAllBytes(revoked));
        PGPPublicKey primary = ring.getPublicKey();
        for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.KEY_REVOCATION); it.hasNext(); ) {
            primary = PGPPublicKey.removeCertification(primary, it.next());
        }
        Path stripped = temp.resolve("stripped.gpg");
        Files.write(stripped, PGPPublicKeyRing.insertPublicKey(ring, primary).getEncoded());
        Run added = run("trust", "add", stripped.toString(), "--trust", trust.toString(), "--name", "Test key",
                "--scope", "pkg:maven/org.example/*");
        assertEquals(0, added.code(), added.err());
        String before = TrustStoreLoader.load(trust).digest().toString();

        Run refreshed = run("trust", "refresh", revoked.toString(), "--trust", trust.toString());
        assertEquals(0, refreshed.code(), refreshed.err());
        assertTrue(refreshed.out().contains("  ! revoked: the key now carries a revocation\n"), refreshed.out());
        TrustStore after = TrustStoreLoader.load(trust);
        assertTrue(after.find(new Fingerprint("A2A9AA21AD9EFA8D5082CABDFCAECB9EBE95D94E")).orElseThrow().key().revoked());
        assertFalse(before.equals(after.digest().toString()));
        // again: nothing new, nothing written
        Run again = run("trust", "refresh", revoked.toString(), "--trust", trust.toString());
        assertEquals(0, again.code());
        assertTrue(again.out().startsWith("Nothing new for 'Test key'"), again.out());
        // a refresh with the stripped copy cannot drop the revocation: the union keeps it
        assertEquals(0, run("trust", "refresh", stripped.toString(), "--trust", trust.toString()).code());
        assertTrue(TrustStoreLoader.load(trust).keys().get(0).key().revoked());
        // another key is refused, whatever it holds
        assertBadInput(run("trust", "refresh", GPG.resolve("keys/stranger.asc").toString(), "--trust", trust.toString()),
                "key AFE2DDE647B93A006FFEEBC691A11EC0AB7E7600 is not pinned");
        assertBadInput(run("trust", "refresh", keyring.toString(), "--trust", trust.toString()), "holds 3 primary keys");
    }

    private static PGPPublicKeyRing ring(byte[] armoured) throws Exception {
        BcPGPPublicKeyRingCollection rings = new BcPGPPublicKeyRingCollection(
                PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(armoured)));
        return rings.getKeyRings().next();
    }

    @Test
    void auditReportsExpiringUnusedWideAndWeakPins() throws Exception {
        Path sbom = sbom("two.json", "com.fasterxml.jackson.core:jackson-annotations:2.21", "org.slf4j:slf4j-api:2.0.17");
        Path baseline = temp.resolve(".sbomgate");
        assertEquals(0, run("trust", "add", REAL.resolve("keys/" + JACKSON + ".asc").toString(), "--trust", trust.toString(),
                "--name", "Jackson", "--scope", "pkg:maven/com.fasterxml.*/*").code());
        assertEquals(0, run("trust", "add", REAL.resolve("keys/" + SLF4J + ".asc").toString(), "--trust", trust.toString(),
                "--name", "slf4j", "--scope", "pkg:maven/org.slf4j/*").code());
        assertEquals(0, run("trust", "add", REAL.resolve("keys/" + BC_DSA + ".asc").toString(), "--trust", trust.toString(),
                "--name", "Bouncy Castle 2009", "--scope", "pkg:maven/org.bouncycastle/*").code());
        Run init = run("init", "--sbom", sbom.toString(), "--artifacts", evidence.toString(), "--baseline",
                baseline.toString(), "--trust", trust.toString());
        assertEquals(0, init.code(), init.out() + init.err());

        Run audit = run("trust", "audit", "--trust", trust.toString(), "--baseline", baseline.toString(),
                "--expiry-days", "365");
        assertEquals(0, audit.code(), audit.err());
        String out = audit.out();
        assertTrue(out.contains("against the 2 approved components"), out);
        assertTrue(out.contains("  EXPIRING  'Jackson' (" + JACKSON + "): expires 2027-08-12T20:18:26Z, in 248 days"), out);
        assertTrue(out.contains("  WIDE_SCOPE  'Jackson' (" + JACKSON + "): scope pkg:maven/com.fasterxml.*/* is wider"
                + " than what it signs (1 approved component); the narrowest covering them:"
                + " [pkg:maven/com.fasterxml.jackson.core/*]"), out);
        assertTrue(out.contains("  WEAK_ALGORITHM  'Bouncy Castle 2009' (" + BC_DSA + "): DSA-1024 is a legacy algorithm"), out);
        assertTrue(out.contains("  SIGNS_NOTHING  'Bouncy Castle 2009' (" + BC_DSA + "): signs none of the 2 approved"), out);
        assertFalse(out.contains("'slf4j'"), "a narrow, strong, used pin without expiry is not reported: " + out);
        assertTrue(out.contains("4 findings;"), out);
        // the default horizon (30 days) does not reach Jackson's expiry
        assertFalse(run("trust", "audit", "--trust", trust.toString(), "--baseline", baseline.toString()).out()
                .contains("EXPIRING"));
        assertBadInput(run("trust", "audit", "--trust", trust.toString(), "--expiry-days", "-1"), "--expiry-days");
    }

    @Test
    void suggestRefusesAMissingKeyringInOneLine() throws Exception {
        assertBadInput(run("trust", "suggest", "--sbom", allFive().toString(), "--artifacts", evidence.toString(),
                "--keyring", temp.resolve("missing.keys").toString(), "--trust", trust.toString()), "--keyring file not found");
        Files.writeString(temp.resolve("secret.asc"), "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxx\n-----END PGP PRIVATE KEY BLOCK-----\n");
        assertBadInput(run("trust", "suggest", "--sbom", allFive().toString(), "--artifacts", evidence.toString(),
                "--keyring", temp.resolve("secret.asc").toString(), "--trust", trust.toString()), "secret.asc");
    }

    @Test
    void aRealGradleKeyringOfManyKeysYieldsOnlyTheKeyThatSigned() throws Exception {
        Files.delete(evidence.resolve("keys/" + JACKSON + ".asc"));
        Path gradle = Path.of("src/test/resources/trust/plan/gradle-verification-keyring.keys");
        Path plan = temp.resolve("plan.yaml");
        Run suggested = run("trust", "suggest", "--sbom", sbom("jx.json",
                "com.fasterxml.jackson.core:jackson-annotations:2.21").toString(), "--artifacts", evidence.toString(),
                "--keyring", gradle.toString(), "--trust", trust.toString(), "--write", plan.toString());
        assertEquals(0, suggested.code(), suggested.err());
        TrustPlan read = read(plan);
        assertEquals(1, read.pins().size(), suggested.out());
        assertEquals(JACKSON, read.pins().get(0).fingerprint().hex());
        assertEquals("plan.keys/" + JACKSON + ".asc", read.pins().get(0).keyFile(), "exported alone from the keyring");
        assertTrue(PgpKeys.read(gradle).size() > 50, "the keyring holds many keys");
        assertEquals(0, run("trust", "apply", plan.toString(), "--trust", trust.toString()).code());
        assertEquals(1, TrustStoreLoader.load(trust).keys().size());
    }

    @Test
    void aBrokenCandidateFromTheKeyserverIsSkippedNotFatal() throws Exception {
        Files.writeString(evidence.resolve("keys/0000000000000000.asc"), "<html>rate limited</html>\n");
        Run suggested = suggest(allFive(), null);
        assertEquals(0, suggested.code(), suggested.err());
        assertTrue(suggested.out().contains("  skipped candidate: "), suggested.out());
        assertTrue(suggested.out().contains("  + add-key 'Tatu Saloranta (cowtowncoder) 2022'"), suggested.out());
        assertTrue(suggested.out().contains("Nothing is pinned. Write the plan with --write PLAN"), suggested.out());
    }

    static String lines(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
