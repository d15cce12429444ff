package dev.sbomgate.trust;

import dev.sbomgate.text.Untrusted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * A local revocation of a pin (trust.json v2 {@code revoked}, docs/formats.md 2.2), for keys without in-band
 * revocation (key pairs, identities) or ahead of one.
 *
 * @param date   the day it takes effect
 * @param reason why
 * @param note   a one-line note, or null
 */
public record PinRevocation(LocalDate date, Reason reason, String note) {

    /** Why: {@code compromised} voids every signature; {@code superseded} and {@code retired} those from {@code date}. */
    public enum Reason {
        COMPROMISED, SUPERSEDED, RETIRED;

        /** As written in trust.json: lower case. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason parse(String text) {
            for (Reason reason : values()) {
                if (reason.text().equals(text)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("revoked.reason must be compromised, superseded or retired, found '"
                    + Untrusted.printable(String.valueOf(text)) + "'");
        }
    }

    public PinRevocation {
        Objects.requireNonNull(date, "a revocation names its date");
        Objects.requireNonNull(reason, "a revocation names its reason");
        if (note != null && (note.isBlank() || note.length() > PinnedKey.MAX_NAME_LENGTH
                || note.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("revoked.note is 1 to " + PinnedKey.MAX_NAME_LENGTH
                    + " characters on one line");
        }
    }

    /**
     * Whether this revocation voids a signature made at {@code signedAt}: always when compromised; otherwise when it
     * was made on or after {@code date} (00:00 UTC), or when its time is unknown (null: fail closed).
     */
    public boolean voids(Instant signedAt) {
        return reason == Reason.COMPROMISED || signedAt == null
                || !signedAt.isBefore(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** For reports: {@code compromised on 2026-11-01 (note)}. */
    public String describe() {
        return reason.text() + " on " + date + (note == null ? "" : " (" + note + ")");
    }
}
