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
        return add(keyFileBytes, sourceName, name, scopes, notBefore, notAfter, null);
    }

    /**
     * As {@link #add(byte[], String, String, List, LocalDate, LocalDate)}, recording that the key succeeds the pinned
     * OpenPGP key {@code succeeds} (trust.json v2 {@code rotation}, docs/formats.md 2.2) when that is not null; the
     * proof is read from the key material, and a rotation it does not prove is refused.
     */
    public PinnedKey add(byte[] keyFileBytes, String sourceName, String name, List<PurlPattern> scopes,
                         LocalDate notBefore, LocalDate notAfter, Fingerprint succeeds) {
        TrustStore store = TrustStoreLoader.load(dir);
        NewKey key = new NewKey(keyFileBytes, sourceName, name, scopes, notBefore, notAfter);
        PinnedKey pin = prepare(store, List.of(), key);
        if (succeeds != null) {
            pin = withRotation(store, pin, keyFileBytes, sourceName, succeeds);
        }
        write(store, List.of(pin), List.of(key), Map.of());
        return pin;
    }

    /** The pin with the rotation from {@code succeeds} that the key files prove; refused when they do not. */
    private static PinnedKey withRotation(TrustStore store, PinnedKey pin, byte[] keyFileBytes, String sourceName,
                                          Fingerprint succeeds) {
        if (store.find(succeeds).filter(k -> k.type() == dev.sbomgate.signature.SignatureKind.OPENPGP).isEmpty()) {
            throw new BadInputException("--succeeds " + succeeds + ": not a pinned OpenPGP key; a rotation is proved"
                    + " by the predecessor's material, so it must stay pinned");
        }
        List<PinnedKey> keys = new ArrayList<>(store.keys());
        keys.add(pin);
        Map<String, byte[]> files = files(store);
        files.put(pin.file(), keyFileBytes.clone());
        TrustStore next;
        try {
            next = store.with(keys, files, store.sigstoreTrustedRootFile().orElse(null), store.registryKeys());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        Fingerprint successor = pin.fingerprint();
        Rotation.Proof proof = next.rotationProof(succeeds, successor).orElseThrow(() -> new BadInputException(
                sourceName + ": nothing in the key files proves that " + successor + " succeeds " + succeeds
                        + " (no certification by the old key over this key's user IDs, no 'superseded' revocation"
                        + " of the old key naming it)"));
        return pin.withLifecycle(null, new Rotation(succeeds, proof));
    }

    /**
     * A key to pin in a batch ({@link #apply}): its file's bytes, where they came from, and the pin's fields.
     *
     * @param keyFileBytes the key file, exactly one primary key
     * @param sourceName   names it in errors
     * @param name         the pin's human name
     * @param scopes       the pin's scopes
     * @param notBefore    the window's first day, or null
     * @param notAfter     the window's last day, or null
     */
    public record NewKey(byte[] keyFileBytes, String sourceName, String name, List<PurlPattern> scopes,
                         LocalDate notBefore, LocalDate notAfter) {
        public NewKey {
            Objects.requireNonNull(keyFileBytes, "keyFileBytes");
            Objects.requireNonNull(sourceName, "sourceName");
            keyFileBytes = keyFileBytes.clone();
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * Pins every new key and replaces the scopes of pins already there, in one change (a trust plan, docs/formats.md
     * §2.9): the store must still have {@code expectedDigest} (else nothing is written), each key is refused as
     * {@link #add} refuses it, and every new key file is written before the index is replaced once, so a reader sees
     * the old store or the whole new one. Returns the new pins and the re-scoped ones.
     */
    public List<PinnedKey> apply(dev.sbomgate.model.Digest expectedDigest, List<NewKey> newKeys,
                                 Map<Fingerprint, List<PurlPattern>> newScopes) {
        TrustStore store = TrustStoreLoader.load(dir);
        if (expectedDigest != null && !store.digest().equals(expectedDigest)) {
            throw new BadInputException(dir + ": the trust store changed since the plan was made (plan: " + expectedDigest
                    + ", store: " + store.digest() + "); make the plan again with 'sbomgate trust suggest --write'");
        }
        List<PinnedKey> added = new ArrayList<>();
        for (NewKey key : newKeys) {
            added.add(prepare(store, added, key));
        }
        write(store, added, newKeys, newScopes);
        List<PinnedKey> changed = new ArrayList<>(added);
        TrustStore now = TrustStoreLoader.load(dir);
        newScopes.keySet().forEach(fp -> changed.add(now.find(fp).orElseThrow()));
        return changed;
    }

    /** Checks one new key against the store and the keys added before it in the batch, and returns its pin. */
    private PinnedKey prepare(TrustStore store, List<PinnedKey> batch, NewKey key) {
        String sourceName = key.sourceName();
        byte[] keyFileBytes = key.keyFileBytes();
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
        List<PinnedKey> existing = new ArrayList<>(store.keys());
        existing.addAll(batch);
        for (PinnedKey pinned : existing) {
            if (pinned.fingerprint().equals(info.fingerprint())) {
                throw new BadInputException(sourceName + ": key " + info.fingerprint() + " is already pinned as '"
                        + pinned.name() + "'; to change its scopes or window, 'sbomgate trust remove' it and add it again");
            }
            if (pinned.key().subkeys().contains(info.fingerprint())) {
                throw new BadInputException(sourceName + ": key " + info.fingerprint() + " is a subkey of pinned key '"
                        + pinned.name() + "' (" + pinned.fingerprint() + ")");
            }
        }
        String file = KEYS_DIR + "/" + info.fingerprint().hex() + format.extension();
        try {
            return new PinnedKey(key.name(), info.kind(), info.fingerprint(), file, key.scopes(), key.notBefore(),
                    key.notAfter(), info);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** Writes the new key files, then the index once; re-loads (and so re-checks) the result. */
    private void write(TrustStore store, List<PinnedKey> added, List<NewKey> newKeys, Map<Fingerprint, List<PurlPattern>> newScopes) {
        List<PinnedKey> keys = new ArrayList<>();
        for (PinnedKey pin : store.keys()) {
            List<PurlPattern> scopes = newScopes.get(pin.fingerprint());
            try {
                keys.add(scopes == null ? pin : pin.withScopes(scopes));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        for (Fingerprint fingerprint : newScopes.keySet()) {
            if (store.find(fingerprint).isEmpty()) {
                throw new BadInputException(dir + ": no pin with fingerprint " + fingerprint + " to set the scopes of");
            }
        }
        keys.addAll(added);
        Map<String, byte[]> files = files(store);
        for (int i = 0; i < added.size(); i++) {
            files.put(added.get(i).file(), newKeys.get(i).keyFileBytes());
        }
        TrustStore next;
        try {
            next = store.with(keys, files, store.sigstoreTrustedRootFile().orElse(null), store.registryKeys());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(dir + ": " + e.getMessage());
        }
        try {
            if (!added.isEmpty()) {
                Files.createDirectories(dir.resolve(KEYS_DIR));
            }
            for (int i = 0; i < added.size(); i++) {
                AtomicWrite.write(dir.resolve(added.get(i).file()), newKeys.get(i).keyFileBytes());
            }
            AtomicWrite.write(dir.resolve(TrustIndex.FILE_NAME), next.canonicalIndex().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the trust store (" + e.getMessage() + ")");
        }
        TrustStoreLoader.load(dir);
    }

    /**
     * The result of {@link #refresh}: the pin's key as it was and as it is now, and whether anything changed.
     *
     * @param before  the pinned key before
     * @param after   the key with the new material merged in
     * @param changed whether the key file's bytes changed (and were written)
     */
    public record Refresh(PinnedKey before, PublicKeyInfo after, boolean changed) {
    }

    /**
     * Merges new material for a pinned OpenPGP key (a revocation, a new expiry, a new subkey, new user IDs) into its
     * key file, atomically. OpenPGP packets are additive (RFC 9580 section 10.1), so the file is the union of the
     * pinned copy and the new one: a refresh can add a revocation, never drop one. Refuses a file that holds another
     * key than a pinned one, more than one key, or a key-pair key (which has no material to add).
     */
    public Refresh refresh(byte[] keyFileBytes, String sourceName) {
        TrustStore store = TrustStoreLoader.load(dir);
        List<PublicKeyInfo> inFile = PublicKeys.inspect(keyFileBytes, sourceName);
        if (inFile.size() != 1) {
            throw new BadInputException(sourceName + ": holds " + inFile.size() + " primary keys; refresh takes a file"
                    + " with the one pinned key (gpg --armor --export FINGERPRINT)");
        }
        PublicKeyInfo info = inFile.get(0);
        PinnedKey pin = store.find(info.fingerprint()).orElse(null);
        if (pin == null) {
            String subkeyOf = store.keys().stream().filter(k -> k.key().subkeys().contains(info.fingerprint()))
                    .map(k -> "; it is a subkey of pinned key '" + k.name() + "' (" + k.fingerprint() + ")")
                    .findFirst().orElse("");
            throw new BadInputException(sourceName + ": key " + info.fingerprint() + " is not pinned in " + dir + subkeyOf
                    + "; refresh only adds material to a pinned key (a new key is pinned with 'sbomgate trust add', after"
                    + " review)");
        }
        if (pin.type() != dev.sbomgate.signature.SignatureKind.OPENPGP) {
            throw new BadInputException(sourceName + ": key " + info.fingerprint() + " is a " + pin.typeName()
                    + " key; only OpenPGP keys carry revocations, expiry and subkeys to refresh");
        }
        if (store.keys().stream().anyMatch(k -> k != pin && k.file().equals(pin.file()))) {
            throw new BadInputException(dir.resolve(pin.file()) + ": holds other pinned keys too; refresh needs the key"
                    + " in a file of its own");
        }
        byte[] old = store.keyFile(pin);
        boolean armoured = PublicKeys.detect(old, pin.file()) == PublicKeys.Format.OPENPGP_ARMOURED;
        dev.sbomgate.signature.pgp.PgpKeys merged = dev.sbomgate.signature.pgp.PgpKeys.union(List.of(
                dev.sbomgate.signature.pgp.PgpKeys.parse(old, dir.resolve(pin.file()).toString()),
                dev.sbomgate.signature.pgp.PgpKeys.parse(keyFileBytes, sourceName)));
        byte[] bytes = merged.export(pin.fingerprint(), armoured);
        PublicKeyInfo after = merged.infos().get(0);
        boolean changed = !after.equals(pin.key());
        if (!changed) {
            return new Refresh(pin, after, false);
        }
        Map<String, byte[]> files = files(store);
        files.put(pin.file(), bytes);
        try {
            store.with(store.keys(), files, store.sigstoreTrustedRootFile().orElse(null), store.registryKeys());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(dir + ": " + e.getMessage());
        }
        try {
            AtomicWrite.write(dir.resolve(pin.file()), bytes);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the trust store (" + e.getMessage() + ")");
        }
        TrustStoreLoader.load(dir);
        return new Refresh(pin, after, true);
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

    /**
     * Records a local revocation of a key or identity pin (trust.json v2 {@code revoked}, docs/formats.md 2.2) and
     * returns the pin as it is now (null for a registry key pin, revoked alike); the index becomes version 2. A later
     * revocation replaces an earlier one.
     */
    public PinnedKey revoke(Fingerprint fingerprint, PinRevocation revocation) {
        Objects.requireNonNull(revocation, "revocation");
        TrustStore store = TrustStoreLoader.load(dir);
        RegistryKeyPin registry = store.registryKeys().stream().filter(p -> p.fingerprint().equals(fingerprint))
                .findFirst().orElse(null);
        if (registry != null) {
            List<RegistryKeyPin> registryKeys = new ArrayList<>(store.registryKeys());
            registryKeys.set(registryKeys.indexOf(registry), registry.withRevoked(revocation));
            writeIndex(store.with(store.keys(), files(store), store.sigstoreTrustedRootFile().orElse(null), registryKeys));
            TrustStoreLoader.load(dir);
            return null;
        }
        PinnedKey pin = store.find(fingerprint).orElseThrow(() -> new BadInputException(dir + ": " + fingerprint
                + " is not pinned"));
        PinnedKey revoked = pin.withLifecycle(revocation, pin.rotation());
        List<PinnedKey> keys = new ArrayList<>(store.keys());
        keys.set(keys.indexOf(pin), revoked);
        writeIndex(store.with(keys, files(store), store.sigstoreTrustedRootFile().orElse(null), store.registryKeys()));
        TrustStoreLoader.load(dir);
        return revoked;
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
