package dev.sbomgate.trust;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.npm.RegistryKey;
import dev.sbomgate.text.Untrusted;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A registry key pin (trust.json v2 {@code registryKeys[]}, docs/formats.md 2.3): one key of an npm registry's keys
 * document, trusted for registry signatures of the purls in its scopes, of version documents fetched from its
 * registry. Its fingerprint is SHA-256 of the DER key (like a key-pair pin), so baselines and reports name it alike.
 *
 * @param name      human name, one line
 * @param registry  the registry base URL, {@code https://…} without trailing {@code /}, host lower-cased
 * @param keyid     as the registry names the key ({@code SHA256:…}); matched exactly against signatures
 * @param key       the public key (ECDSA P-256 only), as base64 DER SubjectPublicKeyInfo in the index
 * @param expires   the registry's {@code expires}, or null
 * @param scopes    purl patterns, at least one
 * @param notBefore first UTC day, or null
 * @param notAfter  last UTC day, or null
 * @param revoked   the local revocation (trust.json v2 {@code revoked}, docs/formats.md 2.2), or null
 */
public record RegistryKeyPin(String name, String registry, String keyid, byte[] key, Instant expires,
                             List<PurlPattern> scopes, LocalDate notBefore, LocalDate notAfter, PinRevocation revoked) {

    /** Without a local revocation. */
    public RegistryKeyPin(String name, String registry, String keyid, byte[] key, Instant expires,
                          List<PurlPattern> scopes, LocalDate notBefore, LocalDate notAfter) {
        this(name, registry, keyid, key, expires, scopes, notBefore, notAfter, null);
    }

    static final String KEYTYPE = "ecdsa-sha2-nistp256";

    public RegistryKeyPin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyid, "keyid");
        Objects.requireNonNull(key, "key");
        name = name.strip();
        if (name.isEmpty() || name.length() > PinnedKey.MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a pin name is 1 to " + PinnedKey.MAX_NAME_LENGTH + " characters on one"
                    + " line, got '" + Untrusted.printable(name) + "'");
        }
        registry = normaliseRegistry(registry);
        if (keyid.isBlank() || keyid.length() > 200 || keyid.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("keyid '" + Untrusted.printable(keyid) + "' is not a registry key id");
        }
        key = key.clone();
        publicKey(key);
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("registry key '" + Untrusted.printable(name) + "' has no scope: give at"
                    + " least one purl pattern, like 'pkg:npm/*'");
        }
        scopes = List.copyOf(new TreeSet<>(scopes));
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("registry key '" + Untrusted.printable(name) + "' has notAfter " + notAfter
                    + " before notBefore " + notBefore);
        }
    }

    /** {@code https://host[:port][/path]} with the host lower-cased and no trailing {@code /}; refuses anything else. */
    public static String normaliseRegistry(String registry) {
        Objects.requireNonNull(registry, "registry");
        String r = registry.strip();
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        if (!r.startsWith("https://") || r.length() == "https://".length() || r.contains("?") || r.contains("#")
                || r.contains("@") || r.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("registry must be an https:// base URL without credentials, query or"
                    + " fragment, like https://registry.npmjs.org; got '" + Untrusted.printable(registry) + "'");
        }
        int slash = r.indexOf('/', "https://".length());
        String host = slash < 0 ? r.substring(8) : r.substring(8, slash);
        return "https://" + host.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : r.substring(slash));
    }

    /** The DER key parsed, and checked to be a P-256 public key. */
    static PublicKey publicKey(byte[] der) {
        try {
            PublicKey parsed = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(parsed instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("not a P-256 key");
            }
            return parsed;
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not a DER ECDSA P-256 public key (" + KEYTYPE + ")");
        }
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** SHA-256 of the DER key, as for a key-pair pin. */
    public Fingerprint fingerprint() {
        try {
            return Fingerprint.of(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The key as the verifier takes it. */
    public RegistryKey registryKey() {
        return new RegistryKey(keyid, fingerprint(), publicKey(key), key, expires);
    }

    public String keyBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    public boolean covers(Purl purl) {
        return scopes.stream().anyMatch(s -> s.matches(purl));
    }

    public boolean isValidAt(Instant instant) {
        if (notBefore != null && instant.isBefore(notBefore.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return false;
        }
        return notAfter == null || instant.isBefore(notAfter.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** This pin with a local revocation (or none). */
    public RegistryKeyPin withRevoked(PinRevocation revocation) {
        return new RegistryKeyPin(name, registry, keyid, key, expires, scopes, notBefore, notAfter, revocation);
    }

    /** Why a signature made at {@code signedAt} is void by the local revocation, or null when it is not. */
    public String revokedAt(Instant signedAt) {
        return revoked != null && revoked.voids(signedAt) ? "pin revoked in the trust store: " + revoked.describe() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryKeyPin p && name.equals(p.name) && registry.equals(p.registry) && keyid.equals(p.keyid)
                && java.util.Arrays.equals(key, p.key) && Objects.equals(expires, p.expires) && scopes.equals(p.scopes)
                && Objects.equals(notBefore, p.notBefore) && Objects.equals(notAfter, p.notAfter)
                && Objects.equals(revoked, p.revoked);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, registry, keyid, java.util.Arrays.hashCode(key), expires, scopes, notBefore, notAfter,
                revoked);
    }
}
