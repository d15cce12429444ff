package dev.sbomgate.signature.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys GnuPG 2.2 cannot make (v6) and keys altered the way an attacker would alter them (a subkey's
 * back-signature stripped, a binding signature broken), plus many verifications at once.
 */
class ConstructedKeysTest {

    private static final Path GPG = Fixtures.path("gpg");

    @TempDir
    Path dir;

    /** RFC 9580 v6 key made by Bouncy Castle: Ed25519 certify-only primary with an Ed25519 signing subkey. */
    @Test
    void v6KeyAndSignatureVerify() throws Exception {
        BcOpenPGPApi api = new BcOpenPGPApi();
        OpenPGPKey key = api.generateKey(6).ed25519x25519Key("V6 <v6@fixture.invalid>").build();
        byte[] artifact = "a v6-signed artifact\n".getBytes(StandardCharsets.UTF_8);
        List<OpenPGPSignature.OpenPGPDocumentSignature> signatures = api.createDetachedSignature()
                .addSigningKey(key).sign(new ByteArrayInputStream(artifact));
        assertEquals(1, signatures.size());
        PGPSignature signature = signatures.get(0).getSignature();
        assertEquals(6, signature.getVersion());

        Path keyFile = Files.writeString(dir.resolve("v6.asc"), key.toCertificate().toAsciiArmoredString());
        Path artifactFile = Files.write(dir.resolve("artifact.txt"), artifact);
        Path signatureFile = Files.write(dir.resolve("artifact.txt.asc"), armour(signature.getEncoded()));

        PublicKeyInfo info = PgpKeys.read(keyFile).infos().get(0);
        PGPPublicKey primary = key.getPGPSecretKeyRing().getPublicKey();
        assertEquals(Fingerprint.of(primary.getFingerprint()), info.fingerprint());
        assertEquals(64, info.fingerprint().hex().length(), "v6 fingerprints are SHA-256 (RFC 9580 section 5.5.4.3)");
        assertEquals("Ed25519", info.algorithm());
        assertEquals(List.of("V6 <v6@fixture.invalid>"), info.userIds());
        assertEquals(1, info.subkeys().size(), "the signing subkey; the X25519 one cannot sign");

        SignatureCheck check = PgpSignatureVerifier.fromKeyFiles(List.of(keyFile)).verify(artifactFile, signatureFile);
        assertEquals(SignatureStatus.VERIFIED, check.status(), check::detail);
        assertEquals(info.fingerprint(), check.signer());
        assertEquals(info.subkeys().get(0), check.signingKey());
        assertEquals(info.subkeys().get(0).hex(), check.issuer());
        assertTrue(check.algorithm().startsWith("Ed25519/SHA"), check.algorithm());

        Files.write(artifactFile, "a v6-signed artifact, changed\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(SignatureStatus.BAD_SIGNATURE,
                PgpSignatureVerifier.fromKeyFiles(List.of(keyFile)).verify(artifactFile, signatureFile).status());
    }

    /** A hashed critical notation we cannot understand voids the signature (RFC 9580, the critical bit). */
    @Test
    void criticalUnknownNotationIsMalformed() throws Exception {
        SignatureCheck check = signAndVerify(parameters -> parameters.setHashedSubpacketsFunction(subpackets -> {
            subpackets.addNotationData(true, true, "policy@sbomgate.invalid", "must-be-understood");
            return subpackets;
        }));
        assertEquals(SignatureStatus.MALFORMED, check.status(), check::detail);
        assertTrue(check.detail().contains("critical subpacket type 20"), check::detail);
    }

    @Test
    void noncriticalNotationIsIgnored() throws Exception {
        SignatureCheck check = signAndVerify(parameters -> parameters.setHashedSubpacketsFunction(subpackets -> {
            subpackets.addNotationData(false, true, "note@sbomgate.invalid", "informational");
            return subpackets;
        }));
        assertEquals(SignatureStatus.VERIFIED, check.status(), check::detail);
    }

    @Test
    void signatureClaimingATimeBeforeTheKeyExistedIsBad() throws Exception {
        SignatureCheck check = signLowLevel(PGPSignature.BINARY_DOCUMENT, new Date(KEY_CREATED.getTime() - 86_400_000L));
        assertEquals(SignatureStatus.BAD_SIGNATURE, check.status(), check::detail);
        assertTrue(check.detail().contains("before"), check::detail);
        // The same signature made after the key's creation is good: only the claimed time differed.
        assertEquals(SignatureStatus.VERIFIED,
                signLowLevel(PGPSignature.BINARY_DOCUMENT, new Date(KEY_CREATED.getTime() + 1000L)).status());
    }

    @Test
    void standaloneSignatureTypeIsMalformed() throws Exception {
        SignatureCheck check = signLowLevel(PGPSignature.STAND_ALONE, new Date(KEY_CREATED.getTime() + 1000L));
        assertEquals(SignatureStatus.MALFORMED, check.status(), check::detail);
        assertTrue(check.detail().contains("0x02"), check::detail);
    }

    /** Signs with Bouncy Castle's low-level generator, which lets a test set any type and creation time. */
    private SignatureCheck signLowLevel(int type, Date created) throws Exception {
        OpenPGPKey key = new BcOpenPGPApi().generateKey(4, KEY_CREATED).ed25519x25519Key("Low <low@fixture.invalid>").build();
        Iterator<PGPSecretKey> secrets = key.getPGPSecretKeyRing().getSecretKeys();
        secrets.next();
        PGPSecretKey signing = secrets.next(); // the Ed25519 signing subkey (the primary only certifies)
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(signing.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                signing.getPublicKey());
        generator.init(type, signing.extractPrivateKey(null));
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, created);
        hashed.setIssuerFingerprint(false, signing.getPublicKey());
        generator.setHashedSubpackets(hashed.generate());
        byte[] artifact = "an artifact\n".getBytes(StandardCharsets.UTF_8);
        generator.update(artifact);
        PGPSignature signature = generator.generate();
        Path keyFile = Files.writeString(dir.resolve("low.asc"), key.toCertificate().toAsciiArmoredString());
        Path artifactFile = Files.write(dir.resolve("low.txt"), artifact);
        Path signatureFile = Files.write(dir.resolve("low.txt.sig"), signature.getEncoded());
        return PgpSignatureVerifier.fromKeyFiles(List.of(keyFile)).verify(artifactFile, signatureFile);
    }

    private static final Date KEY_CREATED = new Date(1_700_000_000_000L);

    /** Signs a small artifact with a fresh v4 Ed25519 key, the signature shaped by {@code callback}, and verifies it. */
    private SignatureCheck signAndVerify(UnaryOperator<SignatureParameters> shape) throws Exception {
        SignatureParameters.Callback callback = new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters parameters) {
                return shape.apply(parameters);
            }
        };
        BcOpenPGPApi api = new BcOpenPGPApi();
        OpenPGPKey key = api.generateKey(4, KEY_CREATED).ed25519x25519Key("Shaped <shaped@fixture.invalid>").build();
        byte[] artifact = "an artifact\n".getBytes(StandardCharsets.UTF_8);
        PGPSignature signature = api.createDetachedSignature().addSigningKey(key, callback)
                .sign(new ByteArrayInputStream(artifact)).get(0).getSignature();
        Path keyFile = Files.writeString(dir.resolve("shaped.asc"), key.toCertificate().toAsciiArmoredString());
        Path artifactFile = Files.write(dir.resolve("shaped.txt"), artifact);
        Path signatureFile = Files.write(dir.resolve("shaped.txt.asc"), armour(signature.getEncoded()));
        return PgpSignatureVerifier.fromKeyFiles(List.of(keyFile)).verify(artifactFile, signatureFile);
    }

    /**
     * GnuPG keeps a signing subkey's back-signature (the 0x19 primary key binding signature, RFC 9580 section
     * 5.2.1) in the binding signature's unhashed area, so it can be stripped without breaking the binding. A
     * subkey without it could be anyone's key attached to ours: it must not count as ours.
     */
    @Test
    void signingSubkeyWithoutBackSignatureIsNotTheKeysSubkey() throws Exception {
        PGPPublicKeyRing ring = PgpKeys.read(GPG.resolve("keys/signing-subkey.asc")).certificates().get(0).ring();
        PGPPublicKeyRing altered = replaceBinding(ring, ConstructedKeysTest::withoutUnhashedArea);
        Path keyFile = Files.write(dir.resolve("no-backsig.gpg"), altered.getEncoded());

        PublicKeyInfo info = PgpKeys.read(keyFile).infos().get(0);
        assertEquals(List.of(), info.subkeys());
        SignatureCheck check = PgpSignatureVerifier.fromKeyFiles(List.of(keyFile))
                .verify(GPG.resolve("artifact.txt"), GPG.resolve("sigs/signing-subkey.asc"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, check.status(), check::detail);
        assertNull(check.signer());
        assertTrue(check.detail().contains("back-signature"), check::detail);

        // The untouched key verifies the same signature: the back-signature alone made the difference.
        assertEquals(SignatureStatus.VERIFIED, PgpSignatureVerifier.fromKeyFiles(List.of(GPG.resolve("keys/signing-subkey.asc")))
                .verify(GPG.resolve("artifact.txt"), GPG.resolve("sigs/signing-subkey.asc")).status());
    }

    @Test
    void subkeyWithBrokenBindingSignatureIsNotTheKeysSubkey() throws Exception {
        PGPPublicKeyRing ring = PgpKeys.read(GPG.resolve("keys/signing-subkey.asc")).certificates().get(0).ring();
        PGPPublicKeyRing altered = replaceBinding(ring, packet -> {
            byte[] copy = packet.clone();
            copy[copy.length - 1] ^= 0x01; // inside the Ed25519 signature value
            return copy;
        });
        Path keyFile = Files.write(dir.resolve("broken-binding.gpg"), altered.getEncoded());
        SignatureCheck check = PgpSignatureVerifier.fromKeyFiles(List.of(keyFile))
                .verify(GPG.resolve("artifact.txt"), GPG.resolve("sigs/signing-subkey.asc"));
        assertEquals(SignatureStatus.UNKNOWN_KEY, check.status(), check::detail);
        assertTrue(check.detail().contains("no valid binding signature"), check::detail);
    }

    @Test
    void signatureNamingNoIssuerIsUnknownKey() throws Exception {
        byte[] stripped = withoutIssuer(Files.readAllBytes(GPG.resolve("sigs/rsa4096-binary.sig")));
        PGPSignature parsed = parse(stripped);
        assertEquals(0L, parsed.getKeyID(), "no issuer left");
        Path signatureFile = Files.write(dir.resolve("no-issuer.sig"), stripped);
        SignatureCheck check = PgpSignatureVerifier.fromKeyFiles(List.of(GPG.resolve("keys/rsa4096.asc")))
                .verify(GPG.resolve("artifact.txt"), signatureFile);
        assertEquals(SignatureStatus.UNKNOWN_KEY, check.status(), check::detail);
        assertNull(check.issuer());
        assertTrue(check.detail().contains("names no issuer"), check::detail);
    }

    /** One verifier, shared by many threads, gives each caller the same answer as a lone caller gets. */
    @Test
    void oneVerifierServesManyThreads() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> row : Fixtures.table(GPG.resolve("cases.tsv"))) {
            if (!row.get("keys").contains(",")) {
                rows.add(row);
            }
        }
        List<Path> keyFiles = new ArrayList<>();
        try (var files = Files.list(GPG.resolve("keys"))) {
            files.filter(p -> !p.getFileName().toString().equals("stranger.asc")).sorted().forEach(keyFiles::add);
        }
        PgpSignatureVerifier shared = PgpSignatureVerifier.fromKeyFiles(keyFiles);
        List<SignatureStatus> expected = new ArrayList<>();
        for (Map<String, String> row : rows) {
            expected.add(shared.verify(GPG.resolve(row.get("artifact")), GPG.resolve(row.get("signature"))).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignatureStatus>> futures = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (Map<String, String> row : rows) {
                    futures.add(pool.submit(() -> shared.verify(GPG.resolve(row.get("artifact")),
                            GPG.resolve(row.get("signature"))).status()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % rows.size()), futures.get(i).get(), rows.get(i % rows.size()).get("case"));
            }
        } finally {
            pool.shutdownNow();
        }
        // The statuses themselves are the gpg cases' own, so the shared set changed none of them.
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(SignatureStatus.valueOf(rows.get(i).get("status")), expected.get(i), rows.get(i).get("case"));
        }
    }

    /** The key ring with the (single) subkey's binding signature packet rewritten by {@code edit}. */
    private static PGPPublicKeyRing replaceBinding(PGPPublicKeyRing ring, PacketEdit edit) throws Exception {
        Iterator<PGPPublicKey> keys = ring.getPublicKeys();
        keys.next();
        PGPPublicKey subkey = keys.next();
        PGPSignature binding = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING).next();
        PGPSignature edited = parse(edit.apply(binding.getEncoded()));
        PGPPublicKey altered = PGPPublicKey.addCertification(PGPPublicKey.removeCertification(subkey, binding), edited);
        return PGPPublicKeyRing.insertPublicKey(ring, altered);
    }

    private interface PacketEdit {
        byte[] apply(byte[] packet) throws IOException;
    }

    /**
     * A v4 signature packet with an empty unhashed subpacket area (RFC 9580 section 5.2.3): the body is version,
     * type, algorithms, hashed area (2-byte length), unhashed area (2-byte length), digest prefix, signature.
     */
    static byte[] withoutUnhashedArea(byte[] packet) {
        int[] header = header(packet);
        byte[] body = Arrays.copyOfRange(packet, header[0], header[0] + header[1]);
        int hashedLength = ((body[4] & 0xff) << 8) | (body[5] & 0xff);
        int unhashedAt = 6 + hashedLength;
        int unhashedLength = ((body[unhashedAt] & 0xff) << 8) | (body[unhashedAt + 1] & 0xff);
        byte[] rest = Arrays.copyOfRange(body, unhashedAt + 2 + unhashedLength, body.length);
        byte[] newBody = new byte[unhashedAt + 2 + rest.length];
        System.arraycopy(body, 0, newBody, 0, unhashedAt);
        System.arraycopy(rest, 0, newBody, unhashedAt + 2, rest.length);
        // New-format packet, tag 2, five-octet length (RFC 9580 section 4.2.1).
        byte[] out = new byte[6 + newBody.length];
        out[0] = (byte) 0xC2;
        out[1] = (byte) 0xFF;
        for (int i = 0; i < 4; i++) {
            out[2 + i] = (byte) (newBody.length >>> (24 - 8 * i));
        }
        System.arraycopy(newBody, 0, out, 6, newBody.length);
        return out;
    }

    /**
     * A v4 signature packet without issuer: the Issuer Fingerprint subpacket (type 33) dropped from the hashed
     * area, the unhashed area (Issuer Key ID) emptied. The signature no longer verifies, but that is never
     * reached: with no issuer named there is no key to check it with.
     */
    static byte[] withoutIssuer(byte[] packet) {
        int[] header = header(packet);
        byte[] body = Arrays.copyOfRange(packet, header[0], header[0] + header[1]);
        int hashedLength = ((body[4] & 0xff) << 8) | (body[5] & 0xff);
        java.io.ByteArrayOutputStream hashed = new java.io.ByteArrayOutputStream();
        int i = 6;
        while (i < 6 + hashedLength) {
            int first = body[i] & 0xff;
            int lengthBytes = first < 192 ? 1 : first < 255 ? 2 : 5;
            int length = first < 192 ? first
                    : first < 255 ? ((first - 192) << 8) + (body[i + 1] & 0xff) + 192
                    : ((body[i + 1] & 0xff) << 24) | ((body[i + 2] & 0xff) << 16) | ((body[i + 3] & 0xff) << 8) | (body[i + 4] & 0xff);
            int type = body[i + lengthBytes] & 0x7f;
            if (type != 33) {
                hashed.write(body, i, lengthBytes + length);
            }
            i += lengthBytes + length;
        }
        byte[] newHashed = hashed.toByteArray();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(body, 0, 4);
        out.write(newHashed.length >>> 8);
        out.write(newHashed.length);
        out.write(newHashed, 0, newHashed.length);
        int unhashedAt = 6 + hashedLength;
        int unhashedLength = ((body[unhashedAt] & 0xff) << 8) | (body[unhashedAt + 1] & 0xff);
        out.write(0);
        out.write(0);
        int restAt = unhashedAt + 2 + unhashedLength;
        out.write(body, restAt, body.length - restAt);
        byte[] newBody = out.toByteArray();
        byte[] framed = new byte[6 + newBody.length];
        framed[0] = (byte) 0xC2;
        framed[1] = (byte) 0xFF;
        for (int k = 0; k < 4; k++) {
            framed[2 + k] = (byte) (newBody.length >>> (24 - 8 * k));
        }
        System.arraycopy(newBody, 0, framed, 6, newBody.length);
        return framed;
    }

    /** {body offset, body length} of one packet (old or new format, RFC 9580 section 4.2). */
    private static int[] header(byte[] p) {
        int ctb = p[0] & 0xff;
        if ((ctb & 0x40) != 0) {
            int first = p[1] & 0xff;
            if (first < 192) {
                return new int[] {2, first};
            }
            if (first < 224) {
                return new int[] {3, ((first - 192) << 8) + (p[2] & 0xff) + 192};
            }
            return new int[] {6, ((p[2] & 0xff) << 24) | ((p[3] & 0xff) << 16) | ((p[4] & 0xff) << 8) | (p[5] & 0xff)};
        }
        switch (ctb & 0x03) {
            case 0:
                return new int[] {2, p[1] & 0xff};
            case 1:
                return new int[] {3, ((p[1] & 0xff) << 8) | (p[2] & 0xff)};
            default:
                return new int[] {5, ((p[1] & 0xff) << 24) | ((p[2] & 0xff) << 16) | ((p[3] & 0xff) << 8) | (p[4] & 0xff)};
        }
    }

    private static PGPSignature parse(byte[] packet) throws IOException {
        return ((PGPSignatureList) new PGPObjectFactory(packet, new BcKeyFingerprintCalculator()).nextObject()).get(0);
    }

    private static byte[] armour(byte[] binary) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ArmoredOutputStream armoured = new ArmoredOutputStream(out)) {
            armoured.write(binary);
        }
        return out.toByteArray();
    }
}
