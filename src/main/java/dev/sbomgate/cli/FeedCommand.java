package dev.sbomgate.cli;

import dev.sbomgate.feed.FeedRecord;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.feed.OsvImport;
import dev.sbomgate.feed.SnapshotFile;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate feed update}: the malicious-package feed snapshot that KNOWN_MALICIOUS and FEED_STALE read. */
@Command(name = "feed", description = "Keep the malicious-package feed snapshot (OSV MAL- records) that check reads offline.",
        subcommands = {FeedCommand.Update.class})
final class FeedCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new BadInputException("feed needs a subcommand: update (see 'sbomgate feed update --help')");
    }

    /** {@code feed update --into DIR}. */
    @Command(name = "update", description = {"Write DIR/" + SnapshotFile.NAME + " from OSV records: the records that say a"
            + " package is malicious, reduced to what the gate matches (docs/feed.md), written atomically."},
            footer = {"", "Exit codes: 0 written, 2 bad input (nothing is written).", "", "Examples:",
                    "  git clone --depth 1 https://github.com/ossf/malicious-packages",
                    "  sbomgate feed update --into .sbomgate/feed --from-dir malicious-packages",
                    "  sbomgate feed update --into .sbomgate/feed --archive npm-all.zip --archive pypi-all.zip"})
    static final class Update implements Callable<Integer> {
        @Option(names = "--into", required = true, paramLabel = "DIR", description = "Where the snapshot goes (e.g. .sbomgate/feed).")
        Path into;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Sources sources;

        static final class Sources {
            @Option(names = "--from-dir", paramLabel = "DIR",
                    description = "A local clone of ossf/malicious-packages, or any directory of OSV JSON records.")
            Path fromDir;

            @Option(names = "--archive", paramLabel = "FILE",
                    description = "An OSV per-ecosystem archive (all.zip, as osv-vulnerabilities.storage.googleapis.com serves it). Repeatable.")
            List<Path> archives = new ArrayList<>();
        }

        @Option(names = "--ecosystem", paramLabel = "NAME",
                description = "Keep only these OSV ecosystems (npm, PyPI, Maven…). Repeatable; default: all in the sources.")
        List<String> ecosystems = new ArrayList<>();

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @ParentCommand
        private FeedCommand feed;

        @Override
        public Integer call() throws IOException {
            Set<String> wanted = new LinkedHashSet<>(ecosystems);
            List<FeedRecord> records = new ArrayList<>();
            List<String> sourceNames = new ArrayList<>();
            long read = 0;
            long skipped = 0;
            if (sources.fromDir != null) {
                OsvImport.Imported imported = OsvImport.fromDirectory(sources.fromDir, wanted);
                records.addAll(imported.records());
                read += imported.read();
                skipped += imported.skipped();
                sourceNames.add("dir:" + sources.fromDir.toAbsolutePath().normalize());
            }
            for (Path archive : sources.archives) {
                try (InputStream in = InputFiles.open(archive, Limits.FEED_ARCHIVE)) {
                    OsvImport.Imported imported = OsvImport.fromArchive(in, archive.toString(), wanted);
                    records.addAll(imported.records());
                    read += imported.read();
                    skipped += imported.skipped();
                }
                sourceNames.add("archive:" + archive.toAbsolutePath().normalize());
            }
            Set<String> covered = new java.util.TreeSet<>(wanted);
            records.forEach(r -> covered.add(r.ecosystem()));
            Optional<FeedSnapshot> before = SnapshotFile.read(into);
            FeedSnapshot written = SnapshotFile.write(into, main().now(), String.join(" ", sourceNames),
                    List.copyOf(covered), skipped, records);
            PrintWriter out = feed.spec.commandLine().getOut();
            long withdrawn = written.records().size() - written.activeRecords();
            out.println("feed snapshot written: " + into.resolve(SnapshotFile.NAME) + ": " + written.activeRecords()
                    + " records in force (" + withdrawn + " withdrawn) from " + read + " OSV records, " + skipped
                    + " skipped; ecosystems " + String.join(", ", covered) + "; SHA-256 " + written.sha256());
            before.ifPresent(b -> out.println("  since the previous snapshot (" + b.created() + "): "
                    + (written.activeRecords() - b.activeRecords() >= 0 ? "+" : "") + (written.activeRecords() - b.activeRecords())
                    + " records in force"));
            out.flush();
            return 0;
        }

        private Main main() {
            return (Main) feed.spec.parent().userObject();
        }
    }
}
