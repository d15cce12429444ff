package dev.sbomgate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The JSON plumbing shared by the baseline file and the approval log: one hardened Jackson tree mapper
 * (no data binding, so no default typing and no polymorphic deserialisation), deterministic writers, and
 * strict typed accessors whose errors name the file and the JSON path.
 */
public final class StrictJson {
    /** Deepest nesting a baseline needs is 5 (root, components, component, hashes, hash); 32 leaves headroom. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** No file sbomgate writes comes near this; it bounds what a hostile baseline can make us hold. */
    public static final long MAX_DOCUMENT_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
    private static final ObjectWriter COMPACT = MAPPER.writer();
    /** Reads one value out of a running stream: what follows it is the caller's to read, not a trailing token. */
    private static final ObjectReader SUBTREE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    private static ObjectMapper createMapper() {
        return Mappers.strictJson(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .maxNumberLength(32)
                .maxStringLength(16 * 1024 * 1024)
                .maxNameLength(64 * 1024)
                .build());
    }

    /** Two-space indent, '\n' line ends on every platform, {@code "key": value}, empty containers as {@code []}/{@code {}}. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The node, indented, with a trailing newline. */
    public static byte[] pretty(JsonNode node) {
        try {
            byte[] body = PRETTY.writeValueAsBytes(node);
            byte[] withNewline = java.util.Arrays.copyOf(body, body.length + 1);
            withNewline[body.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node on one line, no spaces. */
    public static byte[] compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A UTF-8 generator writing what {@link #pretty} writes for the same calls (it is made by the same writer, so
     * the same indenter, separators and escaping), without the trailing newline; for documents too large to build
     * as a tree.
     */
    public static JsonGenerator prettyGenerator(OutputStream out) throws IOException {
        return PRETTY.createGenerator(out);
    }

    /** A UTF-8 generator writing what {@link #compact} writes for the same calls. */
    public static JsonGenerator compactGenerator(OutputStream out) throws IOException {
        return COMPACT.createGenerator(out);
    }

    /** Parses bytes into a tree; a syntax error, a duplicate key or an exceeded limit is a BadInputException. */
    public static JsonNode parse(byte[] bytes, String source) {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new BadInputException(source + ": " + bytes.length + " bytes is over the " + MAX_DOCUMENT_BYTES
                    + "-byte limit for sbomgate's state files");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new BadInputException(source + ": empty, expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException(source + ": not valid JSON" + where + ": " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read JSON: " + oneLine(e.getMessage()));
        }
    }

    /**
     * A streaming parser over {@code in} with the same hardening as {@link #parse}: the same size, depth and
     * length limits, and a repeated key is an error. The caller checks that nothing follows the document, and owns
     * {@code in}: the parser never closes it (at the end of the input or on close), so the caller can go on reading
     * it, e.g. to hash every byte of the file.
     */
    public static JsonParser parser(InputStream in) throws IOException {
        JsonParser parser = MAPPER.getFactory().createParser(in);
        parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return parser;
    }

    /** The value starting at the parser's current token, as a tree; the parser is left on its last token. */
    public static JsonNode readValue(JsonParser parser) throws IOException {
        return SUBTREE.readTree(parser);
    }

    /** A reader positioned at one object, for typed, path-naming access to its members. */
    public static final class Obj {
        private final JsonNode node;
        private final String source;
        private final String path;

        public Obj(JsonNode node, String source, String path) {
            this.node = node;
            this.source = source;
            this.path = path;
            if (!node.isObject()) {
                throw fail(path, "expected an object but found " + kind(node));
            }
        }

        public String path() {
            return path;
        }

        public String source() {
            return source;
        }

        public String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** Refuses keys outside {@code allowed} and missing keys of {@code required}. */
        public Obj keys(Set<String> allowed, Set<String> required) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw fail(child(key), "unknown key (expected one of " + new TreeSet<>(allowed) + ")");
                }
            }
            for (String key : required) {
                if (!node.has(key)) {
                    // Several missing: name the first in sorted order, whatever order the set iterates in.
                    for (String first : new TreeSet<>(required)) {
                        if (!node.has(first)) {
                            throw fail(child(first), "required key is missing");
                        }
                    }
                }
            }
            return this;
        }

        public JsonNode raw(String key) {
            return node.get(key);
        }

        public boolean isNull(String key) {
            JsonNode value = node.get(key);
            return value == null || value.isNull();
        }

        /** A string member, or null when absent or null and {@code nullable}. */
        public String text(String key, boolean nullable) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (nullable) {
                    return null;
                }
                throw fail(child(key), "expected a string but found " + (value == null ? "nothing" : "null"));
            }
            if (!value.isTextual()) {
                throw fail(child(key), "expected a string but found " + kind(value));
            }
            return value.textValue();
        }

        public int integer(String key) {
            JsonNode value = node.get(key);
            if (value == null || !value.isInt()) {
                String found = value == null ? "nothing"
                        : value.isIntegralNumber() ? "a number out of range" : kind(value);
                throw fail(child(key), "expected an integer but found " + found);
            }
            return value.intValue();
        }

        public Instant instant(String key, boolean nullable) {
            String text = text(key, nullable);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw fail(child(key), "expected an ISO-8601 UTC time like 2026-01-31T12:00:00Z but found " + quote(text));
            }
        }

        /** A string parsed by {@code parser}; its IllegalArgumentException becomes a path-naming error. */
        public <T> T parsed(String key, boolean nullable, String what, Function<String, T> parser) {
            String text = text(key, nullable);
            if (text == null) {
                return null;
            }
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw fail(child(key), "malformed " + what + " " + quote(text) + ": " + oneLine(e.getMessage()));
            }
        }

        public Obj object(String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                throw fail(child(key), "required key is missing");
            }
            return new Obj(value, source, child(key));
        }

        /** The elements of an array member; an absent member is an empty list only when {@code optional}. */
        public List<JsonNode> array(String key, boolean optional) {
            JsonNode value = node.get(key);
            if (value == null && optional) {
                return List.of();
            }
            if (value == null || !value.isArray()) {
                throw fail(child(key), "expected an array but found " + (value == null ? "nothing" : kind(value)));
            }
            List<JsonNode> out = new ArrayList<>(value.size());
            value.forEach(out::add);
            return out;
        }

        /** The strings of an array member. */
        public List<String> strings(String key, boolean optional) {
            List<JsonNode> elements = array(key, optional);
            List<String> out = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                JsonNode element = elements.get(i);
                if (!element.isTextual()) {
                    throw fail(child(key) + "[" + i + "]", "expected a string but found " + kind(element));
                }
                out.add(element.textValue());
            }
            return out;
        }

        public Set<java.util.Map.Entry<String, JsonNode>> members() {
            return node.properties();
        }

        public BadInputException fail(String at, String problem) {
            return StrictJson.fail(source, at, problem);
        }
    }

    public static BadInputException fail(String source, String path, String problem) {
        return new BadInputException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "a number" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A value for a one-line message: quoted, control characters escaped, long values shortened. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder("'");
        int limit = Math.min(value.length(), 120);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (value.length() > limit) {
            sb.append("…");
        }
        return sb.append('\'').toString();
    }

    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
