package dev.sbomgate.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The full fingerprint that pins a key, in upper-case hex without spaces: an OpenPGP v4 (40 hex digits) or
 * v6 (64 hex digits) fingerprint (RFC 9580 section 5.5.4), or for a plain key pair the SHA-256 of its
 * DER SubjectPublicKeyInfo (64 hex digits). Short key ids are never a pin.
 */
public record Fingerprint(String hex) implements Comparable<Fingerprint> {

    public Fingerprint {
        Objects.requireNonNull(hex, "hex");
        hex = hex.replace(" ", "").replace(":", "").toUpperCase(Locale.ROOT);
        if (hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if ((hex.length() != 40 && hex.length() != 64) || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a fingerprint is 40 or 64 hex digits, got '" + hex + "'");
        }
    }

    public static Fingerprint of(byte[] bytes) {
        return new Fingerprint(java.util.HexFormat.of().formatHex(bytes));
    }

    /** The last 16 hex digits: the OpenPGP key id, for display next to the full fingerprint only. */
    public String shortId() {
        return hex.substring(hex.length() - 16);
    }

    @Override
    public int compareTo(Fingerprint o) {
        return hex.compareTo(o.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
