package dev.sbomgate.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/limits.md's table of input files is the list in {@link Limits#ALL}, in its order and with its sizes. */
class LimitsDocTest {

    @Test
    void inputFileTableMatchesLimitsAll() throws IOException {
        String doc = Files.readString(Path.of("docs/limits.md"));
        String section = doc.substring(doc.indexOf("## Input files"), doc.indexOf("## Inside documents"));
        List<String> rows = section.lines()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| input ") && !line.startsWith("|---"))
                .map(line -> {
                    String[] cells = line.split("\\|");
                    return cells[1].strip() + " = " + cells[2].strip();
                })
                .toList();
        List<String> limits = Limits.ALL.stream().map(l -> l.what() + " = " + l.human()).toList();
        assertEquals(limits, rows);
    }
}
