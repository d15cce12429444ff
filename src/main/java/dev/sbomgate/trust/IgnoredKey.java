package dev.sbomgate.trust;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.text.Untrusted;
import java.util.Locale;
import java.util.Objects;

/**
 * A key whose signatures are treated as absent (trust.json version 2 {@code ignoredKeys}, docs/formats.md 2.6): what
 * Gradle's {@code <ignored-key>} says. A signature by it is dropped before the rules see it, so UNSIGNED and
 * SIGNATURE_DOWNGRADE judge the artifact as unsigned; it never counts as valid.
 *
 * @param id     a full fingerprint (40 or 64 hex) or a 16-hex long key ID, upper case
 * @param reason why it is ignored, one line
 * @param source where the entry came from (e.g. {@code gradle/verification-metadata.xml}), or null
 */
public record IgnoredKey(String id, String reason, String source) implements Comparable<IgnoredKey> {

    static final int MAX_TEXT_LENGTH = 500;

    public IgnoredKey {
        Objects.requireNonNull(id, "id");
        id = id.replace(" ", "").toUpperCase(Locale.ROOT);
        if (id.startsWith("0X")) {
            id = id.substring(2);
        }
        if (!id.matches("[0-9A-F]{16}|[0-9A-F]{40}|[0-9A-F]{64}")) {
            throw new IllegalArgumentException("an ignored key's id is a fingerprint (40 or 64 hex digits) or a long key"
                    + " ID (16 hex digits), found '" + Untrusted.printable(id) + "'");
        }
        reason = checkText(reason, "reason", true);
        source = checkText(source, "source", false);
    }

    private static String checkText(String text, String what, boolean required) {
        if (text == null) {
            if (required) {
                throw new IllegalArgumentException("an ignored key needs a " + what);
            }
            return null;
        }
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TEXT_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an ignored key's " + what + " is 1 to " + MAX_TEXT_LENGTH
                    + " characters on one line, found '" + Untrusted.printable(text) + "'");
        }
        return stripped;
    }

    /** Whether this is a long key ID rather than a fingerprint. */
    public boolean isKeyId() {
        return id.length() == 16;
    }

    /**
     * Whether a key with this fingerprint is the ignored one: equal fingerprints, or (for a key ID) the fingerprint's
     * v4 key ID (its low 64 bits, RFC 9580 section 5.5.4.2) or v6 key ID (its high 64 bits).
     */
    public boolean matchesFingerprint(Fingerprint fingerprint) {
        String hex = fingerprint.hex();
        if (!isKeyId()) {
            return hex.equals(id);
        }
        return hex.length() == 40 ? hex.endsWith(id) : hex.startsWith(id);
    }

    /**
     * Whether a signature naming this issuer (a fingerprint or a key ID in hex, as {@code SignatureCheck.issuer}
     * holds it) was made by the ignored key.
     */
    public boolean matchesIssuer(String issuer) {
        if (issuer == null) {
            return false;
        }
        String hex = issuer.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{16}|[0-9A-F]{40}|[0-9A-F]{64}")) {
            return false;
        }
        if (hex.length() == 16) {
            // a signature naming only a key ID: it matches a key ID, or a fingerprint with that key ID
            return isKeyId() ? hex.equals(id) : id.length() == 40 ? id.endsWith(hex) : id.startsWith(hex);
        }
        return matchesFingerprint(new Fingerprint(hex));
    }

    @Override
    public int compareTo(IgnoredKey other) {
        return id.compareTo(other.id);
    }
}
