package dev.sbomgate.signature.sigstore;

import dev.sbomgate.model.Fingerprint;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A public key that verifies Sigstore signatures: a certificate's key, a log's, a timestamp authority's. The
 * algorithm is read from the key's own SubjectPublicKeyInfo (curve OID, RSA modulus), never from a label beside it.
 *
 * @param key       the JDK key
 * @param algorithm what it signs with
 * @param bits      the RSA modulus or curve size
 * @param spki      the DER SubjectPublicKeyInfo, whose SHA-256 is the key's fingerprint
 */
record VerificationKey(PublicKey key, KeyAlgorithm algorithm, int bits, byte[] spki) {

    /** RSA keys below this verify but count as {@link Failure#weak}. */
    static final int MIN_RSA_BITS = 2048;

    private static final Map<ASN1ObjectIdentifier, KeyAlgorithm> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, KeyAlgorithm.ECDSA_P256,
            SECObjectIdentifiers.secp384r1, KeyAlgorithm.ECDSA_P384,
            SECObjectIdentifiers.secp521r1, KeyAlgorithm.ECDSA_P521);

    VerificationKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        spki = spki.clone();
    }

    @Override
    public byte[] spki() {
        return spki.clone();
    }

    /** SHA-256 of the DER SubjectPublicKeyInfo: how key-pair pins and Rekor log IDs name a key. */
    Fingerprint fingerprint() {
        return Fingerprint.of(sha256(spki));
    }

    /** {@code ECDSA-P256}, {@code RSA-4096}, {@code Ed25519}. */
    String label() {
        switch (algorithm) {
            case ECDSA_P256:
                return "ECDSA-P256";
            case ECDSA_P384:
                return "ECDSA-P384";
            case ECDSA_P521:
                return "ECDSA-P521";
            case ED25519:
                return "Ed25519";
            default:
                return "RSA-" + bits;
        }
    }

    boolean isWeak() {
        return algorithm == KeyAlgorithm.RSA_PKCS1_SHA256 && bits < MIN_RSA_BITS;
    }

    /** Parses a DER SubjectPublicKeyInfo; a {@link Failure#malformed} names {@code where} for anything else. */
    static VerificationKey fromSpki(byte[] der, String where) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
            if (info == null || !java.util.Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
                throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo");
            }
        } catch (IOException | RuntimeException e) {
            throw Failure.malformed(where + " is not a DER public key (SubjectPublicKeyInfo)");
        }
        ASN1ObjectIdentifier oid = info.getAlgorithm().getAlgorithm();
        try {
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
                KeyAlgorithm algorithm = info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve
                        ? CURVES.get(curve) : null;
                if (algorithm == null) {
                    throw Failure.malformed(where + " is an ECDSA key on a curve other than P-256, P-384 or P-521");
                }
                PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
                int bits = algorithm == KeyAlgorithm.ECDSA_P256 ? 256 : algorithm == KeyAlgorithm.ECDSA_P384 ? 384 : 521;
                return new VerificationKey(key, algorithm, bits, der);
            }
            if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
                RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                return new VerificationKey(key, KeyAlgorithm.RSA_PKCS1_SHA256, key.getModulus().bitLength(), der);
            }
            if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
                PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
                return new VerificationKey(key, KeyAlgorithm.ED25519, 256, der);
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw Failure.malformed(where + " is not a usable public key (" + e.getMessage() + ")");
        }
        throw Failure.malformed(where + " is a key of algorithm " + oid.getId()
                + "; Sigstore verification here accepts ECDSA (P-256, P-384, P-521), RSA and Ed25519");
    }

    /** Parses a PKCS#1 RSAPublicKey (RFC 8017 appendix A.1.1), as trusted roots give some CT log keys. */
    static VerificationKey fromPkcs1Rsa(byte[] der, String where) {
        try {
            org.bouncycastle.asn1.pkcs.RSAPublicKey rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(der);
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), rsa).getEncoded(ASN1Encoding.DER);
            return new VerificationKey(key, KeyAlgorithm.RSA_PKCS1_SHA256, key.getModulus().bitLength(), spki);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw Failure.malformed(where + " is not a PKCS#1 RSA public key");
        }
    }

    /** Whether {@code signature} is this key's signature over {@code message} (the whole message, hashed here). */
    boolean verify(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName());
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A signature that is not even well-formed DER (or has the wrong length) simply does not verify.
            return false;
        }
    }

    /**
     * Whether {@code signature} is this key's signature over a message whose digest (in {@link KeyAlgorithm#digest()})
     * is {@code digest}: how an artifact streamed once is checked. ECDSA signs the digest itself (FIPS 186-5 section
     * 6.4); RSA PKCS#1 v1.5 signs its DigestInfo (RFC 8017 section 9.2). Ed25519 cannot: it has no pre-hash.
     */
    boolean verifyDigest(byte[] digest, byte[] signature) {
        try {
            Signature verifier;
            byte[] signed;
            switch (algorithm) {
                case ECDSA_P256:
                case ECDSA_P384:
                case ECDSA_P521:
                    verifier = Signature.getInstance("NONEwithECDSA");
                    signed = digest;
                    break;
                case RSA_PKCS1_SHA256:
                    verifier = Signature.getInstance("NONEwithRSA");
                    signed = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                            digest).getEncoded(ASN1Encoding.DER);
                    break;
                default:
                    return false;
            }
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
