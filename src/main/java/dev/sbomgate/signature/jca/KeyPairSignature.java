package dev.sbomgate.signature.jca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The bytes of a key-pair signature file, decoded: raw binary ({@code openssl dgst -sign}, {@code openssl pkeyutl
 * -sign}) or base64 text ({@code cosign sign-blob --key}), and, when they have that shape, the (r, s) of a DER
 * ECDSA signature (RFC 3279 section 2.2.3, {@code Ecdsa-Sig-Value}). A raw signature carries no key id and no
 * algorithm: which keys could have made it follows from its length and structure only.
 *
 * @param value    the signature bytes (after base64 decoding)
 * @param base64   whether the file held base64 text
 * @param derR     r of a DER ECDSA signature, or null when the bytes are not one
 * @param derS     s of a DER ECDSA signature, or null
 * @param problem  why the file is not a signature (then the other fields are empty), or null
 */
record KeyPairSignature(byte[] value, boolean base64, BigInteger derR, BigInteger derS, String problem) {

    /** Ed25519 signatures and raw P-256 r||s are 64 bytes, raw P-384 r||s 96 bytes (RFC 8032 5.1.6; IEEE P1363). */
    static final int ED25519_LENGTH = 64;
    static final int P256_RAW_LENGTH = 64;
    static final int P384_RAW_LENGTH = 96;
    /** RSA signatures are as long as the modulus: RSA-1024 to RSA-16384. */
    static final int MIN_RSA_LENGTH = 128;
    static final int MAX_RSA_LENGTH = 2048;

    KeyPairSignature {
        value = value == null ? new byte[0] : value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    boolean isMalformed() {
        return problem != null;
    }

    boolean isDerEcdsa() {
        return derR != null;
    }

    int length() {
        return value.length;
    }

    /** Whether the bytes have any shape a supported algorithm produces. */
    boolean hasKnownShape() {
        return isDerEcdsa() || value.length == ED25519_LENGTH || value.length == P384_RAW_LENGTH
                || (value.length >= MIN_RSA_LENGTH && value.length <= MAX_RSA_LENGTH);
    }

    String encoding() {
        return base64 ? "base64" : "raw";
    }

    /** Reads the content of a signature file; never throws on hostile content, reports a problem instead. */
    static KeyPairSignature parse(byte[] file) {
        if (file.length == 0) {
            return malformed("is empty");
        }
        byte[] bytes = file;
        boolean base64 = false;
        if (isText(file)) {
            String text = new String(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                return malformed("holds only white space");
            }
            if (text.startsWith("-----BEGIN ")) {
                return malformed(describePem(text));
            }
            String compact = text.replaceAll("\\s+", "");
            if (!compact.matches("[A-Za-z0-9+/]+={0,2}") || compact.length() % 4 != 0) {
                return malformed("holds text that is not base64; expected a raw binary or base64 signature");
            }
            bytes = Base64.getDecoder().decode(compact);
            base64 = true;
            if (bytes.length == 0) {
                return malformed("holds empty base64");
            }
        }
        ASN1Primitive der = bytes[0] == 0x30 ? parseStrictDer(bytes) : null;
        if (der instanceof ASN1Sequence) {
            ASN1Sequence sequence = (ASN1Sequence) der;
            if (looksLikeCertificate(sequence)) {
                return malformed("is an X.509 certificate, not a signature");
            }
            if (looksLikeSpki(sequence)) {
                return malformed("is a public key (DER SubjectPublicKeyInfo), not a signature");
            }
            if (sequence.size() == 2 && sequence.getObjectAt(0) instanceof ASN1Integer
                    && sequence.getObjectAt(1) instanceof ASN1Integer) {
                BigInteger r = ((ASN1Integer) sequence.getObjectAt(0)).getValue();
                BigInteger s = ((ASN1Integer) sequence.getObjectAt(1)).getValue();
                if (r.signum() > 0 && s.signum() > 0) {
                    return new KeyPairSignature(bytes, base64, r, s, null);
                }
            }
        }
        KeyPairSignature signature = new KeyPairSignature(bytes, base64, null, null, null);
        if (!signature.hasKnownShape()) {
            return malformed("is " + bytes.length + " bytes" + (base64 ? " (after base64 decoding)" : "")
                    + ": not an Ed25519 (64 bytes), ECDSA (DER, or 64/96-byte r||s) or RSA (128 to 2048 bytes) signature");
        }
        return signature;
    }

    private static KeyPairSignature malformed(String problem) {
        return new KeyPairSignature(new byte[0], false, null, null, problem);
    }

    /** Printable ASCII and white space only: a raw signature of 64+ random bytes is never that (probability 2^-128). */
    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            int c = b & 0xff;
            if (!(c >= 0x20 && c < 0x7f) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String describePem(String text) {
        int end = text.indexOf("-----", 11);
        String label = end > 11 ? text.substring(11, end).strip().toUpperCase(Locale.ROOT) : "?";
        if (label.contains("PGP SIGNATURE")) {
            return "is an OpenPGP signature, not a key-pair signature (name it .asc)";
        }
        if (label.contains("PGP")) {
            return "is an OpenPGP key block ('" + label + "'), not a signature";
        }
        if (label.contains("PUBLIC KEY") || label.contains("CERTIFICATE")) {
            return "is a PEM '" + label + "' (a public key), not a signature";
        }
        if (label.contains("PRIVATE KEY")) {
            return "is a PEM '" + label + "' (a private key!), not a signature";
        }
        return "is a PEM '" + label + "' block, not a raw or base64 signature";
    }

    /** The one DER object that is the whole input, re-encoding to identical bytes; otherwise null. */
    private static ASN1Primitive parseStrictDer(byte[] bytes) {
        try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(bytes), bytes.length)) {
            ASN1Primitive primitive = in.readObject();
            if (primitive == null || in.readObject() != null) {
                return null;
            }
            return Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), bytes) ? primitive : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean looksLikeSpki(ASN1Sequence sequence) {
        try {
            return sequence.size() == 2 && SubjectPublicKeyInfo.getInstance(sequence) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean looksLikeCertificate(ASN1Sequence sequence) {
        try {
            return sequence.size() == 3 && Certificate.getInstance(sequence) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPairSignature other && Arrays.equals(value, other.value) && base64 == other.base64
                && java.util.Objects.equals(problem, other.problem);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value) * 31 + java.util.Objects.hashCode(problem);
    }

    @Override
    public String toString() {
        return problem != null ? "malformed: " + problem : value.length + "-byte " + encoding() + " signature";
    }
}
