package dev.sbomgate.diff;

/** What changed about one component between a baseline and a candidate SBOM; docs/diff-format.md defines each. */
public enum ChangeKind {
    /** In the candidate only. */
    ADDED,
    /** In the baseline only. */
    REMOVED,
    /** The candidate's version is higher in the ecosystem's order. */
    UPGRADED,
    /** The candidate's version is lower: a rollback. */
    DOWNGRADED,
    /** The version string changed but is neither higher nor lower ({@code 1.0 -> 1.0.0}), or is missing on one side. */
    VERSION_CHANGED,
    /** Same version, and a hash algorithm both SBOMs offer has a different value: the release was mutated or rebuilt. */
    SAME_VERSION_DIFFERENT_HASHES,
    /** The set of hash algorithms offered changed (e.g. SHA-256 dropped, only SHA-1 left). */
    HASH_ALGORITHMS_CHANGED,
    /** The supplier, publisher, author or manufacturer changed. */
    SUPPLIER_CHANGED,
    /** Where it comes from changed: VCS URL, purl {@code repository_url}, or the same name under another namespace. */
    SOURCE_CHANGED,
    /** The declared licences changed. */
    LICENSE_CHANGED;

    /** A short human name, e.g. "same version, different hashes". */
    public String title() {
        return switch (this) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case UPGRADED -> "upgraded";
            case DOWNGRADED -> "downgraded";
            case VERSION_CHANGED -> "version changed";
            case SAME_VERSION_DIFFERENT_HASHES -> "same version, different hashes";
            case HASH_ALGORITHMS_CHANGED -> "hash algorithms changed";
            case SUPPLIER_CHANGED -> "supplier changed";
            case SOURCE_CHANGED -> "source changed";
            case LICENSE_CHANGED -> "license changed";
        };
    }
}
