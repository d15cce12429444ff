package dev.sbomgate.cli;

import dev.sbomgate.feed.FeedDownload;
import dev.sbomgate.feed.FeedRecord;
import dev.sbomgate.feed.PackageKey;
import dev.sbomgate.fetch.LogEntry;
import dev.sbomgate.fetch.Transport;
import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.text.Untrusted;
import java.net.URI;
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
import picocli.CommandLine.Mixin;
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
            footer = {"", "Exit codes: 0 written, 1 a download failed (nothing is written; feed-log.json says why), 2 bad input (nothing is written).", "", "Examples:",
                    "  git clone --depth 1 https://github.com/ossf/malicious-packages",
                    "  sbomgate feed update --into .sbomgate/feed --from-dir malicious-packages",
                    "  sbomgate feed update --into .sbomgate/feed --archive npm-all.zip --archive pypi-all.zip",
                    "  sbomgate feed update --into .sbomgate/feed --sbom target/bom.json      (online: OSV's archives of its ecosystems)",
                    "  sbomgate feed update --into .sbomgate/feed --source https://mirror.example/osv/npm/all.zip"})
    static final class Update implements Callable<Integer> {
        @Option(names = "--into", required = true, paramLabel = "DIR", description = "Where the snapshot goes (e.g. .sbomgate/feed).")
        Path into;

        @ArgGroup(exclusive = false, multiplicity = "0..1")
        Sources sources = new Sources();

        static final class Sources {
            @Option(names = "--from-dir", paramLabel = "DIR",
                    description = "A local clone of ossf/malicious-packages, or any directory of OSV JSON records.")
            Path fromDir;

            @Option(names = "--archive", paramLabel = "FILE",
                    description = "An OSV per-ecosystem archive (all.zip, as osv-vulnerabilities.storage.googleapis.com serves it). Repeatable.")
            List<Path> archives = new ArrayList<>();

            @Option(names = "--source", paramLabel = "URL",
                    description = "Download an OSV archive (all.zip) from URL (online). Repeatable. Default, when no"
                            + " source is given: OSV's archive of each ecosystem of --ecosystem and --sbom.")
            List<URI> urls = new ArrayList<>();
        }

        @Option(names = "--sbom", paramLabel = "FILE",
                description = "Take the ecosystems from the purls of this SBOM (with no source given: download their OSV archives).")
        Path sbom;

        @Mixin
        DownloadOptions download = new DownloadOptions();

        @Option(names = "--ecosystem", paramLabel = "NAME",
                description = "Keep only these OSV ecosystems (npm, PyPI, Maven…). Repeatable; default: all in the sources.")
        List<String> ecosystems = new ArrayList<>();

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @ParentCommand
        private FeedCommand feed;

        @Override
        public Integer call() throws IOException {
            Set<String> wanted = new java.util.TreeSet<>(ecosystems);
            if (sbom != null) {
                for (Component c : SbomReader.read(sbom).components()) {
                    if (c.purl() != null) {
                        PackageKey.osvEcosystem(c.purl().type()).ifPresent(wanted::add);
                    }
                }
            }
            List<URI> urls = new ArrayList<>(sources.urls);
            if (sources.fromDir == null && sources.archives.isEmpty() && urls.isEmpty()) {
                if (wanted.isEmpty()) {
                    throw new BadInputException("feed update needs a source (--source URL, --from-dir DIR, --archive FILE)"
                            + " or the ecosystems to download (--ecosystem NAME, --sbom FILE)");
                }
                wanted.forEach(e -> urls.add(FeedDownload.osvArchive(FeedDownload.OSV_ARCHIVES, e)));
            }
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
            PrintWriter out = feed.spec.commandLine().getOut();
            PrintWriter err = feed.spec.commandLine().getErr();
            if (!urls.isEmpty()) {
                List<LogEntry> log = new ArrayList<>();
                boolean failed = false;
                try (Transport transport = download.open(System.getenv())) {
                    for (URI url : urls) {
                        FeedDownload.Downloaded d = FeedDownload.download(transport, url, into, wanted, main().clock());
                        log.add(d.log());
                        if (d.imported() == null) {
                            err.println("sbomgate feed update: " + Untrusted.oneLine(d.log().path()) + ": "
                                    + Untrusted.oneLine(String.valueOf(d.log().reason())));
                            failed = true;
                            continue;
                        }
                        records.addAll(d.imported().records());
                        read += d.imported().read();
                        skipped += d.imported().skipped();
                        sourceNames.add("osv:" + d.log().path());
                    }
                }
                try {
                    AtomicWrite.write(into.resolve(FeedDownload.LOG), LogEntry.logJson(log));
                } catch (IOException e) {
                    throw new BadInputException("cannot write " + into.resolve(FeedDownload.LOG) + ": "
                            + Untrusted.message(e.getMessage()) + "; nothing was written", e);
                }
                if (failed) {
                    err.println("sbomgate feed update: nothing written; the snapshot stays as it was (log in "
                            + into.resolve(FeedDownload.LOG) + ")");
                    err.flush();
                    return ExitCode.GATE_FAILED.code();
                }
            }
            Set<String> covered = new java.util.TreeSet<>(wanted);
            records.forEach(r -> covered.add(r.ecosystem()));
            Optional<FeedSnapshot> before = SnapshotFile.read(into);
            FeedSnapshot written = SnapshotFile.write(into, main().now(), String.join(" ", sourceNames),
                    List.copyOf(covered), skipped, records);
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
