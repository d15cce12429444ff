package dev.sbomgate.baseline;

import dev.sbomgate.model.Fingerprint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The pinned set at approval (docs/formats.md §1.5): every pin of the trust store as it was, so that
 * TRUST_STORE_CHANGED can say what changed, not only that the store's digest did.
 *
 * @param pins        every pin, sorted by fingerprint, each fingerprint once; at most {@link #MAX_PINS}
 * @param ignoredKeys keys whose signatures the store ignores (trust.json v2), sorted by id
 * @param trustedRoot SHA-256 of the Sigstore trusted root, or null when the store had none
 */
public record ApprovedTrust(List<Pin> pins, List<IgnoredKey> ignoredKeys, String trustedRoot) {

    /** At most this many pins are read from a baseline (trust.json v2's bound, docs/limits.md). */
    public static final int MAX_PINS = 10_000;

    public ApprovedTrust {
        pins = List.copyOf(pins == null ? List.of() : pins);
        ignoredKeys = List.copyOf(ignoredKeys == null ? List.of() : ignoredKeys);
        if (pins.size() > MAX_PINS) {
            throw new IllegalArgumentException("at most " + MAX_PINS + " pins are recorded, found " + pins.size());
        }
        for (int i = 1; i < pins.size(); i++) {
            int order = pins.get(i - 1).fingerprint().compareTo(pins.get(i).fingerprint());
            if (order >= 0) {
                throw new IllegalArgumentException(order == 0 ? "pin " + pins.get(i).fingerprint() + " is recorded twice"
                        : "pins are not sorted by fingerprint: " + pins.get(i).fingerprint() + " after "
                        + pins.get(i - 1).fingerprint());
            }
        }
        for (int i = 1; i < ignoredKeys.size(); i++) {
            if (ignoredKeys.get(i - 1).id().compareTo(ignoredKeys.get(i).id()) >= 0) {
                throw new IllegalArgumentException("ignoredKeys are not sorted by id, or one is recorded twice: "
                        + ignoredKeys.get(i).id());
            }
        }
        if (trustedRoot != null && !EvidenceCheck.SHA256_HEX.matcher(trustedRoot).matches()) {
            throw new IllegalArgumentException("trustedRoot is a SHA-256, 64 lower-case hex digits, got '" + trustedRoot + "'");
        }
    }

    /**
     * The pinned set of a loaded trust store, as an approval records it (docs/formats.md §1.5): key, identity and
     * registry key pins alike.
     */
    public static ApprovedTrust of(dev.sbomgate.trust.TrustStore store) {
        List<Pin> pins = new ArrayList<>();
        for (dev.sbomgate.trust.PinnedKey key : store.keys()) {
            PinType type = switch (key.type()) {
                case OPENPGP -> PinType.OPENPGP;
                case KEYPAIR -> PinType.KEYPAIR;
                case SIGSTORE -> PinType.IDENTITY;
                // a key pin's type is one of the three above (trust.json "type"); the other kinds are evidence kinds
                default -> throw new IllegalStateException("a key pin of evidence kind " + key.type());
            };
            String material;
            if (key.isIdentity()) {
                // The canonical identity text: what the pin matches, framed so no two pins share it.
                String text = "sbomgate identity pin\n" + key.identity().issuer() + "\n"
                        + (key.identity().pattern() ? "~" : "=") + key.identity().identity() + "\n";
                material = dev.sbomgate.signature.SignatureCheck.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                material = dev.sbomgate.signature.SignatureCheck.sha256(store.keyFile(key));
            }
            List<String> scopes = key.scopes().stream().map(Object::toString).distinct().sorted().toList();
            Revocation revoked = revocation(key);
            List<Fingerprint> signingKeys = key.type() == dev.sbomgate.signature.SignatureKind.OPENPGP
                    ? key.key().subkeys() : List.of();
            pins.add(new Pin(key.fingerprint(), type, key.name(), scopes, key.notBefore(), key.notAfter(),
                    key.key().expires(), signingKeys, revoked, material));
        }
        for (dev.sbomgate.trust.RegistryKeyPin registry : store.registryKeys()) {
            // trust.json v2 registryKeys (docs/formats.md 2.3): the material is the DER key, the expiry the registry's.
            List<String> scopes = registry.scopes().stream().map(Object::toString).distinct().sorted().toList();
            pins.add(new Pin(registry.fingerprint(), PinType.REGISTRY, registry.name(), scopes, registry.notBefore(),
                    registry.notAfter(), registry.expires(), List.of(), registry.revoked() == null ? null
                    : new Revocation(registry.revoked().date(), RevocationReason.valueOf(registry.revoked().reason().name())),
                    dev.sbomgate.signature.SignatureCheck.sha256(registry.key())));
        }
        String root = store.sigstoreTrustedRoot().map(dev.sbomgate.signature.SignatureCheck::sha256).orElse(null);
        return of(pins, List.of(), root);
    }

    /**
     * A pin's revocation as recorded (docs/formats.md §1.5): the trust store's own (trust.json v2 {@code revoked})
     * first, else the key file's, its reason mapped (RFC 9580: no reason is a hard revocation, so compromised) and
     * dated by the revocation signature's UTC day.
     */
    private static Revocation revocation(dev.sbomgate.trust.PinnedKey key) {
        if (key.revoked() != null) {
            return new Revocation(key.revoked().date(), RevocationReason.valueOf(key.revoked().reason().name()));
        }
        dev.sbomgate.signature.PublicKeyInfo.Revocation own = key.key().revocation();
        if (own == null) {
            return null;
        }
        return new Revocation(own.created() == null ? null : LocalDate.ofInstant(own.created(), java.time.ZoneOffset.UTC),
                RevocationReason.valueOf(own.reason().name()));
    }

    /** The set of these pins in any order: sorted here. */
    public static ApprovedTrust of(List<Pin> pins, List<IgnoredKey> ignoredKeys, String trustedRoot) {
        List<Pin> sortedPins = new ArrayList<>(pins);
        sortedPins.sort(Comparator.comparing(Pin::fingerprint));
        List<IgnoredKey> sortedIgnored = new ArrayList<>(ignoredKeys);
        sortedIgnored.sort(Comparator.comparing(IgnoredKey::id));
        return new ApprovedTrust(sortedPins, sortedIgnored, trustedRoot);
    }

    /** The pin with this fingerprint, or null. */
    public Pin pin(Fingerprint fingerprint) {
        for (Pin pin : pins) {
            if (pin.fingerprint().equals(fingerprint)) {
                return pin;
            }
        }
        return null;
    }

    /** What kind of pin: a {@code keys} pin's type, {@code identity} for identities, {@code registry} for registry keys. */
    public enum PinType {
        OPENPGP, KEYPAIR, IDENTITY, REGISTRY;

        /** As written: lower case. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static PinType parse(String text) {
            for (PinType type : values()) {
                if (type.text().equals(text)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("expected one of openpgp, keypair, identity, registry");
        }
    }

    /** Why a pin was revoked (trust.json v2 {@code revoked.reason}). */
    public enum RevocationReason {
        COMPROMISED, SUPERSEDED, RETIRED;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static RevocationReason parse(String text) {
            for (RevocationReason reason : values()) {
                if (reason.text().equals(text)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("expected one of compromised, superseded, retired");
        }
    }

    /**
     * A revocation of a pin.
     *
     * @param date   the day it takes effect, or null when the revocation names none sbomgate reads (a key file's own
     *               revocation, read today only as "revoked")
     * @param reason why
     */
    public record Revocation(LocalDate date, RevocationReason reason) {
        public Revocation {
            Objects.requireNonNull(reason, "a revocation names its reason");
        }
    }

    /**
     * A key whose signatures are treated as absent (trust.json v2 {@code ignoredKeys}).
     *
     * @param id     full fingerprint or 16-hex long key id, upper case
     * @param reason why, one line
     */
    public record IgnoredKey(String id, String reason) {
        public IgnoredKey {
            if (id == null || !id.matches("[0-9A-F]{16}|[0-9A-F]{40}|[0-9A-F]{64}")) {
                throw new IllegalArgumentException("an ignored key's id is 16, 40 or 64 upper-case hex digits, got "
                        + (id == null ? "none" : "'" + id + "'"));
            }
            Objects.requireNonNull(reason, "an ignored key names its reason");
        }
    }

    /**
     * One pin as it was at approval.
     *
     * @param fingerprint the pin
     * @param type        what kind of pin
     * @param name        shown in reports; never compared
     * @param scopes      the canonical scope texts, sorted, each once, at least one
     * @param notBefore   the window's first day, or null
     * @param notAfter    the window's last day, or null
     * @param expires     key expiry, or null for none
     * @param signingKeys fingerprints of the signing-capable subkeys (OpenPGP), sorted; else empty
     * @param revoked     the revocation, or null
     * @param material    SHA-256 of the key file bytes, of the canonical identity text, or of the DER key
     */
    public record Pin(Fingerprint fingerprint, PinType type, String name, List<String> scopes, LocalDate notBefore,
                      LocalDate notAfter, Instant expires, List<Fingerprint> signingKeys, Revocation revoked,
                      String material) {
        public Pin {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            scopes = List.copyOf(scopes == null ? List.of() : scopes);
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("pin " + fingerprint + " has no scope");
            }
            for (int i = 1; i < scopes.size(); i++) {
                if (scopes.get(i - 1).compareTo(scopes.get(i)) >= 0) {
                    throw new IllegalArgumentException("pin " + fingerprint + ": scopes are not sorted, or one is listed twice: '"
                            + scopes.get(i) + "'");
                }
            }
            signingKeys = List.copyOf(new java.util.TreeSet<>(signingKeys == null ? List.of() : signingKeys));
            if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
                throw new IllegalArgumentException("pin " + fingerprint + " has notAfter " + notAfter + " before notBefore "
                        + notBefore);
            }
            if (material == null || !EvidenceCheck.SHA256_HEX.matcher(material).matches()) {
                throw new IllegalArgumentException("pin " + fingerprint + ": material is a SHA-256, 64 lower-case hex digits");
            }
        }

        /** Whether this pin's key or one of its signing subkeys has this fingerprint. */
        public boolean signsWith(Fingerprint key) {
            return fingerprint.equals(key) || signingKeys.contains(key);
        }
    }
}
