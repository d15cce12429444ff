package dev.sbomgate.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    private static final Limits.Limit TEN_BYTES = new Limits.Limit("test input", 10);

    @TempDir
    Path dir;

    @Test
    void aFileAtItsLimitIsReadWhole() throws IOException {
        Path file = Files.write(dir.resolve("ten"), "0123456789".getBytes());
        assertArrayEquals("0123456789".getBytes(), InputFiles.read(file, TEN_BYTES));
    }

    @Test
    void oneByteOverTheLimitIsRefusedNamingFileAndLimit() throws IOException {
        Path file = Files.write(dir.resolve("eleven"), "0123456789X".getBytes());
        InputFiles.TooLargeException e = assertThrows(InputFiles.TooLargeException.class,
                () -> InputFiles.read(file, TEN_BYTES));
        assertTrue(e.getMessage().contains("eleven") && e.getMessage().contains("test input size limit of 10 bytes"),
                e.getMessage());
    }

    @Test
    void aDirectoryIsRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> InputFiles.read(dir, TEN_BYTES));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aCharacterDeviceAndALinkToItAreRefusedBeforeAnyRead() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertTrue(assertThrows(BadInputException.class, () -> InputFiles.open(zero, Limits.SBOM)).getMessage()
                .contains("not a regular file"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), zero);
        assertTrue(assertThrows(BadInputException.class, () -> InputFiles.read(link, Limits.SBOM)).getMessage()
                .contains("link: is not a regular file"));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        assertTrue(assertThrows(BadInputException.class, () -> InputFiles.read(fifo, TEN_BYTES)).getMessage()
                .contains("FIFO, device or socket"));
    }

    @Test
    void aMissingFileIsAnIoErrorForTheCallerToWord() {
        assertThrows(NoSuchFileException.class, () -> InputFiles.read(dir.resolve("absent"), TEN_BYTES));
    }

    @Test
    void theStreamStopsOneBytePastTheLimitEvenWhenTheFileGrew() throws IOException {
        Path file = Files.write(dir.resolve("grows"), "0123456789".getBytes());
        try (InputStream in = InputFiles.open(file, TEN_BYTES)) {
            Files.write(file, "0123456789 and more".getBytes()); // the same inode grows after the checks
            assertThrows(InputFiles.TooLargeException.class, in::readAllBytes);
        }
    }

    @Test
    void aStreamIsReadWholeUpToItsLimitAndRefusedOneBytePast() throws IOException {
        Limits.Limit ten = Limits.SBOM.withBytes(10);
        assertArrayEquals("0123456789".getBytes(), InputFiles.read(new java.io.ByteArrayInputStream("0123456789".getBytes()), "-", ten));
        InputFiles.TooLargeException e = assertThrows(InputFiles.TooLargeException.class,
                () -> InputFiles.read(new java.io.ByteArrayInputStream("0123456789X".getBytes()), "-", ten));
        assertTrue(e.getMessage().startsWith("-: is larger than the SBOM size limit of 10 bytes"), e.getMessage());
    }
}
