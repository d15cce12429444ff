package dev.sbomgate.trust;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.pgp.PgpKeys;
import dev.sbomgate.signature.sigstore.TrustedRoot;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.trust.PublicKeys;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads and checks a trust directory. Every key file is read and its fingerprints computed; the store loads only
 * when each pin's fingerprint is in its file, of its type, and each file holds no key that is not pinned. The Sigstore
 * trusted root, when the index names one, is read and parsed in full; identity pins need it. A missing directory (or
 * an empty one) is an empty store, not an error: every signature is then {@code UNKNOWN_KEY}.
 */
public final class TrustStoreLoader {

    /** Where the trust store lives unless {@code --trust} says otherwise. */
    public static final Path DEFAULT_DIR = Path.of(".sbomgate", "trust");

    private TrustStoreLoader() {
    }

    /** Loads the store in {@code dir}; throws {@link BadInputException} with a one-line reason when it is not sound. */
    public static TrustStore load(Path dir) {
        if (!Files.exists(dir)) {
            return TrustStore.empty();
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": the trust store must be a directory holding " + TrustIndex.FILE_NAME);
        }
        Path indexFile = dir.resolve(TrustIndex.FILE_NAME);
        if (!Files.exists(indexFile)) {
            if (isEmptyDirectory(dir)) {
                return TrustStore.empty();
            }
            throw new BadInputException(dir + ": trust directory has files but no " + TrustIndex.FILE_NAME
                    + "; pin keys with 'sbomgate trust add KEYFILE --name N --scope PATTERN'");
        }
        String indexName = indexFile.toString();
        if (!Files.isRegularFile(indexFile)) {
            throw new BadInputException(indexName + ": is not a regular file");
        }
        TrustIndex.Index index = TrustIndex.read(readBounded(indexFile, Limits.TRUST_INDEX, indexName), indexName);
        List<TrustIndex.Entry> entries = index.keys();

        Map<Fingerprint, TrustIndex.Entry> seen = new HashMap<>();
        Map<String, byte[]> fileBytes = new LinkedHashMap<>();
        Map<String, List<PublicKeyInfo>> fileKeys = new HashMap<>();
        Map<String, PgpKeys> parsedOpenPgp = new HashMap<>();
        Map<String, Set<Fingerprint>> pinnedPerFile = new HashMap<>();
        List<PinnedKey> keys = new ArrayList<>();
        for (TrustIndex.Entry entry : entries) {
            String where = indexName + ": key '" + Untrusted.printable(entry.name()) + "' (" + entry.file() + ")";
            TrustIndex.Entry previous = seen.put(entry.fingerprint(), entry);
            if (previous != null) {
                throw new BadInputException(indexName + ": fingerprint " + entry.fingerprint() + " is pinned twice ('"
                        + Untrusted.printable(previous.name()) + "' and '" + Untrusted.printable(entry.name()) + "'); keep one entry and merge their scopes");
            }
            if (!fileBytes.containsKey(entry.file())) {
                Path real = TrustPaths.resolveInside(dir, entry.file(), where);
                byte[] bytes = readBounded(real, Limits.KEY_FILE, dir.resolve(entry.file()).toString());
                fileBytes.put(entry.file(), bytes);
                String name = dir.resolve(entry.file()).toString();
                if (PublicKeys.detect(bytes, name).kind() == SignatureKind.OPENPGP) {
                    PgpKeys parsed = PgpKeys.parse(bytes, name);
                    parsedOpenPgp.put(entry.file(), parsed);
                    fileKeys.put(entry.file(), PublicKeys.nonEmpty(parsed.infos(), name));
                } else {
                    fileKeys.put(entry.file(), PublicKeys.inspect(bytes, name));
                }
            }
            List<PublicKeyInfo> inFile = fileKeys.get(entry.file());
            PublicKeyInfo info = matching(inFile, entry.fingerprint())
                    .orElseThrow(() -> mismatch(where, entry, inFile));
            if (info.kind() != entry.type()) {
                throw new BadInputException(where + ": pinned as type '" + PinnedKey.typeName(entry.type())
                        + "' but the file holds a key of type '" + PinnedKey.typeName(info.kind()) + "'; fix the type");
            }
            pinnedPerFile.computeIfAbsent(entry.file(), f -> new TreeSet<>()).add(entry.fingerprint());
            try {
                keys.add(new PinnedKey(entry.name(), entry.type(), entry.fingerprint(), entry.file(), entry.scopes(),
                        entry.notBefore(), entry.notAfter(), info, null, entry.revoked(), entry.rotation()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": " + e.getMessage());
            }
        }
        String trustedRoot = index.trustedRoot();
        if (trustedRoot != null) {
            String where = indexName + ": sigstore.trustedRoot";
            if (fileBytes.containsKey(trustedRoot)) {
                throw new BadInputException(where + ": " + trustedRoot + " is also a key file; keep the trusted root in a"
                        + " file of its own");
            }
            Path real = TrustPaths.resolveInside(dir, trustedRoot, where);
            byte[] bytes = readBounded(real, Limits.SIGSTORE_ROOT, dir.resolve(trustedRoot).toString());
            TrustedRoot.parse(bytes, dir.resolve(trustedRoot).toString());
            fileBytes.put(trustedRoot, bytes);
        }
        for (TrustIndex.IdentityEntry entry : index.identities()) {
            String where = indexName + ": identity '" + Untrusted.printable(entry.name()) + "'";
            if (trustedRoot == null) {
                throw new BadInputException(where + ": identity pins are verified through a Sigstore trusted root, and"
                        + " the store has none; add one with 'sbomgate trust sigstore-root trusted_root.json'");
            }
            TrustIndex.Entry previousKey = seen.get(entry.identity().fingerprint());
            if (previousKey != null) {
                throw new BadInputException(where + ": fingerprint " + entry.identity().fingerprint() + " is also pinned as"
                        + " key '" + Untrusted.printable(previousKey.name()) + "'");
            }
            if (keys.stream().anyMatch(k -> k.fingerprint().equals(entry.identity().fingerprint()))) {
                throw new BadInputException(where + ": " + entry.identity().describe() + " is pinned twice; keep one"
                        + " entry and merge their scopes");
            }
            try {
                keys.add(PinnedKey.identity(entry.name(), entry.identity(), trustedRoot, entry.scopes(), entry.notBefore(),
                        entry.notAfter()).withLifecycle(entry.revoked(), null));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": " + e.getMessage());
            }
        }
        // A key file must hold nothing but pinned keys: an extra primary key in a pinned file would otherwise be
        // trusted by whichever verifier reads the whole file.
        for (Map.Entry<String, List<PublicKeyInfo>> file : fileKeys.entrySet()) {
            Set<Fingerprint> pinned = pinnedPerFile.getOrDefault(file.getKey(), Set.of());
            for (PublicKeyInfo info : file.getValue()) {
                if (!pinned.contains(info.fingerprint())) {
                    throw new BadInputException(dir.resolve(file.getKey()) + ": holds " + info.algorithm() + " key "
                            + info.fingerprint() + " that is not pinned; a key file must hold only its pinned key"
                            + " (export that one key alone, or pin this one too)");
                }
            }
        }
        for (RegistryKeyPin pin : index.registryKeys()) {
            if (seen.containsKey(pin.fingerprint())) {
                throw new BadInputException(indexName + ": registry key '" + Untrusted.printable(pin.name()) + "' ("
                        + pin.fingerprint() + ") is also pinned as a key; a key is pinned once");
            }
        }
        TrustStore store;
        try {
            store = new TrustStore(keys, fileBytes, trustedRoot, index.registryKeys(), index.ignoredKeys(), parsedOpenPgp);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(indexName + ": " + e.getMessage());
        }
        checkRotations(store, indexName);
        return store;
    }

    /**
     * Re-proves every declared rotation from the key files (docs/formats.md 2.2): {@code from} must be a pinned
     * OpenPGP key, and the material must hold the declared proof; anything else is a bad store (exit 2).
     */
    static void checkRotations(TrustStore store, String indexName) {
        for (PinnedKey key : store.keys()) {
            Rotation rotation = key.rotation();
            if (rotation == null) {
                continue;
            }
            String where = indexName + ": key '" + Untrusted.printable(key.name()) + "' rotation";
            PinnedKey from = store.find(rotation.from()).orElseThrow(() -> new BadInputException(where + ": from "
                    + rotation.from() + " is not pinned; keep the predecessor pinned (e.g. with revoked: superseded or a"
                    + " notAfter) so its material can prove the rotation"));
            if (from.type() != dev.sbomgate.signature.SignatureKind.OPENPGP
                    || key.type() != dev.sbomgate.signature.SignatureKind.OPENPGP) {
                throw new BadInputException(where + ": rotations are proved between OpenPGP keys only");
            }
            Optional<Rotation.Proof> proof = store.rotationProof(rotation.from(), key.fingerprint());
            if (proof.isEmpty() || (proof.get() != rotation.proof()
                    && !store.rotationProved(rotation.from(), key.fingerprint(), rotation.proof()))) {
                throw new BadInputException(where + ": declared as proved by " + rotation.proof().text() + " from "
                        + rotation.from() + ", but the key files hold no such proof (a certification by the old primary"
                        + " key over one of this key's user IDs, or the old key's 'superseded' revocation naming this key)");
            }
        }
    }

    private static Optional<PublicKeyInfo> matching(List<PublicKeyInfo> inFile, Fingerprint fingerprint) {
        return inFile.stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst();
    }

    private static BadInputException mismatch(String where, TrustIndex.Entry entry, List<PublicKeyInfo> inFile) {
        for (PublicKeyInfo info : inFile) {
            if (info.subkeys().contains(entry.fingerprint())) {
                return new BadInputException(where + ": pins " + entry.fingerprint() + ", a subkey of primary key "
                        + info.fingerprint() + "; pin the primary key's fingerprint");
            }
        }
        String found = inFile.stream().map(k -> k.fingerprint().hex()).reduce((a, b) -> a + ", " + b).orElse("no key");
        return new BadInputException(where + ": expected fingerprint " + entry.fingerprint() + " but the file holds "
                + found + "; if the key really changed, verify the new one out of band, then 'sbomgate trust remove'"
                + " the old pin and 'sbomgate trust add' the new key");
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            return !children.iterator().hasNext();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list trust directory (" + e.getMessage() + ")");
        }
    }

    static byte[] readBounded(Path file, Limits.Limit limit, String name) {
        try {
            return InputFiles.read(file, name, limit);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
