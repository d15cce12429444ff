package dev.sbomgate.trust;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One key in the trust store: who it is (a human name), the full fingerprint that pins it, the key file that holds
 * it, the purls it may sign for, and an optional validity window of whole UTC days.
 *
 * @param name        a human name, one line, shown in reports; never trusted
 * @param type        {@link SignatureKind#OPENPGP} or {@link SignatureKind#KEYPAIR}
 * @param fingerprint the pin: the OpenPGP primary key fingerprint, or SHA-256 of the SubjectPublicKeyInfo
 * @param file        the key file, relative to the trust directory, with {@code /} separators
 * @param scopes      the purl patterns it may sign for; at least one, sorted, without duplicates
 * @param notBefore   first UTC day the pin is valid, or null for no start
 * @param notAfter    last UTC day the pin is valid (inclusive), or null for no end
 * @param key         what the key file holds for this fingerprint (user IDs, dates, subkeys)
 */
public record PinnedKey(String name, SignatureKind type, Fingerprint fingerprint, String file,
                        List<PurlPattern> scopes, LocalDate notBefore, LocalDate notAfter, PublicKeyInfo key) {

    static final int MAX_NAME_LENGTH = 200;

    public PinnedKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a key name is 1 to " + MAX_NAME_LENGTH
                    + " characters on one line, got '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        if (type != SignatureKind.OPENPGP && type != SignatureKind.KEYPAIR) {
            throw new IllegalArgumentException("a pinned key is 'openpgp' or 'keypair', not " + type);
        }
        TrustPaths.checkRelative(file);
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("key '" + TrustIndex.printable(name) + "' has no scope: give at least one purl pattern it may"
                    + " sign for, like 'pkg:maven/org.example/*'");
        }
        scopes = List.copyOf(new TreeSet<>(scopes));
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("key '" + TrustIndex.printable(name) + "' has notAfter " + notAfter + " before notBefore "
                    + notBefore);
        }
        if (!key.fingerprint().equals(fingerprint) || key.kind() != type) {
            throw new IllegalArgumentException("key '" + TrustIndex.printable(name) + "': the key info is for " + key.kind() + " "
                    + key.fingerprint() + ", not " + type + " " + fingerprint);
        }
    }

    /** Whether one of the scopes covers this purl. The window is not considered: see {@link #isValidAt}. */
    public boolean covers(Purl purl) {
        for (PurlPattern scope : scopes) {
            if (scope.matches(purl)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the instant lies in [notBefore 00:00 UTC, the day after notAfter 00:00 UTC). */
    public boolean isValidAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (notBefore != null && instant.isBefore(notBefore.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return false;
        }
        return notAfter == null || instant.isBefore(notAfter.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The window for humans: {@code 2026-01-01..2027-12-31}, {@code from 2026-01-01}, {@code until 2027-12-31} or {@code always}. */
    public String window() {
        if (notBefore == null && notAfter == null) {
            return "always";
        }
        if (notBefore == null) {
            return "until " + notAfter;
        }
        if (notAfter == null) {
            return "from " + notBefore;
        }
        return notBefore + ".." + notAfter;
    }

    /** {@code openpgp} or {@code keypair}: the name used in {@code trust.json}. */
    public String typeName() {
        return typeName(type);
    }

    static String typeName(SignatureKind kind) {
        return kind == SignatureKind.OPENPGP ? "openpgp" : "keypair";
    }
}
