package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomDocumentTest {
    private static final String SBOM = """
            {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
              {"type":"library","bom-ref":"a","name":"a","version":"1","purl":"pkg:npm/a@1"}]}
            """;

    @TempDir
    Path temp;

    @Test
    void theDigestIsOfTheBytesParsed() throws IOException, NoSuchAlgorithmException {
        Path file = temp.resolve("bom.json");
        Files.writeString(file, SBOM);
        SbomReader.Document document = SbomReader.readDocument(file);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(SBOM.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, document.sha256());
        assertEquals("a", document.inventory().components().get(0).bomRef());
    }

    /**
     * A pipe was once read (once, its digest of what was read); issue 12 defect 1 made every non-regular file a
     * refusal before any read, since a FIFO without a writer blocks forever. No writer is started here: the refusal
     * must not wait for one.
     */
    @Test
    void aPipeIsRefusedBeforeAnyRead() throws Exception {
        Path fifo = temp.resolve("bom.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed");
        dev.sbomgate.model.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.sbomgate.model.BadInputException.class, () -> SbomReader.readDocument(fifo));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
