package dev.sbomgate.signature.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Real POMs and signatures from Maven Central, checked with their publishers' real keys (see real/SOURCES.md). */
class RealMavenCentralTest {

    private static final Path BASE = Fixtures.path("real");

    @TestFactory
    Stream<DynamicTest> realSignatures() {
        return Fixtures.table(BASE.resolve("cases.tsv")).stream()
                .map(row -> DynamicTest.dynamicTest(row.get("case"), () -> {
                    SignatureCheck check = Fixtures.verifier(BASE, row.get("keys"))
                            .verify(BASE.resolve(row.get("artifact")), BASE.resolve(row.get("signature")));
                    assertEquals(SignatureStatus.valueOf(row.get("status")), check.status(), check::detail);
                    assertEquals(fingerprint(row.get("signer")), check.signer(), "signer");
                    assertEquals(fingerprint(row.get("signing_key")), check.signingKey(), "signing key");
                    assertEquals(row.get("issuer"), check.issuer(), "issuer");
                    assertEquals(Instant.parse(row.get("created")), check.created(), "creation time as gpg shows it");
                    if (!row.get("algorithm").equals("-")) {
                        assertEquals(row.get("algorithm"), check.algorithm(), "algorithm");
                    }
                    // The POM is signed in the same deploy as the jar whose signature time the corpus records.
                    Duration fromJar = Duration.between(Instant.parse(row.get("jar_signature_time")), check.created()).abs();
                    assertTrue(fromJar.compareTo(Duration.ofSeconds(2)) <= 0, "within 2 s of the jar's signature: " + fromJar);
                }));
    }

    @TestFactory
    Stream<DynamicTest> realKeys() {
        return Fixtures.table(BASE.resolve("keys.tsv")).stream()
                .map(row -> DynamicTest.dynamicTest(row.get("key_file"), () -> {
                    List<PublicKeyInfo> infos = PgpKeys.read(BASE.resolve(row.get("key_file"))).infos();
                    assertEquals(1, infos.size());
                    PublicKeyInfo info = infos.get(0);
                    assertEquals(SignatureKind.OPENPGP, info.kind());
                    assertEquals(new Fingerprint(row.get("fingerprint")), info.fingerprint());
                    assertEquals(row.get("algorithm"), info.algorithm());
                    assertEquals(Instant.parse(row.get("created")), info.created());
                    assertEquals(row.get("expires").equals("-") ? null : Instant.parse(row.get("expires")), info.expires());
                    assertFalse(info.revoked());
                    // Every user ID packet is shown, self-signed or not (Gradle keyrings strip the self-signatures).
                    assertEquals(Integer.parseInt(row.get("user_id_packets")), info.userIds().size(), info.userIds()::toString);
                    // These real keys sign with their primary key; their subkeys are for encryption only.
                    assertEquals(List.of(), info.subkeys());
                }));
    }

    @Test
    void keyWithUserIdWithoutSelfSignatureShowsTheUserId() {
        PublicKeyInfo picocli = PgpKeys.read(BASE.resolve("keys/AA417737BD805456DB3CBDDE6601E5C08DCCBB96.asc")).infos().get(0);
        assertEquals(List.of("Popma Remko <remkop@yahoo.com>"), picocli.userIds());
        assertEquals("RSA-3072", picocli.algorithm());
    }

    @Test
    void keyWithoutUserIdLoads() {
        PublicKeyInfo codec = PgpKeys.read(BASE.resolve("keys/F4DD59C90148BDC52BEB90A4530AA5F25C25011F.asc")).infos().get(0);
        assertEquals(List.of(), codec.userIds());
        assertEquals("Ed25519", codec.algorithm());
    }

    /** With every real key loaded together, each signature still resolves to its own signer. */
    @Test
    void allRealKeysTogether() throws IOException {
        List<Path> keyFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(BASE.resolve("keys"))) {
            files.filter(p -> p.toString().endsWith(".asc")).sorted().forEach(keyFiles::add);
        }
        PgpSignatureVerifier all = PgpSignatureVerifier.fromKeyFiles(keyFiles);
        assertEquals(16, all.keys().size());
        for (Map<String, String> row : Fixtures.table(BASE.resolve("cases.tsv"))) {
            if (row.get("status").equals("UNKNOWN_KEY")) {
                continue; // those cases are about a key missing from the set
            }
            SignatureCheck check = all.verify(BASE.resolve(row.get("artifact")), BASE.resolve(row.get("signature")));
            assertEquals(SignatureStatus.valueOf(row.get("status")), check.status(), row.get("case"));
            assertEquals(new Fingerprint(row.get("signer")), check.signer(), row.get("case"));
        }
    }

    @Test
    void oneFlippedBitInARealPomIsABadSignature(@TempDir Path dir) throws IOException {
        byte[] pom = Files.readAllBytes(BASE.resolve("artifacts/jackson-annotations-2.21.pom"));
        pom[pom.length / 2] ^= 0x01;
        Path tampered = Files.write(dir.resolve("jackson-annotations-2.21.pom"), pom);
        SignatureCheck check = Fixtures.verifier(BASE, "keys/28118C070CB22A0175A2E8D43D12CA2AC19F3181.asc")
                .verify(tampered, BASE.resolve("artifacts/jackson-annotations-2.21.pom.asc"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
        assertEquals(new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181"), check.signer());
    }

    private static Fingerprint fingerprint(String cell) {
        return cell.equals("-") ? null : new Fingerprint(cell);
    }
}
