package dev.sbomgate.signature.jca;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies key-pair signatures ({@code .sig}: {@code cosign sign-blob --key}, {@code openssl dgst -sign},
 * {@code openssl pkeyutl -sign -rawin}) over an artifact with a fixed set of pinned public keys.
 *
 * <p>A raw signature names neither its key nor its algorithm, so every pinned key whose algorithm could have made a
 * signature of this shape is tried: Ed25519 (64 bytes), ECDSA P-256/P-384 (DER, or raw r||s of 64/96 bytes) and RSA
 * (as long as the modulus; PKCS#1 v1.5 or PSS, the digest read from the signature). The outcome:
 * {@code VERIFIED}; {@code WEAK_CRYPTO} when the key that verifies is RSA under 2048 bits or the signature uses SHA-1
 * or MD5; {@code UNKNOWN_KEY} when no pinned key could have made a signature of this shape; {@code BAD_SIGNATURE}
 * when some could and none verifies (an "unknown key of a known type" cannot be told apart from a bad signature
 * without a key id); {@code MALFORMED} when the file is not a signature at all.
 *
 * <p>RSA and ECDSA hash the artifact in one streaming pass (constant memory). Ed25519 is PureEdDSA (RFC 8032
 * section 5.1.7): its hash covers the signature's R and the key before the message, so no pre-hash exists and the
 * whole artifact is read into memory; artifacts over {@link #MAX_ED25519_ARTIFACT_BYTES} are refused, and the bytes
 * held by concurrent Ed25519 checks are bounded together by the same amount.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyPairSignatureVerifier implements SignatureVerifier {

    /** A signature file is at most this large: an RSA-16384 signature in base64 is under 3 KiB. */
    public static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    /** The largest artifact an Ed25519 signature is checked over (it is held in memory whole). */
    public static final long MAX_ED25519_ARTIFACT_BYTES = 1L << 30;

    private static final int MIB = 1 << 20;
    /** Permits are MiB of artifact held by Ed25519 checks at once, across all threads. */
    private static final Semaphore ED25519_MEMORY = new Semaphore((int) (MAX_ED25519_ARTIFACT_BYTES / MIB), true);


    private final List<JcaKey> keys;

    private KeyPairSignatureVerifier(List<JcaKey> keys) {
        this.keys = keys.stream().sorted(Comparator.comparing(JcaKey::fingerprint)).collect(Collectors.toUnmodifiableList());
    }

    /**
     * A verifier trusting every key in these key files (PEM public keys or X.509 certificates), keyed by a name used
     * in error messages; throws {@link BadInputException} when a file is not a key-pair key file.
     */
    public static KeyPairSignatureVerifier of(Map<String, byte[]> keyFilesByName) {
        Map<Fingerprint, JcaKey> byFingerprint = new TreeMap<>();
        new TreeMap<>(keyFilesByName).forEach((name, bytes) -> {
            for (JcaKey key : JcaKeys.parse(bytes, name)) {
                byFingerprint.putIfAbsent(key.fingerprint(), key);
            }
        });
        return new KeyPairSignatureVerifier(new ArrayList<>(byFingerprint.values()));
    }

    /** A verifier trusting every key in these files. */
    public static KeyPairSignatureVerifier ofFiles(List<Path> keyFiles) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path file : keyFiles) {
            try {
                files.put(file.toString(), InputFiles.read(file, Limits.PEM_KEY_FILE));
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot read key file (" + e.getMessage() + ")");
            }
        }
        return of(files);
    }

    /** The keys this verifier trusts, sorted by fingerprint. */
    public List<PublicKeyInfo> keys() {
        return keys.stream().map(JcaKey::info).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Checks {@code signatureFile} (raw or base64) over the bytes of {@code artifact}. Everything about the signature
     * file, even that it cannot be read, is a status; only an unreadable artifact throws {@link UncheckedIOException}.
     */
    @Override
    public SignatureCheck verify(Path artifact, Path signatureFile) {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(signatureFile, "signatureFile");
        return verifyFile(new FileMessage(artifact), signatureFile);
    }

    /**
     * As {@link #verify(Path, Path)}, over the artifact already read into memory ({@code artifact} only names it):
     * the bytes checked are those the caller hashed and inspected.
     */
    @Override
    public SignatureCheck verify(byte[] artifactBytes, Path artifact, Path signatureFile) {
        Objects.requireNonNull(artifactBytes, "artifactBytes");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(signatureFile, "signatureFile");
        return verifyFile(new BytesMessage(artifactBytes), signatureFile);
    }

    private SignatureCheck verifyFile(Message artifact, Path signatureFile) {
        byte[] file;
        try {
            file = readSignatureFile(signatureFile);
        } catch (IOException e) {
            return check(SignatureStatus.MALFORMED, null, null, signatureFile,
                    "cannot read the signature file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (file == null) {
            return check(SignatureStatus.MALFORMED, null, null, signatureFile,
                    "signature file is larger than " + MAX_SIGNATURE_BYTES / 1024 + " KiB: not a key-pair signature");
        }
        return verify(artifact, file, signatureFile).withSignatureSha256(SignatureCheck.sha256(file));
    }

    /**
     * Checks signature bytes taken from a container (a Sigstore bundle's message signature) over an artifact already
     * read into memory; {@code signatureFile} is the container, named in the result. The caller must not change
     * {@code artifactBytes} during the call.
     */
    public SignatureCheck verifyArtifact(byte[] artifactBytes, byte[] signature, Path signatureFile) {
        Objects.requireNonNull(artifactBytes, "artifactBytes");
        Objects.requireNonNull(signature, "signature");
        return verify(new BytesMessage(artifactBytes), signature, signatureFile);
    }

    /**
     * Checks signature bytes taken from a container (a Sigstore bundle's message signature) over the bytes of
     * {@code artifact}; {@code signatureFile} is the container, named in the result. As {@link #verify(Path, Path)}.
     */
    public SignatureCheck verify(Path artifact, byte[] signature, Path signatureFile) {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(signature, "signature");
        return verify(new FileMessage(artifact), signature, signatureFile);
    }

    /**
     * Checks signature bytes over a message held in memory (a DSSE envelope's pre-authentication encoding);
     * {@code signatureFile} is the container, named in the result.
     */
    public SignatureCheck verify(byte[] message, byte[] signature, Path signatureFile) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        return verify(new BytesMessage(message.clone()), signature, signatureFile);
    }

    private SignatureCheck verify(Message artifact, byte[] file, Path signatureFile) {
        KeyPairSignature signature = KeyPairSignature.parse(file);
        if (signature.isMalformed()) {
            return check(SignatureStatus.MALFORMED, null, null, signatureFile, "signature file " + signature.problem());
        }
        List<Attempt> attempts = attempts(signature);
        String shape = describeShape(signature);
        if (attempts.isEmpty()) {
            return check(SignatureStatus.UNKNOWN_KEY, null, null, signatureFile,
                    "no pinned key could have made this " + shape + (keys.isEmpty() ? " (no key-pair key is pinned)" : "")
                            + "; pin the signer's key with 'sbomgate trust add' if you trust it");
        }

        Set<HashAlgorithm> needed = EnumSet.noneOf(HashAlgorithm.class);
        for (Attempt attempt : attempts) {
            needed.addAll(attempt.digests);
        }
        Map<HashAlgorithm, byte[]> digests = needed.isEmpty() ? Map.of() : artifact.digest(needed);

        boolean anyEd25519 = false;
        for (Attempt attempt : attempts) {
            if (attempt.key.algorithm() == KeyAlgorithm.ED25519) {
                anyEd25519 = true;
                continue;
            }
            for (HashAlgorithm digest : attempt.digests) {
                String how = attempt.verify(digests.get(digest), digest);
                if (how != null) {
                    return verified(attempt.key, digest, how, signature, signatureFile);
                }
            }
        }
        if (anyEd25519) {
            SignatureCheck ed = verifyEd25519(artifact, signature, attempts, signatureFile);
            if (ed != null) {
                return ed;
            }
        }
        String tried = attempts.stream().map(a -> a.key).distinct()
                .map(k -> k.label() + " " + k.fingerprint()).collect(Collectors.joining(", "));
        long candidates = attempts.stream().map(a -> a.key).distinct().count();
        return check(SignatureStatus.BAD_SIGNATURE, null, null, signatureFile,
                "the " + shape + " does not verify over these bytes with the " + candidates + " pinned key"
                        + (candidates == 1 ? "" : "s") + " that could have made it (" + tried
                        + "): the artifact or the signature was changed, or another key signed it");
    }

    /** What a signature is checked over: an artifact streamed from disk, or bytes in memory. */
    private interface Message {
        /** Every digest asked for, in one pass. */
        Map<HashAlgorithm, byte[]> digest(Set<HashAlgorithm> algorithms);

        long size();

        /** The whole message; {@code size} is what {@link #size()} returned. */
        byte[] bytes(long size);
    }

    private record FileMessage(Path artifact) implements Message {
        @Override
        public Map<HashAlgorithm, byte[]> digest(Set<HashAlgorithm> algorithms) {
            return KeyPairSignatureVerifier.digest(artifact, algorithms);
        }

        @Override
        public long size() {
            return KeyPairSignatureVerifier.size(artifact);
        }

        @Override
        public byte[] bytes(long size) {
            return readFully(artifact, size);
        }
    }

    private record BytesMessage(byte[] message) implements Message {
        @Override
        public Map<HashAlgorithm, byte[]> digest(Set<HashAlgorithm> algorithms) {
            Map<HashAlgorithm, byte[]> out = new EnumMap<>(HashAlgorithm.class);
            for (HashAlgorithm algorithm : algorithms) {
                try {
                    out.put(algorithm, MessageDigest.getInstance(algorithm.jcaName()).digest(message));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JDK has no " + algorithm.jcaName(), e);
                }
            }
            return out;
        }

        @Override
        public long size() {
            return message.length;
        }

        @Override
        public byte[] bytes(long size) {
            return message;
        }
    }

    private SignatureCheck verifyEd25519(Message artifact, KeyPairSignature signature, List<Attempt> attempts,
                                         Path signatureFile) {
        long size = artifact.size();
        if (size > MAX_ED25519_ARTIFACT_BYTES) {
            return check(SignatureStatus.MALFORMED, null, "Ed25519", signatureFile,
                    "artifact is " + size + " bytes; an Ed25519 signature (PureEdDSA, RFC 8032) is checked over the whole"
                            + " file in memory and sbomgate bounds that at " + MAX_ED25519_ARTIFACT_BYTES + " bytes");
        }
        int permits = (int) Math.max(1, (size + MIB - 1) / MIB);
        ED25519_MEMORY.acquireUninterruptibly(permits);
        try {
            byte[] message = artifact.bytes(size);
            byte[] sig = signature.value();
            for (Attempt attempt : attempts) {
                if (attempt.key.algorithm() != KeyAlgorithm.ED25519) {
                    continue;
                }
                Ed25519PublicKeyParameters key = (Ed25519PublicKeyParameters) attempt.key.parameters();
                if (key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0)) {
                    return verified(attempt.key, null, "", signature, signatureFile);
                }
            }
            return null;
        } finally {
            ED25519_MEMORY.release(permits);
        }
    }

    private SignatureCheck verified(JcaKey key, HashAlgorithm digest, String how, KeyPairSignature signature,
                                    Path signatureFile) {
        String algorithm = key.label() + (digest == null ? "" : "/" + digest.cycloneDxName()) + how;
        String form = signature.encoding() + (signature.isDerEcdsa() && key.algorithm() != KeyAlgorithm.RSA ? " DER" : "");
        if (key.isWeak()) {
            return check(SignatureStatus.WEAK_CRYPTO, key, algorithm, signatureFile,
                    "verifies with pinned key " + key.fingerprint() + ", but " + key.label() + " is too weak to count"
                            + " (RSA needs at least " + JcaKey.MIN_STRONG_RSA_BITS + " bits)");
        }
        if (digest != null && digest.isWeak()) {
            return check(SignatureStatus.WEAK_CRYPTO, key, algorithm, signatureFile,
                    "verifies with pinned key " + key.fingerprint() + ", but over a " + digest.cycloneDxName()
                            + " digest, which has practical collisions");
        }
        return check(SignatureStatus.VERIFIED, key, algorithm, signatureFile,
                "verified with pinned " + key.label() + " key " + key.fingerprint() + " (" + form + " signature, "
                        + algorithm + ")");
    }

    private static SignatureCheck check(SignatureStatus status, JcaKey key, String algorithm, Path signatureFile,
                                        String detail) {
        Fingerprint fingerprint = key == null ? null : key.fingerprint();
        return new SignatureCheck(SignatureKind.KEYPAIR, status, fingerprint, fingerprint, null, null, algorithm,
                signatureFile, detail);
    }

    private static String describeShape(KeyPairSignature signature) {
        String form = signature.encoding() + " ";
        if (signature.isDerEcdsa()) {
            return form + "DER ECDSA signature";
        }
        return form + signature.length() + "-byte signature";
    }

    /** Every (key, form) pair that could have produced a signature of this shape, in fingerprint order. */
    private List<Attempt> attempts(KeyPairSignature signature) {
        List<Attempt> attempts = new ArrayList<>();
        byte[] value = signature.value();
        for (JcaKey key : keys) {
            switch (key.algorithm()) {
                case ED25519:
                    // RFC 8032 section 5.1.7: S (the last 32 bytes, little-endian) is below L < 2^253, so the top
                    // three bits of the last byte are zero in every Ed25519 signature.
                    if (value.length == KeyPairSignature.ED25519_LENGTH && (value[value.length - 1] & 0xe0) == 0) {
                        attempts.add(new Attempt(key, List.of(), null, null, null));
                    }
                    break;
                case ECDSA_P256:
                case ECDSA_P384: {
                    int half = key.algorithm() == KeyAlgorithm.ECDSA_P256
                            ? KeyPairSignature.P256_RAW_LENGTH / 2 : KeyPairSignature.P384_RAW_LENGTH / 2;
                    BigInteger order = ((ECPublicKeyParameters) key.parameters()).getParameters().getN();
                    // FIPS 186-5 section 6.4.2: r and s lie in [1, n-1]; outside that, this curve did not make it.
                    if (signature.isDerEcdsa() && inRange(signature.derR(), order) && inRange(signature.derS(), order)) {
                        attempts.add(new Attempt(key, key.algorithm().digests(), signature.derR(), signature.derS(), null));
                    }
                    if (value.length == 2 * half) {
                        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(value, 0, half));
                        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(value, half, 2 * half));
                        if (inRange(r, order) && inRange(s, order)) {
                            attempts.add(new Attempt(key, key.algorithm().digests(), r, s, null));
                        }
                    }
                    break;
                }
                case RSA:
                    if (value.length == key.rsaSignatureLength()) {
                        RsaEncoding encoding = RsaEncoding.recover((RSAKeyParameters) key.parameters(), value);
                        if (encoding != null) {
                            attempts.add(new Attempt(key, encoding.digests(), null, null, encoding));
                        } else {
                            // The signature is not < n or has no valid padding: it cannot verify, yet this key was
                            // a candidate, so the outcome is BAD_SIGNATURE and not UNKNOWN_KEY.
                            attempts.add(new Attempt(key, List.of(), null, null, null));
                        }
                    }
                    break;
                default:
                    throw new IllegalStateException("unhandled key algorithm " + key.algorithm());
            }
        }
        return attempts;
    }

    private static boolean inRange(BigInteger value, BigInteger order) {
        return value.signum() > 0 && value.compareTo(order) < 0;
    }

    /** One key tried against the signature in one form. */
    private static final class Attempt {
        final JcaKey key;
        final List<HashAlgorithm> digests;
        final BigInteger r;
        final BigInteger s;
        final RsaEncoding rsa;

        Attempt(JcaKey key, List<HashAlgorithm> digests, BigInteger r, BigInteger s, RsaEncoding rsa) {
            this.key = key;
            this.digests = digests;
            this.r = r;
            this.s = s;
            this.rsa = rsa;
        }

        /** Null when it does not verify; otherwise a suffix for the algorithm name ("" or "/PSS"). */
        String verify(byte[] hash, HashAlgorithm digest) {
            if (hash == null) {
                return null;
            }
            if (rsa != null) {
                return rsa.verify((RSAKeyParameters) key.parameters(), hash, digest);
            }
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, (ECPublicKeyParameters) key.parameters());
            // FIPS 186-5 section 6.4.2: the hash is truncated to the bit length of the group order by the signer.
            return signer.verifySignature(hash, r, s) ? "" : null;
        }
    }


    /** Hashes the artifact once with every needed digest (constant memory). */
    private static Map<HashAlgorithm, byte[]> digest(Path artifact, Set<HashAlgorithm> algorithms) {
        Map<HashAlgorithm, MessageDigest> digests = new EnumMap<>(HashAlgorithm.class);
        for (HashAlgorithm algorithm : algorithms) {
            try {
                digests.put(algorithm, MessageDigest.getInstance(algorithm.jcaName()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no " + algorithm.jcaName(), e);
            }
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(artifact)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (MessageDigest digest : digests.values()) {
                    digest.update(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw cannotRead(artifact, e);
        }
        Map<HashAlgorithm, byte[]> out = new EnumMap<>(HashAlgorithm.class);
        digests.forEach((algorithm, digest) -> out.put(algorithm, digest.digest()));
        return out;
    }

    /** The signature file's bytes, or null when it is larger than {@link #MAX_SIGNATURE_BYTES} (read no further). */
    private static byte[] readSignatureFile(Path signatureFile) throws IOException {
        try (InputStream in = Files.newInputStream(signatureFile)) {
            byte[] bytes = in.readNBytes(MAX_SIGNATURE_BYTES + 1);
            return bytes.length > MAX_SIGNATURE_BYTES ? null : bytes;
        }
    }

    private static UncheckedIOException cannotRead(Path artifact, IOException e) {
        return new UncheckedIOException("cannot read artifact " + artifact + ": " + e, e);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private static byte[] readFully(Path artifact, long size) {
        try (InputStream in = Files.newInputStream(artifact)) {
            byte[] bytes = in.readNBytes((int) size);
            if (bytes.length != size || in.read() != -1) {
                throw new IOException("the artifact changed size while it was read");
            }
            return bytes;
        } catch (IOException e) {
            throw cannotRead(artifact, e);
        }
    }
}
