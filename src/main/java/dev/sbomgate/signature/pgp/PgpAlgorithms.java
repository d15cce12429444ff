package dev.sbomgate.signature.pgp;

import java.util.Map;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Names of OpenPGP algorithms (RFC 9580 section 9: public-key algorithms, ECC curves, hash algorithms) and our
 * judgement of which are too weak.
 */
final class PgpAlgorithms {

    // Deprecated algorithm IDs (Bouncy Castle deprecates its constants for them), still found in old keys.
    private static final int RSA_ENCRYPT_ONLY = 2;
    private static final int RSA_SIGN_ONLY = 3;
    private static final int ELGAMAL_SIGN_OR_ENCRYPT = 20;

    /** RSA keys below this many bits are weak (NIST SP 800-131A disallows smaller RSA signing keys since 2014). */
    static final int MIN_RSA_BITS = 2048;

    // RFC 9580's ECC curves, plus the brainpool and secp256k1 curves GnuPG also accepts.
    private static final Map<String, String> CURVES = Map.ofEntries(
            Map.entry("1.2.840.10045.3.1.7", "P256"),
            Map.entry("1.3.132.0.34", "P384"),
            Map.entry("1.3.132.0.35", "P521"),
            Map.entry("1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1"),
            Map.entry("1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1"),
            Map.entry("1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1"),
            Map.entry("1.3.132.0.10", "secp256k1"),
            Map.entry("1.3.6.1.4.1.11591.15.1", "Ed25519"),
            Map.entry("1.3.101.113", "Ed448"),
            Map.entry("1.3.6.1.4.1.3029.1.5.1", "Curve25519"),
            Map.entry("1.3.101.110", "X25519"),
            Map.entry("1.3.101.111", "X448"));

    private PgpAlgorithms() {
    }

    /**
     * Who computes a signature's digest and checks it. RSA over SHA-1 or SHA-2 goes to the JDK's own providers
     * (SunRsaSign, SUN), whose SHA-256 and SHA-512 run as CPU intrinsics: Bouncy Castle's pure-Java SHA-512 made
     * hashing each artifact for its signature the largest cost of verification, 2 to 3 times the JDK's. The JDK
     * also skips Bouncy Castle's primality tests on each RSA modulus, which cost 100 to 200 ms on the first key
     * in a cold JVM. Everything else (EdDSA, ECDSA on brainpool or secp256k1 curves, which the JDK 17 lacks,
     * RIPEMD-160, SHA-3, RSA moduli outside the 1024 to 16384 bits SunRsaSign accepts) stays with Bouncy Castle,
     * so the outcome never depends on the JDK's algorithm list.
     */
    static PGPContentVerifierBuilderProvider contentVerifiers(int keyAlgorithm, int hashAlgorithm, PGPPublicKey key) {
        boolean rsa = (keyAlgorithm == PublicKeyAlgorithmTags.RSA_GENERAL || keyAlgorithm == RSA_SIGN_ONLY)
                && key.getBitStrength() >= 1024 && key.getBitStrength() <= 16384;
        boolean jdkHash = hashAlgorithm == HashAlgorithmTags.SHA1 || hashAlgorithm == HashAlgorithmTags.SHA224
                || hashAlgorithm == HashAlgorithmTags.SHA256 || hashAlgorithm == HashAlgorithmTags.SHA384
                || hashAlgorithm == HashAlgorithmTags.SHA512;
        return rsa && jdkHash ? new JcaPGPContentVerifierBuilderProvider() : new BcPGPContentVerifierBuilderProvider();
    }

    /** A key's algorithm with its size or curve: {@code RSA-4096}, {@code Ed25519}, {@code ECDSA-P256}, {@code DSA-1024}. */
    static String keyAlgorithm(PGPPublicKey key) {
        int algorithm = key.getAlgorithm();
        switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL:
            case RSA_SIGN_ONLY:
            case RSA_ENCRYPT_ONLY:
                return "RSA-" + key.getBitStrength();
            case PublicKeyAlgorithmTags.DSA:
                return "DSA-" + key.getBitStrength();
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT:
            case ELGAMAL_SIGN_OR_ENCRYPT:
                return "ElGamal-" + key.getBitStrength();
            case PublicKeyAlgorithmTags.ECDSA:
                return "ECDSA-" + curve(key);
            case PublicKeyAlgorithmTags.ECDH:
                return "ECDH-" + curve(key);
            case PublicKeyAlgorithmTags.EDDSA_LEGACY:
                return curve(key);
            case PublicKeyAlgorithmTags.Ed25519:
                return "Ed25519";
            case PublicKeyAlgorithmTags.Ed448:
                return "Ed448";
            case PublicKeyAlgorithmTags.X25519:
                return "X25519";
            case PublicKeyAlgorithmTags.X448:
                return "X448";
            default:
                return "algorithm-" + algorithm;
        }
    }

    /** A public-key algorithm's name without size, for signatures whose key we do not have. */
    static String signatureAlgorithm(int algorithm) {
        switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL:
            case RSA_SIGN_ONLY:
                return "RSA";
            case PublicKeyAlgorithmTags.DSA:
                return "DSA";
            case PublicKeyAlgorithmTags.ECDSA:
                return "ECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY:
                return "EdDSA";
            case PublicKeyAlgorithmTags.Ed25519:
                return "Ed25519";
            case PublicKeyAlgorithmTags.Ed448:
                return "Ed448";
            case ELGAMAL_SIGN_OR_ENCRYPT:
                return "ElGamal";
            default:
                return "algorithm-" + algorithm;
        }
    }

    /** Whether an algorithm can make signatures at all (RFC 9580, public-key algorithms). */
    static boolean canSign(int algorithm) {
        switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL:
            case RSA_SIGN_ONLY:
            case PublicKeyAlgorithmTags.DSA:
            case PublicKeyAlgorithmTags.ECDSA:
            case PublicKeyAlgorithmTags.EDDSA_LEGACY:
            case PublicKeyAlgorithmTags.Ed25519:
            case PublicKeyAlgorithmTags.Ed448:
            case ELGAMAL_SIGN_OR_ENCRYPT:
                return true;
            default:
                return false;
        }
    }

    /** Whether a signature by a key of algorithm {@code signature} may come from a key of algorithm {@code key}. */
    static boolean sameFamily(int signature, int key) {
        return signature == key || (isRsa(signature) && isRsa(key));
    }

    private static boolean isRsa(int algorithm) {
        return algorithm == PublicKeyAlgorithmTags.RSA_GENERAL || algorithm == RSA_SIGN_ONLY;
    }

    /** A digest's name ({@code SHA-512}), or null when it is not one we can verify with. */
    static String hashName(int hashAlgorithm) {
        switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5:
                return "MD5";
            case HashAlgorithmTags.SHA1:
                return "SHA-1";
            case HashAlgorithmTags.RIPEMD160:
                return "RIPEMD-160";
            case HashAlgorithmTags.SHA224:
                return "SHA-224";
            case HashAlgorithmTags.SHA256:
                return "SHA-256";
            case HashAlgorithmTags.SHA384:
                return "SHA-384";
            case HashAlgorithmTags.SHA512:
                return "SHA-512";
            case HashAlgorithmTags.SHA3_256:
                return "SHA3-256";
            case HashAlgorithmTags.SHA3_512:
                return "SHA3-512";
            default:
                return null;
        }
    }

    /**
     * Why a document signature's digest is too weak, or null. MD5, SHA-1 and RIPEMD-160 have known or feared
     * collisions (RFC 9580 forbids them in new signatures; SHA-1 chosen-prefix collisions were shown in 2020).
     */
    static String weakHash(int hashAlgorithm) {
        switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5:
            case HashAlgorithmTags.SHA1:
            case HashAlgorithmTags.RIPEMD160:
                return "the signature's digest " + hashName(hashAlgorithm)
                        + " is broken or deprecated (RFC 9580, hash algorithms);"
                        + " ask the publisher to sign with SHA-256 or stronger";
            default:
                return null;
        }
    }

    /** Why a key is too weak to trust any signature by it, or null. */
    static String weakKey(PGPPublicKey key) {
        int algorithm = key.getAlgorithm();
        switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL:
            case RSA_SIGN_ONLY:
            case RSA_ENCRYPT_ONLY:
                return key.getBitStrength() < MIN_RSA_BITS
                        ? keyAlgorithm(key) + " key is under " + MIN_RSA_BITS + " bits (NIST SP 800-131A)"
                        : null;
            case PublicKeyAlgorithmTags.DSA:
                return keyAlgorithm(key) + " key: DSA is deprecated (RFC 9580 public-key algorithms; FIPS 186-5 drops it)";
            case ELGAMAL_SIGN_OR_ENCRYPT:
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT:
                return keyAlgorithm(key) + " key: ElGamal signatures are forbidden (RFC 9580, public-key algorithms)";
            default:
                return null;
        }
    }

    private static String curve(PGPPublicKey key) {
        BCPGKey material = key.getPublicKeyPacket().getKey();
        if (material instanceof ECPublicBCPGKey) {
            String oid = ((ECPublicBCPGKey) material).getCurveOID().getId();
            return CURVES.getOrDefault(oid, oid);
        }
        return "unknown-curve";
    }
}
