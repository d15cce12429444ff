package dev.sbomgate.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path temp;

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = temp.resolve("trust.json");
        Files.writeString(target, "old");
        AtomicWrite.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndCleansUp() throws IOException {
        // The target is a non-empty directory: the rename must fail, and nothing may be half-written.
        Path target = temp.resolve("trust.json");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep"), "old");
        assertThrows(IOException.class, () -> AtomicWrite.write(target, "new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("old", Files.readString(target.resolve("keep")));
        assertEquals(List.of(target.resolve("keep")), files());
    }

    @Test
    void aWrittenFileIsReadableByAllNotOwnerOnlyAsATemporaryFile() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions are not supported on this file system");
        Path target = temp.resolve("report.json");
        AtomicWrite.write(target, new byte[0]);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aLargeFileIsWrittenWholeAcrossWriteSlices() throws IOException {
        byte[] content = new byte[(3 << 20) + 7];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path target = temp.resolve("baseline.json.pending");
        AtomicWrite.durably(target, content);
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void durablyRefusesToWriteThroughASymbolicLink() throws IOException {
        Path real = temp.resolve("elsewhere");
        Files.writeString(real, "untouched");
        Path link = temp.resolve("baseline.json.pending");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e.getMessage());
        }
        assertThrows(IOException.class, () -> AtomicWrite.durably(link, "new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("untouched", Files.readString(real));
    }

    @Test
    void renameMovesTheFileOverTheTarget() throws IOException {
        Path source = temp.resolve("a.tmp");
        Path target = temp.resolve("a");
        Files.writeString(source, "new");
        Files.writeString(target, "old");
        AtomicWrite.rename(source, target);
        assertEquals("new", Files.readString(target));
        assertTrue(Files.notExists(source));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
