package dev.sbomgate.digest;

import dev.sbomgate.model.HashAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * One running hash computation. JDK algorithms go through {@link MessageDigest} (the SUN provider's SHA-1/SHA-2
 * are HotSpot intrinsics: SHA-NI or AVX2 code on x86); BLAKE2b and BLAKE3, which the JDK lacks, use Bouncy
 * Castle's lightweight digests. No Bouncy Castle type leaves this package.
 */
abstract class StreamingHash {

    abstract void update(byte[] bytes, int offset, int length);

    abstract byte[] finish();

    static StreamingHash create(HashAlgorithm algorithm) {
        switch (algorithm) {
            case BLAKE2B_256:
                return new Lightweight(new Blake2bDigest(256));
            case BLAKE2B_384:
                return new Lightweight(new Blake2bDigest(384));
            case BLAKE2B_512:
                return new Lightweight(new Blake2bDigest(512));
            case BLAKE3:
                // Blake3Digest's size argument is in bits; CycloneDX's BLAKE3 is the default 256-bit output.
                return new Lightweight(new Blake3Digest(256));
            default:
                return new Jca(jdkDigest(algorithm.jcaName()));
        }
    }

    /**
     * The JDK's own implementation, asked for by provider so that a Bouncy Castle provider registered ahead
     * of SUN by someone else does not silently replace the intrinsic-accelerated one.
     */
    private static MessageDigest jdkDigest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName, "SUN");
        } catch (NoSuchProviderException | NoSuchAlgorithmException notSun) {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime has no " + jcaName + " digest", e);
            }
        }
    }

    private static final class Jca extends StreamingHash {
        private final MessageDigest digest;

        Jca(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        @Override
        byte[] finish() {
            return digest.digest();
        }
    }

    private static final class Lightweight extends StreamingHash {
        private final org.bouncycastle.crypto.Digest digest;

        Lightweight(org.bouncycastle.crypto.Digest digest) {
            this.digest = digest;
        }

        @Override
        void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        @Override
        byte[] finish() {
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            return out;
        }
    }
}
