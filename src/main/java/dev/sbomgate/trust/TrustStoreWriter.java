package dev.sbomgate.trust;

import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.trust.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds and removes pins (keys and Sigstore identities) and installs the Sigstore trusted root. Each change re-loads (and so re-checks) the store first, copies a new key file into
 * {@code keys/<FINGERPRINT>.<ext>}, and replaces {@code trust.json} atomically: a temporary file in the same
 * directory, written and fsynced, then renamed over the old index, so a reader sees the old or the new index and never
 * a torn one. Concurrent writers are not locked out: the last rename wins.
 */
public final class TrustStoreWriter {

    /** Where new key files go, relative to the trust directory. */
    static final String KEYS_DIR = "keys";

    /** Where {@link #setSigstoreRoot} puts the Sigstore trusted root, relative to the trust directory. */
    public static final String TRUSTED_ROOT_FILE = "sigstore/trusted_root.json";

    private final Path dir;

    public TrustStoreWriter(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * Pins the one key in {@code keyFileBytes} (read from {@code sourceName}) for these scopes and window, and returns
     * the pin. Refuses a file with no key or more than one primary key, a revoked key, and a fingerprint already pinned.
     */
    public PinnedKey add(byte[] keyFileBytes, String sourceName, String name, List<PurlPattern> scopes,
                         LocalDate notBefore, LocalDate notAfter) {
        TrustStore store = TrustStoreLoader.load(dir);
        PublicKeys.Format format = PublicKeys.detect(keyFileBytes, sourceName);
        List<PublicKeyInfo> inFile = PublicKeys.inspect(keyFileBytes, sourceName);
        if (inFile.size() != 1) {
            StringBuilder found = new StringBuilder();
            inFile.forEach(k -> found.append(found.length() == 0 ? "" : ", ").append(k.fingerprint()));
            throw new BadInputException(sourceName + ": holds " + inFile.size() + " primary keys (" + found
                    + "); pin one key per file: export it alone (gpg --armor --export FINGERPRINT, or one PEM block), or pin"
                    + " every key of it with 'sbomgate trust import FILE --scope PATTERN'");
        }
        PublicKeyInfo info = inFile.get(0);
        if (info.revoked()) {
            throw new BadInputException(sourceName + ": key " + info.fingerprint() + " carries a revocation; a revoked"
                    + " key cannot be pinned");
        }
        store.find(info.fingerprint()).ifPresent(existing -> {
            throw new BadInputException(sourceName + ": key " + info.fingerprint() + " is already pinned as '"
                    + existing.name() + "'; to change its scopes or window, 'sbomgate trust remove' it and add it again");
        });
        for (PinnedKey existing : store.keys()) {
            if (existing.key().subkeys().contains(info.fingerprint())) {
                throw new BadInputException(sourceName + ": key " + info.fingerprint() + " is a subkey of pinned key '"
                        + existing.name() + "' (" + existing.fingerprint() + ")");
            }
        }
        String file = KEYS_DIR + "/" + info.fingerprint().hex() + format.extension();
        PinnedKey pin;
        try {
            pin = new PinnedKey(name, info.kind(), info.fingerprint(), file, scopes, notBefore, notAfter, info);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<PinnedKey> keys = new ArrayList<>(store.keys());
        keys.add(pin);
        Map<String, byte[]> files = files(store);
        files.put(file, keyFileBytes.clone());
        TrustStore next = store.with(keys, files, store.sigstoreTrustedRootFile().orElse(null), store.registryKeys());
        try {
            Files.createDirectories(dir.resolve(KEYS_DIR));
            AtomicWrite.write(dir.resolve(file), keyFileBytes);
            AtomicWrite.write(dir.resolve(TrustIndex.FILE_NAME), next.canonicalIndex().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the trust store (" + e.getMessage() + ")");
        }
        TrustStoreLoader.load(dir);
        return pin;
    }

    /**
     * A key to pin in {@link #addAll}: one primary key alone in {@code keyFile} (written as {@code keys/FP.asc} or
     * whatever its format's extension is), named and scoped.
     */
    public record NewPin(String name, byte[] keyFile, String sourceName, List<PurlPattern> scopes) {
        public NewPin {
            keyFile = keyFile.clone();
            scopes = List.copyOf(scopes);
        }

        @Override
        public byte[] keyFile() {
            return keyFile.clone();
        }
    }

    /**
     * Pins every key of {@code pins} and ignores every key of {@code ignored} in ONE change (what {@code trust import}
     * writes): the store is re-loaded and the next one built and checked in full (a key both pinned and ignored, a key
     * pinned twice, a subkey of a pinned key, a revoked key are refused) before anything is written; then each new key
     * file is written atomically, and last the index, whose rename is the change: an interruption before it leaves
     * only unreferenced key files, which are ignored. With {@code write} false nothing is written (a dry run). Returns
     * the new pins.
     */
    public List<PinnedKey> addAll(List<NewPin> pins, List<IgnoredKey> ignored, boolean write) {
        TrustStore store = TrustStoreLoader.load(dir);
        List<PinnedKey> keys = new ArrayList<>(store.keys());
        Map<String, byte[]> files = files(store);
        List<PinnedKey> added = new ArrayList<>();
        for (NewPin newPin : pins) {
            List<PublicKeyInfo> inFile = PublicKeys.inspect(newPin.keyFile(), newPin.sourceName());
            if (inFile.size() != 1) {
                throw new BadInputException(newPin.sourceName() + ": holds " + inFile.size() + " primary keys; a key file"
                        + " holds one");
            }
            PublicKeyInfo info = inFile.get(0);
            if (info.revoked()) {
                throw new BadInputException(newPin.sourceName() + ": key " + info.fingerprint() + " carries a revocation;"
                        + " a revoked key cannot be pinned");
            }
            for (PinnedKey existing : keys) {
                if (existing.fingerprint().equals(info.fingerprint())) {
                    throw new BadInputException(newPin.sourceName() + ": key " + info.fingerprint() + " is already pinned"
                            + " as '" + existing.name() + "'");
                }
                if (existing.key().subkeys().contains(info.fingerprint()) || info.subkeys().contains(existing.fingerprint())) {
                    throw new BadInputException(newPin.sourceName() + ": key " + info.fingerprint() + " and pinned key '"
                            + existing.name() + "' (" + existing.fingerprint() + ") share a key");
                }
            }
            String file = KEYS_DIR + "/" + info.fingerprint().hex()
                    + PublicKeys.detect(newPin.keyFile(), newPin.sourceName()).extension();
            PinnedKey pin;
            try {
                pin = new PinnedKey(newPin.name(), info.kind(), info.fingerprint(), file, newPin.scopes(), null, null, info);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(newPin.sourceName() + ": " + e.getMessage());
            }
            keys.add(pin);
            added.add(pin);
            files.put(file, newPin.keyFile());
        }
        List<IgnoredKey> allIgnored = new ArrayList<>(store.ignoredKeys());
        for (IgnoredKey key : ignored) {
            if (allIgnored.stream().noneMatch(k -> k.id().equals(key.id()))) {
                allIgnored.add(key);
            }
        }
        TrustStore next;
        try {
            next = new TrustStore(keys, files, store.sigstoreTrustedRootFile().orElse(null), store.registryKeys(),
                    allIgnored);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(dir + ": " + e.getMessage());
        }
        if (!write) {
            return added;
        }
        try {
            Files.createDirectories(dir.resolve(KEYS_DIR));
            for (PinnedKey pin : added) {
                AtomicWrite.write(dir.resolve(pin.file()), files.get(pin.file()));
            }
            AtomicWrite.write(dir.resolve(TrustIndex.FILE_NAME), next.canonicalIndex().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the trust store (" + e.getMessage() + ")");
        }
        TrustStoreLoader.load(dir);
        return added;
    }

    /**
     * Removes the pin with this fingerprint and returns it. The index is replaced first, then the key file deleted
     * (unless another pin uses it), so an interruption leaves at worst an unreferenced file, which is ignored.
     */
    public PinnedKey remove(Fingerprint fingerprint) {
        TrustStore store = TrustStoreLoader.load(dir);
        if (store.find(fingerprint).isEmpty()) {
            RegistryKeyPins.remove(dir, store, fingerprint);
            return null;
        }
        PinnedKey pin = store.find(fingerprint).orElseThrow();
        List<PinnedKey> keys = new ArrayList<>(store.keys());
        keys.remove(pin);
        TrustStore next = store.with(keys, files(store), store.sigstoreTrustedRootFile().orElse(null), store.registryKeys());
        try {
            AtomicWrite.write(dir.resolve(TrustIndex.FILE_NAME), next.canonicalIndex().getBytes(StandardCharsets.UTF_8));
            // An identity pin's file is the trusted root, which stays (other bundles, key-signed ones too, need it).
            boolean shared = pin.isIdentity() || keys.stream().anyMatch(k -> k.file().equals(pin.file()));
            if (!shared) {
                Files.deleteIfExists(dir.resolve(pin.file()));
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the trust store (" + e.getMessage() + ")");
        }
        return pin;
    }

    /**
     * Pins a Sigstore certificate identity (exact or pattern, with its OIDC issuer) for these scopes and window, and
     * returns the pin. Refuses when the store has no trusted root to verify bundles with, and an identity already pinned.
     */
    public PinnedKey addIdentity(String name, IdentityPin identity, List<PurlPattern> scopes, LocalDate notBefore,
                                 LocalDate notAfter) {
        TrustStore store = TrustStoreLoader.load(dir);
        String root = store.sigstoreTrustedRootFile().orElseThrow(() -> new BadInputException(dir + ": holds no Sigstore"
                + " trusted root to verify bundles with; add one first: sbomgate trust sigstore-root trusted_root.json"));
        store.find(identity.fingerprint()).ifPresent(existing -> {
            throw new BadInputException(identity.describe() + " is already pinned as '" + existing.name() + "' ("
                    + existing.fingerprint() + "); to change its scopes or window, 'sbomgate trust remove' it and add it"
                    + " again");
        });
        PinnedKey pin;
        try {
            pin = PinnedKey.identity(name, identity, root, scopes, notBefore, notAfter);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<PinnedKey> keys = new ArrayList<>(store.keys());
        keys.add(pin);
        writeIndex(store.with(keys, files(store), root, store.registryKeys()));
        TrustStoreLoader.load(dir);
        return pin;
    }

    /**
     * Installs (or replaces) the Sigstore trusted root, copied byte for byte to {@link #TRUSTED_ROOT_FILE} after it
     * parses, and returns it parsed. Replacing it keeps every identity pin: they are verified through whatever root the
     * store holds.
     */
    public dev.sbomgate.signature.sigstore.TrustedRoot setSigstoreRoot(byte[] trustedRootBytes, String sourceName) {
        TrustStore store = TrustStoreLoader.load(dir);
        dev.sbomgate.signature.sigstore.TrustedRoot root = dev.sbomgate.signature.sigstore.TrustedRoot.parse(
                trustedRootBytes, sourceName);
        String file = store.sigstoreTrustedRootFile().orElse(TRUSTED_ROOT_FILE);
        if (store.keys().stream().anyMatch(k -> !k.isIdentity() && k.file().equals(file))) {
            throw new BadInputException(dir.resolve(file) + " is a key file; the trusted root needs a file of its own");
        }
        Map<String, byte[]> files = files(store);
        files.put(file, trustedRootBytes.clone());
        TrustStore next = store.with(store.keys(), files, file, store.registryKeys());
        try {
            Files.createDirectories(dir.resolve(file).getParent());
            AtomicWrite.write(dir.resolve(file), trustedRootBytes);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the trust store (" + e.getMessage() + ")");
        }
        writeIndex(next);
        TrustStoreLoader.load(dir);
        return root;
    }

    void writeIndex(TrustStore next) {
        try {
            AtomicWrite.write(dir.resolve(TrustIndex.FILE_NAME), next.canonicalIndex().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the trust store (" + e.getMessage() + ")");
        }
    }

    static Map<String, byte[]> files(TrustStore store) {
        Map<String, byte[]> files = new HashMap<>();
        for (PinnedKey key : store.keys()) {
            files.put(key.file(), store.keyFile(key));
        }
        store.sigstoreTrustedRootFile().ifPresent(root -> files.put(root, store.sigstoreTrustedRoot().orElseThrow()));
        return files;
    }
}
