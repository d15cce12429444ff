package dev.sbomgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTENT_ANOMALY's parameters: a decimal ratio and a byte threshold, read strictly. */
class ContentParametersTest {
    @TempDir
    Path dir;

    private Policy load(String yaml) throws IOException {
        return PolicyLoader.load(Files.writeString(dir.resolve("p.yaml"), yaml));
    }

    @Test
    void defaults() {
        assertEquals(3.0, Policy.defaults().decimal(RuleParameter.CONTENT_ANOMALY_SIZE_RATIO));
        assertEquals(32_768L, Policy.defaults().number(RuleParameter.CONTENT_ANOMALY_OPAQUE_FILE_BYTES));
    }

    @Test
    void aWholeOrDecimalRatioReadsAsADecimal() throws IOException {
        assertEquals(2.0, load("rules:\n  CONTENT_ANOMALY:\n    sizeRatio: 2\n").decimal(RuleParameter.CONTENT_ANOMALY_SIZE_RATIO));
        assertEquals(4.5, load("rules:\n  CONTENT_ANOMALY:\n    sizeRatio: 4.5\n    opaqueFileBytes: 65536\n")
                .decimal(RuleParameter.CONTENT_ANOMALY_SIZE_RATIO));
        assertEquals(65_536L, load("rules:\n  CONTENT_ANOMALY:\n    opaqueFileBytes: 65536\n")
                .number(RuleParameter.CONTENT_ANOMALY_OPAQUE_FILE_BYTES));
    }

    @Test
    void wrongTypesAndUnknownKeysAreRefused() {
        String ratio = assertThrows(BadInputException.class,
                () -> load("rules:\n  CONTENT_ANOMALY:\n    sizeRatio: three\n")).getMessage();
        assertTrue(ratio.contains("CONTENT_ANOMALY.sizeRatio must be a positive number"), ratio);
        String bytes = assertThrows(BadInputException.class,
                () -> load("rules:\n  CONTENT_ANOMALY:\n    opaqueFileBytes: 1.5\n")).getMessage();
        assertTrue(bytes.contains("CONTENT_ANOMALY.opaqueFileBytes must be a whole number >= 0"), bytes);
        String unknown = assertThrows(BadInputException.class,
                () -> load("rules:\n  INSTALL_HOOK_ADDED:\n    sizeRatio: 2\n")).getMessage();
        assertTrue(unknown.contains("unknown key 'sizeRatio' for rule INSTALL_HOOK_ADDED; it accepts: severity"), unknown);
    }
}
