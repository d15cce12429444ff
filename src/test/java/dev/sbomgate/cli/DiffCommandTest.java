package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sbomgate diff} through {@link Main#run}, on the committed sample pair (samples/diff, made by cyclonedx-maven-plugin). */
class DiffCommandTest {

    private static final String OLD = "samples/diff/old.cdx.json";
    private static final String NEW = "samples/diff/new.cdx.json";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DiffCommandTest.class.getResourceAsStream("/diff/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void samplePairPrintsTheGoldenTextAndExitsZero() throws IOException {
        Result r = run("diff", OLD, NEW);
        assertEquals(0, r.code(), r.err());
        assertEquals(golden("samples-diff.txt"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void samplePairAsJsonMatchesTheGoldenFileByteForByte() throws IOException {
        Result first = run("diff", "--format", "json", OLD, NEW);
        Result second = run("diff", "--format", "json", OLD, NEW);
        assertEquals(0, first.code(), first.err());
        assertEquals(golden("samples-diff.json"), first.out());
        assertEquals(first.out(), second.out());
    }

    @Test
    void failOnChangeExitsOneWhenSomethingChanged() {
        Result r = run("diff", "--fail-on-change", OLD, NEW);
        assertEquals(1, r.code());
        assertTrue(r.out().contains("Upgraded (4)"), r.out());
    }

    @Test
    void failOnChangeExitsZeroWhenNothingChanged() {
        Result r = run("diff", "--fail-on-change", NEW, NEW);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("No changes.\n"), r.out());
    }

    @Test
    void missingFileIsBadInputWithAOneLineMessage(@TempDir Path dir) {
        Result r = run("diff", OLD, dir.resolve("missing.cdx.json").toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("sbomgate: error: "), r.err());
        assertTrue(r.err().contains("missing.cdx.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void fileThatIsNotAnSbomIsBadInput(@TempDir Path dir) throws IOException {
        Path notSbom = Files.writeString(dir.resolve("notes.json"), "{\"hello\": \"world\"}");
        Result r = run("diff", notSbom.toString(), NEW);
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("sbomgate: error: "), r.err());
    }

    @Test
    void missingOperandIsBadUsage() {
        Result r = run("diff", OLD);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("NEW"), r.err());
    }

    @Test
    void unknownFormatIsBadUsage() {
        Result r = run("diff", "--format", "xml", OLD, NEW);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format"), r.err());
    }

    @Test
    void helpShowsAnExampleAndExitsZero() {
        Result r = run("diff", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("sbomgate diff samples/diff/old.cdx.json samples/diff/new.cdx.json"), r.out());
        assertTrue(r.out().contains("--fail-on-change"), r.out());
    }
}
