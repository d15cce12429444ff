package dev.sbomgate.trust;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trust add-registry-keys} and the removal of a registry key pin: every change re-loads (re-checks) the store
 * and replaces {@code trust.json} atomically through {@link TrustStoreWriter}.
 */
public final class RegistryKeyPins {

    private RegistryKeyPins() {
    }

    /**
     * Pins every key of a registry's keys document ({@code GET {registry}/-/npm/v1/keys}) for this registry and these
     * scopes, one pin per key, named {@code NAME (keyid)}; returns the new pins. Refuses a key already pinned.
     */
    public static List<RegistryKeyPin> add(Path dir, byte[] keysDocument, String source, String registry, String name,
                                           List<PurlPattern> scopes, LocalDate notBefore, LocalDate notAfter) {
        TrustStore store = TrustStoreLoader.load(dir);
        List<RegistryKeyPin> added = new ArrayList<>();
        for (RegistryKeys.DocumentKey key : RegistryKeys.readDocument(keysDocument, source)) {
            RegistryKeyPin pin;
            try {
                pin = new RegistryKeyPin(name + " (" + key.keyid() + ")", registry, key.keyid(), key.key(), key.expires(),
                        scopes, notBefore, notAfter);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source + ": " + e.getMessage());
            }
            if (store.find(pin.fingerprint()).isPresent()
                    || store.registryKeys().stream().anyMatch(p -> p.fingerprint().equals(pin.fingerprint()))) {
                throw new BadInputException(source + ": key " + key.keyid() + " (" + pin.fingerprint() + ") is already"
                        + " pinned; 'sbomgate trust remove' it first to change its registry or scopes");
            }
            added.add(pin);
        }
        List<RegistryKeyPin> all = new ArrayList<>(store.registryKeys());
        all.addAll(added);
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new BadInputException(dir + ": cannot create the trust directory (" + e.getMessage() + ")");
        }
        new TrustStoreWriter(dir).writeIndex(store.with(store.keys(), TrustStoreWriter.files(store),
                store.sigstoreTrustedRootFile().orElse(null), all));
        TrustStoreLoader.load(dir);
        return added;
    }

    static void remove(Path dir, TrustStore store, Fingerprint fingerprint) {
        List<RegistryKeyPin> rest = new ArrayList<>(store.registryKeys());
        if (!rest.removeIf(p -> p.fingerprint().equals(fingerprint))) {
            throw new BadInputException(dir + ": no key with fingerprint " + fingerprint + " is pinned; 'sbomgate trust"
                    + " list' shows the pinned fingerprints");
        }
        new TrustStoreWriter(dir).writeIndex(store.with(store.keys(), TrustStoreWriter.files(store),
                store.sigstoreTrustedRootFile().orElse(null), rest));
    }
}
