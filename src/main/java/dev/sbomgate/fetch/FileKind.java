package dev.sbomgate.fetch;

/** What a fetched file is, with its size cap and whether its absence fails the fetch (docs/evidence.md). */
public enum FileKind {
    ARTIFACT("artifact", 512L * 1024 * 1024, true),
    METADATA("metadata", 16L * 1024 * 1024, true),
    SIGNATURE("signature", 1024 * 1024, false),
    SIGSTORE("sigstore", 1024 * 1024, false),
    CHECKSUM("checksum", 4096, false),
    ATTESTATION("attestation", 16L * 1024 * 1024, false),
    KEY("key", 1024 * 1024, false);

    private final String logName;
    private final long cap;
    private final boolean required;

    FileKind(String logName, long cap, boolean required) {
        this.logName = logName;
        this.cap = cap;
        this.required = required;
    }

    public String logName() {
        return logName;
    }

    /** The default size cap in bytes. */
    public long cap() {
        return cap;
    }

    /** Whether a missing file means the gate cannot decide (exit 1), rather than recorded absence. */
    public boolean required() {
        return required;
    }
}
