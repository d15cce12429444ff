package dev.sbomgate.model;

import java.util.Locale;
import java.util.Objects;

/** A digest of some bytes: an algorithm and its value in lower-case hex. */
public record Digest(HashAlgorithm algorithm, String hex) implements Comparable<Digest> {

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        hex = hex.trim().toLowerCase(Locale.ROOT);
        if (hex.length() != algorithm.hexLength() || !isHex(hex)) {
            throw new IllegalArgumentException(
                    algorithm.cycloneDxName() + " digest must be " + algorithm.hexLength() + " hex digits, got '" + hex + "'");
        }
    }

    public static Digest of(HashAlgorithm algorithm, byte[] bytes) {
        return new Digest(algorithm, java.util.HexFormat.of().formatHex(bytes));
    }

    /** Whether this digest is well formed for its algorithm; used by loaders before building one. */
    public static boolean isWellFormed(HashAlgorithm algorithm, String hex) {
        String h = hex == null ? "" : hex.trim();
        return h.length() == algorithm.hexLength() && isHex(h);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @Override
    public int compareTo(Digest other) {
        int byAlgorithm = algorithm.compareTo(other.algorithm);
        return byAlgorithm != 0 ? byAlgorithm : hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return algorithm.cycloneDxName() + ":" + hex;
    }
}
