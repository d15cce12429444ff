package dev.sbomgate.files;

import java.util.List;
import java.util.Objects;

/**
 * Every size limit on a file sbomgate reads, in one place; docs/limits.md lists them. Each is far above what a real
 * file of its kind needs and far below what would exhaust memory: a file over its limit is refused (exit 2, naming
 * the limit) without being read past it.
 */
public final class Limits {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    /** A size limit on one kind of input file. */
    public record Limit(String what, long bytes) {
        public Limit {
            Objects.requireNonNull(what, "what");
            if (what.isBlank()) {
                throw new IllegalArgumentException("a limit names the input it bounds");
            }
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("a limit is 1 byte to 2 GiB, got " + bytes);
            }
        }

        /** The same kind of input with another size (tests, and the SBOM reader's own setting). */
        public Limit withBytes(long other) {
            return new Limit(what, other);
        }

        /** The limit as a person reads it: "512 MiB", "64 KiB", "1000 bytes". */
        public String human() {
            if (bytes % MIB == 0) {
                return bytes / MIB + " MiB";
            }
            if (bytes % KIB == 0) {
                return bytes / KIB + " KiB";
            }
            return bytes + " bytes";
        }
    }

    /** The SBOM (check, diff, verify, init, approve): real SBOMs are tens of MB at most. */
    public static final Limit SBOM = new Limit("SBOM", 512 * MIB);
    /** A policy YAML file: a few KB in practice. */
    public static final Limit POLICY = new Limit("policy", MIB);
    /** The trust store's index, trust.json. */
    public static final Limit TRUST_INDEX = new Limit("trust index", 4 * MIB);
    /** A pinned public key file (OpenPGP keyring or PEM); OpenPGP's bound, PgpKeys.MAX_KEY_FILE_BYTES. */
    public static final Limit KEY_FILE = new Limit("key file", 16 * MIB);
    /** A PEM key file (public key or certificate) read by the key-pair verifier: JcaKeys.MAX_KEY_FILE_BYTES. */
    public static final Limit PEM_KEY_FILE = new Limit("PEM key file", MIB);
    /** The Sigstore trusted root (trusted_root.json) a store pins. */
    public static final Limit SIGSTORE_ROOT = new Limit("Sigstore trusted root", MIB);
    /** baseline.json (and its pending copy): StrictJson.MAX_DOCUMENT_BYTES, the largest JSON document parsed. */
    public static final Limit BASELINE = new Limit("baseline", 256 * MIB);
    /** approvals.jsonl, the hash-chained approval log. */
    public static final Limit APPROVAL_LOG = new Limit("approval log", 64 * MIB);
    /** inputs.json, where init and approve record the SBOM and artifact directories: a few hundred bytes. */
    public static final Limit INPUTS_RECORD = new Limit("inputs.json", MIB);
    /** A --metadata file of release publish times: a million releases is about 100 MB. */
    public static final Limit METADATA = new Limit("metadata", 128 * MIB);

    /** The feed snapshot, osv-snapshot.jsonl: every malicious-package record of npm, PyPI and Maven is about 100 MB. */
    public static final Limit FEED_SNAPSHOT = new Limit("feed snapshot", 512 * MIB);
    /** One OSV record file read by {@code feed update --from-dir}: real ones are a few KB. */
    public static final Limit OSV_RECORD = new Limit("OSV record", 4 * MIB);

    /** An OSV per-ecosystem archive read by {@code feed update --archive}: npm's all.zip is a few hundred MB. */
    public static final Limit FEED_ARCHIVE = new Limit("OSV archive", 1024 * MIB);

    /** fetch: the user's Maven settings.xml (mirrors, servers). */
    public static final Limit MAVEN_SETTINGS = new Limit("Maven settings.xml", MIB);
    /** fetch: the user's .npmrc (registries, tokens). */
    public static final Limit NPMRC = new Limit(".npmrc", MIB);
    /** fetch --ca-file: PEM certificates to trust besides the JDK's. */
    public static final Limit CA_FILE = new Limit("CA file", MIB);
    /** fetch: its previous fetch-log.json, read to resume. */
    public static final Limit FETCH_LOG = new Limit("fetch-log.json", 128 * MIB);
    /** A registry document fetch reads back (npm or PyPI version.json) to find what else to download. */
    public static final Limit REGISTRY_DOCUMENT = new Limit("registry document", 16 * MIB);

    /** {@code trust add-registry-keys}: a registry's keys document ({@code /-/npm/v1/keys}), at most 64 keys. */
    public static final Limit REGISTRY_KEYS = new Limit("registry keys document", MIB);
    /** An npm attestations document ({@code attestations.json} beside a tarball): two Sigstore bundles, a few tens of KB. */
    public static final Limit NPM_ATTESTATIONS = new Limit("npm attestations document", 16 * MIB);

    /** A manifest read to point findings at the line declaring a dependency (pom.xml, package.json, …): a few KB to a few MB. */
    public static final Limit MANIFEST = new Limit("manifest", 16 * MIB);

    /** A PEP 740 provenance object beside a PyPI distribution ({@code FILE.provenance}): the same as its download cap. */
    public static final Limit PYPI_PROVENANCE = new Limit("PEP 740 provenance", 16 * MIB);

    /** A trust plan ({@code trust suggest --write}, read by {@code trust apply}): at most 10,000 entries. */
    public static final Limit TRUST_PLAN = new Limit("trust plan", 4 * MIB);
    /** {@code trust import}: Gradle's gradle/verification-metadata.xml; a large build's is a few MiB. */
    public static final Limit GRADLE_VERIFICATION_METADATA = new Limit("Gradle verification metadata", 32 * MIB);
    /** {@code trust import}: a pgpverify keys map; the public pgp-keys-map.list is about 70 KB. */
    public static final Limit KEYSMAP = new Limit("pgpverify keys map", 8 * MIB);
    /**
     * An evidence file beside an artifact read again to compare its SHA-256 with the one the baseline recorded, before
     * reusing its verified result (docs/formats.md §1.7): the largest evidence file a verifier accepts.
     */
    public static final Limit EVIDENCE_FILE = new Limit("evidence file", 16 * MIB);

    /** Every limit above, in the order of docs/limits.md. */
    public static final List<Limit> ALL = List.of(SBOM, POLICY, TRUST_INDEX, KEY_FILE, PEM_KEY_FILE, SIGSTORE_ROOT, BASELINE,
            APPROVAL_LOG, INPUTS_RECORD, METADATA, FEED_SNAPSHOT, OSV_RECORD, FEED_ARCHIVE, MAVEN_SETTINGS, NPMRC, CA_FILE,
            FETCH_LOG, REGISTRY_DOCUMENT, REGISTRY_KEYS, NPM_ATTESTATIONS, MANIFEST, PYPI_PROVENANCE,
            TRUST_PLAN, GRADLE_VERIFICATION_METADATA, KEYSMAP, EVIDENCE_FILE);

    private Limits() {
    }
}
