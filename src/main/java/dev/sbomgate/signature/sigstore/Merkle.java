package dev.sbomgate.signature.sigstore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** RFC 6962 Merkle tree hashing and inclusion proofs, as RFC 9162 section 2.1.3.2 states the verification algorithm. */
final class Merkle {

    static final int HASH_BYTES = 32;

    private Merkle() {
    }

    /** RFC 6962 section 2.1: a leaf's hash is SHA-256(0x00 || leaf). */
    static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        sha256.update(leaf);
        return sha256.digest();
    }

    /** RFC 6962 section 2.1: an interior node's hash is SHA-256(0x01 || left || right). */
    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /**
     * The root the audit path leads to from the leaf hash at {@code index} in a tree of {@code size} leaves, or null
     * when the path cannot be a valid proof for that position (wrong length, index out of range, hashes not 32 bytes).
     * RFC 9162 section 2.1.3.2, steps 1 to 5, except the final comparison, which the caller makes.
     */
    static byte[] rootFromInclusionProof(byte[] leafHash, long index, long size, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (p.length != HASH_BYTES || sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
