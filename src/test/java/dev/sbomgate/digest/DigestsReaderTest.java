package dev.sbomgate.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sbomgate.model.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One read serving a reader and the hasher: the digests are those of the whole file, whatever the reader reads. */
class DigestsReaderTest {

    private static final Set<HashAlgorithm> ALGORITHMS = EnumSet.of(HashAlgorithm.SHA_256, HashAlgorithm.SHA_512,
            HashAlgorithm.BLAKE3);

    @TempDir
    Path dir;

    private Path file(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("f" + size), bytes);
    }

    @Test
    void aReaderThatReadsEverythingSeesEveryByteAndTheDigestsMatch() throws IOException {
        for (int size : new int[] {0, 1, Digests.BUFFER_SIZE - 1, Digests.BUFFER_SIZE, 3 * Digests.BUFFER_SIZE + 17}) {
            Path f = file(size);
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            FileDigests both = Digests.compute(f, ALGORITHMS, in -> in.transferTo(seen));
            assertEquals(Digests.compute(f, ALGORITHMS), both, "size " + size);
            assertEquals(size, both.size());
            assertArrayEquals(Files.readAllBytes(f), seen.toByteArray());
        }
    }

    @Test
    void aReaderThatStopsEarlyLeavesTheRestToTheHasher() throws IOException {
        Path f = file(1_000_000);
        FileDigests early = Digests.compute(f, ALGORITHMS, in -> in.readNBytes(10));
        assertEquals(Digests.compute(f, ALGORITHMS), early);
        FileDigests skipping = Digests.compute(f, ALGORITHMS, in -> {
            in.skip(500_000);
            in.read();
            in.close();
        });
        assertEquals(Digests.compute(f, ALGORITHMS), skipping);
    }

    @Test
    void theSameFileChecksApplyAndAReaderFailurePropagates() throws IOException {
        Path f = file(10);
        Path link = Files.createSymbolicLink(dir.resolve("link"), f);
        assertEquals("is a symbolic link", assertThrows(IOException.class,
                () -> Digests.compute(link, ALGORITHMS, in -> { })).getMessage());
        assertEquals("boom", assertThrows(IOException.class,
                () -> Digests.compute(f, ALGORITHMS, in -> { throw new IOException("boom"); })).getMessage());
    }

    @Test
    void readWholeReturnsTheFileUpToTheBoundAndNothingPastIt() throws IOException {
        Path f = file(100_000);
        byte[] whole = Digests.readWhole(f, 100_000).orElseThrow();
        assertArrayEquals(Files.readAllBytes(f), whole);
        assertEquals(Digests.compute(f, ALGORITHMS), Digests.compute(whole, ALGORITHMS));
        assertEquals(java.util.Optional.empty(), Digests.readWhole(f, 99_999), "larger than the bound: streamed instead");
        assertArrayEquals(new byte[0], Digests.readWhole(file(0), 10).orElseThrow());
    }

    @Test
    void readWholeRefusesWhatComputeRefuses() throws IOException {
        Path f = file(10);
        Path link = Files.createSymbolicLink(dir.resolve("link"), f);
        assertEquals("is a symbolic link", assertThrows(IOException.class, () -> Digests.readWhole(link, 100)).getMessage());
        assertEquals("not a regular file", assertThrows(IOException.class, () -> Digests.readWhole(dir, 100)).getMessage());
        assertEquals("no such file", assertThrows(IOException.class,
                () -> Digests.readWhole(dir.resolve("missing"), 100)).getMessage());
    }
}
