package dev.sbomgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** JSON Schema validation for report tests, with format assertions on (uri, uri-reference, date-time are checked). */
final class Schemas {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** docs/report.schema.json: the published schema of the JSON report. */
    static final Path REPORT_SCHEMA = Path.of("docs/report.schema.json");
    /** The OASIS SARIF 2.1.0 schema (src/test/resources/report/SOURCES.md). */
    static final Path SARIF_SCHEMA = Path.of("src/test/resources/report/sarif-schema-2.1.0.json");

    static {
        // The validator logs through SLF4J, which has no provider in tests: keep its one-time notice off the build log.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private Schemas() {
    }

    static Schema load(Path file, SpecificationVersion defaultDialect) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(defaultDialect,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try {
            return registry.getSchema(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> violations(Schema schema, String document) {
        try {
            JsonNode node = MAPPER.readTree(document);
            return schema.validate(node).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
