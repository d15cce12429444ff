package dev.sbomgate.signature.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering and hostile signature files against gpg-made fixtures: what each yields, and why. */
class PgpSignatureVerifierTest {

    private static final Path GPG = Fixtures.path("gpg");
    private static final Path ARTIFACT = GPG.resolve("artifact.txt");
    private static final Path ARMOURED = GPG.resolve("sigs/rsa4096-sha512.asc");
    private static final Path BINARY = GPG.resolve("sigs/rsa4096-binary.sig");
    private static final Fingerprint RSA = new Fingerprint(Fixtures.table(GPG.resolve("keys.tsv")).get(0).get("fingerprint"));
    private static final PgpSignatureVerifier VERIFIER = Fixtures.verifier(GPG, "keys/rsa4096.asc,keys/ed25519.asc");

    @TempDir
    Path dir;

    @Test
    void untouchedFixturesVerify() {
        // The baseline for every tamper test below: the same inputs, unmodified, are good.
        assertEquals(SignatureStatus.VERIFIED, VERIFIER.verify(ARTIFACT, ARMOURED).status());
        assertEquals(SignatureStatus.VERIFIED, VERIFIER.verify(ARTIFACT, BINARY).status());
    }

    @Test
    void bytesInMemoryAreWhatIsChecked() throws IOException {
        // The verify stage hands over the bytes it hashed and inspected; the file is only a name then.
        byte[] bytes = Files.readAllBytes(ARTIFACT);
        assertEquals(VERIFIER.verify(ARTIFACT, ARMOURED), VERIFIER.verify(bytes, ARTIFACT, ARMOURED));
        assertEquals(SignatureStatus.VERIFIED, VERIFIER.verify(bytes, dir.resolve("no-such-file"), BINARY).status());
        bytes[bytes.length / 3] ^= 0x04;
        SignatureCheck check = VERIFIER.verify(bytes, ARTIFACT, ARMOURED);
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), "the intact file on disk is not read: " + check.detail());
    }

    @Test
    void oneFlippedBitInTheArtifactIsABadSignature() throws IOException {
        byte[] bytes = Files.readAllBytes(ARTIFACT);
        bytes[bytes.length / 3] ^= 0x04;
        SignatureCheck check = VERIFIER.verify(write("artifact.txt", bytes), ARMOURED);
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
        assertEquals(RSA, check.signer());
        assertEquals(RSA, check.signingKey());
        assertEquals(Instant.parse("2024-01-02T10:00:00Z"), check.created());
        assertTrue(check.detail().contains("does not match the artifact's bytes"), check::detail);
    }

    @Test
    void truncatedArtifactIsABadSignature() throws IOException {
        byte[] bytes = Files.readAllBytes(ARTIFACT);
        SignatureCheck check = VERIFIER.verify(write("artifact.txt", Arrays.copyOf(bytes, bytes.length - 1)), ARMOURED);
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
    }

    @Test
    void signatureOverAnotherFileIsABadSignature() throws IOException {
        SignatureCheck check = VERIFIER.verify(write("other.txt", "another file\n".getBytes(StandardCharsets.UTF_8)), ARMOURED);
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
    }

    /**
     * The last byte of a binary RSA signature packet is the low byte of the signature value (RFC 9580 section
     * 5.2.3, the MPI at the packet's end). Flipping a bit there keeps every length and field parseable, so the
     * packet is read, the issuer is found, and only the RSA check fails: BAD_SIGNATURE, not MALFORMED.
     */
    @Test
    void oneFlippedBitInTheSignatureValueIsABadSignature() throws IOException {
        byte[] sig = Files.readAllBytes(BINARY);
        sig[sig.length - 1] ^= 0x01;
        SignatureCheck check = VERIFIER.verify(ARTIFACT, write("flipped.sig", sig));
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
        assertEquals(RSA, check.signer());
    }

    /**
     * The creation time sits in the hashed area, which the signature covers: moving it (say, to before a key
     * expired) breaks the signature instead of changing the verdict on expiry.
     */
    @Test
    void oneFlippedBitInTheHashedCreationTimeIsABadSignature() throws IOException {
        byte[] sig = Files.readAllBytes(BINARY);
        long seconds = Instant.parse("2024-01-02T10:05:00Z").getEpochSecond();
        byte[] encoded = {(byte) (seconds >>> 24), (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds};
        int at = indexOf(sig, encoded);
        assertTrue(at > 0, "creation time subpacket found");
        sig[at + 3] ^= 0x01;
        SignatureCheck check = VERIFIER.verify(ARTIFACT, write("flipped-time.sig", sig));
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
        assertEquals(Instant.parse("2024-01-02T10:05:01Z"), check.created(), "the forged time is reported, and rejected");
    }

    /**
     * In an armoured signature, a changed base64 character changes one bit of the decoded packet, but the armour's
     * CRC-24 (RFC 9580 section 6.1) no longer matches: the file is rejected as MALFORMED before any crypto.
     */
    @Test
    void oneFlippedBitInArmouredTextIsMalformedByItsChecksum() throws IOException {
        String text = Files.readString(ARMOURED, StandardCharsets.US_ASCII);
        int body = text.indexOf("\n\n") + 2;
        int at = body + 40;
        char c = text.charAt(at);
        char flipped = c == 'A' ? 'B' : c == 'B' ? 'A' : (char) (c ^ 0x01);
        assertTrue(Character.isLetterOrDigit(flipped), "still a base64 character");
        String tampered = text.substring(0, at) + flipped + text.substring(at + 1);
        SignatureCheck check = VERIFIER.verify(ARTIFACT, write("flipped.asc", tampered.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(SignatureStatus.MALFORMED, check.status(), check::detail);
        assertTrue(check.detail().toLowerCase(Locale.ROOT).contains("crc"), check::detail);
    }

    /** A text signature (type 0x01) covers the text with CRLF line ends (RFC 9580 section 5.2.1), a binary one the bytes. */
    @Test
    void textModeSignatureCoversTheTextWhateverItsLineEnds() throws IOException {
        String text = Files.readString(ARTIFACT, StandardCharsets.US_ASCII);
        Path crlf = write("artifact-crlf.txt", text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(SignatureStatus.VERIFIED, VERIFIER.verify(crlf, GPG.resolve("sigs/rsa4096-textmode.asc")).status());
        assertEquals(SignatureStatus.BAD_SIGNATURE, VERIFIER.verify(crlf, BINARY).status());
    }

    @Test
    void signatureByAKeyNotInTheSetIsUnknownWithItsIssuer() {
        String stranger = Fixtures.table(GPG.resolve("keys.tsv")).stream()
                .filter(r -> r.get("key_file").equals("keys/stranger.asc")).findFirst().orElseThrow().get("fingerprint");
        SignatureCheck check = VERIFIER.verify(ARTIFACT, GPG.resolve("sigs/stranger.asc"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, check.status());
        assertEquals(stranger, check.issuer());
        assertNull(check.signer());
        assertNull(check.signingKey());
        assertTrue(check.detail().contains(stranger), check::detail);
    }

    @Test
    void emptySignatureFileIsMalformed() throws IOException {
        assertMalformed(write("empty.asc", new byte[0]), "empty");
        assertMalformed(write("blank.asc", " \n\t\n".getBytes(StandardCharsets.US_ASCII)), "empty");
    }

    @Test
    void missingSignatureFileIsMalformed() {
        assertMalformed(dir.resolve("absent.asc"), "cannot read");
    }

    @Test
    void textThatIsNotOpenPgpIsMalformed() throws IOException {
        assertMalformed(write("text.asc", "<html>404 Not Found</html>\n".getBytes(StandardCharsets.US_ASCII)),
                "neither an ASCII-armoured");
    }

    @Test
    void binaryGarbageIsMalformed() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF; // high bit set: looks like a packet header, is not one
        assertMalformed(write("garbage.sig", garbage), "");
    }

    @Test
    void armourWithoutEndLineIsMalformed() throws IOException {
        String text = Files.readString(ARMOURED, StandardCharsets.US_ASCII);
        String cut = text.substring(0, text.indexOf("-----END"));
        assertMalformed(write("cut.asc", cut.getBytes(StandardCharsets.US_ASCII)), "END PGP SIGNATURE");
    }

    @Test
    void armouredPublicKeyAsSignatureIsMalformed() {
        assertMalformed(GPG.resolve("keys/rsa4096.asc"), "public key");
    }

    @Test
    void binaryPublicKeyAsSignatureIsMalformed() throws IOException {
        byte[] key = PgpKeys.read(GPG.resolve("keys/rsa4096.asc")).certificates().get(0).ring().getEncoded();
        assertMalformed(write("key.sig", key), "public key");
    }

    @Test
    void keyCertificationSignatureIsMalformed() throws IOException {
        // A real signature packet, by a known key, but over a user ID (type 0x13), not over a document.
        PGPPublicKeyRing ring = PgpKeys.read(GPG.resolve("keys/rsa4096.asc")).certificates().get(0).ring();
        PGPSignature certification = ring.getPublicKey().getSignatures().next();
        assertEquals(PGPSignature.POSITIVE_CERTIFICATION, certification.getSignatureType());
        SignatureCheck check = assertMalformed(write("cert.sig", certification.getEncoded()), "0x13");
        assertEquals(RSA.hex(), check.issuer(), "what the file names is still reported");
    }

    @Test
    void moreThanEightSignaturesIsMalformed() throws IOException {
        byte[] one = Files.readAllBytes(BINARY);
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i < PgpSignatureVerifier.MAX_SIGNATURES + 1; i++) {
            many.write(one);
        }
        assertMalformed(write("many.sig", many.toByteArray()), "more than");
        // Eight copies of the one good signature are fine.
        ByteArrayOutputStream eight = new ByteArrayOutputStream();
        for (int i = 0; i < PgpSignatureVerifier.MAX_SIGNATURES; i++) {
            eight.write(one);
        }
        Path eightFile = write("eight.sig", eight.toByteArray());
        assertEquals(SignatureStatus.VERIFIED, VERIFIER.verify(ARTIFACT, eightFile).status());
        assertEquals(8, VERIFIER.verifyEach(ARTIFACT, eightFile).size());
    }

    @Test
    void hundredMegabyteGarbageSignatureIsRefusedWithoutReadingIt() throws IOException {
        Path huge = dir.resolve("huge.asc");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("-----BEGIN PGP SIGNATURE-----\n\n".getBytes(StandardCharsets.US_ASCII));
            file.setLength(100L * 1024 * 1024); // sparse: instant to make, 100 MiB to read
        }
        SignatureCheck check = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> VERIFIER.verify(ARTIFACT, huge));
        assertEquals(SignatureStatus.MALFORMED, check.status());
        assertTrue(check.detail().contains("104857600 bytes"), check::detail);
    }

    @Test
    void compressedPacketThatInflatesPastTheLimitIsMalformed() throws IOException {
        // A decompression bomb: 1 MiB of zeros in a few KiB of ZLIB inside an otherwise plausible file.
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        PGPCompressedDataGenerator generator = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB);
        try (OutputStream out = generator.open(packet)) {
            out.write(new byte[1024 * 1024]);
        }
        assertTrue(packet.size() < PgpSignatureVerifier.MAX_SIGNATURE_BYTES);
        assertMalformed(write("bomb.sig", packet.toByteArray()), "compressed content is over");
    }

    @Test
    void missingArtifactThrowsUncheckedIo() {
        assertThrows(UncheckedIOException.class, () -> VERIFIER.verify(dir.resolve("absent.jar"), ARMOURED));
    }

    @Test
    void unknownKeyIsDecidedWithoutReadingTheArtifact() {
        // No key of the set is named, so there is nothing to hash: even a missing artifact does not matter.
        SignatureCheck check = VERIFIER.verify(dir.resolve("absent.jar"), GPG.resolve("sigs/stranger.asc"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, check.status());
    }

    @Test
    void eachSignatureOfAFileIsReportedInOrder() {
        List<SignatureCheck> checks = Fixtures.verifier(GPG, "keys/ed25519.asc")
                .verifyEach(ARTIFACT, GPG.resolve("sigs/two-signers.asc"));
        assertEquals(2, checks.size());
        assertEquals(SignatureStatus.UNKNOWN_KEY, checks.get(0).status());
        assertEquals(SignatureStatus.VERIFIED, checks.get(1).status());
        assertTrue(checks.get(1).detail().endsWith("[signature 2 of 2 in the file]"), checks.get(1)::detail);
    }

    @Test
    void twoSignaturesBothBadIsTheKnownKeysBadSignatureNotTheUnknownKey() throws IOException {
        byte[] bytes = Files.readAllBytes(ARTIFACT);
        bytes[0] ^= 0x01;
        SignatureCheck check = Fixtures.verifier(GPG, "keys/ed25519.asc")
                .verify(write("artifact.txt", bytes), GPG.resolve("sigs/two-signers.asc"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
        assertNotEquals(null, check.signer());
    }

    private SignatureCheck assertMalformed(Path signature, String detailPart) {
        SignatureCheck check = VERIFIER.verify(ARTIFACT, signature);
        assertEquals(SignatureStatus.MALFORMED, check.status(), check::detail);
        assertNull(check.signer());
        assertTrue(check.detail().contains(detailPart), () -> "detail '" + check.detail() + "' lacks '" + detailPart + "'");
        assertTrue(!check.detail().contains("\n"), "one line");
        return check;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
