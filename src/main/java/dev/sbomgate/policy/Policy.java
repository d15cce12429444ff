package dev.sbomgate.policy;

import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate's policy: a severity per rule, parameters, and dated waivers. Rules a policy does not mention
 * keep their default severity ({@link RuleId#defaultSeverity()}).
 *
 * @param name       the policy's name, for reports
 * @param severities the severities the policy sets explicitly
 * @param parameters the parameters the policy sets explicitly
 * @param waivers    the waivers, in file order
 * @param feed       the {@code feed:} section
 */
public record Policy(String name, Map<RuleId, Severity> severities, Map<RuleParameter, Object> parameters,
                     List<Waiver> waivers, FeedPolicy feed) {

    /** A policy with the default {@code feed:} section. */
    public Policy(String name, Map<RuleId, Severity> severities, Map<RuleParameter, Object> parameters,
                  List<Waiver> waivers) {
        this(name, severities, parameters, waivers, FeedPolicy.DEFAULT);
    }

    public Policy {
        feed = feed == null ? FeedPolicy.DEFAULT : feed;
        Objects.requireNonNull(name, "name");
        severities = Collections.unmodifiableMap(severities.isEmpty() ? new EnumMap<>(RuleId.class) : new EnumMap<>(severities));
        parameters = Collections.unmodifiableMap(parameters.isEmpty() ? new EnumMap<>(RuleParameter.class) : new EnumMap<>(parameters));
        waivers = List.copyOf(waivers);
        for (Map.Entry<RuleParameter, Object> e : parameters.entrySet()) {
            if (!e.getKey().valueType().isInstance(e.getValue())) {
                throw new IllegalArgumentException("parameter " + e.getKey().key() + " must be a "
                        + e.getKey().valueType().getSimpleName());
            }
        }
    }

    /** The built-in defaults, identical to {@code policies/default.yaml}. */
    public static Policy defaults() {
        return new Policy("default", Map.of(), Map.of(), List.of());
    }

    public Severity severity(RuleId rule) {
        return severities.getOrDefault(rule, rule.defaultSeverity());
    }

    public boolean isEnabled(RuleId rule) {
        return severity(rule) != Severity.OFF;
    }

    @SuppressWarnings("unchecked")
    public List<String> stringList(RuleParameter parameter) {
        return (List<String>) parameters.getOrDefault(parameter, parameter.defaultValue());
    }

    /** A String parameter's value, one of its {@link RuleParameter#choices()}. */
    public String text(RuleParameter parameter) {
        return (String) parameters.getOrDefault(parameter, parameter.defaultValue());
    }

    public boolean flag(RuleParameter parameter) {
        return (Boolean) parameters.getOrDefault(parameter, parameter.defaultValue());
    }

    public long number(RuleParameter parameter) {
        return (Long) parameters.getOrDefault(parameter, parameter.defaultValue());
    }

    public double decimal(RuleParameter parameter) {
        return (Double) parameters.getOrDefault(parameter, parameter.defaultValue());
    }
}
