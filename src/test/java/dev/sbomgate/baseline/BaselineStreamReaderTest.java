package dev.sbomgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader is only a fast path: on every document it must either build exactly what the tree reader
 * builds, or give up (null) so that the tree reader names the problem. It must never accept what the tree reader
 * refuses.
 */
class BaselineStreamReaderTest {
    private static final String SOURCE = ".sbomgate/baseline.json";

    private static Baseline stream(byte[] bytes) throws IOException {
        return BaselineStreamReader.read(new ByteArrayInputStream(bytes), SOURCE);
    }

    /** Null when the tree reader refuses the document. */
    private static Baseline tree(byte[] bytes) {
        try {
            return BaselineJson.readTree(bytes, SOURCE);
        } catch (BadInputException e) {
            return null;
        }
    }

    @Test
    void readsWhatSbomgateWritesExactlyAsTheTreeReaderDoes() throws IOException {
        List<Baseline> baselines = List.of(TestBaselines.sample(1), TestBaselines.sample(2), TestBaselines.large(40, 3));
        for (Baseline b : baselines) {
            byte[] bytes = BaselineJson.write(b);
            Baseline streamed = stream(bytes);
            assertNotNull(streamed, "the streaming reader gave up on a canonical file");
            assertTrue(tree(bytes).equals(streamed), "the two readers built different baselines");
        }
    }

    @Test
    void readsAFormat1File() throws IOException {
        byte[] old = Files.readAllBytes(Path.of("src/test/resources/baseline/format1-baseline.json"));
        Baseline streamed = stream(old);
        assertNotNull(streamed);
        assertEquals(tree(old), streamed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sbomgate.baseline.BaselineJsonTest#malformed")
    void givesUpOnEveryMalformedFile(String name, String json, String expectedMessagePart) throws IOException {
        assertNull(stream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Every value of a canonical file replaced, one at a time, by another type or a neighbouring value, and every
     * line deleted: the streaming reader agrees with the tree reader on each.
     */
    @Test
    void agreesWithTheTreeReaderOnEverySingleEdit() throws IOException {
        String valid = new String(BaselineJson.write(TestBaselines.sample(1)), StandardCharsets.UTF_8);
        List<String> edits = new ArrayList<>();
        Matcher value = Pattern.compile(": (\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.]+|null|\\[\\]|\\{\\})").matcher(valid);
        while (value.find()) {
            for (String replacement : List.of("null", "7", "7.5", "\"x\"", "[]", "{}", "[\"x\"]", "99999999999")) {
                edits.add(valid.substring(0, value.start(1)) + replacement + valid.substring(value.end(1)));
            }
        }
        Matcher key = Pattern.compile("\"([A-Za-z0-9]+)\": ").matcher(valid);
        while (key.find()) {
            edits.add(valid.substring(0, key.start(1)) + key.group(1) + "X" + valid.substring(key.end(1)));
        }
        String[] lines = valid.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<String> kept = new ArrayList<>(List.of(lines));
            kept.remove(i);
            edits.add(String.join("\n", kept));
            String line = lines[i];
            if (line.endsWith(",")) {
                kept.add(i, line.substring(0, line.length() - 1));
                edits.add(String.join("\n", kept));
            }
        }
        int accepted = 0;
        for (String edit : edits) {
            byte[] bytes = edit.getBytes(StandardCharsets.UTF_8);
            Baseline expected = tree(bytes);
            Baseline streamed = stream(bytes);
            if (expected == null) {
                assertNull(streamed, () -> "the streaming reader accepted what the tree reader refuses:\n" + edit);
            } else if (streamed != null) {
                assertTrue(expected.equals(streamed), () -> "the two readers built different baselines from:\n" + edit);
                accepted++;
            }
        }
        assertTrue(edits.size() > 500, "edits: " + edits.size());
        assertTrue(accepted > 0, "some edits keep the file valid (e.g. another string value)");
    }

    /** What {@link BaselineStore} sees: the same baseline whichever reader read it, and the file's own SHA-256. */
    @Test
    void storeLoadsTheSameBaselineAndDigestThroughTheStream(@org.junit.jupiter.api.io.TempDir Path dir) {
        Baseline baseline = TestBaselines.large(25, 1);
        BaselineStore store = new BaselineStore(dir);
        store.init(baseline, "tester", "first", baseline.sbomSha256(), List.of(), TestBaselines.T0, false);
        StoredBaseline loaded = store.load().orElseThrow();
        assertEquals(List.of(), loaded.tamperEvidence());
        assertTrue(tree(BaselineJson.write(baseline)).equals(loaded.baseline()), "another baseline was loaded");
        assertEquals(ApprovalLog.sha256(BaselineJson.write(baseline)), loaded.log().get(0).baselineSha256());
    }
}
