package dev.sbomgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SpecificationVersion;
import dev.sbomgate.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON report of the npm scenarios (registry signature, provenance, publish attestation; tier and publisher
 * identity per component) validates against docs/report.schema.json.
 */
class NpmReportSchemaTest {

    private static String report(String sample) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC),
                "check", "--baseline", Path.of("samples/" + sample + "/.sbomgate").toString(), "--format", "json");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theNpmScenarioReportsValidate() {
        for (String sample : List.of("pass-npm-provenance-kept", "fail-npm-provenance-dropped", "fail-npm-publisher-changed")) {
            String report = report(sample);
            assertEquals(List.of(), Schemas.violations(Schemas.load(Schemas.REPORT_SCHEMA, SpecificationVersion.DRAFT_2020_12), report), sample);
            assertTrue(report.matches("(?s).*\"tier\" : \"(none|registry|publisher)\".*"), report);
        }
        assertTrue(report("pass-npm-provenance-kept").contains("\"kind\" : \"npm_registry_signature\""));
    }
}
