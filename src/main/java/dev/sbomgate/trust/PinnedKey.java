package dev.sbomgate.trust;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.text.Untrusted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One pin of the trust store: who it is (a human name), the full fingerprint that pins it, the file that makes it
 * verifiable, the purls it may sign for, and an optional validity window of whole UTC days. A pin is a key (OpenPGP
 * or key pair, in its key file) or, for Sigstore bundles, a certificate identity (verified through the store's
 * Sigstore trusted root): the verify stage, the baseline and the rules treat both alike, by fingerprint.
 *
 * @param name        a human name, one line, shown in reports; never trusted
 * @param type        {@link SignatureKind#OPENPGP}, {@link SignatureKind#KEYPAIR}, or {@link SignatureKind#SIGSTORE}
 *                    for an identity pin
 * @param fingerprint the pin: the OpenPGP primary key fingerprint, SHA-256 of the SubjectPublicKeyInfo, or
 *                    {@link IdentityPin#fingerprint()}
 * @param file        the key file, or for an identity pin the Sigstore trusted root, relative to the trust directory,
 *                    with {@code /} separators
 * @param scopes      the purl patterns it may sign for; at least one, sorted, without duplicates
 * @param notBefore   first UTC day the pin is valid, or null for no start
 * @param notAfter    last UTC day the pin is valid (inclusive), or null for no end
 * @param key         what the key file holds for this fingerprint (user IDs, dates, subkeys); for an identity pin a
 *                    description of the identity ({@link #identityInfo})
 * @param identity    the pinned identity when {@code type} is SIGSTORE, else null
 * @param revoked     the local revocation (trust.json v2 {@code revoked}), or null
 * @param rotation    the declared succession (trust.json v2 {@code rotation}, key pins only), or null
 */
public record PinnedKey(String name, SignatureKind type, Fingerprint fingerprint, String file,
                        List<PurlPattern> scopes, LocalDate notBefore, LocalDate notAfter, PublicKeyInfo key,
                        IdentityPin identity, PinRevocation revoked, Rotation rotation) {

    /** Without a local revocation or rotation (trust.json version 1). */
    public PinnedKey(String name, SignatureKind type, Fingerprint fingerprint, String file, List<PurlPattern> scopes,
                     LocalDate notBefore, LocalDate notAfter, PublicKeyInfo key, IdentityPin identity) {
        this(name, type, fingerprint, file, scopes, notBefore, notAfter, key, identity, null, null);
    }

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
                    + " characters on one line, got '" + Untrusted.printable(name) + "'");
        }
        if ((type == SignatureKind.SIGSTORE) != (identity != null)) {
            throw new IllegalArgumentException("an identity pin (and only one) has type sigstore and an identity");
        }
        if (identity != null && !identity.fingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException("identity pin '" + Untrusted.printable(name) + "' has fingerprint "
                    + fingerprint + ", but its identity's is " + identity.fingerprint());
        }
        TrustPaths.checkRelative(file);
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("key '" + Untrusted.printable(name) + "' has no scope: give at least one purl pattern it may"
                    + " sign for, like 'pkg:maven/org.example/*'");
        }
        scopes = List.copyOf(new TreeSet<>(scopes));
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("key '" + Untrusted.printable(name) + "' has notAfter " + notAfter + " before notBefore "
                    + notBefore);
        }
        if (rotation != null && (identity != null || rotation.from().equals(fingerprint))) {
            throw new IllegalArgumentException("key '" + Untrusted.printable(name) + "': a rotation is declared on a key"
                    + " pin, from another key");
        }
        if (!key.fingerprint().equals(fingerprint) || key.kind() != type) {
            throw new IllegalArgumentException("key '" + Untrusted.printable(name) + "': the key info is for " + key.kind() + " "
                    + key.fingerprint() + ", not " + type + " " + fingerprint);
        }
    }

    /** A key pin, as before identity pins existed. */
    public PinnedKey(String name, SignatureKind type, Fingerprint fingerprint, String file, List<PurlPattern> scopes,
                     LocalDate notBefore, LocalDate notAfter, PublicKeyInfo key) {
        this(name, type, fingerprint, file, scopes, notBefore, notAfter, key, null);
    }

    /** An identity pin verified through the trusted root at {@code trustedRoot} (relative to the trust directory). */
    public static PinnedKey identity(String name, IdentityPin identity, String trustedRoot, List<PurlPattern> scopes,
                                     LocalDate notBefore, LocalDate notAfter) {
        Objects.requireNonNull(identity, "identity");
        return new PinnedKey(name, SignatureKind.SIGSTORE, identity.fingerprint(), trustedRoot, scopes, notBefore,
                notAfter, identityInfo(identity), identity);
    }

    /** What {@code trust show} and reports say about an identity pin: its identity and issuer as user IDs. */
    static PublicKeyInfo identityInfo(IdentityPin identity) {
        return new PublicKeyInfo(SignatureKind.SIGSTORE, identity.fingerprint(),
                identity.pattern() ? "Sigstore identity pattern" : "Sigstore identity",
                List.of(identity.identity(), "OIDC issuer " + identity.issuer()), null, null, false, List.of());
    }

    /** The same pin with other scopes (a trust plan's {@code set-scopes}). */
    public PinnedKey withScopes(List<PurlPattern> newScopes) {
        return new PinnedKey(name, type, fingerprint, file, newScopes, notBefore, notAfter, key, identity, revoked, rotation);
    }

    /** This pin with a local revocation and a rotation (trust.json v2), each possibly null. */
    public PinnedKey withLifecycle(PinRevocation revoked, Rotation rotation) {
        return new PinnedKey(name, type, fingerprint, file, scopes, notBefore, notAfter, key, identity, revoked, rotation);
    }

    /**
     * Why a signature made at {@code signedAt} is void by revocation, or null when it is not: the trust store's local
     * revocation (docs/formats.md 2.2). The key file's own revocation is the verifier's matter.
     */
    public String revokedAt(java.time.Instant signedAt) {
        return revoked != null && revoked.voids(signedAt) ? "pin revoked in the trust store: " + revoked.describe() : null;
    }

    /** Whether this pins a Sigstore certificate identity rather than a key. */
    public boolean isIdentity() {
        return identity != null;
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

    /** {@code openpgp}, {@code keypair} or {@code sigstore}: the name used in {@code trust.json} and listings. */
    public String typeName() {
        return typeName(type);
    }

    static String typeName(SignatureKind kind) {
        switch (kind) {
            case OPENPGP:
                return "openpgp";
            case KEYPAIR:
                return "keypair";
            default:
                return "sigstore";
        }
    }
}
