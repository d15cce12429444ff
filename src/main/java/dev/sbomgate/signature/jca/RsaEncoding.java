package dev.sbomgate.signature.jca;

import dev.sbomgate.model.HashAlgorithm;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.generators.MGF1BytesGenerator;
import org.bouncycastle.crypto.params.MGFParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/**
 * What the RSA public operation on a signature reveals about its encoding, before the artifact is hashed: for
 * PKCS#1 v1.5 the digest named in its DigestInfo, for PSS the digests whose structure fits and their salt lengths.
 */
final class RsaEncoding {
    /** DigestInfo algorithm OIDs (RFC 8017 section 9.2, note 1) of the digests sbomgate tries, and the weak ones it names. */
    private static final Map<ASN1ObjectIdentifier, HashAlgorithm> DIGEST_OIDS = Map.of(
            NISTObjectIdentifiers.id_sha256, HashAlgorithm.SHA_256,
            NISTObjectIdentifiers.id_sha384, HashAlgorithm.SHA_384,
            NISTObjectIdentifiers.id_sha512, HashAlgorithm.SHA_512,
            OIWObjectIdentifiers.idSHA1, HashAlgorithm.SHA_1,
            PKCSObjectIdentifiers.md5, HashAlgorithm.MD5);

    final byte[] signature;
    final HashAlgorithm pkcs1Digest;
    final Map<HashAlgorithm, Integer> pssSaltLengths;

    private RsaEncoding(byte[] signature, HashAlgorithm pkcs1Digest, Map<HashAlgorithm, Integer> pssSaltLengths) {
        this.signature = signature;
        this.pkcs1Digest = pkcs1Digest;
        this.pssSaltLengths = pssSaltLengths;
    }

    List<HashAlgorithm> digests() {
        List<HashAlgorithm> digests = new ArrayList<>();
        if (pkcs1Digest != null) {
            digests.add(pkcs1Digest);
        }
        for (HashAlgorithm h : pssSaltLengths.keySet()) {
            if (!digests.contains(h)) {
                digests.add(h);
            }
        }
        return digests;
    }

    static RsaEncoding recover(RSAKeyParameters key, byte[] signature) {
        BigInteger n = key.getModulus();
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(n) >= 0) {
            return null;
        }
        HashAlgorithm pkcs1 = pkcs1Digest(key, signature);
        Map<HashAlgorithm, Integer> pss = new EnumMap<>(HashAlgorithm.class);
        BigInteger m = s.modPow(key.getExponent(), n);
        for (HashAlgorithm digest : KeyAlgorithm.RSA.digests()) {
            int saltLength = pssSaltLength(m, n.bitLength(), digest);
            if (saltLength >= 0) {
                pss.put(digest, saltLength);
            }
        }
        return pkcs1 == null && pss.isEmpty() ? null : new RsaEncoding(signature.clone(), pkcs1, pss);
    }

    /** The digest named by a PKCS#1 v1.5 signature's DigestInfo (RFC 8017 section 9.2), or null. */
    private static HashAlgorithm pkcs1Digest(RSAKeyParameters key, byte[] signature) {
        try {
            PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSAEngine());
            pkcs1.init(false, key);
            byte[] digestInfo = pkcs1.processBlock(signature, 0, signature.length);
            return DIGEST_OIDS.get(DigestInfo.getInstance(digestInfo).getAlgorithmId().getAlgorithm());
        } catch (InvalidCipherTextException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The salt length of an EMSA-PSS encoding (RFC 8017 section 9.1.2 steps 4-10) for this digest with MGF1 over
     * the same digest, or -1 when the encoding does not fit. Signers differ in the salt length they choose
     * (OpenSSL 3.0 the maximum, OpenSSL 3.1+ and Go the digest length), so it is read from the encoding, as
     * {@code openssl -sigopt rsa_pss_saltlen:auto} does; the signature is then verified by Bouncy Castle with it.
     */
    private static int pssSaltLength(BigInteger m, int modBits, HashAlgorithm digest) {
        int emBits = modBits - 1;
        int emLen = (emBits + 7) / 8;
        int hLen = digest.hexLength() / 2;
        if (m.bitLength() > emBits || emLen < hLen + 2) {
            return -1;
        }
        byte[] em = toFixedLength(m, emLen);
        if ((em[emLen - 1] & 0xff) != 0xbc) {
            return -1;
        }
        int dbLen = emLen - hLen - 1;
        byte[] db = new byte[dbLen];
        MGF1BytesGenerator mgf1 = new MGF1BytesGenerator(bcDigest(digest));
        mgf1.init(new MGFParameters(java.util.Arrays.copyOfRange(em, dbLen, dbLen + hLen)));
        mgf1.generateBytes(db, 0, dbLen);
        for (int i = 0; i < dbLen; i++) {
            db[i] ^= em[i];
        }
        db[0] &= (byte) (0xff >>> (8 * emLen - emBits));
        int i = 0;
        while (i < dbLen && db[i] == 0) {
            i++;
        }
        if (i == dbLen || db[i] != 0x01) {
            return -1;
        }
        return dbLen - i - 1;
    }

    /** Null when neither encoding verifies with this digest; "" for PKCS#1 v1.5, "/PSS" for PSS. */
    String verify(RSAKeyParameters key, byte[] hash, HashAlgorithm digest) {
        if (digest == pkcs1Digest && verifyPkcs1(key, hash, digest)) {
            return "";
        }
        Integer saltLength = pssSaltLengths.get(digest);
        if (saltLength != null) {
            PSSSigner pss = PSSSigner.createRawSigner(new RSAEngine(), bcDigest(digest), bcDigest(digest), saltLength,
                    PSSSigner.TRAILER_IMPLICIT);
            pss.init(false, key);
            pss.update(hash, 0, hash.length);
            if (pss.verifySignature(signature)) {
                return "/PSS";
            }
        }
        return null;
    }

    /**
     * RFC 8017 section 8.2.2: encode the expected DigestInfo and compare, never parse-and-trust. Both encodings of
     * the AlgorithmIdentifier (parameters NULL or absent, section 9.2 note 2) are accepted.
     */
    private boolean verifyPkcs1(RSAKeyParameters key, byte[] hash, HashAlgorithm digest) {
        byte[] recovered;
        try {
            PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSAEngine());
            pkcs1.init(false, key);
            recovered = pkcs1.processBlock(signature, 0, signature.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            return false;
        }
        ASN1ObjectIdentifier oid = DIGEST_OIDS.entrySet().stream().filter(e -> e.getValue() == digest)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        try {
            byte[] withNull = new DigestInfo(new AlgorithmIdentifier(oid, DERNull.INSTANCE), hash).getEncoded(ASN1Encoding.DER);
            byte[] withoutNull = new DigestInfo(new AlgorithmIdentifier(oid), hash).getEncoded(ASN1Encoding.DER);
            return MessageDigest.isEqual(recovered, withNull) || MessageDigest.isEqual(recovered, withoutNull);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a DigestInfo", e);
        }
    }

    private static byte[] toFixedLength(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }

    private static Digest bcDigest(HashAlgorithm digest) {
        switch (digest) {
            case SHA_256:
                return new SHA256Digest();
            case SHA_384:
                return new SHA384Digest();
            case SHA_512:
                return new SHA512Digest();
            default:
                throw new IllegalArgumentException("PSS with " + digest + " is not tried");
        }
    }
}
