package dev.sbomgate.signature.jca;

import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Reads key-pair public keys: PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo, RFC 5280 section 4.1.2.7),
 * PEM {@code RSA PUBLIC KEY} (PKCS#1, RFC 8017 appendix A.1.1), and X.509 certificates (PEM or DER) as
 * key containers. The fingerprint is SHA-256 over the DER SubjectPublicKeyInfo, the value of
 * {@code openssl pkey -pubin -outform DER | sha256sum}.
 */
public final class JcaKeys {

    /** A key file is a few kilobytes; a certificate chain a few more. Anything larger is not a key file. */
    public static final int MAX_KEY_FILE_BYTES = (int) Limits.PEM_KEY_FILE.bytes();

    private static final int MIN_RSA_BITS = 1024;
    private static final int MAX_RSA_BITS = 16384;

    private JcaKeys() {
    }

    /** What a key-pair key file holds, one entry per distinct key; throws {@link BadInputException} when it holds none. */
    public static List<PublicKeyInfo> inspect(byte[] keyFileBytes) {
        return inspect(keyFileBytes, "key file");
    }

    /** As {@link #inspect(byte[])}, naming {@code fileName} in error messages. */
    public static List<PublicKeyInfo> inspect(byte[] keyFileBytes, String fileName) {
        List<PublicKeyInfo> infos = new ArrayList<>();
        for (JcaKey key : parse(keyFileBytes, fileName)) {
            infos.add(key.info());
        }
        return List.copyOf(infos);
    }

    /** Parses every key in the file; duplicates (a certificate and its bare key) are kept once, the certificate's first. */
    static List<JcaKey> parse(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new BadInputException(fileName + ": empty key file; expected a PEM public key or an X.509 certificate");
        }
        if (bytes.length > MAX_KEY_FILE_BYTES) {
            throw new BadInputException(fileName + ": " + bytes.length + " bytes is too large for a key file (at most "
                    + MAX_KEY_FILE_BYTES + ")");
        }
        List<JcaKey> keys = new ArrayList<>();
        if ((bytes[0] & 0xff) == 0x30) {
            keys.add(guarded(() -> fromDer(bytes, fileName), fileName));
        } else {
            List<PemBlock> blocks = PemBlock.parse(bytes, fileName);
            if (blocks.isEmpty()) {
                throw new BadInputException(fileName + ": not a key file: expected a PEM 'PUBLIC KEY' or 'CERTIFICATE' block,"
                        + " or a DER SubjectPublicKeyInfo or certificate");
            }
            for (PemBlock block : blocks) {
                keys.add(guarded(() -> fromPem(block, fileName), fileName));
            }
        }
        Map<Fingerprint, JcaKey> distinct = new LinkedHashMap<>();
        for (JcaKey key : keys) {
            distinct.merge(key.fingerprint(), key, (a, b) -> a.subject() != null ? a : b);
        }
        return List.copyOf(distinct.values());
    }

    /** Bouncy Castle's ASN.1 getters throw unchecked exceptions on malformed structures: each becomes bad input. */
    private static JcaKey guarded(java.util.function.Supplier<JcaKey> parse, String fileName) {
        try {
            return parse.get();
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadInputException(fileName + ": malformed key (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }

    private static JcaKey fromPem(PemBlock block, String fileName) {
        String label = block.label();
        switch (label) {
            case "PUBLIC KEY":
                return fromSpki(SubjectPublicKeyInfo.getInstance(parseDer(block.der(), fileName)), null, null, fileName);
            case "RSA PUBLIC KEY": {
                RSAPublicKey rsa = RSAPublicKey.getInstance(parseDer(block.der(), fileName));
                SubjectPublicKeyInfo spki;
                try {
                    spki = new SubjectPublicKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa);
                } catch (IOException e) {
                    throw new BadInputException(fileName + ": malformed RSA PUBLIC KEY (" + e.getMessage() + ")");
                }
                return fromSpki(spki, null, null, fileName);
            }
            case "CERTIFICATE":
                return fromCertificate(parseDer(block.der(), fileName), fileName);
            default:
                throw new BadInputException(fileName + ": unsupported PEM block '" + label
                        + "'; expected 'PUBLIC KEY', 'RSA PUBLIC KEY' or 'CERTIFICATE'");
        }
    }

    private static JcaKey fromDer(byte[] der, String fileName) {
        ASN1Primitive primitive = parseDer(der, fileName);
        if (primitive instanceof ASN1Sequence && ((ASN1Sequence) primitive).size() == 3) {
            return fromCertificate(primitive, fileName);
        }
        return fromSpki(asSpki(primitive, fileName), null, null, fileName);
    }

    private static SubjectPublicKeyInfo asSpki(ASN1Primitive primitive, String fileName) {
        try {
            return SubjectPublicKeyInfo.getInstance(primitive);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(fileName + ": not a DER SubjectPublicKeyInfo or certificate ("
                    + e.getMessage() + ")");
        }
    }

    private static JcaKey fromCertificate(ASN1Primitive primitive, String fileName) {
        Certificate certificate;
        try {
            certificate = Certificate.getInstance(primitive);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(fileName + ": malformed X.509 certificate (" + e.getMessage() + ")");
        }
        String subject = certificate.getSubject() == null ? null : certificate.getSubject().toString();
        Instant notAfter;
        try {
            notAfter = certificate.getEndDate().getDate().toInstant();
        } catch (RuntimeException e) {
            throw new BadInputException(fileName + ": malformed notAfter in X.509 certificate (" + e.getMessage() + ")");
        }
        return fromSpki(certificate.getSubjectPublicKeyInfo(), subject, notAfter, fileName);
    }

    private static JcaKey fromSpki(SubjectPublicKeyInfo spki, String subject, Instant notAfter, String fileName) {
        AlgorithmIdentifier algorithmId = spki.getAlgorithm();
        ASN1ObjectIdentifier oid = algorithmId.getAlgorithm();
        KeyAlgorithm algorithm;
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            algorithm = KeyAlgorithm.ED25519;
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            // RFC 5480 section 2.1.1: only namedCurve is allowed; explicit curve parameters are refused.
            if (!(algorithmId.getParameters() instanceof ASN1ObjectIdentifier)) {
                throw new BadInputException(fileName + ": EC key with explicit curve parameters; expected a named curve"
                        + " (P-256 or P-384)");
            }
            ASN1ObjectIdentifier curve = (ASN1ObjectIdentifier) algorithmId.getParameters();
            if (SECObjectIdentifiers.secp256r1.equals(curve)) {
                algorithm = KeyAlgorithm.ECDSA_P256;
            } else if (SECObjectIdentifiers.secp384r1.equals(curve)) {
                algorithm = KeyAlgorithm.ECDSA_P384;
            } else {
                throw new BadInputException(fileName + ": EC key on curve " + curve.getId()
                        + " is not supported; expected P-256 or P-384");
            }
        } else if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            algorithm = KeyAlgorithm.RSA;
        } else {
            throw new BadInputException(fileName + ": key algorithm " + describeOid(oid)
                    + " is not supported; expected Ed25519, ECDSA P-256/P-384 or RSA");
        }
        AsymmetricKeyParameter parameters;
        byte[] der;
        try {
            parameters = PublicKeyFactory.createKey(spki);
            der = spki.getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(fileName + ": malformed public key (" + e.getMessage() + ")");
        }
        int bits;
        if (parameters instanceof RSAKeyParameters) {
            RSAKeyParameters rsa = (RSAKeyParameters) parameters;
            bits = rsa.getModulus().bitLength();
            BigInteger e = rsa.getExponent();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                throw new BadInputException(fileName + ": RSA-" + bits + " key; sbomgate accepts RSA keys of "
                        + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits (under " + JcaKey.MIN_STRONG_RSA_BITS
                        + " they are reported as weak)");
            }
            if (!e.testBit(0) || e.compareTo(BigInteger.ONE) <= 0 || e.compareTo(rsa.getModulus()) >= 0) {
                throw new BadInputException(fileName + ": RSA key with an invalid public exponent");
            }
        } else if (parameters instanceof ECPublicKeyParameters) {
            bits = ((ECPublicKeyParameters) parameters).getParameters().getCurve().getFieldSize();
        } else if (parameters instanceof Ed25519PublicKeyParameters) {
            bits = 256;
        } else {
            throw new BadInputException(fileName + ": unsupported public key type " + parameters.getClass().getSimpleName());
        }
        return new JcaKey(algorithm, bits, Fingerprint.of(sha256(der)), parameters, subject, notAfter);
    }

    private static String describeOid(ASN1ObjectIdentifier oid) {
        String id = oid.getId();
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            return "RSASSA-PSS (" + id + ", a PSS-restricted RSA key: export it as a plain rsaEncryption key)";
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
            return "Ed448 (" + id + ")";
        }
        if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
            return "DSA (" + id + ")";
        }
        return id;
    }

    /** Parses exactly one DER/BER object from {@code der}, bounded by its length, with nothing after it. */
    static ASN1Primitive parseDer(byte[] der, String fileName) {
        try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(der), der.length)) {
            ASN1Primitive primitive = in.readObject();
            if (primitive == null) {
                throw new BadInputException(fileName + ": empty ASN.1 content");
            }
            if (in.readObject() != null) {
                throw new BadInputException(fileName + ": unexpected data after the ASN.1 object");
            }
            return primitive;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException) {
                throw (BadInputException) e;
            }
            throw new BadInputException(fileName + ": malformed ASN.1 DER (" + e.getMessage() + ")");
        }
    }

    static BadInputException privateKey(String fileName, String label) {
        return new BadInputException(fileName + ": holds a private key ('" + label + "'); pin only the public key"
                + " (openssl pkey -in KEY -pubout), and keep the private key out of the repository");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** One {@code -----BEGIN label-----} ... {@code -----END label-----} block (RFC 7468), its base64 decoded strictly. */
    record PemBlock(String label, byte[] der) {

        static List<PemBlock> parse(byte[] bytes, String fileName) {
            // ISO-8859-1 maps every byte to one char, so nothing is lost and no decoding error is possible.
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            List<PemBlock> blocks = new ArrayList<>();
            String label = null;
            StringBuilder base64 = new StringBuilder();
            for (String rawLine : text.split("\r\n|\r|\n", -1)) {
                String line = rawLine.strip();
                if (label == null) {
                    if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
                        label = line.substring(11, line.length() - 5).strip().toUpperCase(Locale.ROOT);
                        base64.setLength(0);
                        if (label.contains("PRIVATE KEY")) {
                            throw privateKey(fileName, label);
                        }
                    }
                    // RFC 7468 section 5.2: text outside the encapsulation boundaries is ignored.
                } else if (line.startsWith("-----END ")) {
                    String endLabel = line.endsWith("-----") ? line.substring(9, line.length() - 5).strip() : "";
                    if (!endLabel.equalsIgnoreCase(label)) {
                        throw new BadInputException(fileName + ": PEM block '" + label + "' ends with '" + line + "'");
                    }
                    byte[] der;
                    try {
                        der = Base64.getDecoder().decode(base64.toString());
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException(fileName + ": PEM block '" + label + "' is not valid base64 ("
                                + e.getMessage() + ")");
                    }
                    if (der.length == 0) {
                        throw new BadInputException(fileName + ": PEM block '" + label + "' is empty");
                    }
                    blocks.add(new PemBlock(label, der));
                    label = null;
                } else if (line.contains(":")) {
                    throw new BadInputException(fileName + ": PEM block '" + label + "' has headers ('" + line
                            + "'); expected plain base64");
                } else {
                    base64.append(line);
                }
            }
            if (label != null) {
                throw new BadInputException(fileName + ": PEM block '" + label + "' has no '-----END " + label + "-----' line");
            }
            return blocks;
        }
    }
}
