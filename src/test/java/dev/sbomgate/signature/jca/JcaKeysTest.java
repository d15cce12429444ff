package dev.sbomgate.signature.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureKind;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class JcaKeysTest {

    @TestFactory
    List<DynamicTest> fingerprintIsSha256OfTheDerSubjectPublicKeyInfoAsOpensslComputesIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Fingerprint> entry : JcaFixtures.expectedFingerprints().entrySet()) {
            tests.add(DynamicTest.dynamicTest(entry.getKey(), () -> {
                List<PublicKeyInfo> keys = JcaKeys.inspect(JcaFixtures.bytes(entry.getKey()), entry.getKey());
                assertEquals(1, keys.size());
                assertEquals(entry.getValue(), keys.get(0).fingerprint());
                assertEquals(SignatureKind.KEYPAIR, keys.get(0).kind());
                assertEquals(64, keys.get(0).fingerprint().hex().length());
            }));
        }
        assertEquals(10, tests.size(), "fingerprints.txt lists every key fixture");
        return tests;
    }

    @Test
    void algorithmNamesTheCurveOrTheModulusSize() {
        assertEquals("Ed25519", only("ed25519.pub.pem").algorithm());
        assertEquals("ECDSA-P256", only("p256.pub.pem").algorithm());
        assertEquals("ECDSA-P384", only("p384.pub.pem").algorithm());
        assertEquals("ECDSA-P384", only("p384.pub.der").algorithm());
        assertEquals("RSA-3072", only("rsa3072.pub.pem").algorithm());
        assertEquals("RSA-3072", only("rsa3072.pkcs1.pem").algorithm());
        assertEquals("RSA-1024", only("rsa1024.pub.pem").algorithm());
    }

    @Test
    void bareKeyHasNoUserIdNoDatesNoSubkeys() {
        PublicKeyInfo key = only("p256.pub.pem");
        assertTrue(key.userIds().isEmpty());
        assertNull(key.created());
        assertNull(key.expires());
        assertFalse(key.revoked());
        assertTrue(key.subkeys().isEmpty());
    }

    @Test
    void certificateGivesItsSubjectAsUserIdAndNotAfterAsExpiry() {
        for (String name : List.of("cert-p256.crt.pem", "cert-p256.crt.der")) {
            PublicKeyInfo key = only(name);
            assertEquals(List.of("CN=sbomgate test release signer,O=sbomgate tests"), key.userIds(), name);
            assertEquals("ECDSA-P256", key.algorithm());
            assertTrue(key.expires() != null && key.expires().isAfter(Instant.parse("2030-01-01T00:00:00Z")), name);
            assertNull(key.created());
        }
    }

    @Test
    void certificateAndItsBareKeyInOneFileAreOneKey() {
        byte[] cert = JcaFixtures.bytes("cert-p256.crt.pem");
        String both = new String(cert, StandardCharsets.US_ASCII) + pem("PUBLIC KEY", spkiOfCert());
        List<PublicKeyInfo> keys = JcaKeys.inspect(both.getBytes(StandardCharsets.US_ASCII), "both.pem");
        assertEquals(1, keys.size());
        assertEquals(List.of("CN=sbomgate test release signer,O=sbomgate tests"), keys.get(0).userIds());
    }

    @Test
    void twoDifferentKeysInOneFileAreBothReported() {
        String two = new String(JcaFixtures.bytes("p256.pub.pem"), StandardCharsets.US_ASCII)
                + new String(JcaFixtures.bytes("ed25519.pub.pem"), StandardCharsets.US_ASCII);
        assertEquals(2, JcaKeys.inspect(two.getBytes(StandardCharsets.US_ASCII), "two.pem").size());
    }

    @Test
    void textAroundPemBlocksIsIgnored() {
        String withText = "Release key of ACME, see https://example.com\n"
                + new String(JcaFixtures.bytes("ed25519.pub.pem"), StandardCharsets.US_ASCII) + "trailer\n";
        assertEquals(JcaFixtures.expectedFingerprint("ed25519.pub.pem"),
                JcaKeys.inspect(withText.getBytes(StandardCharsets.US_ASCII), "k.pem").get(0).fingerprint());
    }

    @Test
    void privateKeyIsRefusedWithAHowTo() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        byte[] file = pem("PRIVATE KEY", pair.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
        BadInputException e = assertThrows(BadInputException.class, () -> JcaKeys.inspect(file, "signer.pem"));
        assertEquals("signer.pem: holds a private key ('PRIVATE KEY'); pin only the public key"
                + " (openssl pkey -in KEY -pubout), and keep the private key out of the repository", e.getMessage());
    }

    @Test
    void unsupportedAlgorithmsAreRefusedByName() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        BadInputException e = assertThrows(BadInputException.class, () -> JcaKeys.inspect(
                pem("PUBLIC KEY", ed448.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII), "ed448.pem"));
        assertEquals("ed448.pem: key algorithm Ed448 (1.3.101.113) is not supported; expected Ed25519,"
                + " ECDSA P-256/P-384 or RSA", e.getMessage());

        KeyPairGenerator secp521 = KeyPairGenerator.getInstance("EC");
        secp521.initialize(new java.security.spec.ECGenParameterSpec("secp521r1"));
        e = assertThrows(BadInputException.class, () -> JcaKeys.inspect(secp521.generateKeyPair().getPublic().getEncoded(),
                "p521.der"));
        assertEquals("p521.der: EC key on curve 1.3.132.0.35 is not supported; expected P-256 or P-384", e.getMessage());

        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        e = assertThrows(BadInputException.class, () -> JcaKeys.inspect(dsa.generateKeyPair().getPublic().getEncoded(),
                "dsa.der"));
        assertTrue(e.getMessage().startsWith("dsa.der: key algorithm DSA (1.2.840.10040.4.1) is not supported"),
                e.getMessage());
    }

    @Test
    void rsaUnder1024BitsIsRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(768);
        BadInputException e = assertThrows(BadInputException.class,
                () -> JcaKeys.inspect(rsa.generateKeyPair().getPublic().getEncoded(), "rsa768.der"));
        assertTrue(e.getMessage().startsWith("rsa768.der: RSA-768 key; sbomgate accepts RSA keys of 1024 to 16384 bits"),
                e.getMessage());
    }

    @Test
    void garbageEmptyAndBrokenFilesAreBadInputNamingTheFile() {
        assertMessage("", "k: empty key file; expected a PEM public key or an X.509 certificate");
        assertMessage("hello world\n", "k: not a key file: expected a PEM 'PUBLIC KEY' or 'CERTIFICATE' block,"
                + " or a DER SubjectPublicKeyInfo or certificate");
        assertMessage("-----BEGIN PUBLIC KEY-----\nMFkw!!!\n-----END PUBLIC KEY-----\n",
                "k: PEM block 'PUBLIC KEY' is not valid base64");
        assertMessage("-----BEGIN PUBLIC KEY-----\nMFkw\n", "k: PEM block 'PUBLIC KEY' has no '-----END PUBLIC KEY-----' line");
        assertMessage("-----BEGIN CERTIFICATE REQUEST-----\nMFkw\n-----END CERTIFICATE REQUEST-----\n",
                "k: unsupported PEM block 'CERTIFICATE REQUEST'");
        assertMessage("-----BEGIN PUBLIC KEY-----\nMAMCAQE=\n-----END PUBLIC KEY-----\n", "k: malformed key (");
        byte[] truncatedDer = java.util.Arrays.copyOf(JcaFixtures.bytes("p384.pub.der"), 50);
        BadInputException e = assertThrows(BadInputException.class, () -> JcaKeys.inspect(truncatedDer, "k"));
        assertTrue(e.getMessage().startsWith("k: malformed"), e.getMessage());
        byte[] der = JcaFixtures.bytes("p384.pub.der");
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 2);
        trailing[der.length] = 0x05; // a DER NULL after the key
        e = assertThrows(BadInputException.class, () -> JcaKeys.inspect(trailing, "k"));
        assertEquals("k: unexpected data after the ASN.1 object", e.getMessage());
    }

    @Test
    void oversizedKeyFileIsRefusedBeforeParsing() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> JcaKeys.inspect(new byte[JcaKeys.MAX_KEY_FILE_BYTES + 1], "big.pem"));
        assertEquals("big.pem: 1048577 bytes is too large for a key file (at most 1048576)", e.getMessage());
    }

    private static void assertMessage(String content, String expectedStart) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> JcaKeys.inspect(content.getBytes(StandardCharsets.US_ASCII), "k"));
        assertTrue(e.getMessage().startsWith(expectedStart), () -> "expected '" + expectedStart + "...' got '"
                + e.getMessage() + "'");
        assertFalse(e.getMessage().contains("\n"));
    }

    private static PublicKeyInfo only(String name) {
        List<PublicKeyInfo> keys = JcaKeys.inspect(JcaFixtures.bytes(name), name);
        assertEquals(1, keys.size());
        return keys.get(0);
    }

    private static byte[] spkiOfCert() {
        try {
            java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(JcaFixtures.bytes("cert-p256.crt.der")));
            return cert.getPublicKey().getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
