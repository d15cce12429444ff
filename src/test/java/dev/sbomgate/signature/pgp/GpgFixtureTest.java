package dev.sbomgate.signature.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the fixtures made by real GnuPG ({@code make-fixtures.sh}): each case is named after what it exercises,
 * and {@code gpg/cases.tsv} gives the outcome and the fingerprints gpg itself reported.
 */
class GpgFixtureTest {

    private static final Path BASE = Fixtures.path("gpg");

    @TestFactory
    Stream<DynamicTest> signatureCases() {
        return Fixtures.table(BASE.resolve("cases.tsv")).stream()
                .map(row -> DynamicTest.dynamicTest(row.get("case"), () -> checkCase(row)));
    }

    static void checkCase(Map<String, String> row) {
        PgpSignatureVerifier verifier = Fixtures.verifier(BASE, row.get("keys"));
        Path signature = BASE.resolve(row.get("signature"));
        SignatureCheck check = verifier.verify(BASE.resolve(row.get("artifact")), signature);

        assertEquals(SignatureStatus.valueOf(row.get("status")), check.status(), check::detail);
        assertEquals(SignatureKind.OPENPGP, check.kind());
        assertEquals(signature, check.signatureFile());
        assertEquals(fingerprint(row.get("signer")), check.signer(), "signer");
        assertEquals(fingerprint(row.get("signing_key")), check.signingKey(), "signing key");
        if (!row.get("issuer").equals("-")) {
            assertEquals(row.get("issuer"), check.issuer(), "issuer");
        }
        if (!row.get("created").equals("-")) {
            assertEquals(Instant.parse(row.get("created")), check.created(), "signature creation time");
        }
        if (!row.get("algorithm").equals("-")) {
            assertEquals(row.get("algorithm"), check.algorithm(), "algorithm");
        }
        assertFalse(check.detail().isBlank(), "a detail line is always given");
        assertFalse(check.detail().contains("\n"), "the detail is one line");
    }

    @TestFactory
    Stream<DynamicTest> keyFiles() {
        return Fixtures.table(BASE.resolve("keys.tsv")).stream()
                .map(row -> DynamicTest.dynamicTest(row.get("key_file"), () -> {
                    List<PublicKeyInfo> infos = PgpKeys.read(BASE.resolve(row.get("key_file"))).infos();
                    assertEquals(1, infos.size());
                    PublicKeyInfo info = infos.get(0);
                    assertEquals(SignatureKind.OPENPGP, info.kind());
                    assertEquals(new Fingerprint(row.get("fingerprint")), info.fingerprint());
                    assertEquals(row.get("algorithm"), info.algorithm());
                    assertEquals(Instant.parse(row.get("created")), info.created());
                    assertEquals(instant(row.get("expires")), info.expires(), "expiry");
                    assertEquals(Boolean.parseBoolean(row.get("revoked")), info.revoked(), "revoked");
                    List<Fingerprint> subkeys = new ArrayList<>();
                    if (!row.get("signing_subkeys").equals("-")) {
                        for (String hex : row.get("signing_subkeys").split(",")) {
                            subkeys.add(new Fingerprint(hex));
                        }
                    }
                    assertEquals(subkeys, info.subkeys(), "signing subkeys");
                    assertEquals(1, info.userIds().size());
                    assertTrue(info.userIds().get(0).endsWith("@fixture.invalid>"), info.userIds()::toString);
                }));
    }

    private static Fingerprint fingerprint(String cell) {
        return cell.equals("-") ? null : new Fingerprint(cell);
    }

    private static Instant instant(String cell) {
        return cell.equals("-") ? null : Instant.parse(cell);
    }

    static void assertNoSigner(SignatureCheck check) {
        assertNull(check.signer());
        assertNull(check.signingKey());
    }
}
