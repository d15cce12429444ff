package dev.sbomgate.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The hash algorithms sbomgate recognises, named as CycloneDX names them (spec 1.6, {@code hash-alg}).
 * Parsing happens here, at the edge: an unknown name never reaches the core.
 */
public enum HashAlgorithm {
    MD5("MD5", "MD5", 32),
    SHA_1("SHA-1", "SHA-1", 40),
    SHA_256("SHA-256", "SHA-256", 64),
    SHA_384("SHA-384", "SHA-384", 96),
    SHA_512("SHA-512", "SHA-512", 128),
    SHA3_256("SHA3-256", "SHA3-256", 64),
    SHA3_384("SHA3-384", "SHA3-384", 96),
    SHA3_512("SHA3-512", "SHA3-512", 128),
    BLAKE2B_256("BLAKE2b-256", "BLAKE2B-256", 64),
    BLAKE2B_384("BLAKE2b-384", "BLAKE2B-384", 96),
    BLAKE2B_512("BLAKE2b-512", "BLAKE2B-512", 128),
    BLAKE3("BLAKE3", "BLAKE3-256", 64);

    private final String cycloneDxName;
    private final String jcaName;
    private final int hexLength;

    HashAlgorithm(String cycloneDxName, String jcaName, int hexLength) {
        this.cycloneDxName = cycloneDxName;
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The name CycloneDX uses, e.g. {@code SHA-256}, {@code BLAKE2b-256}. */
    public String cycloneDxName() {
        return cycloneDxName;
    }

    /** The name a JCA provider (the JDK's, or Bouncy Castle's for BLAKE2b/BLAKE3) knows it by. */
    public String jcaName() {
        return jcaName;
    }

    /** Length of a digest of this algorithm written in hex. */
    public int hexLength() {
        return hexLength;
    }

    /** MD5 and SHA-1 have practical collisions: they never prove integrity on their own. */
    public boolean isWeak() {
        return this == MD5 || this == SHA_1;
    }

    /** Parses a CycloneDX algorithm name, case-insensitively ({@code SHA-256}, {@code sha256}, {@code SHA3-512}). */
    public static Optional<HashAlgorithm> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NORMALISED_NAME.get(normalise(name)));
    }

    /** Every algorithm under its normalised CycloneDX name and its normalised enum name. */
    private static final java.util.Map<String, HashAlgorithm> BY_NORMALISED_NAME = byNormalisedName();

    private static java.util.Map<String, HashAlgorithm> byNormalisedName() {
        java.util.Map<String, HashAlgorithm> names = new java.util.HashMap<>();
        for (HashAlgorithm algorithm : values()) {
            names.putIfAbsent(normalise(algorithm.cycloneDxName), algorithm);
        }
        for (HashAlgorithm algorithm : values()) {
            names.putIfAbsent(normalise(algorithm.name()), algorithm);
        }
        return java.util.Map.copyOf(names);
    }

    private static String normalise(String name) {
        return name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
