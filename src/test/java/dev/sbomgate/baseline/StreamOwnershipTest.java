package dev.sbomgate.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader leaves its input open: {@link BaselineStore} hashes the rest of the file after the parse, and
 * a closed stream there made every load and approval fall back to reading the whole file into memory.
 */
class StreamOwnershipTest {

    @Test
    void readingToTheEndLeavesTheStreamOpenForTheCaller() throws IOException {
        byte[] json = BaselineJson.write(TestBaselines.sample(1));
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(new ByteArrayInputStream(json)) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        assertNotNull(BaselineStreamReader.read(in, "baseline.json"), "the streaming reader vouches for what we write");
        assertFalse(closed[0], "the parser closed the caller's stream");
        assertEquals(-1, in.read(), "the document was read to its end");
    }
}
