package dev.sbomgate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sbomgate.text.Untrusted;

/**
 * Every Jackson mapper sbomgate uses, configured here and nowhere else. Readers of untrusted input are strict: a
 * repeated key is refused (which of two values did the reviewer read?), so is anything after the document, a comment
 * or a non-numeric number; nesting is bounded. Only tree reading is used on untrusted input (no data binding, so no
 * default typing or polymorphic deserialisation), except for the CycloneDX beans, which bind through their own
 * annotated deserialisers after our strict read. Writers are deterministic: two-space indent, {@code \n} line ends on
 * every platform, and every character {@link Untrusted#hidden} escaped as {@code \\uXXXX} (RFC 8259 section 7).
 */
public final class Mappers {
    /** Deepest nesting a strict reader accepts unless told otherwise. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final ObjectMapper BEANS = new ObjectMapper();
    private static final ObjectMapper STRICT = strictJson(DEFAULT_MAX_DEPTH);

    // Built on first use, each in its own holder class: a check of a JSON SBOM needs neither YAML (unless it has a
    // policy file) nor TOML, and building them cost a fifth of a small check's start-up (docs/PERFORMANCE.md, "Fixed cost").
    private static final class LastKeyWins {
        static final ObjectMapper MAPPER = JsonMapper.builder(factory(StreamReadConstraints.builder()
                .maxNestingDepth(DEFAULT_MAX_DEPTH).build(), false)).build();
    }

    private static final class Yaml {
        static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(DEFAULT_MAX_DEPTH).build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static final class Toml {
        static final ObjectMapper MAPPER = TomlMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private Mappers() {
    }

    /** A strict JSON reader: duplicate keys, trailing tokens, comments and NaN refused, nesting at most {@code maxDepth}. */
    public static ObjectMapper strictJson(int maxDepth) {
        return strictJson(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build());
    }

    /** A strict JSON reader (as {@link #strictJson(int)}) with the given size, depth and length limits. */
    public static ObjectMapper strictJson(StreamReadConstraints constraints) {
        return JsonMapper.builder(strictFactory(constraints))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The strict JSON reader with the default limits. */
    public static ObjectMapper strictJson() {
        return STRICT;
    }

    /**
     * The factory of a strict reader, for streaming parsers and readers of values inside a document, which check the
     * end of the document themselves.
     */
    public static JsonFactory strictFactory(StreamReadConstraints constraints) {
        return factory(constraints, true);
    }

    /**
     * A reader of values one at a time from inside a document read with {@link #strictFactory}: strict as that factory,
     * without the trailing-token check, since the caller checks the end of the document itself.
     */
    public static ObjectMapper valuesInside(StreamReadConstraints constraints) {
        return JsonMapper.builder(strictFactory(constraints)).build();
    }

    private static JsonFactory factory(StreamReadConstraints constraints, boolean refuseDuplicates) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, refuseDuplicates)
                .build();
        factory.disable(JsonParser.Feature.ALLOW_COMMENTS);
        return factory;
    }

    /**
     * A JSON reader for files whose consumer keeps the last of repeated keys, as JavaScript's {@code JSON.parse} (and so
     * npm reading package.json) does: to see what the consumer sees, read as it reads. Otherwise as strict.
     */
    public static ObjectMapper lastKeyWins() {
        return LastKeyWins.MAPPER;
    }

    /** A strict YAML reader (policy files): duplicate keys refused, nesting bounded. */
    public static ObjectMapper strictYaml() {
        return Yaml.MAPPER;
    }

    /**
     * The writer of sbomgate's own YAML files (trust plans): no {@code ---} start marker, list items indented under
     * their key, every string quoted (so no value is re-read as a YAML 1.1 boolean, date or number), {@code \n}
     * line ends; non-printable characters are escaped by the emitter.
     */
    public static ObjectWriter yamlWriter() {
        return YamlWriter.WRITER;
    }

    private static final class YamlWriter {
        static final ObjectWriter WRITER = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                        .build())
                .build().writer();
    }

    /**
     * Whether a YAML text holds more than one document ({@code ---}). Jackson reads the first; a reviewer reading a
     * later one would believe it applies, so policies and trust plans are exactly one document. A malformed first
     * document is not "several": the reader then names where it is malformed.
     */
    public static boolean severalYamlDocuments(String text) {
        try (JsonParser parser = strictYaml().getFactory().createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    return false;
                }
                parser.skipChildren();
            } catch (java.io.IOException e) {
                return false;
            }
            try {
                return parser.nextToken() != null;
            } catch (java.io.IOException e) {
                return true; // what follows the first document is another one, broken
            }
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A TOML reader (pyproject.toml); TOML itself forbids repeated keys (TOML 1.0, "Keys"), and so does this reader. */
    public static ObjectMapper toml() {
        return Toml.MAPPER;
    }

    /**
     * The plain mapper the CycloneDX library's beans and JSON schemas are bound with, their deserialisers being
     * annotations on the beans; never given bytes that the strict reader has not read first.
     */
    public static ObjectMapper beans() {
        return BEANS;
    }

    /**
     * The writer of every JSON document sbomgate writes for people and tools (reports, diffs, recorded inputs): the
     * format's own layout ({@code printer}), with every {@link Untrusted#hidden} character escaped, the data unchanged.
     */
    public static ObjectWriter writer(PrettyPrinter printer) {
        return BEANS.writer(printer).with(new HiddenEscapes());
    }

    /** Two-space indent and {@code \n} line ends on every platform; {@code "key" : value} unless {@code compactColon}. */
    public static DefaultPrettyPrinter indented(boolean compactColon) {
        Separators separators = Separators.createDefaultInstance();
        if (compactColon) {
            separators = separators.withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        }
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** Escapes every {@link Untrusted#hidden} character, so that a lone surrogate is legal JSON and bidi text visible. */
    private static final class HiddenEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        HiddenEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Untrusted.hidden(ch)) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}
