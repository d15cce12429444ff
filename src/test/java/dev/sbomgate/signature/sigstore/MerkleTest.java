package dev.sbomgate.signature.sigstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inclusion proofs against trees built here by the RFC 6962 section 2.1 definition (MTH, PATH), for every leaf of
 * every tree size up to 33: the verification algorithm of RFC 9162 must accept each true proof and nothing else.
 */
class MerkleTest {

    @Test
    void everyProofOfEveryLeafOfSmallTreesLeadsToTheRoot() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = mth(leaves);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = path(index, leaves);
                assertArrayEquals(root, Merkle.rootFromInclusionProof(Merkle.leafHash(leaves.get(index)), index, size, path),
                        "leaf " + index + " of " + size);
            }
        }
    }

    @Test
    void alteredProofsDoNotLeadToTheRoot() {
        List<byte[]> leaves = leaves(21);
        byte[] root = mth(leaves);
        List<byte[]> path = path(13, leaves);
        byte[] leaf = Merkle.leafHash(leaves.get(13));
        // Another leaf, another index, a flipped hash, a path too short or too long.
        assertFalse(Arrays.equals(root, Merkle.rootFromInclusionProof(Merkle.leafHash(leaves.get(12)), 13, 21, path)));
        assertFalse(Arrays.equals(root, Merkle.rootFromInclusionProof(leaf, 12, 21, path)));
        List<byte[]> flipped = new ArrayList<>(path);
        byte[] hash = flipped.get(1).clone();
        hash[0] ^= 1;
        flipped.set(1, hash);
        assertFalse(Arrays.equals(root, Merkle.rootFromInclusionProof(leaf, 13, 21, flipped)));
        assertNull(Merkle.rootFromInclusionProof(leaf, 13, 21, path.subList(0, path.size() - 1)));
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(new byte[32]);
        assertNull(Merkle.rootFromInclusionProof(leaf, 13, 21, longer));
        assertNull(Merkle.rootFromInclusionProof(leaf, 21, 21, path), "index beyond the tree");
        assertNull(Merkle.rootFromInclusionProof(leaf, 13, 21, List.of(new byte[31])), "hashes are 32 bytes");
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }

    /** RFC 6962 section 2.1: MTH(D[n]). */
    private static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return Merkle.leafHash(d.get(0));
        }
        int k = split(d.size());
        return node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    /** RFC 6962 section 2.1.1: PATH(m, D[n]). */
    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() == 1) {
            return out;
        }
        int k = split(d.size());
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** The largest power of two smaller than n. */
    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] node(byte[] left, byte[] right) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 1);
            sha256.update(left);
            sha256.update(right);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
