package dev.sbomgate.fetch;

import dev.sbomgate.files.Limits;
import java.util.Arrays;
import java.util.List;

/**
 * What a fetched file is, with its download size cap and whether its absence fails the fetch (docs/evidence.md).
 * The caps are the "Downloads" table of docs/limits.md ({@link #LIMITS}, checked by a test).
 */
public enum FileKind {
    ARTIFACT("artifact", new Limits.Limit("artifact download", 512L * 1024 * 1024), true),
    METADATA("metadata", new Limits.Limit("registry document download", 16L * 1024 * 1024), true),
    SIGNATURE("signature", new Limits.Limit("signature download", 1024 * 1024), false),
    SIGSTORE("sigstore", new Limits.Limit("Sigstore bundle download", 16L * 1024 * 1024), false),
    CHECKSUM("checksum", new Limits.Limit("checksum file download", 4096), false),
    ATTESTATION("attestation", new Limits.Limit("attestations download", 16L * 1024 * 1024), false),
    PROVENANCE("provenance", new Limits.Limit("provenance download", 16L * 1024 * 1024), false),
    KEY("key", new Limits.Limit("public key download", 1024 * 1024), false),
    /** An OSV per-ecosystem archive downloaded by {@code feed update} (npm's is a few hundred MB). */
    FEED_ARCHIVE("osv-archive", new Limits.Limit("OSV archive download", 1024L * 1024 * 1024), true);

    /** Every download cap, in the order of docs/limits.md's "Downloads" table. */
    public static final List<Limits.Limit> LIMITS = Arrays.stream(values()).map(FileKind::limit).toList();

    private final String logName;
    private final Limits.Limit limit;
    private final boolean required;

    FileKind(String logName, Limits.Limit limit, boolean required) {
        this.logName = logName;
        this.limit = limit;
        this.required = required;
    }

    public String logName() {
        return logName;
    }

    /** The download size cap. */
    public Limits.Limit limit() {
        return limit;
    }

    /** The download size cap in bytes. */
    public long cap() {
        return limit.bytes();
    }

    /** Whether a missing file means the gate cannot decide (exit 1), rather than recorded absence. */
    public boolean required() {
        return required;
    }
}
