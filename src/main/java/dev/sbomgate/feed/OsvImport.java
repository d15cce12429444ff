package dev.sbomgate.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads OSV records from where they are published — a directory of OSV JSON files (a clone of the OpenSSF
 * malicious-packages repository: {@code osv/malicious/…} and {@code osv/withdrawn/…}) or an OSV per-ecosystem archive
 * ({@code all.zip}) — into the records a snapshot keeps. Nothing is extracted or written: each record is read into
 * memory within {@link Limits#OSV_RECORD}, an archive within {@link #MAX_ARCHIVE_ENTRIES} entries and
 * {@link #MAX_INFLATED_BYTES} inflated bytes; names are never used as paths.
 */
public final class OsvImport {
    /** OSV record files read from one directory tree. */
    static final int MAX_FILES = 2_000_000;
    /** Entries of one OSV archive (the npm archive holds a few hundred thousand). */
    static final int MAX_ARCHIVE_ENTRIES = 2_000_000;
    /** Bytes inflated from one archive: the whole npm archive inflates to about 1 GiB. */
    static final long MAX_INFLATED_BYTES = 4L << 30;

    /** The records kept, the records read and those skipped because nothing in them can match. */
    public record Imported(List<FeedRecord> records, long read, long skipped) {
    }

    private OsvImport() {
    }

    /** Every {@code *.json} OSV record below {@code dir} whose package is in one of {@code ecosystems} (all when empty). */
    public static Imported fromDirectory(Path dir, Set<String> ecosystems) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a directory (expected a clone of ossf/malicious-packages or a"
                    + " directory of OSV records)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, 64, new FileVisitOption[0])) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.toString().contains("/.git/"))
                    .limit(MAX_FILES + 1L).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(dir + ": cannot be listed: " + StrictJson.oneLine(String.valueOf(e.getMessage())));
        }
        if (files.size() > MAX_FILES) {
            throw new BadInputException(dir + ": more than " + MAX_FILES + " JSON files (refused as hostile)");
        }
        Accumulator acc = new Accumulator(ecosystems);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue; // links to directories, FIFOs: not records (InputFiles would refuse them)
            }
            byte[] bytes;
            try {
                bytes = InputFiles.read(file, Limits.OSV_RECORD);
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot be read: " + StrictJson.oneLine(String.valueOf(e.getMessage())));
            }
            acc.add(StrictJson.parse(bytes, file.toString()), file.toString());
        }
        return acc.done();
    }

    /** Every record of an OSV archive ({@code all.zip}) read from {@code in}, named {@code name} in messages. */
    public static Imported fromArchive(InputStream in, String name, Set<String> ecosystems) {
        Accumulator acc = new Accumulator(ecosystems);
        long inflated = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ARCHIVE_ENTRIES) {
                    throw new BadInputException(name + ": more than " + MAX_ARCHIVE_ENTRIES + " entries (refused as hostile)");
                }
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                byte[] bytes = zip.readNBytes((int) Limits.OSV_RECORD.bytes() + 1);
                if (bytes.length > Limits.OSV_RECORD.bytes()) {
                    throw new BadInputException(name + ": entry " + StrictJson.quote(entry.getName()) + " is larger than the "
                            + Limits.OSV_RECORD.what() + " size limit of " + Limits.OSV_RECORD.human() + " (refused as hostile)");
                }
                inflated += bytes.length;
                if (inflated > MAX_INFLATED_BYTES) {
                    throw new BadInputException(name + ": inflates to more than " + MAX_INFLATED_BYTES
                            + " bytes (a zip bomb?); refused");
                }
                acc.add(StrictJson.parse(bytes, name + "!" + StrictJson.quote(entry.getName())), name);
            }
            if (entries == 0) {
                throw new BadInputException(name + ": not an OSV archive (no zip entries); nothing was written");
            }
        } catch (java.util.zip.ZipException e) {
            throw new BadInputException(name + ": not a valid zip archive: " + StrictJson.oneLine(String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot be read: " + StrictJson.oneLine(String.valueOf(e.getMessage())));
        }
        return acc.done();
    }

    /** Collects the kept records of each OSV record read. */
    private static final class Accumulator {
        private final Predicate<FeedRecord> wanted;
        private final List<FeedRecord> records = new ArrayList<>();
        private long read;
        private long skipped;

        Accumulator(Set<String> ecosystems) {
            this.wanted = r -> ecosystems.isEmpty() || ecosystems.contains(r.ecosystem());
        }

        void add(JsonNode osv, String source) {
            read++;
            OsvRecords.Result result;
            try {
                result = OsvRecords.read(osv);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source + ": " + StrictJson.oneLine(e.getMessage()));
            }
            if (result.skipped()) {
                skipped++;
            }
            result.records().stream().filter(wanted).forEach(records::add);
        }

        Imported done() {
            return new Imported(records, read, skipped);
        }
    }

}
