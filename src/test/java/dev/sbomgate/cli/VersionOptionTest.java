package dev.sbomgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --version} alone takes a short cut past picocli's model; it must answer exactly as picocli does. */
class VersionOptionTest {
    private String stdout;
    private String stderr;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void shortCutPrintsWhatPicocliPrints() {
        assertEquals(0, run("--verbose", "--version")); // two arguments: picocli's own path
        String viaPicocli = stdout;
        assertTrue(viaPicocli.startsWith("sbomgate "), viaPicocli);
        assertEquals(0, run("--version"));
        assertEquals(viaPicocli, stdout);
        assertEquals("", stderr);
        assertEquals(0, run("-V"));
        assertEquals(viaPicocli, stdout);
    }

    @Test
    void onlyTheExactOptionTakesTheShortCut() {
        assertEquals(2, run("--versions"));
        assertEquals("", stdout);
        assertTrue(stderr.contains("--versions"), stderr);
    }
}
