package dev.sbomgate.trust.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.text.Untrusted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A trust plan as YAML (docs/formats.md §2.9): written in one fixed key order, read strictly (one document, format
 * {@code plan: 1}, no unknown key at any level, every value of its type). Every error is a one-line
 * {@link BadInputException} naming the plan file and the key.
 */
public final class PlanYaml {

    private static final Set<String> TOP = Set.of("plan", "created", "trustStoreDigest", "sbom", "pins", "unresolved");
    private static final Set<String> SBOM = Set.of("path", "sha256");
    private static final Set<String> PIN = Set.of("action", "name", "fingerprint", "keyFile", "keyFileSha256", "scopes",
            "notBefore", "notAfter", "info");
    private static final Set<String> INFO = Set.of("userIds", "algorithm", "created", "expires", "signs");
    private static final Set<String> UNRESOLVED = Set.of("issuer", "reason", "components", "waiver");
    private static final Set<String> WAIVER = Set.of("rule", "purl", "reason", "expires");
    /** The actions of §2.9 this sbomgate does not apply yet: named, so the refusal says so. */
    private static final Set<String> NOT_YET = Set.of("add-identity", "add-registry-keys");

    private PlanYaml() {
    }

    /** The plan as YAML text, keys in the order of docs/formats.md §2.9, ending in a newline. */
    public static String write(TrustPlan plan) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("plan", TrustPlan.FORMAT);
        root.put("created", plan.created().toString());
        root.put("trustStoreDigest", plan.trustStoreDigest());
        if (plan.sbom() != null) {
            ObjectNode sbom = root.putObject("sbom");
            sbom.put("path", plan.sbom().path());
            sbom.put("sha256", plan.sbom().sha256());
        }
        ArrayNode pins = root.putArray("pins");
        for (TrustPlan.Pin pin : plan.pins()) {
            ObjectNode node = pins.addObject();
            node.put("action", pin.action().text());
            if (pin.action() == TrustPlan.Action.ADD_KEY) {
                node.put("name", pin.name());
            }
            node.put("fingerprint", pin.fingerprint().hex());
            if (pin.action() == TrustPlan.Action.ADD_KEY) {
                node.put("keyFile", pin.keyFile());
                node.put("keyFileSha256", pin.keyFileSha256());
            }
            ArrayNode scopes = node.putArray("scopes");
            pin.scopes().forEach(scopes::add);
            if (pin.action() == TrustPlan.Action.ADD_KEY) {
                putDate(node, "notBefore", pin.notBefore());
                putDate(node, "notAfter", pin.notAfter());
            }
            if (pin.info() != null) {
                ObjectNode info = node.putObject("info");
                ArrayNode ids = info.putArray("userIds");
                pin.info().userIds().forEach(ids::add);
                info.put("algorithm", pin.info().algorithm());
                putInstant(info, "created", pin.info().created());
                putInstant(info, "expires", pin.info().expires());
                ArrayNode signs = info.putArray("signs");
                pin.info().signs().forEach(signs::add);
            }
        }
        ArrayNode unresolved = root.putArray("unresolved");
        for (TrustPlan.Unresolved entry : plan.unresolved()) {
            ObjectNode node = unresolved.addObject();
            node.put("issuer", entry.issuer());
            node.put("reason", entry.reason());
            ArrayNode components = node.putArray("components");
            entry.components().forEach(components::add);
            if (entry.waiver() != null) {
                ObjectNode waiver = node.putObject("waiver");
                waiver.put("rule", entry.waiver().rule());
                waiver.put("purl", entry.waiver().purl());
                waiver.put("reason", entry.waiver().reason());
                waiver.put("expires", entry.waiver().expires().toString());
            }
        }
        try {
            String text = Mappers.yamlWriter().writeValueAsString(root);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a trust plan as YAML", e);
        }
    }

    /** Reads a plan strictly; {@code file} names it in errors. */
    public static TrustPlan read(byte[] bytes, String file) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (Mappers.severalYamlDocuments(text)) {
            throw new BadInputException(file + ": holds several YAML documents (separated by '---'); a trust plan is one"
                    + " document, and apply would pin only what the first one says");
        }
        JsonNode root;
        try {
            root = Mappers.strictYaml().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BadInputException(file + ": not a valid YAML trust plan" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(file + ": a trust plan is a YAML mapping starting with 'plan: 1'");
        }
        keys(root, TOP, file, "");
        JsonNode format = root.get("plan");
        if (format == null || !format.isInt() || format.intValue() != TrustPlan.FORMAT) {
            throw new BadInputException(file + ": plan: expected format 1, found "
                    + (format == null ? "no 'plan' key" : "'" + Untrusted.printable(format.asText()) + "'")
                    + "; this sbomgate reads trust plans of format 1");
        }
        Instant created = instant(required(root, "created", file, ""), file, "created");
        String digest = text(required(root, "trustStoreDigest", file, ""), file, "trustStoreDigest");
        TrustPlan.Sbom sbom = null;
        if (root.has("sbom") && !root.get("sbom").isNull()) {
            JsonNode node = object(root.get("sbom"), file, "sbom");
            keys(node, SBOM, file, "sbom.");
            sbom = new TrustPlan.Sbom(text(required(node, "path", file, "sbom."), file, "sbom.path"),
                    text(required(node, "sha256", file, "sbom."), file, "sbom.sha256"));
        }
        List<TrustPlan.Pin> pins = new ArrayList<>();
        JsonNode pinNodes = root.get("pins");
        if (pinNodes == null || !pinNodes.isArray()) {
            throw new BadInputException(file + ": pins: expected a list (it may be empty: [])");
        }
        int total = pinNodes.size() + (root.path("unresolved").isArray() ? root.get("unresolved").size() : 0);
        if (total > TrustPlan.MAX_ENTRIES) {
            throw new BadInputException(file + ": holds " + total + " entries, more than the " + TrustPlan.MAX_ENTRIES
                    + " a trust plan may hold");
        }
        for (int i = 0; i < pinNodes.size(); i++) {
            pins.add(pin(object(pinNodes.get(i), file, "pins[" + i + "]"), file, "pins[" + i + "]."));
        }
        List<TrustPlan.Unresolved> unresolved = new ArrayList<>();
        JsonNode unresolvedNodes = root.get("unresolved");
        if (unresolvedNodes != null && !unresolvedNodes.isNull()) {
            if (!unresolvedNodes.isArray()) {
                throw new BadInputException(file + ": unresolved: expected a list");
            }
            for (int i = 0; i < unresolvedNodes.size(); i++) {
                unresolved.add(unresolved(object(unresolvedNodes.get(i), file, "unresolved[" + i + "]"), file,
                        "unresolved[" + i + "]."));
            }
        }
        try {
            return new TrustPlan(created, digest, sbom, pins, unresolved);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private static TrustPlan.Pin pin(JsonNode node, String file, String at) {
        keys(node, PIN, file, at);
        String actionText = text(required(node, "action", file, at), file, at + "action");
        TrustPlan.Action action = TrustPlan.Action.parse(actionText);
        if (action == null) {
            throw new BadInputException(file + ": " + at + "action: '" + Untrusted.printable(actionText) + "' is "
                    + (NOT_YET.contains(actionText) ? "not applied by this sbomgate yet" : "not an action")
                    + "; expected add-key or set-scopes");
        }
        Fingerprint fingerprint;
        String fingerprintText = text(required(node, "fingerprint", file, at), file, at + "fingerprint");
        try {
            fingerprint = new Fingerprint(fingerprintText);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + at + "fingerprint: " + e.getMessage());
        }
        JsonNode scopeNodes = required(node, "scopes", file, at);
        if (!scopeNodes.isArray()) {
            throw new BadInputException(file + ": " + at + "scopes: expected a list of purl patterns");
        }
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < scopeNodes.size(); i++) {
            scopes.add(text(scopeNodes.get(i), file, at + "scopes[" + i + "]"));
        }
        TrustPlan.Info info = null;
        if (node.has("info") && !node.get("info").isNull()) {
            JsonNode infoNode = object(node.get("info"), file, at + "info");
            keys(infoNode, INFO, file, at + "info.");
            info = new TrustPlan.Info(texts(infoNode.get("userIds"), file, at + "info.userIds"),
                    optionalText(infoNode.get("algorithm"), file, at + "info.algorithm"),
                    optionalInstant(infoNode.get("created"), file, at + "info.created"),
                    optionalInstant(infoNode.get("expires"), file, at + "info.expires"),
                    texts(infoNode.get("signs"), file, at + "info.signs"));
        }
        try {
            return new TrustPlan.Pin(action, optionalText(node.get("name"), file, at + "name"), fingerprint,
                    optionalText(node.get("keyFile"), file, at + "keyFile"),
                    optionalText(node.get("keyFileSha256"), file, at + "keyFileSha256"), scopes,
                    optionalDate(node.get("notBefore"), file, at + "notBefore"),
                    optionalDate(node.get("notAfter"), file, at + "notAfter"), info);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + at.substring(0, at.length() - 1) + ": " + e.getMessage());
        }
    }

    private static TrustPlan.Unresolved unresolved(JsonNode node, String file, String at) {
        keys(node, UNRESOLVED, file, at);
        TrustPlan.Waiver waiver = null;
        if (node.has("waiver") && !node.get("waiver").isNull()) {
            JsonNode w = object(node.get("waiver"), file, at + "waiver");
            keys(w, WAIVER, file, at + "waiver.");
            waiver = new TrustPlan.Waiver(text(required(w, "rule", file, at + "waiver."), file, at + "waiver.rule"),
                    text(required(w, "purl", file, at + "waiver."), file, at + "waiver.purl"),
                    text(required(w, "reason", file, at + "waiver."), file, at + "waiver.reason"),
                    optionalDate(required(w, "expires", file, at + "waiver."), file, at + "waiver.expires"));
        }
        return new TrustPlan.Unresolved(text(required(node, "issuer", file, at), file, at + "issuer"),
                optionalText(node.get("reason"), file, at + "reason"), texts(node.get("components"), file,
                at + "components"), waiver);
    }

    private static void keys(JsonNode node, Set<String> allowed, String file, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new BadInputException(file + ": " + at + Untrusted.printable(key) + ": unknown key; a trust plan"
                        + " holds only " + String.join(", ", allowed.stream().sorted().toList()) + " here");
            }
        }
    }

    private static JsonNode required(JsonNode node, String key, String file, String at) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new BadInputException(file + ": " + at + key + ": missing");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String file, String at) {
        if (node == null || !node.isObject()) {
            throw new BadInputException(file + ": " + at + ": expected a mapping");
        }
        return node;
    }

    private static String text(JsonNode node, String file, String at) {
        if (node == null || !node.isTextual()) {
            throw new BadInputException(file + ": " + at + ": expected a string");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode node, String file, String at) {
        return node == null || node.isNull() ? null : text(node, file, at);
    }

    private static List<String> texts(JsonNode node, String file, String at) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new BadInputException(file + ": " + at + ": expected a list of strings");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(text(node.get(i), file, at + "[" + i + "]"));
        }
        return out;
    }

    private static Instant instant(JsonNode node, String file, String at) {
        String value = text(node, file, at);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException(file + ": " + at + ": expected a UTC time like 2026-12-07T01:00:00Z, got '"
                    + Untrusted.printable(value) + "'");
        }
    }

    private static Instant optionalInstant(JsonNode node, String file, String at) {
        return node == null || node.isNull() ? null : instant(node, file, at);
    }

    private static LocalDate optionalDate(JsonNode node, String file, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = text(node, file, at);
        try {
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException(file + ": " + at + ": expected a date like 2027-01-31, got '"
                    + Untrusted.printable(value) + "'");
        }
    }

    private static void putDate(ObjectNode node, String key, LocalDate date) {
        if (date == null) {
            node.putNull(key);
        } else {
            node.put(key, date.toString());
        }
    }

    private static void putInstant(ObjectNode node, String key, Instant instant) {
        if (instant == null) {
            node.putNull(key);
        } else {
            node.put(key, instant.toString());
        }
    }
}
