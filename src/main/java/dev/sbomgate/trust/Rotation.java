package dev.sbomgate.trust;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.text.Untrusted;
import java.util.Objects;

/**
 * A key pin's declared succession (trust.json v2 {@code rotation}, docs/formats.md 2.2): this key succeeds the pinned
 * key {@code from}. Re-proved from the key files on every load; it never widens trust (the key needs its own scopes).
 *
 * @param from  the predecessor's primary fingerprint, itself pinned
 * @param proof how the key material proves it
 */
public record Rotation(Fingerprint from, Proof proof) {

    /** How a rotation is proved. */
    public enum Proof {
        /** A certification by {@code from}'s primary key over one of this key's user IDs. */
        CERTIFICATION("certification"),
        /** {@code from}'s own revocation with reason "key superseded", naming this key's fingerprint. */
        SUPERSEDED_REVOCATION("superseded-revocation");

        private final String text;

        Proof(String text) {
            this.text = text;
        }

        /** As written in trust.json. */
        public String text() {
            return text;
        }

        public static Proof parse(String text) {
            for (Proof proof : values()) {
                if (proof.text.equals(text)) {
                    return proof;
                }
            }
            throw new IllegalArgumentException("rotation.proof must be certification or superseded-revocation, found '"
                    + Untrusted.printable(String.valueOf(text)) + "'");
        }
    }

    public Rotation {
        Objects.requireNonNull(from, "rotation.from");
        Objects.requireNonNull(proof, "rotation.proof");
    }
}
