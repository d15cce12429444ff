package dev.sbomgate.signature.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.SignatureVerifier;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class KeyPairSignatureVerifierTest {

    /** Every key fixture except other-p256, which signs the "signed by another key" case. */
    private static final List<String> PINNED = List.of("ed25519.pub.pem", "p256.pub.pem", "p384.pub.pem",
            "rsa3072.pub.pem", "rsa1024.pub.pem", "cert-p256.crt.pem");

    private static final KeyPairSignatureVerifier ALL = verifier(PINNED);

    @TempDir
    Path temp;

    /** signature file, expected status, key file of the expected signer (or null), expected algorithm (or null). */
    private static final String[][] MATRIX = {
        {"artifact.ed25519.sig", "VERIFIED", "ed25519.pub.pem", "Ed25519"},
        {"artifact.ed25519.b64.sig", "VERIFIED", "ed25519.pub.pem", "Ed25519"},
        {"artifact.p256-sha256.der.sig", "VERIFIED", "p256.pub.pem", "ECDSA-P256/SHA-256"},
        {"artifact.p256-sha256.b64.sig", "VERIFIED", "p256.pub.pem", "ECDSA-P256/SHA-256"},
        {"artifact.p256-sha256.raw.sig", "VERIFIED", "p256.pub.pem", "ECDSA-P256/SHA-256"},
        {"artifact.p384-sha384.der.sig", "VERIFIED", "p384.pub.pem", "ECDSA-P384/SHA-384"},
        {"artifact.p384-sha384.raw.sig", "VERIFIED", "p384.pub.pem", "ECDSA-P384/SHA-384"},
        {"artifact.p384-sha256.der.sig", "VERIFIED", "p384.pub.pem", "ECDSA-P384/SHA-256"},
        {"artifact.cert-p256-sha256.der.sig", "VERIFIED", "cert-p256.crt.pem", "ECDSA-P256/SHA-256"},
        {"artifact.rsa3072-pkcs1-sha256.sig", "VERIFIED", "rsa3072.pub.pem", "RSA-3072/SHA-256"},
        {"artifact.rsa3072-pkcs1-sha512.sig", "VERIFIED", "rsa3072.pub.pem", "RSA-3072/SHA-512"},
        {"artifact.rsa3072-pss-sha256-saltmax.sig", "VERIFIED", "rsa3072.pub.pem", "RSA-3072/SHA-256/PSS"},
        {"artifact.rsa3072-pss-sha256-saltdigest.sig", "VERIFIED", "rsa3072.pub.pem", "RSA-3072/SHA-256/PSS"},
        {"artifact.rsa3072-pss-sha384-saltdigest.sig", "VERIFIED", "rsa3072.pub.pem", "RSA-3072/SHA-384/PSS"},
        {"artifact.rsa3072-pkcs1-sha1.sig", "WEAK_CRYPTO", "rsa3072.pub.pem", "RSA-3072/SHA-1"},
        {"artifact.rsa1024-pkcs1-sha256.sig", "WEAK_CRYPTO", "rsa1024.pub.pem", "RSA-1024/SHA-256"},
        {"artifact.other-p256-sha256.der.sig", "BAD_SIGNATURE", null, null},
    };

    @TestFactory
    List<DynamicTest> opensslSignaturesOverTheArtifact() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : MATRIX) {
            tests.add(DynamicTest.dynamicTest(row[0] + " -> " + row[1], () -> {
                SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file(row[0]));
                assertEquals(SignatureStatus.valueOf(row[1]), check.status(), check.detail());
                assertEquals(SignatureKind.KEYPAIR, check.kind());
                Fingerprint expected = row[2] == null ? null : JcaFixtures.expectedFingerprint(row[2]);
                assertEquals(expected, check.signer());
                assertEquals(expected, check.signingKey());
                assertEquals(row[3], check.algorithm());
                assertNull(check.created(), "a raw signature carries no time");
                assertNull(check.issuer(), "a raw signature names no key");
                assertEquals(JcaFixtures.file(row[0]), check.signatureFile());
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> theSameSignaturesOverTheArtifactInMemory() throws java.io.IOException {
        // The verify stage hands over the bytes it hashed and inspected: the same outcome, whatever the file holds.
        byte[] bytes = java.nio.file.Files.readAllBytes(JcaFixtures.file("artifact.txt"));
        byte[] flipped = bytes.clone();
        flipped[0] ^= 1;
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : MATRIX) {
            tests.add(DynamicTest.dynamicTest(row[0], () -> {
                Path artifact = JcaFixtures.file("artifact.txt");
                Path signature = JcaFixtures.file(row[0]);
                assertEquals(ALL.verify(artifact, signature), ALL.verify(bytes, artifact, signature));
                SignatureCheck changed = ALL.verify(flipped, artifact, signature);
                assertEquals(SignatureStatus.BAD_SIGNATURE, changed.status(), changed.detail());
            }));
        }
        return tests;
    }

    @Test
    void verifiedDetailNamesKeyAndForm() {
        SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file("artifact.p256-sha256.b64.sig"));
        assertEquals("verified with pinned ECDSA-P256 key " + JcaFixtures.expectedFingerprint("p256.pub.pem")
                + " (base64 DER signature, ECDSA-P256/SHA-256)", check.detail());
    }

    @Test
    void weakDetailsSayWhy() {
        SignatureCheck rsa1024 = ALL.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file("artifact.rsa1024-pkcs1-sha256.sig"));
        assertTrue(rsa1024.detail().contains("RSA-1024 is too weak to count (RSA needs at least 2048 bits)"), rsa1024.detail());
        SignatureCheck sha1 = ALL.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file("artifact.rsa3072-pkcs1-sha1.sig"));
        assertTrue(sha1.detail().contains("over a SHA-1 digest, which has practical collisions"), sha1.detail());
    }

    @Test
    void anotherKeyOfTheSameTypeIsBadSignatureNamingTheCandidates() {
        SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"),
                JcaFixtures.file("artifact.other-p256-sha256.der.sig"));
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status());
        assertTrue(check.detail().startsWith("the raw DER ECDSA signature does not verify over these bytes with the 3 pinned"
                + " keys that could have made it ("), check.detail());
        assertTrue(check.detail().contains("ECDSA-P384 " + JcaFixtures.expectedFingerprint("p384.pub.pem")), check.detail());
    }

    @Test
    void noPinnedKeyOfTheRightTypeIsUnknownKey() {
        KeyPairSignatureVerifier onlyEd25519 = verifier(List.of("ed25519.pub.pem"));
        for (String sig : List.of("artifact.rsa3072-pkcs1-sha256.sig", "artifact.p384-sha384.der.sig",
                "artifact.p384-sha384.raw.sig")) {
            SignatureCheck check = onlyEd25519.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file(sig));
            assertEquals(SignatureStatus.UNKNOWN_KEY, check.status(), sig);
            assertNull(check.signer());
        }
        SignatureCheck rsa = onlyEd25519.verify(JcaFixtures.file("artifact.txt"),
                JcaFixtures.file("artifact.rsa3072-pkcs1-sha256.sig"));
        assertEquals("no pinned key could have made this raw 384-byte signature; pin the signer's key with"
                + " 'sbomgate trust add' if you trust it", rsa.detail());
    }

    @Test
    void emptyTrustIsUnknownKeyForEveryWellFormedSignature() {
        KeyPairSignatureVerifier none = KeyPairSignatureVerifier.of(Map.of());
        for (String[] row : MATRIX) {
            SignatureCheck check = none.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file(row[0]));
            assertEquals(SignatureStatus.UNKNOWN_KEY, check.status(), row[0]);
            assertTrue(check.detail().contains("(no key-pair key is pinned)"), check.detail());
        }
    }

    @Test
    void aSignatureWhoseValuesExceedTheCurveOrderIsNotACandidateOfThatCurve() {
        // A P-384 signature's r and s are 384-bit numbers: a P-256 key cannot have made it.
        KeyPairSignatureVerifier onlyP256 = verifier(List.of("p256.pub.pem"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, onlyP256.verify(JcaFixtures.file("artifact.txt"),
                JcaFixtures.file("artifact.p384-sha384.der.sig")).status());
    }

    @Test
    void aRawP256SignatureIsNotAnEd25519CandidateWhenItsLastByteIsOutOfRange() throws IOException {
        KeyPairSignatureVerifier onlyEd25519 = verifier(List.of("ed25519.pub.pem"));
        byte[] raw = JcaFixtures.bytes("artifact.p256-sha256.raw.sig");
        raw[63] |= (byte) 0x80;
        Path file = Files.write(temp.resolve("high-s.sig"), raw);
        assertEquals(SignatureStatus.UNKNOWN_KEY, onlyEd25519.verify(JcaFixtures.file("artifact.txt"), file).status());
        raw[63] &= 0x1f;
        Files.write(file, raw);
        assertEquals(SignatureStatus.BAD_SIGNATURE, onlyEd25519.verify(JcaFixtures.file("artifact.txt"), file).status());
    }

    @Test
    void anRsaKeyOfAnotherSizeIsNotACandidate() {
        KeyPairSignatureVerifier rsa1024 = verifier(List.of("rsa1024.pub.pem"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, rsa1024.verify(JcaFixtures.file("artifact.txt"),
                JcaFixtures.file("artifact.rsa3072-pkcs1-sha256.sig")).status());
    }

    @TestFactory
    List<DynamicTest> flippedBitInTheArtifactIsBadSignature() throws IOException {
        byte[] artifact = JcaFixtures.bytes("artifact.txt");
        artifact[artifact.length / 2] ^= 0x01;
        Path tampered = Files.write(temp.resolve("artifact-flipped.txt"), artifact);
        return forEachGoodSignature(tampered, SignatureStatus.BAD_SIGNATURE);
    }

    @TestFactory
    List<DynamicTest> truncatedArtifactIsBadSignature() throws IOException {
        byte[] artifact = JcaFixtures.bytes("artifact.txt");
        Path truncated = Files.write(temp.resolve("artifact-truncated.txt"), java.util.Arrays.copyOf(artifact, artifact.length - 1));
        return forEachGoodSignature(truncated, SignatureStatus.BAD_SIGNATURE);
    }

    @TestFactory
    List<DynamicTest> flippedBitInTheSignatureIsBadSignature() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : MATRIX) {
            if (!row[1].equals("VERIFIED") || row[0].contains(".b64.")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(row[0], () -> {
                byte[] signature = JcaFixtures.bytes(row[0]);
                signature[signature.length - 1] ^= 0x01;
                Path file = Files.write(temp.resolve("flipped-" + row[0]), signature);
                SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"), file);
                assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check.detail());
                assertNull(check.signer());
            }));
        }
        return tests;
    }

    @Test
    void publicKeysAndCertificatesGivenAsTheSignatureAreMalformed() {
        assertMalformed(JcaFixtures.file("p256.pub.pem"), "signature file is a PEM 'PUBLIC KEY' (a public key), not a signature");
        assertMalformed(JcaFixtures.file("cert-p256.crt.pem"), "signature file is a PEM 'CERTIFICATE' (a public key), not a signature");
        assertMalformed(JcaFixtures.file("p384.pub.der"), "signature file is a public key (DER SubjectPublicKeyInfo), not a signature");
        assertMalformed(JcaFixtures.file("cert-p256.crt.der"), "signature file is an X.509 certificate, not a signature");
    }

    @Test
    void emptyWhitespaceTextAndOddLengthsAreMalformed() throws IOException {
        assertMalformed(Files.write(temp.resolve("empty.sig"), new byte[0]), "signature file is empty");
        assertMalformed(Files.writeString(temp.resolve("blank.sig"), " \n\t\n"), "signature file holds only white space");
        assertMalformed(Files.writeString(temp.resolve("text.sig"), "this is not a signature\n"),
                "signature file holds text that is not base64; expected a raw binary or base64 signature");
        byte[] odd = new byte[50];
        odd[0] = (byte) 0xff;
        assertMalformed(Files.write(temp.resolve("odd.sig"), odd), "signature file is 50 bytes: not an Ed25519 (64 bytes),"
                + " ECDSA (DER, or 64/96-byte r||s) or RSA (128 to 2048 bytes) signature");
        assertMalformed(Files.writeString(temp.resolve("short.b64.sig"), "AAAA"),
                "signature file is 3 bytes (after base64 decoding): not an Ed25519");
        assertMalformed(Files.writeString(temp.resolve("pgp.sig"), "-----BEGIN PGP SIGNATURE-----\n\nabc\n-----END PGP SIGNATURE-----\n"),
                "signature file is an OpenPGP signature, not a key-pair signature (name it .asc)");
    }

    @Test
    void hundredMegabyteGarbageIsRefusedWithoutReadingIt() throws IOException {
        Path big = temp.resolve("garbage.sig");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(100L * 1024 * 1024);
        }
        long start = System.nanoTime();
        SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"), big);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(SignatureStatus.MALFORMED, check.status());
        assertEquals("signature file is larger than 64 KiB: not a key-pair signature", check.detail());
        assertTrue(millis < 2000, "refused in " + millis + " ms");
    }

    @Test
    void ed25519OverAnArtifactLargerThanTheBoundIsMalformedNotAnOutOfMemory() throws IOException {
        Path huge = temp.resolve("huge.bin");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(KeyPairSignatureVerifier.MAX_ED25519_ARTIFACT_BYTES + 1);
        }
        SignatureCheck check = verifier(List.of("ed25519.pub.pem")).verify(huge, JcaFixtures.file("artifact.ed25519.sig"));
        assertEquals(SignatureStatus.MALFORMED, check.status());
        assertEquals("artifact is 1073741825 bytes; an Ed25519 signature (PureEdDSA, RFC 8032) is checked over the whole"
                + " file in memory and sbomgate bounds that at 1073741824 bytes", check.detail());
    }

    @Test
    void anUnreadableSignatureIsMalformedAndAnUnreadableArtifactThrows() {
        Path missing = temp.resolve("missing.sig");
        SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"), missing);
        assertEquals(SignatureStatus.MALFORMED, check.status());
        assertTrue(check.detail().startsWith("cannot read the signature file (NoSuchFileException: "), check.detail());
        Path missingArtifact = temp.resolve("missing.jar");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ALL.verify(missingArtifact, JcaFixtures.file("artifact.p256-sha256.der.sig")));
        assertTrue(e.getMessage().startsWith("cannot read artifact " + missingArtifact), e.getMessage());
        assertThrows(UncheckedIOException.class,
                () -> verifier(List.of("ed25519.pub.pem")).verify(missingArtifact, JcaFixtures.file("artifact.ed25519.sig")));
    }

    @Test
    void isTheOneVerbSeam() {
        SignatureVerifier seam = ALL;
        assertEquals(SignatureStatus.VERIFIED, seam.verify(JcaFixtures.file("artifact.txt"),
                JcaFixtures.file("artifact.ed25519.sig")).status());
    }

    @Test
    void base64WithLineBreaksAndTrailingNewlineIsAccepted() throws IOException {
        String wrapped = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(JcaFixtures.bytes("artifact.rsa3072-pss-sha256-saltmax.sig")) + "\n";
        Path file = Files.writeString(temp.resolve("wrapped.sig"), wrapped);
        SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"), file);
        assertEquals(SignatureStatus.VERIFIED, check.status(), check.detail());
        assertEquals("RSA-3072/SHA-256/PSS", check.algorithm());
    }

    @Test
    void keysAreListedSortedByFingerprint() {
        List<Fingerprint> fingerprints = new ArrayList<>();
        ALL.keys().forEach(k -> fingerprints.add(k.fingerprint()));
        List<Fingerprint> sorted = new ArrayList<>(fingerprints);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, fingerprints);
        assertEquals(PINNED.size(), fingerprints.size());
    }

    @Test
    void isThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignatureStatus>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String[] row = MATRIX[i % MATRIX.length];
                futures.add(pool.submit(() -> ALL.verify(JcaFixtures.file("artifact.txt"), JcaFixtures.file(row[0])).status()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(SignatureStatus.valueOf(MATRIX[i % MATRIX.length][1]), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<DynamicTest> forEachGoodSignature(Path artifact, SignatureStatus expected) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : MATRIX) {
            if (row[1].equals("BAD_SIGNATURE")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(row[0], () -> {
                SignatureCheck check = ALL.verify(artifact, JcaFixtures.file(row[0]));
                assertEquals(expected, check.status(), check.detail());
                assertNull(check.signer());
            }));
        }
        return tests;
    }

    private void assertMalformed(Path signature, String expectedDetailStart) {
        SignatureCheck check = ALL.verify(JcaFixtures.file("artifact.txt"), signature);
        assertEquals(SignatureStatus.MALFORMED, check.status(), check.detail());
        assertTrue(check.detail().startsWith(expectedDetailStart), check.detail());
        assertNull(check.signer());
    }

    private static KeyPairSignatureVerifier verifier(List<String> keyFiles) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : keyFiles) {
            files.put(name, JcaFixtures.bytes(name));
        }
        return KeyPairSignatureVerifier.of(files);
    }
}
