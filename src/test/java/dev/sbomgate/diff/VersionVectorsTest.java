package dev.sbomgate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agreement with each ecosystem's reference implementation on 3,000 generated pairs (src/test/resources/version-vectors). */
class VersionVectorsTest {

    @ParameterizedTest(name = "{0} agrees with {1}")
    @CsvSource({
        "maven, maven.tsv",
        "npm,   npm.tsv",
        "pypi,  pypi.tsv"
    })
    void agreesWithTheReferenceImplementation(String ecosystem, String file) throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/version-vectors/" + file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                int expected = Integer.parseInt(parts[2]);
                int actual = Integer.signum(VersionOrder.compare(ecosystem, parts[0], parts[1]));
                checked++;
                if (actual != expected) {
                    mismatches.add("'" + parts[0] + "' vs '" + parts[1] + "': expected " + expected + ", got " + actual);
                }
            }
        }
        assertTrue(checked >= 3000, "vectors read: " + checked);
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())), mismatches.size() + " mismatches");
    }
}
