package dev.sbomgate.signature.sigstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reading the protobuf-JSON documents of Sigstore (bundles, trusted roots) with Jackson: strict about syntax and types,
 * tolerant of fields it does not know (the formats grow), with every problem a {@link Failure#malformed}. Field names
 * are the lowerCamelCase names protobuf's JSON mapping writes; int64 fields may be JSON strings (as protobuf writes
 * them) or numbers; bytes fields are standard base64 (RFC 4648 section 4), padding optional, line breaks skipped.
 */
final class Json {

    private static final ObjectMapper MAPPER = Mappers.strictJson(64);

    private Json() {
    }

    /** The document as a tree; {@code what} names it in messages ("bundle", "trusted root"). */
    static JsonNode parse(byte[] bytes, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw Failure.malformed(what + " is not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw Failure.malformed(what + " cannot be read (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw Failure.malformed(what + " is not a JSON object");
        }
        return root;
    }

    static JsonNode object(JsonNode parent, String field, String where, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw Failure.malformed(where + " has no '" + field + "'");
            }
            return null;
        }
        if (!value.isObject()) {
            throw Failure.malformed(where + "." + field + " is not an object");
        }
        return value;
    }

    static List<JsonNode> array(JsonNode parent, String field, String where, boolean required, int max) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw Failure.malformed(where + " has no '" + field + "'");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw Failure.malformed(where + "." + field + " is not an array");
        }
        if (value.size() > max) {
            throw Failure.malformed(where + "." + field + " has " + value.size() + " elements; at most " + max
                    + " are accepted");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    static String text(JsonNode parent, String field, String where, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw Failure.malformed(where + " has no '" + field + "'");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw Failure.malformed(where + "." + field + " is not a string");
        }
        return value.textValue();
    }

    /** A protobuf int64: a JSON string of decimal digits (with an optional '-') or an integral number. */
    static long int64(JsonNode parent, String field, String where, boolean required, long absent) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw Failure.malformed(where + " has no '" + field + "'");
            }
            return absent;
        }
        String digits;
        if (value.isTextual()) {
            digits = value.textValue();
        } else if (value.isIntegralNumber()) {
            digits = value.bigIntegerValue().toString();
        } else {
            throw Failure.malformed(where + "." + field + " is not an integer");
        }
        if (!digits.matches("-?[0-9]{1,19}")) {
            throw Failure.malformed(where + "." + field + " is not an integer: '" + shown(digits) + "'");
        }
        BigInteger number = new BigInteger(digits);
        if (number.bitLength() > 63) {
            throw Failure.malformed(where + "." + field + " is out of range: " + digits);
        }
        return number.longValueExact();
    }

    static byte[] base64(JsonNode parent, String field, String where, boolean required) {
        String text = text(parent, field, where, required);
        return text == null ? null : decode(text, where + "." + field);
    }

    /** Standard base64; line breaks are skipped, as Go's decoder (which wrote many bundles) skips them. */
    static byte[] decode(String text, String where) {
        try {
            return Base64.getDecoder().decode(text.replace("\n", "").replace("\r", ""));
        } catch (IllegalArgumentException e) {
            throw Failure.malformed(where + " is not valid base64 (" + e.getMessage() + ")");
        }
    }

    /** An RFC 3339 time, as protobuf's JSON mapping writes a Timestamp. */
    static Instant time(JsonNode parent, String field, String where, boolean required) {
        String text = text(parent, field, where, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Failure.malformed(where + "." + field + " is not an RFC 3339 time: '" + shown(text) + "'");
        }
    }

    /** Text echoed in a message: one line, at most 80 characters, hidden characters visible. */
    static String shown(String text) {
        String oneLine = Untrusted.printable(text);
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
