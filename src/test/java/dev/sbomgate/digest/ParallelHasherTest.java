package dev.sbomgate.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.HashAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelHasherTest {

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4, 16})
    void resultsComeBackInInputOrderWithPerFileErrors(int threads, @TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            // Sizes descending so that later files finish first on a pool: order must still be the input's.
            byte[] bytes = new byte[(40 - i) * 20_000 + i];
            random.nextBytes(bytes);
            files.add(Files.write(dir.resolve("f" + i), bytes));
        }
        files.add(5, dir.resolve("missing"));
        files.add(20, dir);

        List<HashResult> results = new ParallelHasher(threads).hashAll(files, Set.of(HashAlgorithm.BLAKE3));

        assertEquals(files.size(), results.size());
        for (int i = 0; i < files.size(); i++) {
            HashResult result = results.get(i);
            assertEquals(files.get(i), result.file());
            if (i == 5) {
                assertFalse(result.isOk());
                assertEquals("cannot read: no such file", result.error());
                assertNull(result.digests());
            } else if (i == 20) {
                assertFalse(result.isOk());
                assertEquals("cannot read: not a regular file", result.error());
            } else {
                assertTrue(result.isOk(), () -> result.error());
                assertEquals(Digests.compute(files.get(i), Set.of(HashAlgorithm.BLAKE3)), result.digests());
            }
        }
    }

    @Test
    void unreadableFileIsAPerFileError(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good"), "abc", StandardCharsets.US_ASCII);
        Path locked = Files.writeString(dir.resolve("locked"), "abc", StandardCharsets.US_ASCII);
        assertTrue(locked.toFile().setReadable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as a user that reads anything (root)");
            List<HashResult> results = new ParallelHasher(2).hashAll(List.of(locked, good), Set.of());
            assertEquals("cannot read: permission denied", results.get(0).error());
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                    results.get(1).digests().sha256().hex());
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals(List.of(), ParallelHasher.allCores().hashAll(List.of(), Set.of()));
    }

    @Test
    void atLeastOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelHasher(0));
        assertEquals(Runtime.getRuntime().availableProcessors(), ParallelHasher.allCores().threads());
    }

    @Test
    void hashResultHoldsExactlyOneOfDigestsAndError(@TempDir Path dir) {
        FileDigests digests = Digests.compute(new byte[0], Set.of());
        assertThrows(IllegalArgumentException.class, () -> new HashResult(dir, digests, "boom"));
        assertThrows(IllegalArgumentException.class, () -> new HashResult(dir, null, null));
    }
}
