package dev.sbomgate.signature.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading key files: the forms real keys come in, and the inputs that must be refused with one clear line. */
class PgpKeysTest {

    private static final Path GPG = Fixtures.path("gpg");
    private static final Path REAL = Fixtures.path("real/keys");
    private static final Fingerprint JACKSON_OLD = new Fingerprint("8A10792983023D5D14C93B488D7F1BEC1E2ECAE7");
    private static final Fingerprint JACKSON_NEW = new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181");

    @TempDir
    Path dir;

    @Test
    void apacheKeysFileWithTextBetweenBlocksYieldsEveryKeyInOrder() throws IOException {
        // The shape of Apache and FasterXML KEYS files: a listing, then the armoured key, repeated.
        String keys = "This file contains the PGP keys of various developers.\n\n"
                + "pub   rsa2048 2020-08-01 [SC]\nuid   Tatu Saloranta\n\n"
                + Files.readString(REAL.resolve(JACKSON_OLD + ".asc"))
                + "\npub   rsa4096 2022-08-13 [SC]\n\n"
                + Files.readString(REAL.resolve(JACKSON_NEW + ".asc"));
        List<PublicKeyInfo> infos = PgpKeys.read(write("KEYS", keys.getBytes(StandardCharsets.US_ASCII))).infos();
        assertEquals(List.of(JACKSON_OLD, JACKSON_NEW), infos.stream().map(PublicKeyInfo::fingerprint).toList());
    }

    @Test
    void binaryKeyringWithSeveralKeysYieldsEveryKey() throws IOException {
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        binary.write(ring(REAL.resolve(JACKSON_NEW + ".asc")).getEncoded());
        binary.write(ring(REAL.resolve("F4DD59C90148BDC52BEB90A4530AA5F25C25011F.asc")).getEncoded());
        PgpKeys keys = PgpKeys.read(write("keyring.gpg", binary.toByteArray()));
        assertEquals(2, keys.size());
        assertEquals(Set.of(JACKSON_NEW, new Fingerprint("F4DD59C90148BDC52BEB90A4530AA5F25C25011F")), keys.fingerprints());
    }

    @Test
    void theSameKeyTwiceIsOneKey() throws IOException {
        String once = Files.readString(REAL.resolve(JACKSON_NEW + ".asc"));
        assertEquals(1, PgpKeys.read(write("twice.asc", (once + once).getBytes(StandardCharsets.US_ASCII))).size());
    }

    /**
     * Copies of one key are merged, so a revocation in any copy counts. The copy without it also shows why the
     * trust store must be curated: stripped of its revocation, a key looks good again.
     */
    @Test
    void aRevocationInAnyCopyOfAKeyCounts() throws IOException {
        Path revoked = GPG.resolve("keys/revoked-superseded.asc");
        PGPPublicKeyRing ring = ring(revoked);
        PGPPublicKey primary = ring.getPublicKey();
        PGPSignature revocation = primary.getSignaturesOfType(PGPSignature.KEY_REVOCATION).next();
        PGPPublicKeyRing stripped = PGPPublicKeyRing.insertPublicKey(ring, PGPPublicKey.removeCertification(primary, revocation));
        Path strippedFile = write("stripped.gpg", stripped.getEncoded());

        assertFalse(PgpKeys.read(strippedFile).infos().get(0).revoked());
        assertTrue(PgpKeys.read(List.of(strippedFile, revoked)).infos().get(0).revoked());
        assertTrue(PgpKeys.read(List.of(revoked, strippedFile)).infos().get(0).revoked());

        Path artifact = GPG.resolve("artifact.txt");
        Path afterRevocation = GPG.resolve("sigs/superseded-after.asc");
        assertEquals(SignatureStatus.VERIFIED,
                new PgpSignatureVerifier(PgpKeys.read(strippedFile)).verify(artifact, afterRevocation).status());
        assertEquals(SignatureStatus.KEY_REVOKED,
                new PgpSignatureVerifier(PgpKeys.read(List.of(strippedFile, revoked))).verify(artifact, afterRevocation).status());
    }

    @Test
    void onlyKeepsThePinnedKeys() {
        PgpKeys both = PgpKeys.read(List.of(REAL.resolve(JACKSON_OLD + ".asc"), REAL.resolve(JACKSON_NEW + ".asc")));
        PgpKeys pinned = both.only(List.of(JACKSON_NEW));
        assertEquals(Set.of(JACKSON_NEW), pinned.fingerprints());
        Path pom = Fixtures.path("real/artifacts/jackson-annotations-2.12.7.pom");
        assertEquals(SignatureStatus.VERIFIED, new PgpSignatureVerifier(both).verify(pom, Path.of(pom + ".asc")).status());
        assertEquals(SignatureStatus.UNKNOWN_KEY, new PgpSignatureVerifier(pinned).verify(pom, Path.of(pom + ".asc")).status());
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertRefused(write("empty.asc", new byte[0]), "empty");
    }

    @Test
    void plainTextIsRefused() throws IOException {
        assertRefused(write("notes.txt", "my key is on keys.openpgp.org\n".getBytes(StandardCharsets.US_ASCII)),
                "not an OpenPGP public key");
    }

    @Test
    void binaryGarbageIsRefused() throws IOException {
        byte[] garbage = new byte[2048];
        new java.util.Random(3).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        assertRefused(write("garbage.gpg", garbage), "garbage.gpg");
    }

    @Test
    void signatureFileIsRefusedAsKey() {
        assertRefused(GPG.resolve("sigs/ed25519.asc"), "SIGNATURE");
    }

    @Test
    void binarySignatureIsRefusedAsKey() {
        assertRefused(GPG.resolve("sigs/rsa4096-binary.sig"), "signature, not a public key");
    }

    @Test
    void brokenArmourIsRefused() throws IOException {
        String key = Files.readString(REAL.resolve(JACKSON_NEW + ".asc"));
        assertRefused(write("cut.asc", key.substring(0, key.length() / 2).getBytes(StandardCharsets.US_ASCII)), "END PGP");
    }

    @Test
    void secretKeysAreRefusedArmouredOrBinary() throws Exception {
        OpenPGPKey secret = new BcOpenPGPApi().generateKey().ed25519x25519Key("Secret <secret@fixture.invalid>").build();
        String armoured = secret.toAsciiArmoredString();
        assertTrue(armoured.contains("PRIVATE KEY BLOCK"));
        assertRefused(write("secret.asc", armoured.getBytes(StandardCharsets.US_ASCII)), "SECRET key");
        assertRefused(write("secret.gpg", secret.getPGPSecretKeyRing().getEncoded()), "SECRET key");
    }

    @Test
    void oversizedKeyFileIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.asc");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(PgpKeys.MAX_KEY_FILE_BYTES + 1L);
        }
        assertRefused(huge, "more than");
    }

    @Test
    void missingKeyFileIsRefused() {
        assertRefused(dir.resolve("absent.asc"), "cannot read");
    }

    private void assertRefused(Path file, String messagePart) {
        BadInputException e = assertThrows(BadInputException.class, () -> PgpKeys.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), () -> "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), () -> "'" + e.getMessage() + "' lacks '" + messagePart + "'");
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    private static PGPPublicKeyRing ring(Path keyFile) {
        return PgpKeys.read(keyFile).certificates().get(0).ring();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
