package dev.sbomgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.Mappers;

/**
 * How the JSON and SARIF reports are written: two-space indentation, {@code \n} line ends, and every character a
 * reader could be fooled by escaped as {@code \\uXXXX} (RFC 8259 section 7): C0 and C1 controls, invisible format
 * characters such as bidi overrides, the line and paragraph separators, and surrogates, so that a lone surrogate
 * from a hostile SBOM is written as legal JSON instead of breaking the file's UTF-8. The data is unchanged.
 */
final class JsonText {
    static final ObjectMapper MAPPER = Mappers.beans();
    private static final ObjectWriter WRITER = Mappers.writer(Mappers.indented(false));

    private JsonText() {
    }

    static String write(JsonNode root, String what) {
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + what, e);
        }
    }
}
