package dev.sbomgate.trust;

import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import dev.sbomgate.signature.pgp.PgpKeys;
import dev.sbomgate.signature.pgp.PgpSignatureVerifier;
import dev.sbomgate.signature.sigstore.TrustedRoot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pinned trust store, loaded and checked: which key or Sigstore identity (by full fingerprint) may sign which
 * purls, and when, plus the exact bytes of every key file whose fingerprints were checked and of the Sigstore trusted
 * root, so that verifiers use what was checked. Immutable and thread-safe. Built by {@link TrustStoreLoader}.
 */
public final class TrustStore {

    private static final TrustStore EMPTY = new TrustStore(List.of(), Map.of());

    private final List<PinnedKey> keys;
    private final List<RegistryKeyPin> registryKeys;
    private final List<IgnoredKey> ignoredKeys;
    private final String trustedRoot;
    private final Map<Fingerprint, PinnedKey> byFingerprint;
    private final SortedMap<String, byte[]> files;
    private final String canonicalIndex;
    private final Digest digest;
    /** Parsed once, when the store is built (by the loader): the verifiers use these, never the raw bytes again. */
    private final PgpSignatureVerifier openPgp;
    private final PgpKeys openPgpKeys;
    private final Map<String, Optional<Rotation.Proof>> rotations = new java.util.concurrent.ConcurrentHashMap<>();
    private final KeyPairSignatureVerifier keyPair;
    private final TrustedRoot parsedTrustedRoot;

    TrustStore(List<PinnedKey> keys, Map<String, byte[]> files) {
        this(keys, files, null);
    }

    /**
     * @param keys        the pins, key and identity pins alike
     * @param files       the bytes of every pin's file and of the trusted root, by relative path
     * @param trustedRoot the relative path of the Sigstore trusted root, or null when the store has none (identity pins
     *                    then cannot exist: their file is the trusted root)
     */
    TrustStore(List<PinnedKey> keys, Map<String, byte[]> files, String trustedRoot) {
        this(keys, files, trustedRoot, List.of());
    }

    /** As above, with the registry key pins (trust.json v2 {@code registryKeys}). */
    TrustStore(List<PinnedKey> keys, Map<String, byte[]> files, String trustedRoot, List<RegistryKeyPin> registryKeys) {
        this(keys, files, trustedRoot, registryKeys, List.of());
    }

    /** As above, with the keys whose signatures are ignored (trust.json v2 {@code ignoredKeys}). */
    TrustStore(List<PinnedKey> keys, Map<String, byte[]> files, String trustedRoot, List<RegistryKeyPin> registryKeys,
               List<IgnoredKey> ignoredKeys) {
        this(keys, files, trustedRoot, registryKeys, ignoredKeys, Map.of());
    }

    /**
     * As above, with OpenPGP key files already parsed from these very bytes, by file name ({@link TrustStoreLoader}
     * parses each file once to match its pins; parsing verifies every self-signature, the larger part of loading a
     * store). A file not in {@code parsedOpenPgp} is parsed here.
     */
    TrustStore(List<PinnedKey> keys, Map<String, byte[]> files, String trustedRoot, List<RegistryKeyPin> registryKeys,
               List<IgnoredKey> ignoredKeys, Map<String, PgpKeys> parsedOpenPgp) {
        List<IgnoredKey> sortedIgnored = new ArrayList<>(ignoredKeys);
        sortedIgnored.sort(null);
        this.ignoredKeys = List.copyOf(sortedIgnored);
        for (IgnoredKey ignored : this.ignoredKeys) {
            for (PinnedKey key : keys) {
                if (!key.isIdentity() && (ignored.matchesFingerprint(key.fingerprint())
                        || key.key().subkeys().stream().anyMatch(ignored::matchesFingerprint))) {
                    throw new IllegalArgumentException("key " + ignored.id() + " is both pinned (as '" + key.name()
                            + "', " + key.fingerprint() + ") and ignored; remove one of the two");
                }
            }
        }
        this.trustedRoot = trustedRoot;
        List<RegistryKeyPin> sortedRegistry = new ArrayList<>(registryKeys);
        sortedRegistry.sort(Comparator.comparing(RegistryKeyPin::fingerprint));
        this.registryKeys = List.copyOf(sortedRegistry);
        for (RegistryKeyPin pin : this.registryKeys) {
            if (keys.stream().anyMatch(k -> k.fingerprint().equals(pin.fingerprint()))
                    || this.registryKeys.stream().filter(p -> p.fingerprint().equals(pin.fingerprint())).count() > 1) {
                throw new IllegalArgumentException("registry key " + pin.fingerprint() + " is pinned twice");
            }
        }
        for (PinnedKey key : keys) {
            if (key.isIdentity() && !key.file().equals(trustedRoot)) {
                throw new IllegalArgumentException("identity pin " + key.fingerprint() + " is not verified through the"
                        + " store's trusted root");
            }
        }
        List<PinnedKey> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(PinnedKey::fingerprint));
        this.keys = List.copyOf(sorted);
        Map<Fingerprint, PinnedKey> index = new HashMap<>();
        for (PinnedKey key : this.keys) {
            if (index.put(key.fingerprint(), key) != null) {
                throw new IllegalArgumentException("fingerprint " + key.fingerprint() + " is pinned twice");
            }
        }
        this.byFingerprint = Map.copyOf(index);
        TreeMap<String, byte[]> copy = new TreeMap<>();
        for (PinnedKey key : this.keys) {
            byte[] bytes = Objects.requireNonNull(files.get(key.file()), () -> "no bytes for key file " + key.file());
            copy.put(key.file(), bytes.clone());
        }
        if (trustedRoot != null) {
            byte[] bytes = Objects.requireNonNull(files.get(trustedRoot), () -> "no bytes for trusted root " + trustedRoot);
            copy.put(trustedRoot, bytes.clone());
        }
        this.files = Collections.unmodifiableSortedMap(copy);
        this.canonicalIndex = TrustIndex.write(this.keys, trustedRoot, this.registryKeys, this.ignoredKeys);
        this.digest = computeDigest();
        List<PgpKeys> sets = new ArrayList<>();
        keyFiles(SignatureKind.OPENPGP).forEach((name, bytes) -> sets.add(parsedOpenPgp.containsKey(name)
                ? parsedOpenPgp.get(name) : PgpKeys.parse(bytes, name)));
        this.openPgpKeys = PgpKeys.union(sets);
        this.openPgp = new PgpSignatureVerifier(openPgpKeys);
        this.keyPair = KeyPairSignatureVerifier.of(keyFiles(SignatureKind.KEYPAIR));
        this.parsedTrustedRoot = trustedRoot == null ? null : TrustedRoot.parse(this.files.get(trustedRoot), trustedRoot);
    }

    /**
     * This store with other pins, files, trusted root and registry keys, keeping its ignored keys: how every writer
     * builds the next store, so that a change to one part never drops another.
     */
    TrustStore with(List<PinnedKey> newKeys, Map<String, byte[]> newFiles, String newTrustedRoot,
                    List<RegistryKeyPin> newRegistryKeys) {
        return new TrustStore(newKeys, newFiles, newTrustedRoot, newRegistryKeys, ignoredKeys);
    }

    /** The keys whose signatures count as absent (trust.json v2 {@code ignoredKeys}), sorted by id. */
    public List<IgnoredKey> ignoredKeys() {
        return ignoredKeys;
    }

    /**
     * The ignored key that made a signature naming this issuer (fingerprint or key ID hex, as
     * {@code SignatureCheck.issuer}), if any.
     */
    public Optional<IgnoredKey> ignoredKeyFor(String issuer) {
        return ignoredKeys.stream().filter(k -> k.matchesIssuer(issuer)).findFirst();
    }

    /** The OpenPGP verifier over every pinned OpenPGP key file, parsed when the store was built. */
    public PgpSignatureVerifier openPgpVerifier() {
        return openPgp;
    }

    /**
     * How the pinned key material proves that OpenPGP pin {@code to} succeeds pin {@code from} (docs/formats.md 2.2):
     * a certification by {@code from}'s primary key over one of {@code to}'s user IDs, else {@code from}'s
     * "superseded" revocation naming {@code to}; empty when neither holds or either is not a pinned OpenPGP key.
     * A proof never widens trust: {@code to} is trusted only where its own scopes say.
     */
    public Optional<Rotation.Proof> rotationProof(Fingerprint from, Fingerprint to) {
        PinnedKey old = byFingerprint.get(from);
        PinnedKey successor = byFingerprint.get(to);
        if (old == null || successor == null || old.type() != SignatureKind.OPENPGP
                || successor.type() != SignatureKind.OPENPGP) {
            return Optional.empty();
        }
        return rotations.computeIfAbsent(from.hex() + ">" + to.hex(), k -> openPgpKeys.rotationProof(from, to)
                .map(p -> p == PgpKeys.RotationProof.CERTIFICATION ? Rotation.Proof.CERTIFICATION
                        : Rotation.Proof.SUPERSEDED_REVOCATION));
    }

    /** Whether this particular proof holds (both may: {@link #rotationProof} names the first). */
    boolean rotationProved(Fingerprint from, Fingerprint to, Rotation.Proof proof) {
        if (proof == Rotation.Proof.CERTIFICATION) {
            return rotationProof(from, to).filter(p -> p == Rotation.Proof.CERTIFICATION).isPresent();
        }
        return openPgpKeys.supersedes(from, to);
    }

    /** The key-pair (Ed25519, ECDSA, RSA) verifier over every pinned key-pair file, parsed when the store was built. */
    public KeyPairSignatureVerifier keyPairVerifier() {
        return keyPair;
    }

    /** The Sigstore trusted root, parsed when the store was built; empty when the store has none. */
    public Optional<TrustedRoot> parsedTrustedRoot() {
        return Optional.ofNullable(parsedTrustedRoot);
    }

    /** The store with no keys: every signature is then {@code UNKNOWN_KEY} (fail closed). */
    public static TrustStore empty() {
        return EMPTY;
    }

    /** Every pin, sorted by fingerprint. */
    public List<PinnedKey> keys() {
        return keys;
    }

    public boolean isEmpty() {
        return keys.isEmpty() && registryKeys.isEmpty();
    }

    /** Every registry key pin, sorted by fingerprint. */
    public List<RegistryKeyPin> registryKeys() {
        return registryKeys;
    }

    /** The registry key pins of this registry (base URL, compared after {@link RegistryKeyPin#normaliseRegistry}). */
    public List<RegistryKeyPin> registryKeys(String registry) {
        String normalised;
        try {
            normalised = RegistryKeyPin.normaliseRegistry(registry);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return registryKeys.stream().filter(p -> p.registry().equals(normalised)).toList();
    }

    /** The pin with this (primary) fingerprint. */
    public Optional<PinnedKey> find(Fingerprint fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** The pin whose primary key or one of whose signing subkeys has this fingerprint. */
    public Optional<PinnedKey> findBySigningKey(Fingerprint fingerprint) {
        PinnedKey primary = byFingerprint.get(fingerprint);
        if (primary != null) {
            return Optional.of(primary);
        }
        return keys.stream().filter(k -> k.key().subkeys().contains(fingerprint)).findFirst();
    }

    /**
     * The identity pins whose identity and issuer match this verified certificate identity, sorted by fingerprint (an
     * exact pin and a pattern, or two patterns, may both match).
     */
    public List<PinnedKey> identityPinsMatching(String issuer, String identity) {
        return keys.stream().filter(k -> k.isIdentity() && k.identity().matches(issuer, identity)).toList();
    }

    /** The relative path of the Sigstore trusted root, if the store holds one. */
    public Optional<String> sigstoreTrustedRootFile() {
        return Optional.ofNullable(trustedRoot);
    }

    /** The checked bytes of the Sigstore trusted root (a copy), if the store holds one. */
    public Optional<byte[]> sigstoreTrustedRoot() {
        return trustedRoot == null ? Optional.empty() : Optional.of(files.get(trustedRoot).clone());
    }

    /**
     * Whether the key with this primary fingerprint is pinned with a scope covering the purl. The pin's window is
     * not considered here: the verify stage checks it against the signature time with {@link PinnedKey#isValidAt}.
     */
    public boolean isPinnedFor(Fingerprint fingerprint, Purl purl) {
        PinnedKey key = byFingerprint.get(fingerprint);
        return key != null && key.covers(purl);
    }

    /** The pins whose scopes cover this purl, sorted by fingerprint. */
    public List<PinnedKey> pinsFor(Purl purl) {
        return keys.stream().filter(k -> k.covers(purl)).toList();
    }

    /**
     * The checked bytes of every key file of one kind, by relative path (sorted), for building a verifier:
     * {@code KeyPairSignatureVerifier.of(store.keyFiles(SignatureKind.KEYPAIR))}. Each array is a copy.
     */
    public SortedMap<String, byte[]> keyFiles(SignatureKind kind) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        for (PinnedKey key : keys) {
            if (key.type() == kind) {
                out.put(key.file(), files.get(key.file()).clone());
            }
        }
        return out;
    }

    /** The checked bytes of this pin's key file (a copy). */
    public byte[] keyFile(PinnedKey key) {
        byte[] bytes = files.get(key.file());
        if (bytes == null || !key.equals(byFingerprint.get(key.fingerprint()))) {
            throw new IllegalArgumentException("key " + key.fingerprint() + " is not in this trust store");
        }
        return bytes.clone();
    }

    /** The index as sbomgate writes it: what {@code trust.json} holds after any {@code trust add}/{@code remove}. */
    public String canonicalIndex() {
        return canonicalIndex;
    }

    /**
     * SHA-256 over the canonical index and every referenced file, key files and trusted root (docs/trust-store.md,
     * "Digest"): a change to any pin, scope, window, key or root byte changes it; re-ordering or re-formatting the
     * index does not.
     */
    public Digest digest() {
        return digest;
    }

    private Digest computeDigest() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        // docs/formats.md 2.7: a version 2 index digests with its own first line, a version 1 one exactly as before.
        sha256.update((canonicalIndex.startsWith("{\n  \"version\": 2,") ? "sbomgate trust store v2\n" : "sbomgate trust store v1\n")
                .getBytes(StandardCharsets.UTF_8));
        update(sha256, TrustIndex.FILE_NAME, canonicalIndex.getBytes(StandardCharsets.UTF_8));
        files.forEach((path, bytes) -> update(sha256, path, bytes));
        return Digest.of(HashAlgorithm.SHA_256, sha256.digest());
    }

    /** Each part is framed as {@code path \n length \n bytes \n}, so no two different stores frame to the same input. */
    private static void update(MessageDigest sha256, String path, byte[] bytes) {
        sha256.update((path + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(bytes);
        sha256.update((byte) '\n');
    }

    @Override
    public String toString() {
        return "TrustStore[" + keys.size() + " keys, " + digest + "]";
    }
}
