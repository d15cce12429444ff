package dev.sbomgate.trust;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.text.Untrusted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reading a registry's keys document ({@code GET {registry}/-/npm/v1/keys}:
 * {@code {"keys": [{expires, keyid, keytype, scheme, key}]}}) and the {@code registryKeys} entries of trust.json v2
 * (docs/formats.md 2.3), and writing those entries canonically. Kept apart from {@link TrustIndex} so that the
 * index's reader only hands the array over.
 */
final class RegistryKeys {

    static final int MAX_KEYS = 64;
    private static final Set<String> FIELDS = Set.of("name", "registry", "keyid", "fingerprint", "keytype", "scheme",
            "key", "expires", "scopes", "notBefore", "notAfter", "revoked");

    private RegistryKeys() {
    }

    /** One key of a keys document. */
    record DocumentKey(String keyid, byte[] key, Instant expires) {
    }

    /** The keys of a registry's keys document; refuses a key type other than ECDSA P-256 and anything malformed. */
    static List<DocumentKey> readDocument(byte[] bytes, String source) {
        if (bytes.length > Limits.REGISTRY_KEYS.bytes()) {
            throw new BadInputException(source + ": larger than " + Limits.REGISTRY_KEYS.bytes() + " bytes; not a keys document");
        }
        JsonNode root;
        try {
            root = StrictJson.parse(bytes, source);
        } catch (RuntimeException e) {
            throw new BadInputException(source + ": not valid JSON (" + Untrusted.printable(String.valueOf(e.getMessage())) + ")");
        }
        JsonNode keys = root.path("keys");
        if (!keys.isArray() || keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new BadInputException(source + ": expected {\"keys\": [...]} with 1 to " + MAX_KEYS + " keys, as"
                    + " GET https://registry.npmjs.org/-/npm/v1/keys returns");
        }
        List<DocumentKey> out = new ArrayList<>();
        int i = 0;
        for (JsonNode k : keys) {
            String where = source + ": keys[" + i++ + "]";
            String keyid = text(k, "keyid", where, true);
            for (String field : new String[] {"keytype", "scheme"}) {
                String value = text(k, field, where, true);
                if (!RegistryKeyPin.KEYTYPE.equals(value)) {
                    throw new BadInputException(where + ": " + field + " '" + Untrusted.printable(value) + "' is not "
                            + RegistryKeyPin.KEYTYPE + ", the only one accepted");
                }
            }
            byte[] der = base64(text(k, "key", where, true), where);
            try {
                RegistryKeyPin.publicKey(der);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": " + e.getMessage());
            }
            out.add(new DocumentKey(keyid, der, instant(k, "expires", where)));
        }
        return out;
    }

    /** The {@code registryKeys} array of a trust.json v2 index. */
    static List<RegistryKeyPin> readIndex(JsonNode array, String indexName) {
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new BadInputException(indexName + ": expected \"registryKeys\" to be an array");
        }
        List<RegistryKeyPin> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : array) {
            String where = indexName + ": registryKeys[" + i++ + "]";
            if (!node.isObject()) {
                throw new BadInputException(where + ": expected an object");
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!FIELDS.contains(n)) {
                    throw new BadInputException(where + ": unknown field '" + Untrusted.printable(n) + "'; allowed: "
                            + String.join(", ", FIELDS.stream().sorted().toList()));
                }
            }
            for (String field : new String[] {"keytype", "scheme"}) {
                if (!RegistryKeyPin.KEYTYPE.equals(text(node, field, where, true))) {
                    throw new BadInputException(where + ": " + field + " must be " + RegistryKeyPin.KEYTYPE);
                }
            }
            List<PurlPattern> scopes = new ArrayList<>();
            JsonNode scopeNodes = node.get("scopes");
            if (scopeNodes == null || !scopeNodes.isArray() || scopeNodes.isEmpty()) {
                throw new BadInputException(where + ": scopes must be a non-empty array of purl patterns");
            }
            for (JsonNode s : scopeNodes) {
                try {
                    scopes.add(PurlPattern.parse(s.asText()));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(where + ": malformed " + e.getMessage());
                }
            }
            RegistryKeyPin pin;
            try {
                pin = new RegistryKeyPin(text(node, "name", where, true), text(node, "registry", where, true),
                        text(node, "keyid", where, true), base64(text(node, "key", where, true), where),
                        instant(node, "expires", where), scopes, date(node, "notBefore", where), date(node, "notAfter", where),
                        TrustIndex.revoked(node, where));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": " + e.getMessage());
            }
            String fingerprint = text(node, "fingerprint", where, true);
            if (!pin.fingerprint().hex().equalsIgnoreCase(fingerprint)) {
                throw new BadInputException(where + ": fingerprint " + Untrusted.printable(fingerprint) + " is not the"
                        + " SHA-256 of its key (" + pin.fingerprint() + ")");
            }
            out.add(pin);
        }
        return out;
    }

    /** The canonical {@code "registryKeys": [...]} member (without a trailing comma or newline), sorted by fingerprint. */
    static String write(List<RegistryKeyPin> pins) {
        List<RegistryKeyPin> sorted = new ArrayList<>(pins);
        sorted.sort(Comparator.comparing(RegistryKeyPin::fingerprint));
        StringBuilder sb = new StringBuilder("  \"registryKeys\": [\n");
        for (int i = 0; i < sorted.size(); i++) {
            RegistryKeyPin p = sorted.get(i);
            sb.append("    {\n");
            field(sb, "name", p.name());
            field(sb, "registry", p.registry());
            field(sb, "keyid", p.keyid());
            field(sb, "fingerprint", p.fingerprint().hex());
            field(sb, "keytype", RegistryKeyPin.KEYTYPE);
            field(sb, "scheme", RegistryKeyPin.KEYTYPE);
            field(sb, "key", p.keyBase64());
            sb.append("      \"expires\": ").append(p.expires() == null ? "null" : quote(p.expires().toString())).append(",\n");
            sb.append("      \"scopes\": [\n");
            for (int j = 0; j < p.scopes().size(); j++) {
                sb.append("        ").append(quote(p.scopes().get(j).toString())).append(j + 1 < p.scopes().size() ? ",\n" : "\n");
            }
            boolean window = p.notBefore() != null || p.notAfter() != null;
            boolean revoked = p.revoked() != null;
            sb.append("      ]").append(window || revoked ? ",\n" : "\n");
            if (p.notBefore() != null) {
                sb.append("      \"notBefore\": ").append(quote(p.notBefore().toString()))
                        .append(p.notAfter() != null || revoked ? ",\n" : "\n");
            }
            if (p.notAfter() != null) {
                sb.append("      \"notAfter\": ").append(quote(p.notAfter().toString())).append(revoked ? ",\n" : "\n");
            }
            if (revoked) {
                sb.append("      \"revoked\": ").append(TrustIndex.revokedJson(p.revoked())).append("\n");
            }
            sb.append("    }").append(i + 1 < sorted.size() ? ",\n" : "\n");
        }
        return sb.append("  ]").toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append("      ").append(quote(name)).append(": ").append(quote(value)).append(",\n");
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadInputException(where + ": missing '" + field + "'");
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new BadInputException(where + ": '" + field + "' must be a non-empty string");
        }
        return v.textValue();
    }

    private static byte[] base64(String text, String where) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": key is not base64");
        }
    }

    private static Instant instant(JsonNode node, String field, String where) {
        if (!node.has(field)) {
            throw new BadInputException(where + ": missing '" + field + "' (null for none)");
        }
        String text = text(node, field, where, false);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(where + ": " + field + " must be an ISO-8601 time, found '" + Untrusted.printable(text) + "'");
        }
    }

    private static LocalDate date(JsonNode node, String field, String where) {
        String text = text(node, field, where, false);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(where + ": " + field + " must be a date like 2026-01-31");
        }
    }
}
