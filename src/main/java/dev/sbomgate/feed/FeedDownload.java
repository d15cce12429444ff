package dev.sbomgate.feed;

import dev.sbomgate.fetch.FileKind;
import dev.sbomgate.fetch.LogEntry;
import dev.sbomgate.fetch.Outcome;
import dev.sbomgate.fetch.Transport;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * Downloads one OSV archive ({@code all.zip}) through {@link Transport} (its URL rules, time limits and size cap),
 * reads its records with {@link OsvImport#fromArchive} and deletes the download: nothing of the server's answer is
 * kept but the records and one log line. The archive is capped by {@link FileKind#FEED_ARCHIVE}.
 */
public final class FeedDownload {
    /** The log of the last {@code feed update}'s downloads, in fetch-log.json's format (docs/evidence.md). */
    public static final String LOG = "feed-log.json";
    /** Where OSV publishes one {@code ECOSYSTEM/all.zip} per ecosystem. */
    public static final URI OSV_ARCHIVES = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");

    /** What one download gave: the records (null unless fetched) and its log line. */
    public record Downloaded(OsvImport.Imported imported, LogEntry log) {
    }

    private FeedDownload() {
    }

    /** OSV's archive of one ecosystem ({@code npm}, {@code PyPI}, {@code Maven}…) below {@code base}. */
    public static URI osvArchive(URI base, String ecosystem) {
        if (!ecosystem.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new BadInputException("not an OSV ecosystem name: " + Untrusted.oneLine(ecosystem));
        }
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + ecosystem + "/all.zip");
    }

    /**
     * Downloads {@code uri} into a temporary file of {@code dir}, reads the records of {@code ecosystems} (all when
     * empty) and deletes the file, whatever happens. A download that fails is returned with its log line and no
     * records; an archive that cannot be read is {@link BadInputException}.
     */
    public static Downloaded download(Transport transport, URI uri, Path dir, Set<String> ecosystems, Clock clock) {
        String refused = transport.refusal(uri);
        String shown = Transport.redactUrl(uri);
        if (refused != null) {
            throw new BadInputException("--source " + Untrusted.oneLine(shown) + ": " + refused);
        }
        Path target = dir.resolve(".osv-download.zip");
        try {
            Files.createDirectories(dir);
            Transport.Result result = transport.download(uri, target, FileKind.FEED_ARCHIVE.cap(), false, null);
            String url = result.uri() == null ? shown : Transport.redactUrl(result.uri());
            if (result.outcome() != Outcome.FETCHED) {
                return new Downloaded(null, new LogEntry(shown, null, FileKind.FEED_ARCHIVE, url, result.status(), -1,
                        null, clock.instant(), Outcome.FAILED, result.reason()));
            }
            OsvImport.Imported imported;
            try (InputStream in = InputFiles.open(target, Limits.FEED_ARCHIVE)) {
                imported = OsvImport.fromArchive(in, shown, ecosystems);
            }
            return new Downloaded(imported, new LogEntry(shown, null, FileKind.FEED_ARCHIVE, url, result.status(),
                    result.size(), result.sha256(), clock.instant(), Outcome.FETCHED, null));
        } catch (IOException e) {
            throw new BadInputException(shown + ": cannot be downloaded into " + dir + ": "
                    + Untrusted.message(e.getMessage()), e);
        } finally {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // a leftover temporary file is overwritten by the next download
            }
        }
    }
}
