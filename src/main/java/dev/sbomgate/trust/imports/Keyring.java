package dev.sbomgate.trust.imports;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.pgp.PgpKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key material of an import: an OpenPGP keyring, and how a foreign file's key reference (a fingerprint, a
 * subkey's fingerprint, a 16-hex long key ID) resolves to exactly one primary key in it. Subkeys resolve to their
 * primary everywhere (pgpverify and Gradle name signing subkeys; sbomgate pins primaries).
 */
public final class Keyring {

    private final PgpKeys keys;
    private final Map<Fingerprint, PublicKeyInfo> infos = new LinkedHashMap<>();
    private final Map<Fingerprint, List<Fingerprint>> subkeys;

    private Keyring(PgpKeys keys) {
        this.keys = keys;
        if (keys == null) {
            this.subkeys = Map.of();
            return;
        }
        keys.infos().forEach(i -> infos.put(i.fingerprint(), i));
        this.subkeys = keys.allSubkeys();
    }

    /** The keys of these key files (already bounded and parsed). */
    public static Keyring of(PgpKeys keys) {
        return new Keyring(keys);
    }

    /** No key material: every reference is refused. */
    public static Keyring none() {
        return new Keyring(null);
    }

    /** The primary keys, in file order. */
    public List<PublicKeyInfo> primaries() {
        return List.copyOf(infos.values());
    }

    public PublicKeyInfo info(Fingerprint primary) {
        return infos.get(primary);
    }

    public byte[] armoured(Fingerprint primary) {
        return keys.armoured(primary);
    }

    /** Every subkey fingerprint of this primary, bound or not. */
    public List<Fingerprint> subkeysOf(Fingerprint primary) {
        return subkeys.getOrDefault(primary, List.of());
    }

    /** Which primary a reference names, or why none can be chosen. */
    public record Resolution(Fingerprint primary, String error) {
    }

    /** Resolves a fingerprint (40 or 64 hex), a subkey fingerprint or a 16-hex long key ID; case and spaces ignored. */
    public Resolution resolve(String reference) {
        String hex = reference.replace(" ", "").toUpperCase(Locale.ROOT);
        if (hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (!hex.matches("[0-9A-F]{16}|[0-9A-F]{40}|[0-9A-F]{64}")) {
            return new Resolution(null, "'" + reference + "' is not a fingerprint (40 or 64 hex digits) or a long key ID"
                    + " (16 hex digits); short key IDs are never accepted");
        }
        if (keys == null) {
            return new Resolution(null, "no keyring holds key " + hex + "; give one with --keyring FILE");
        }
        List<Fingerprint> found = new ArrayList<>();
        for (Map.Entry<Fingerprint, List<Fingerprint>> entry : subkeys.entrySet()) {
            boolean match = names(entry.getKey(), hex);
            for (Fingerprint sub : entry.getValue()) {
                match |= names(sub, hex);
            }
            if (match) {
                found.add(entry.getKey());
            }
        }
        if (found.isEmpty()) {
            return new Resolution(null, "the keyring holds no key " + hex + " (neither a primary key nor a subkey)");
        }
        if (found.size() > 1) {
            return new Resolution(null, "key ID " + hex + " names " + found.size() + " primary keys of the keyring ("
                    + String.join(", ", found.stream().map(Fingerprint::hex).toList()) + "); name the key by its full"
                    + " fingerprint");
        }
        return new Resolution(found.get(0), null);
    }

    /** Whether this key is the one the hex names: its fingerprint, or its key ID (v4 low, v6 high 64 bits). */
    private static boolean names(Fingerprint key, String hex) {
        if (hex.length() != 16) {
            return key.hex().equals(hex);
        }
        return key.hex().length() == 40 ? key.hex().endsWith(hex) : key.hex().startsWith(hex);
    }
}
