package dev.sbomgate.signature.pgp;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * A set of OpenPGP public keys (certificates) read from key files: armoured or binary, one or many keys per
 * file, text between armour blocks ignored (Apache {@code KEYS}, Gradle {@code verification-keyring.keys}).
 * Immutable and safe to share between threads; self-signatures are checked once, when loaded.
 * Copies of one key from several files are merged (RFC 9580 packets are additive), so a revocation in any
 * copy counts.
 */
public final class PgpKeys {

    /** Key files larger than this are refused: a Gradle keyring of a large build is a few MiB. */
    public static final int MAX_KEY_FILE_BYTES = 16 * 1024 * 1024;

    /** Keys (certificates, copies counted) in one key file: a Gradle keyring of a large build holds a few hundred. */
    public static final int MAX_KEYS_PER_FILE = 5_000;

    /** User IDs on one key, copies counted: real keys have a handful, rarely a few dozen. */
    public static final int MAX_USER_IDS_PER_KEY = 128;

    /** Subkeys of one key: real keys have one to a few dozen. */
    public static final int MAX_SUBKEYS_PER_KEY = 64;

    /**
     * Signatures on one key (self-signatures and third-party certifications, on the key, its user IDs and its
     * subkeys): each self-signature costs one public-key operation when the key is loaded.
     */
    public static final int MAX_SIGNATURES_PER_KEY = 2_000;

    private static final String PUBLIC_KEY_BLOCK = "PUBLIC KEY BLOCK";

    private final List<PgpCertificate> certificates;

    private PgpKeys(List<PgpCertificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    /** Reads one key file. Throws {@link BadInputException} (one line naming the file) when it holds no usable public key. */
    public static PgpKeys read(Path file) {
        long size;
        byte[] data;
        try {
            size = Files.size(file);
            if (size > MAX_KEY_FILE_BYTES) {
                throw new BadInputException(file + ": key file is " + size + " bytes, more than the "
                        + MAX_KEY_FILE_BYTES + " allowed; split it or export only the keys you pin");
            }
            try (InputStream in = Files.newInputStream(file)) {
                data = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read key file (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        if (data.length > MAX_KEY_FILE_BYTES) {
            throw new BadInputException(file + ": key file is larger than the " + MAX_KEY_FILE_BYTES + " bytes allowed");
        }
        return parse(data, file.toString());
    }

    /** Reads each key file and merges them. */
    public static PgpKeys read(Collection<Path> files) {
        List<PgpKeys> sets = new ArrayList<>();
        for (Path file : files) {
            sets.add(read(file));
        }
        return union(sets);
    }

    /** Parses the bytes of one key file; {@code source} names it in error messages. */
    public static PgpKeys parse(byte[] data, String source) {
        if (data.length == 0 || new String(data, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new BadInputException(source + ": key file is empty; expected an OpenPGP public key");
        }
        if (data.length > MAX_KEY_FILE_BYTES) {
            throw new BadInputException(source + ": key file is larger than the " + MAX_KEY_FILE_BYTES + " bytes allowed");
        }
        Map<Fingerprint, PGPPublicKeyRing> rings = new LinkedHashMap<>();
        int[] count = {0};
        try {
            if (Armor.isArmoured(data)) {
                for (String type : Armor.types(data)) {
                    if (!type.equals(PUBLIC_KEY_BLOCK)) {
                        throw new BadInputException(source + ": holds an armoured '" + type + "' where only '"
                                + PUBLIC_KEY_BLOCK + "' is allowed" + secretHint(type));
                    }
                }
                for (Armor.Block block : Armor.decode(data)) {
                    readBinary(block.data(), source, rings, count);
                }
            } else if ((data[0] & 0x80) != 0) {
                readBinary(data, source, rings, count);
            } else {
                throw new BadInputException(source + ": not an OpenPGP public key; expected '-----BEGIN PGP "
                        + PUBLIC_KEY_BLOCK + "-----' or binary key packets");
            }
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof BadInputException) {
                throw (BadInputException) e;
            }
            throw new BadInputException(source + ": not a readable OpenPGP public key ("
                    + PgpCertificate.oneLine(e.getMessage()) + ")", e);
        }
        if (rings.isEmpty()) {
            throw new BadInputException(source + ": holds no OpenPGP public key");
        }
        List<PgpCertificate> certificates = new ArrayList<>();
        for (PGPPublicKeyRing ring : rings.values()) {
            certificates.add(PgpCertificate.of(ring));
        }
        return new PgpKeys(certificates);
    }

    /** The union of several key sets, in order; copies of one key are merged. */
    public static PgpKeys union(Collection<PgpKeys> sets) {
        Map<Fingerprint, PgpCertificate> merged = new LinkedHashMap<>();
        Map<Fingerprint, PGPPublicKeyRing> rings = new LinkedHashMap<>();
        for (PgpKeys set : sets) {
            for (PgpCertificate certificate : set.certificates) {
                Fingerprint fingerprint = certificate.primary().fingerprint;
                PGPPublicKeyRing ring = certificate.ring();
                PGPPublicKeyRing existing = rings.get(fingerprint);
                if (existing == null) {
                    rings.put(fingerprint, ring);
                    merged.put(fingerprint, certificate);
                } else {
                    try {
                        PGPPublicKeyRing joined = PGPPublicKeyRing.join(existing, ring);
                        rings.put(fingerprint, joined);
                        merged.put(fingerprint, PgpCertificate.of(joined));
                    } catch (PGPException | RuntimeException e) {
                        throw new BadInputException("cannot merge two copies of key " + fingerprint + " ("
                                + PgpCertificate.oneLine(e.getMessage()) + ")", e);
                    }
                }
            }
        }
        return new PgpKeys(new ArrayList<>(merged.values()));
    }

    /** The keys whose primary fingerprint is in {@code primaries}: how a trust store keeps only what it pins. */
    public PgpKeys only(Collection<Fingerprint> primaries) {
        Set<Fingerprint> wanted = Set.copyOf(primaries);
        List<PgpCertificate> kept = new ArrayList<>();
        for (PgpCertificate certificate : certificates) {
            if (wanted.contains(certificate.primary().fingerprint)) {
                kept.add(certificate);
            }
        }
        return new PgpKeys(kept);
    }

    /** What each key is, in file order: for pinning and for {@code trust show}. */
    public List<PublicKeyInfo> infos() {
        List<PublicKeyInfo> infos = new ArrayList<>(certificates.size());
        for (PgpCertificate certificate : certificates) {
            infos.add(certificate.info());
        }
        return Collections.unmodifiableList(infos);
    }

    /** The primary fingerprints, sorted. */
    public Set<Fingerprint> fingerprints() {
        Set<Fingerprint> fingerprints = new TreeSet<>();
        for (PgpCertificate certificate : certificates) {
            fingerprints.add(certificate.primary().fingerprint);
        }
        return Collections.unmodifiableSet(fingerprints);
    }

    /** How a key rotation is proved by the key material (docs/formats.md 2.2 {@code rotation.proof}). */
    public enum RotationProof {
        /** The old primary key certified one of the new key's user IDs. */
        CERTIFICATION,
        /** The old key's own revocation says "key superseded" and names the new key's fingerprint. */
        SUPERSEDED_REVOCATION
    }

    /**
     * How the material of this set proves that key {@code to} succeeds key {@code from} (both primary fingerprints
     * of keys in this set): a certification first, then a superseding revocation; empty when neither holds, or a key
     * is missing. Each call verifies signatures: a rule asks only for the pairs it meets.
     */
    public java.util.Optional<RotationProof> rotationProof(Fingerprint from, Fingerprint to) {
        PgpCertificate old = certificate(from);
        PgpCertificate successor = certificate(to);
        if (old == null || successor == null || from.equals(to)) {
            return java.util.Optional.empty();
        }
        if (successor.certifiedBy(old)) {
            return java.util.Optional.of(RotationProof.CERTIFICATION);
        }
        if (old.supersededBy(to)) {
            return java.util.Optional.of(RotationProof.SUPERSEDED_REVOCATION);
        }
        return java.util.Optional.empty();
    }

    /** Whether key {@code from}'s own revocation says "key superseded" and names {@code to}. */
    public boolean supersedes(Fingerprint from, Fingerprint to) {
        PgpCertificate old = certificate(from);
        return old != null && old.supersededBy(to);
    }

    private PgpCertificate certificate(Fingerprint primary) {
        for (PgpCertificate certificate : certificates) {
            if (certificate.primary().fingerprint.equals(primary)) {
                return certificate;
            }
        }
        return null;
    }

    public int size() {
        return certificates.size();
    }

    /**
     * Every subkey fingerprint of each primary key, whatever its binding (for resolving a key ID or subkey
     * fingerprint a foreign file names to its primary, as pgpverify and Gradle do), in file order.
     */
    public Map<Fingerprint, List<Fingerprint>> allSubkeys() {
        Map<Fingerprint, List<Fingerprint>> out = new LinkedHashMap<>();
        for (PgpCertificate certificate : certificates) {
            List<Fingerprint> subs = new ArrayList<>();
            for (java.util.Iterator<PGPPublicKey> it = certificate.ring().getPublicKeys(); it.hasNext(); ) {
                PGPPublicKey key = it.next();
                if (!key.isMasterKey()) {
                    subs.add(Fingerprint.of(key.getFingerprint()));
                }
            }
            out.put(certificate.primary().fingerprint, List.copyOf(subs));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The transferable public key of one primary key, ASCII-armoured without headers: a key file of its own
     * ({@link #export} armoured).
     */
    public byte[] armoured(Fingerprint primary) {
        return export(primary, true);
    }

    /**
     * The key with this primary fingerprint alone, as its transferable public key packets (RFC 9580 section 10.1):
     * armoured without headers, or binary. How a key found in a keyring of many keys becomes a file of its own, and
     * how copies merged from several files are written back (every packet of every copy kept, revocations included).
     * Throws {@link IllegalArgumentException} when the set holds no such key.
     */
    public byte[] export(Fingerprint primary, boolean armoured) {
        for (PgpCertificate certificate : certificates) {
            if (certificate.primary().fingerprint.equals(primary)) {
                try {
                    byte[] binary = certificate.ring().getEncoded();
                    if (!armoured) {
                        return binary;
                    }
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    try (org.bouncycastle.bcpg.ArmoredOutputStream armour = org.bouncycastle.bcpg.ArmoredOutputStream
                            .builder().clearHeaders().build(out)) {
                        armour.write(binary);
                    }
                    return out.toByteArray();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot encode key " + primary, e);
                }
            }
        }
        throw new IllegalArgumentException("no key " + primary + " in this key set");
    }

    List<PgpCertificate> certificates() {
        return certificates;
    }

    private static void readBinary(byte[] data, String source, Map<Fingerprint, PGPPublicKeyRing> rings,
                                   int[] count) throws IOException, PGPException {
        PGPObjectFactory factory = new PGPObjectFactory(new ByteArrayInputStream(data), new BcKeyFingerprintCalculator());
        Object next;
        while ((next = factory.nextObject()) != null) {
            if (next instanceof PGPMarker || next instanceof PGPPadding) {
                continue; // RFC 9580 Marker and Padding packets: ignored wherever they appear
            }
            if (next instanceof PGPSecretKeyRing) {
                throw new BadInputException(source + ": holds a SECRET key; export only the public key"
                        + " (gpg --export --armor <fingerprint>) and keep the secret key out of the trust store");
            }
            if (next instanceof PGPSignatureList) {
                throw new BadInputException(source + ": holds an OpenPGP signature, not a public key");
            }
            if (!(next instanceof PGPPublicKeyRing)) {
                throw new BadInputException(source + ": holds " + describe(next) + " where a public key was expected");
            }
            PGPPublicKeyRing ring = (PGPPublicKeyRing) next;
            PGPPublicKey primary = ring.getPublicKey();
            int version = primary.getVersion();
            if (version != PublicKeyPacket.VERSION_4 && version != PublicKeyPacket.VERSION_6) {
                throw new BadInputException(source + ": holds a version " + version
                        + " key; only v4 and v6 keys (RFC 9580) are supported");
            }
            if (++count[0] > MAX_KEYS_PER_FILE) {
                throw new BadInputException(source + ": holds more than " + MAX_KEYS_PER_FILE
                        + " keys (limit MAX_KEYS_PER_FILE); split it or export only the keys you pin");
            }
            PgpCertificate.checkBounds(ring);
            Fingerprint fingerprint = Fingerprint.of(primary.getFingerprint());
            PGPPublicKeyRing existing = rings.get(fingerprint);
            rings.put(fingerprint, existing == null ? ring : PGPPublicKeyRing.join(existing, ring));
        }
    }

    private static String describe(Object packet) {
        String name = packet.getClass().getSimpleName();
        return name.startsWith("PGP") ? "an OpenPGP " + name.substring(3) : "an unexpected OpenPGP packet";
    }

    private static String secretHint(String type) {
        return type.contains("PRIVATE") || type.contains("SECRET")
                ? "; this is a SECRET key: export only the public key (gpg --export --armor <fingerprint>)"
                : "";
    }
}
