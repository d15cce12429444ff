package dev.sbomgate.policy;

import dev.sbomgate.finding.RuleId;
import java.util.List;
import java.util.Optional;

/**
 * The parameters a policy may set for a rule, with their defaults. A key in a policy file that is not
 * listed here is an error, never ignored.
 */
public enum RuleParameter {
    /** Purl patterns whose components must carry a signature. */
    UNSIGNED_REQUIRE(RuleId.UNSIGNED, "require", List.of("pkg:maven/*/*")),
    /**
     * The evidence tier a {@code require}d component must carry (docs/formats.md §4.3): {@code PUBLISHER} (a
     * publisher's signature, provenance or attestation) or {@code REGISTRY} (an npm registry signature suffices).
     */
    UNSIGNED_TIER(RuleId.UNSIGNED, "tier", "PUBLISHER", List.of("REGISTRY", "PUBLISHER")),
    /** Purl types whose components keep the evidence tier of their approved version in the same release line. */
    SIGNATURE_DOWNGRADE_ECOSYSTEMS(RuleId.SIGNATURE_DOWNGRADE, "ecosystems", List.of("maven", "npm", "pypi")),
    /** Lower SIGNER_CHANGED to warn when the new key is pinned for the same scope (a planned rotation). */
    SIGNER_CHANGED_ALLOW_PINNED_ROTATION(RuleId.SIGNER_CHANGED, "allowPinnedRotation", Boolean.FALSE),
    /**
     * Lower SIGNER_CHANGED to warn when the key material proves the rotation from the approved key (a certification
     * by it, or its "superseded" revocation naming the new key) and the new key is pinned for the purl.
     */
    SIGNER_CHANGED_ALLOW_CERTIFIED_ROTATION(RuleId.SIGNER_CHANGED, "allowCertifiedRotation", Boolean.FALSE),
    /** A pinned key expiring within this many days of the check is a KEY_NOT_VALID warning. */
    KEY_NOT_VALID_EXPIRY_WARNING_DAYS(RuleId.KEY_NOT_VALID, "expiryWarningDays", 30L),
    /** Cooldown before a release may be taken, in hours. */
    RELEASE_TOO_FRESH_COOLDOWN_HOURS(RuleId.RELEASE_TOO_FRESH, "cooldownHours", 72L),
    /** Largest edit distance between a new name and a known one that counts as a typosquat. */
    TYPOSQUAT_MAX_DISTANCE(RuleId.TYPOSQUAT, "maxDistance", 1L),
    /** Artifact size change factor, either way, against the approved artifact, that is reported. */
    CONTENT_ANOMALY_SIZE_RATIO(RuleId.CONTENT_ANOMALY, "sizeRatio", 3.0d),
    /** Smallest new minified or packed script file, in bytes, that is reported (16384 at least: smaller ones are not recorded). */
    CONTENT_ANOMALY_OPAQUE_FILE_BYTES(RuleId.CONTENT_ANOMALY, "opaqueFileBytes", 32_768L);

    private final RuleId rule;
    private final String key;
    private final Object defaultValue;
    private final List<String> choices;

    RuleParameter(RuleId rule, String key, Object defaultValue) {
        this(rule, key, defaultValue, List.of());
    }

    RuleParameter(RuleId rule, String key, Object defaultValue, List<String> choices) {
        this.rule = rule;
        this.key = key;
        this.defaultValue = defaultValue;
        this.choices = choices;
    }

    /** The values a String parameter may take (an allowlist, docs/policy.md); empty for other types. */
    public List<String> choices() {
        return choices;
    }

    public RuleId rule() {
        return rule;
    }

    public String key() {
        return key;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    /** The Java type values of this parameter have: List (of strings), String (one of {@link #choices}), Boolean, Long or Double. */
    public Class<?> valueType() {
        return defaultValue instanceof List ? List.class : defaultValue.getClass();
    }

    public static Optional<RuleParameter> find(RuleId rule, String key) {
        for (RuleParameter p : values()) {
            if (p.rule == rule && p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The keys a rule accepts besides {@code severity}, for error messages. */
    public static List<String> keysOf(RuleId rule) {
        return java.util.Arrays.stream(values()).filter(p -> p.rule == rule).map(RuleParameter::key).toList();
    }
}
