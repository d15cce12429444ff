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

/** The JSON report of a PyPI component verified by its PEP 740 provenance validates against docs/report.schema.json. */
class PypiReportSchemaTest {

    @Test
    void theReportOfTheVerifiedPypiScenarioValidatesAndCarriesThePublisher() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC),
                "check", "--baseline", Path.of("samples/pass-pypi-attestation/.sbomgate").toString(), "--format", "json");
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report);
        assertEquals(List.of(), Schemas.violations(Schemas.load(Schemas.REPORT_SCHEMA, SpecificationVersion.DRAFT_2020_12),
                report));
        assertTrue(report.contains("\"kind\" : \"pypi_attestation\""), report);
        // the check reuses the approval's result (issue 17): the publisher identity is the one the approval recorded
        assertTrue(report.contains("\"publisher\" : {\n            \"issuer\" : \"https://token.actions.githubusercontent.com\",\n"
                + "            \"repository\" : \"https://github.com/trailofbits/pypi-attestations\",\n"
                + "            \"workflow\" : \".github/workflows/release.yml\""), report);
    }
}
