package dev.sbomgate.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example in docs/baseline.md is what sbomgate writes, and its approval log is a valid chain over it. */
class BaselineDocTest {

    @Test
    void theDocumentedExampleIsCanonicalAndItsLogChainsOverIt() throws IOException {
        String doc = Files.readString(Path.of("docs/baseline.md"));
        int start = doc.indexOf("```json\n") + 8;
        byte[] example = doc.substring(start, doc.indexOf("```", start)).getBytes(StandardCharsets.UTF_8);
        Baseline baseline = BaselineJson.read(example, "docs/baseline.md");
        assertArrayEquals(example, BaselineJson.write(baseline), "the example is in canonical form");
        assertNotNull(baseline.components().get(0).content());
        assertNull(baseline.components().get(1).content());

        List<String> lines = doc.lines().filter(l -> l.startsWith("{\"sequence\":")).toList();
        assertEquals(2, lines.size());
        ApprovalLog.Chain chain = ApprovalLog.verify((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), "doc");
        assertTrue(chain.intact(), chain.toString());
        assertEquals(ApprovalLog.sha256(example), chain.lastEntry().baselineSha256());
    }
}
