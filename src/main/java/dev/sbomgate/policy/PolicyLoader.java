package dev.sbomgate.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.trust.PurlPattern;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file (YAML, documented in docs/policy.md). Strict: an unknown key, rule, severity or
 * parameter is an error naming the file and the key, never ignored.
 */
public final class PolicyLoader {
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "description", "rules", "waivers", "feed");
    private static final Set<String> FEED_KEYS = Set.of("max_age", "required");
    private static final Set<String> WAIVER_KEYS = Set.of("rule", "purl", "reason", "expires", "ticket", "record");

    private PolicyLoader() {
    }

    public static Policy load(Path file) {
        String text = read(file);
        JsonNode root;
        try {
            refuseSeveralDocuments(file, text);
            root = Mappers.strictYaml().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException(file + ": not a valid YAML policy" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new BadInputException(file + ": the policy file is empty");
        }
        if (!root.isObject()) {
            throw new BadInputException(file + ": a policy is a mapping with keys " + sorted(TOP_LEVEL_KEYS));
        }
        checkKeys(file, "policy", root, TOP_LEVEL_KEYS);
        String name = root.hasNonNull("name") ? root.get("name").asText() : fileStem(file);
        Map<RuleId, Severity> severities = new EnumMap<>(RuleId.class);
        Map<RuleParameter, Object> parameters = new EnumMap<>(RuleParameter.class);
        JsonNode rules = root.get("rules");
        if (rules != null && !rules.isNull()) {
            if (!rules.isObject()) {
                throw new BadInputException(file + ": 'rules' must map rule IDs to settings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                RuleId rule = RuleId.parse(entry.getKey()).orElseThrow(() -> new BadInputException(
                        file + ": unknown rule '" + entry.getKey() + "' (see 'sbomgate rules')"));
                readRule(file, rule, entry.getValue(), severities, parameters);
            }
        }
        List<Waiver> waivers = readWaivers(file, root.get("waivers"));
        return new Policy(name, severities, parameters, waivers, readFeed(file, root.get("feed")));
    }

    private static void readRule(Path file, RuleId rule, JsonNode settings, Map<RuleId, Severity> severities,
                                 Map<RuleParameter, Object> parameters) {
        if (settings.isTextual() || settings.isBoolean()) {
            severities.put(rule, severity(file, rule, settings));
            return;
        }
        if (!settings.isObject()) {
            throw new BadInputException(file + ": rule " + rule + " needs a severity (block, warn, info, off) or a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("severity")) {
                severities.put(rule, severity(file, rule, entry.getValue()));
                continue;
            }
            RuleParameter parameter = RuleParameter.find(rule, entry.getKey()).orElseThrow(() -> new BadInputException(
                    file + ": unknown key '" + entry.getKey() + "' for rule " + rule + "; it accepts: "
                            + sorted(withSeverity(RuleParameter.keysOf(rule)))));
            parameters.put(parameter, value(file, rule, parameter, entry.getValue()));
        }
    }

    private static Severity severity(Path file, RuleId rule, JsonNode node) {
        // YAML 1.1 reads an unquoted `off` as the boolean false.
        if (node.isBoolean() && !node.booleanValue()) {
            return Severity.OFF;
        }
        return Severity.parse(node.isTextual() ? node.asText() : null).orElseThrow(() -> new BadInputException(
                file + ": rule " + rule + " has severity '" + node.asText() + "'; expected block, warn, info or off"));
    }

    private static Object value(Path file, RuleId rule, RuleParameter parameter, JsonNode node) {
        Class<?> type = parameter.valueType();
        String where = file + ": " + rule + "." + parameter.key();
        if (type == List.class) {
            if (!node.isArray()) {
                throw new BadInputException(where + " must be a list of strings");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new BadInputException(where + " must be a list of strings, found " + item);
                }
                values.add(item.asText());
                if (parameter == RuleParameter.SIGNATURE_DOWNGRADE_ECOSYSTEMS
                        && !item.asText().matches("[a-z][a-z0-9.+-]{0,63}")) {
                    throw new BadInputException(where + ": '" + item.asText() + "' is not a purl type (lower-case, e.g."
                            + " maven, npm, pypi)");
                }
                if (parameter == RuleParameter.UNSIGNED_REQUIRE && !item.asText().equals("*")) {
                    try {
                        PurlPattern.parse(item.asText());
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException(where + ": '" + item.asText() + "' is not a purl pattern (" + e.getMessage() + ")");
                    }
                }
            }
            return List.copyOf(values);
        }
        if (type == String.class) {
            if (node.isTextual() && parameter.choices().contains(node.asText())) {
                return node.asText();
            }
            throw new BadInputException(where + " must be one of " + String.join(", ", parameter.choices())
                    + ", found '" + node.asText() + "'");
        }
        if (type == Boolean.class && node.isBoolean()) {
            return node.booleanValue();
        }
        if (type == Long.class && node.canConvertToLong() && node.isIntegralNumber() && node.longValue() >= 0) {
            return node.longValue();
        }
        if (type == Double.class && node.isNumber() && node.doubleValue() > 0) {
            return node.doubleValue();
        }
        throw new BadInputException(where + " must be " + switch (type.getSimpleName()) {
            case "Boolean" -> "true or false";
            case "Long" -> "a whole number >= 0";
            default -> "a positive number";
        } + ", found '" + node.asText() + "'");
    }

    private static List<Waiver> readWaivers(Path file, JsonNode node) {
        List<Waiver> waivers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return waivers;
        }
        if (!node.isArray()) {
            throw new BadInputException(file + ": 'waivers' must be a list");
        }
        int index = 0;
        for (JsonNode w : node) {
            index++;
            String where = file + ": waiver #" + index;
            if (!w.isObject()) {
                throw new BadInputException(where + " must be a mapping with keys " + sorted(WAIVER_KEYS));
            }
            checkKeys(file, "waiver #" + index, w, WAIVER_KEYS);
            for (String required : List.of("rule", "purl", "reason", "expires")) {
                if (!w.hasNonNull(required) || w.get(required).asText().isBlank()) {
                    throw new BadInputException(where + " needs '" + required + "' (rule, purl, reason and expires are required)");
                }
            }
            RuleId rule = RuleId.parse(w.get("rule").asText()).orElseThrow(() -> new BadInputException(
                    where + ": unknown rule '" + w.get("rule").asText() + "'"));
            LocalDate expires;
            try {
                expires = LocalDate.parse(w.get("expires").asText());
            } catch (DateTimeParseException e) {
                throw new BadInputException(where + ": expires must be a date like 2027-01-31, found '" + w.get("expires").asText() + "'");
            }
            PurlPattern purl;
            try {
                purl = PurlPattern.parse(w.get("purl").asText());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": purl pattern '" + w.get("purl").asText() + "' is malformed: " + e.getMessage());
            }
            String ticket = w.hasNonNull("ticket") ? w.get("ticket").asText() : null;
            List<String> records = knownMaliciousRecords(where, rule, w);
            waivers.add(new Waiver(rule, purl, w.get("reason").asText(), expires, ticket, records));
        }
        return waivers;
    }

    /**
     * A KNOWN_MALICIOUS waiver names the feed record(s) it accepts ({@code record}: an id or a list of ids) for one
     * exact purl with its version: a pattern or a bare rule would accept malware published later under the same name.
     * Other rules take no {@code record}.
     */
    private static List<String> knownMaliciousRecords(String where, RuleId rule, JsonNode w) {
        JsonNode record = w.get("record");
        if (rule != RuleId.KNOWN_MALICIOUS) {
            if (record != null) {
                throw new BadInputException(where + ": 'record' names feed records, for rule KNOWN_MALICIOUS only");
            }
            return List.of();
        }
        String purlText = w.get("purl").asText();
        boolean exact = !purlText.contains("*");
        try {
            exact &= !PurlPattern.parse(purlText).isRange(); // a version range names many releases
        } catch (IllegalArgumentException e) {
            exact = false;
        }
        if (exact) {
            try {
                exact = dev.sbomgate.model.Purl.parse(purlText).version() != null;
            } catch (IllegalArgumentException e) {
                exact = false;
            }
        }
        if (!exact) {
            throw new BadInputException(where + ": a KNOWN_MALICIOUS waiver needs one exact purl with its version (no '*'),"
                    + " found '" + purlText + "'");
        }
        List<String> ids = new ArrayList<>();
        if (record != null && record.isTextual()) {
            ids.add(record.textValue());
        } else if (record != null && record.isArray()) {
            record.forEach(r -> ids.add(r.asText()));
        }
        if (ids.isEmpty() || ids.stream().anyMatch(String::isBlank)) {
            throw new BadInputException(where + ": a KNOWN_MALICIOUS waiver needs 'record': the feed record id(s) it"
                    + " accepts, e.g. record: MAL-2025-1234");
        }
        return ids;
    }

    /** The {@code feed:} section: {@code max_age} (7d, 48h) and {@code required}. */
    private static FeedPolicy readFeed(Path file, JsonNode node) {
        if (node == null || node.isNull()) {
            return FeedPolicy.DEFAULT;
        }
        if (!node.isObject()) {
            throw new BadInputException(file + ": 'feed' must be a mapping with keys " + sorted(FEED_KEYS));
        }
        checkKeys(file, "feed", node, FEED_KEYS);
        java.time.Duration maxAge = FeedPolicy.DEFAULT.maxAge();
        if (node.has("max_age")) {
            try {
                maxAge = FeedPolicy.parseDuration(node.get("max_age").isTextual() ? node.get("max_age").textValue() : "");
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + ": feed.max_age: " + e.getMessage() + ", found '"
                        + node.get("max_age").asText() + "'");
            }
        }
        boolean required = FeedPolicy.DEFAULT.required();
        if (node.has("required")) {
            if (!node.get("required").isBoolean()) {
                throw new BadInputException(file + ": feed.required must be true or false, found '"
                        + node.get("required").asText() + "'");
            }
            required = node.get("required").booleanValue();
        }
        return new FeedPolicy(maxAge, required);
    }

    private static void checkKeys(Path file, String what, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new BadInputException(file + ": unknown key '" + key + "' in " + what + "; allowed: " + sorted(allowed));
            }
        }
    }

    private static String read(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(InputFiles.read(file, Limits.POLICY))).toString();
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": policy file not found");
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": policy file is not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read policy file: " + e.getMessage());
        }
    }

    /**
     * A YAML stream may hold several documents ({@code ---}); Jackson reads the first. A reviewer reading a later one
     * would believe it applies, so a policy is exactly one document.
     */
    private static void refuseSeveralDocuments(Path file, String text) {
        if (!Mappers.severalYamlDocuments(text)) {
            return;
        }
        throw new BadInputException(file + ": holds several YAML documents (separated by '---'); a policy is one"
                + " document: merge them into one, or keep each in a file of its own");
    }

    private static List<String> withSeverity(List<String> keys) {
        List<String> all = new ArrayList<>(keys);
        all.add("severity");
        return all;
    }

    private static String sorted(java.util.Collection<String> keys) {
        String[] array = keys.toArray(new String[0]);
        Arrays.sort(array);
        return String.join(", ", array);
    }

    private static String fileStem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
