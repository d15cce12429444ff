package dev.sbomgate.finding;

import java.util.Optional;

/**
 * The stable rule identifiers. They appear in JSON, SARIF, JUnit reports, policy files, waivers and
 * {@code approve --accept RULE:PURL}: never rename one.
 */
public enum RuleId {
    // Integrity: is this the artifact, signed by the key, that it claims to be?
    HASH_MISMATCH(Category.INTEGRITY, Severity.BLOCK, "The artifact's bytes differ from a digest the SBOM declares."),
    BAD_SIGNATURE(Category.INTEGRITY, Severity.BLOCK, "A signature is present and does not verify."),
    UNSIGNED(Category.INTEGRITY, Severity.BLOCK, "No signature where the policy requires one."),
    SIGNATURE_DOWNGRADE(Category.INTEGRITY, Severity.BLOCK, "Weaker evidence than the approved version in its release line (lost provenance or signature)."),
    UNTRUSTED_SIGNER(Category.INTEGRITY, Severity.BLOCK, "The signing key is not pinned for this package, so the signature cannot vouch for it."),
    SIGNER_CHANGED(Category.INTEGRITY, Severity.BLOCK, "Signed by another key, or published from another repository or workflow, than the baseline recorded."),
    KEY_NOT_VALID(Category.INTEGRITY, Severity.BLOCK, "The key was expired or revoked at signing time, or signed outside its pin's window."),
    WEAK_CRYPTO(Category.INTEGRITY, Severity.BLOCK, "MD5/SHA-1 signature digest, RSA under 2048 bits, DSA, or only MD5/SHA-1 hashes offered."),
    MUTATED_RELEASE(Category.INTEGRITY, Severity.BLOCK, "Same package and version as approved, but other bytes or another signer."),
    MISSING_ARTIFACT(Category.INTEGRITY, Severity.BLOCK, "Artifacts were given, but this component's file is not among them."),
    KNOWN_MALICIOUS(Category.INTEGRITY, Severity.BLOCK, "A malicious-package feed lists this component's version or artifact digest."),
    // Change: does this update look like the package's normal releases?
    ROLLBACK(Category.CHANGE, Severity.BLOCK, "A version lower than the approved one."),
    NEW_COMPONENT(Category.CHANGE, Severity.WARN, "A component that is not in the baseline."),
    NEW_DEPENDENCY_IN_PATCH(Category.CHANGE, Severity.BLOCK, "A patch or minor update adds a dependency on a brand-new component."),
    TYPOSQUAT(Category.CHANGE, Severity.BLOCK, "A new component whose name imitates a known package (a look-alike, misspelt, combo or scope name)."),
    SUPPLIER_CHANGED(Category.CHANGE, Severity.WARN, "Supplier, publisher, author or manufacturer differs from the approved version's."),
    SOURCE_CHANGED(Category.CHANGE, Severity.WARN, "The VCS URL or the purl's repository_url changed."),
    DEPENDENCY_CONFUSION(Category.CHANGE, Severity.BLOCK, "An approved package now resolves from another registry, namespace or type under the same name."),
    NON_REGISTRY_SOURCE(Category.CHANGE, Severity.WARN, "Resolved from a git URL, a tarball URL or a local path instead of a registry."),
    LICENSE_CHANGED(Category.CHANGE, Severity.WARN, "The declared licences changed."),
    RELEASE_TOO_FRESH(Category.CHANGE, Severity.WARN, "Released more recently than the policy's cooldown."),
    SBOM_REGRESSION(Category.CHANGE, Severity.WARN, "The candidate SBOM is older than the approved one."),
    // Content: what the artifact will run when it is installed.
    INSTALL_HOOK_ADDED(Category.CONTENT, Severity.BLOCK, "The update adds or changes an install-time hook: an npm install script, a .pth import, a Java agent."),
    CONTENT_ANOMALY(Category.CONTENT, Severity.WARN, "The artifact's content changed unusually (size, native binaries, minified files), or the archive is hostile."),
    // The gate's own state.
    WAIVER_EXPIRED(Category.GATE, Severity.BLOCK, "A waiver in the policy is past its expiry date."),
    BASELINE_TAMPERED(Category.GATE, Severity.BLOCK, "The baseline or its approval log was edited outside sbomgate."),
    FEED_STALE(Category.GATE, Severity.WARN, "The malicious-package feed snapshot is older than the policy allows, rolled back since approval, or missing where required."),
    SBOM_DEVIATION(Category.GATE, Severity.WARN, "The SBOM violates its schema where a real generator is known to, in a field the gate does not judge."),

    TRUST_STORE_CHANGED(Category.GATE, Severity.BLOCK, "A pin was added, removed or re-scoped in the trust store since the last approval.");

    /** The families of rules, as PRODUCT.md groups them. */
    public enum Category { INTEGRITY, CHANGE, CONTENT, GATE }

    private final Category category;
    private final Severity defaultSeverity;
    private final String summary;

    RuleId(Category category, Severity defaultSeverity, String summary) {
        this.category = category;
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
    }

    public Category category() {
        return category;
    }

    /** The severity of {@code policies/default.yaml}. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** One line: what the rule detects. */
    public String summary() {
        return summary;
    }

    public static Optional<RuleId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (RuleId id : values()) {
            if (id.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
