package dev.sbomgate.trust.imports;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.trust.PurlPattern;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One key pin an import proposes: the primary key (with what its file says about it), the scopes every entry naming
 * it gave, its armoured key material (the key alone, for {@code keys/FP.asc}) and the source lines it came from.
 *
 * @param info     the primary key as the keyring holds it
 * @param scopes   sorted, without duplicates, at least one
 * @param keyFile  the key alone, ASCII-armoured
 * @param lines    the source lines that named it (empty for a keyring)
 * @param viaIds   how the source named it when not by its primary fingerprint (a key ID, a subkey), for display
 */
public record ImportedPin(PublicKeyInfo info, List<PurlPattern> scopes, byte[] keyFile, List<Integer> lines,
                          List<String> viaIds) {

    public ImportedPin {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(keyFile, "keyFile");
        scopes = List.copyOf(new TreeSet<>(scopes));
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a pin needs a scope");
        }
        keyFile = keyFile.clone();
        lines = List.copyOf(new TreeSet<>(lines));
        viaIds = List.copyOf(new TreeSet<>(viaIds));
    }

    public Fingerprint fingerprint() {
        return info.fingerprint();
    }

    @Override
    public byte[] keyFile() {
        return keyFile.clone();
    }

    /** The pin's name: the key's first user ID, or "key KEYID" when it has none (Gradle-minimised keys). */
    public String name() {
        for (String uid : info.userIds()) {
            String stripped = uid.strip();
            if (!stripped.isEmpty() && stripped.chars().noneMatch(Character::isISOControl)) {
                return stripped.length() <= 200 ? stripped : stripped.substring(0, 200);
            }
        }
        return "key " + info.fingerprint().shortId();
    }
}
