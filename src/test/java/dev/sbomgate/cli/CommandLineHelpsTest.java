package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: what a user reaches for on the command line: suggestions for typos (subcommands, options, rule IDs),
 * '-' as standard input for the SBOM, --no-color, --verbose expanding the text report, completion of rule IDs and
 * formats. Runs over the bundled samples, which check only reads.
 */
class CommandLineHelpsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final Path UPGRADE = Path.of("samples/pass-signed-patch-update");
    private static final Path WAIVED = Path.of("samples/pass-waived-unsigned");

    private String stdout;
    private String stderr;

    private int run(InputStream in, Environment environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(in, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK, environment, args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int run(String... args) {
        return run(InputStream.nullInputStream(), Environment.empty(), args);
    }

    @Test
    void aMistypedSubcommandIsSuggested() {
        assertEquals(2, run("chek"));
        assertTrue(stderr.contains("Did you mean: check"), stderr); // "check or fetch" since fetch exists
    }

    @Test
    void aMistypedOptionIsSuggested() {
        assertEquals(2, run("check", "--formt", "json"));
        assertTrue(stderr.lines().anyMatch(l -> l.startsWith("Did you mean: ") && l.contains("--format")), stderr);
    }

    @Test
    void aMistypedRuleIdIsSuggested() {
        assertEquals(2, run("explain", "HASH_MISMACH"));
        assertTrue(stderr.contains("did you mean HASH_MISMATCH?"), stderr);
        assertEquals(1, stderr.lines().count(), "one line: " + stderr);
        assertEquals(0, run("explain", "hash_mismatch"));
    }

    @Test
    void rankedSuggestionsAreNearestFirstAndNothingForNonsense() {
        assertEquals("SIGNER_CHANGED", RuleIdCandidates.nearest("SINGER_CHANGED").get(0), "a swap is one typo");
        assertTrue(RuleIdCandidates.nearest("completely-unrelated").isEmpty());
        assertEquals(1, RuleIdCandidates.distance("ab", "ba"));
    }

    @Test
    void aPassingUpgradeNamesTheUpgrade() {
        assertEquals(0, run("check", "--baseline", UPGRADE.resolve(".sbomgate").toString()));
        assertTrue(stdout.startsWith("PASSED"), stdout);
        assertTrue(stdout.contains("upgraded  pkg:maven/com.fasterxml.jackson.core/jackson-core?type=pom  2.21.1 -> 2.21.3 (patch)"), stdout);
    }

    @Test
    void dashReadsTheSbomOfCheckFromStandardInput() throws Exception {
        byte[] bom = Files.readAllBytes(UPGRADE.resolve("bom.json"));
        Path inputs = UPGRADE.resolve(".sbomgate/inputs.json");
        String recorded = Files.readString(inputs);
        assertEquals(0, run(new ByteArrayInputStream(bom), Environment.empty(), "check", "--baseline",
                UPGRADE.resolve(".sbomgate").toString(), "--sbom", "-", "--artifacts", UPGRADE.resolve("artifacts").toString(),
                "--format", "json"), stderr);
        assertTrue(stdout.contains("\"sbom\" : \"-\","), stdout.substring(0, Math.min(600, stdout.length())));
        assertEquals(recorded, Files.readString(inputs), "standard input is never recorded in inputs.json");
    }

    @Test
    void dashIsRefusedWhereTheSbomPathIsRecorded() {
        assertEquals(2, run(new ByteArrayInputStream(new byte[] {'{'}), Environment.empty(), "approve", "--baseline",
                UPGRADE.resolve(".sbomgate").toString(), "--sbom", "-", "--reason", "x"));
        assertTrue(stderr.contains("standard input is read by 'sbomgate check' only"), stderr);
    }

    @Test
    void emptyStandardInputIsOneLineOfBadInput() {
        assertEquals(2, run("check", "--baseline", UPGRADE.resolve(".sbomgate").toString(), "--sbom", "-"));
        assertTrue(stderr.startsWith("sbomgate: error: -: is empty"), stderr);
        assertEquals(1, stderr.lines().count(), stderr);
    }

    @Test
    void dashReadsOneSideOfDiffFromStandardInput() throws Exception {
        byte[] old = Files.readAllBytes(Path.of("samples/diff/old.cdx.json"));
        assertEquals(0, run(new ByteArrayInputStream(old), Environment.empty(), "diff", "-", "samples/diff/new.cdx.json"), stderr);
        assertTrue(stdout.startsWith("Baseline:  - ("), stdout);
        assertTrue(stdout.contains("Upgraded"), stdout);
        assertEquals(2, run(new ByteArrayInputStream(old), Environment.empty(), "diff", "-", "-"));
        assertTrue(stderr.contains("both '-'"), stderr);
    }

    @Test
    void noColorTurnsColoursOffOnATerminal() {
        Environment terminal = new Environment(Map.of(), true, false);
        String baseline = UPGRADE.resolve(".sbomgate").toString();
        assertEquals(0, run(InputStream.nullInputStream(), terminal, "check", "--baseline", baseline));
        assertTrue(stdout.contains("\u001b["), "colours on a terminal: " + stdout);
        assertEquals(0, run(InputStream.nullInputStream(), terminal, "check", "--baseline", baseline, "--no-color"));
        assertFalse(stdout.contains("\u001b"), stdout);
        assertEquals(0, run(InputStream.nullInputStream(), terminal, "--no-color", "check", "--baseline", baseline));
        assertFalse(stdout.contains("\u001b"), "before the subcommand too: " + stdout);
    }

    @Test
    void verboseExpandsWaivedFindings() {
        String baseline = WAIVED.resolve(".sbomgate").toString();
        assertEquals(0, run("check", "--baseline", baseline));
        assertTrue(stdout.contains("Waived (1, one line each; --verbose shows them in full)"), stdout);
        assertFalse(stdout.contains("      waived:   "), stdout);
        assertEquals(0, run("check", "--baseline", baseline, "--verbose"));
        assertTrue(stdout.contains("      waived:   "), stdout);
    }

    @Test
    void completionOffersRuleIdsAndFormats() {
        assertEquals(0, run("generate-completion"));
        assertTrue(stdout.contains("HASH_MISMATCH"), "rule IDs after explain");
        assertTrue(stdout.contains("codequality"), "formats after --format");
    }
}
