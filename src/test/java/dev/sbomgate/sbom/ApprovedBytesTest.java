package dev.sbomgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SbomReader#approved}: the JSON schema is not applied again to the bytes of that SHA-256, and only to those;
 * everything else the reader checks still holds for them.
 */
class ApprovedBytesTest {
    private static final String VALID = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
            + "{\"type\":\"library\",\"bom-ref\":\"a\",\"name\":\"a\",\"version\":\"1\",\"purl\":\"pkg:npm/a@1\"},"
            + "{\"type\":\"library\",\"bom-ref\":\"b\",\"name\":\"b\",\"version\":\"2\",\"purl\":\"pkg:npm/b@2\"}],"
            + "\"dependencies\":[{\"ref\":\"a\",\"dependsOn\":[\"b\"]}]}";

    @TempDir
    Path dir;

    @Test
    void theSchemaIsSkippedForTheApprovedBytesOnly() throws IOException, NoSuchAlgorithmException {
        Path invalid = Fixtures.write(dir, "invalid.json", VALID.replace("\"type\":\"library\",\"bom-ref\":\"b\"",
                "\"type\":\"rootkit\",\"bom-ref\":\"b\""));
        String message = Fixtures.rejected(invalid);
        assertTrue(message.contains("JSON schema"), message);
        // the same bytes under another approved SHA-256: validated, refused
        assertEquals(message, Fixtures.rejected(new SbomReader().approved("0".repeat(64)), invalid));
        // under their own: the schema pass is skipped (this is what a forged record would have to achieve)
        Inventory read = new SbomReader().approved(sha256(invalid)).load(invalid);
        assertEquals("rootkit", read.components().get(1).type());
    }

    @Test
    void approvedBytesReadToTheSameInventory() throws IOException, NoSuchAlgorithmException {
        Path valid = Fixtures.write(dir, "valid.json", VALID);
        assertEquals(new SbomReader().load(valid), new SbomReader().approved(sha256(valid)).load(valid));
    }

    @Test
    void everyOtherCheckStillHoldsForApprovedBytes() throws IOException, NoSuchAlgorithmException {
        Path twice = Fixtures.write(dir, "twice.json", VALID.replace("\"bom-ref\":\"b\"", "\"bom-ref\":\"a\""));
        String message = Fixtures.rejected(new SbomReader().approved(sha256(twice)), twice);
        assertTrue(message.contains("bom-ref 'a' is declared twice"), message);
        Path purl = Fixtures.write(dir, "purl.json", VALID.replace("pkg:npm/b@2", "not a purl"));
        assertTrue(Fixtures.rejected(new SbomReader().approved(sha256(purl)), purl).contains("malformed purl"));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
