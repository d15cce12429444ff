package dev.sbomgate.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Purl;
import dev.sbomgate.model.ReleaseDates;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a {@code --metadata} file: when releases were published (format in docs/metadata.md). Strict: an unknown
 * key, a malformed purl, a purl without version, a time without zone or a repeated purl is an error naming the
 * file and the entry, never skipped.
 */
public final class ReleaseMetadataLoader {
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("releases");
    private static final Set<String> ENTRY_KEYS = Set.of("purl", "published");

    private ReleaseMetadataLoader() {
    }

    /** Reads and checks the file; any problem is a {@link BadInputException} naming the file and the entry. */
    public static ReleaseDates load(Path file) {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, Limits.METADATA);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": metadata file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the metadata file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + StrictJson.oneLine(e.getMessage())));
        }
        return parse(bytes, file.toString());
    }

    /** Parses metadata bytes; {@code source} names them in error messages. */
    public static ReleaseDates parse(byte[] bytes, String source) {
        JsonNode root = StrictJson.parse(bytes, source);
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(source + ": empty; expected {\"releases\": [{\"purl\": ..., \"published\": ...}]}");
        }
        if (!root.isObject()) {
            throw new BadInputException(source + ": expected a JSON object with key 'releases' but found " + StrictJson.kind(root));
        }
        checkKeys(source, "", root, TOP_LEVEL_KEYS);
        JsonNode releases = root.get("releases");
        if (releases == null || !releases.isArray()) {
            throw new BadInputException(source + ": releases: expected an array but found "
                    + (releases == null ? "nothing" : StrictJson.kind(releases)));
        }
        Map<String, Instant> published = new TreeMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < releases.size(); i++) {
            String at = "releases[" + i + "]";
            JsonNode entry = releases.get(i);
            if (!entry.isObject()) {
                throw StrictJson.fail(source, at, "expected an object with purl and published but found " + StrictJson.kind(entry));
            }
            checkKeys(source, at, entry, ENTRY_KEYS);
            String purlText = text(source, at + ".purl", entry.get("purl"));
            Purl purl;
            try {
                purl = Purl.parse(purlText);
            } catch (IllegalArgumentException e) {
                throw StrictJson.fail(source, at + ".purl", "malformed purl " + StrictJson.quote(purlText) + ": " + StrictJson.oneLine(e.getMessage()));
            }
            if (purl.version() == null) {
                throw StrictJson.fail(source, at + ".purl", "purl " + StrictJson.quote(purlText) + " has no version; a publish time belongs to "
                        + "one release, e.g. pkg:npm/axios@1.14.1");
            }
            String timeText = text(source, at + ".published", entry.get("published"));
            Instant time;
            try {
                time = OffsetDateTime.parse(timeText, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw StrictJson.fail(source, at + ".published", "expected an ISO-8601 time with zone like 2026-03-31T00:21:00Z but found "
                        + StrictJson.quote(timeText));
            }
            String key = purl.toString();
            Integer earlier = firstIndex.putIfAbsent(key, i);
            if (earlier != null) {
                throw StrictJson.fail(source, at + ".purl", "purl " + StrictJson.quote(key) + " is listed twice (first at releases[" + earlier
                        + "]); give each release one publish time");
            }
            published.put(key, time);
        }
        return new ReleaseDates(published);
    }

    private static void checkKeys(String source, String at, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw StrictJson.fail(source, at.isEmpty() ? StrictJson.quote(key) : at + "." + StrictJson.quote(key),
                        "unknown key (expected one of " + new TreeSet<>(allowed) + ")");
            }
        }
        for (String key : new TreeSet<>(allowed)) {
            if (!node.has(key)) {
                throw StrictJson.fail(source, at.isEmpty() ? key : at + "." + key, "required key is missing");
            }
        }
    }

    private static String text(String source, String at, JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw StrictJson.fail(source, at, "expected a string but found " + StrictJson.kind(value));
        }
        return value.textValue();
    }
}
