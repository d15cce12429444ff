package dev.sbomgate.trust.plan;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.pgp.PgpKeys;
import dev.sbomgate.signature.pgp.PgpSignatureVerifier;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The keys {@code trust suggest} may propose: the candidate keys {@code fetch} brought ({@code DIR/keys/*.asc}, as
 * the keyserver sent them, docs/evidence.md) and every {@code --keyring} (armoured or binary, one key or many: Apache
 * {@code KEYS}, {@code gpg --export}, Gradle's {@code verification-keyring.keys}). Copies of one key are merged. The
 * signatures the gate could not attribute are verified again against these keys, so a key is proposed only for what
 * it really signed, and a subkey's signature is attributed to its primary key.
 */
public final class CandidateKeys {

    /** Where one copy of a key was read. */
    private record Source(Path file, byte[] bytes, int keysInFile) {
    }

    private final PgpKeys keys;
    private final PgpSignatureVerifier verifier;
    private final Map<Fingerprint, List<Source>> sources;
    private final List<String> skipped;

    private CandidateKeys(PgpKeys keys, Map<Fingerprint, List<Source>> sources, List<String> skipped) {
        this.keys = keys;
        this.verifier = new PgpSignatureVerifier(keys);
        this.sources = sources;
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Reads the candidate keys. A {@code --keyring} that cannot be read is bad input (exit 2); a keyserver's answer
     * in an evidence directory that holds no usable public key is skipped and named in {@link #skipped()}.
     *
     * @param evidenceDirs the {@code --artifacts} directories; each one's {@code keys/} is read when it exists
     * @param keyrings     the {@code --keyring} files
     */
    public static CandidateKeys read(List<Path> evidenceDirs, List<Path> keyrings) {
        List<PgpKeys> sets = new ArrayList<>();
        Map<Fingerprint, List<Source>> sources = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (Path dir : evidenceDirs) {
            Path keysDir = dir.resolve("keys");
            if (!Files.isDirectory(keysDir)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(keysDir, "*.asc")) {
                listing.forEach(files::add);
            } catch (IOException e) {
                throw new BadInputException(keysDir + ": cannot list the candidate keys (" + e.getMessage() + ")");
            }
            files.sort(null);
            for (Path file : files) {
                try {
                    add(file, sets, sources);
                } catch (BadInputException e) {
                    skipped.add(e.getMessage());
                }
            }
        }
        for (Path keyring : keyrings) {
            if (!Files.exists(keyring)) {
                throw new BadInputException(keyring + ": --keyring file not found");
            }
            add(keyring, sets, sources);
        }
        return new CandidateKeys(PgpKeys.union(sets), sources, skipped);
    }

    private static void add(Path file, List<PgpKeys> sets, Map<Fingerprint, List<Source>> sources) {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, Limits.KEY_FILE);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read key file (" + e.getMessage() + ")");
        }
        PgpKeys set = PgpKeys.parse(bytes, file.toString());
        sets.add(set);
        for (Fingerprint fingerprint : set.fingerprints()) {
            sources.computeIfAbsent(fingerprint, k -> new ArrayList<>()).add(new Source(file, bytes, set.size()));
        }
    }

    /** How many distinct primary keys were read. */
    public int size() {
        return keys.size();
    }

    /** Why candidate files of the evidence directories were not read, one line each. */
    public List<String> skipped() {
        return skipped;
    }

    /** The signature checked against the candidate keys: VERIFIED (or WEAK_CRYPTO) names the primary key as signer. */
    public SignatureCheck verify(Path artifact, Path signatureFile) {
        return verifier.verify(artifact, signatureFile);
    }

    /** What the key is, merged over every copy read. */
    public Optional<PublicKeyInfo> info(Fingerprint primary) {
        return keys.infos().stream().filter(i -> i.fingerprint().equals(primary)).findFirst();
    }

    /**
     * The key's file for a plan: the file it was read from, when that is its only copy and holds nothing else;
     * otherwise empty, and the key is written alone ({@link #exported}).
     */
    public Optional<Path> singleKeyFile(Fingerprint primary) {
        List<Source> copies = sources.getOrDefault(primary, List.of());
        return copies.size() == 1 && copies.get(0).keysInFile() == 1 ? Optional.of(copies.get(0).file()) : Optional.empty();
    }

    /** The bytes of {@link #singleKeyFile}, as read. */
    public byte[] singleKeyFileBytes(Fingerprint primary) {
        return sources.get(primary).get(0).bytes().clone();
    }

    /** The key alone, armoured: every copy read merged (a revocation in any copy is kept). */
    public byte[] exported(Fingerprint primary) {
        return keys.export(primary, true);
    }

    /** The files each key was read from, for display. */
    public List<Path> sourcesOf(Fingerprint primary) {
        return sources.getOrDefault(primary, List.of()).stream().map(Source::file).toList();
    }

    /** Every candidate key by fingerprint, in order. */
    public Map<Fingerprint, PublicKeyInfo> all() {
        Map<Fingerprint, PublicKeyInfo> all = new LinkedHashMap<>();
        keys.infos().forEach(i -> all.put(i.fingerprint(), i));
        return all;
    }
}
