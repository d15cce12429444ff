package dev.sbomgate.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one OSV record (the OSV schema, https://ossf.github.io/osv-schema/) into the {@link FeedRecord}s a snapshot
 * keeps: one per affected package whose ecosystem maps to a purl type, and only when the record says the package is
 * malicious — an OpenSSF malicious-packages {@code MAL-} record, or another record classed as embedded malicious code
 * ({@code database_specific.cwe_ids} with CWE-506, as GitHub's malware advisories are). Pure: the caller reads the
 * JSON (bounded, strict) and decides where it came from.
 */
public final class OsvRecords {
    /** Longest summary kept; OSV details can be pages long. */
    static final int MAX_SUMMARY = 300;
    /** Most affected packages, versions, ranges and events kept from one record: real ones list a handful. */
    static final int MAX_ITEMS = 10_000;

    private OsvRecords() {
    }

    /** What one OSV record gives: the records kept, and whether it was skipped (malicious, but nothing can match). */
    public record Result(List<FeedRecord> records, boolean skipped) {
    }

    /**
     * @throws IllegalArgumentException the record is not an OSV record (no id, no {@code modified}, bad shapes);
     *                                  the message says what, for the caller to name the file
     */
    public static Result read(JsonNode osv) {
        if (osv == null || !osv.isObject()) {
            throw new IllegalArgumentException("not an OSV record (not a JSON object)");
        }
        String id = text(osv, "id").orElseThrow(() -> new IllegalArgumentException("an OSV record without an \"id\""));
        if (!isMalicious(id, osv)) {
            return new Result(List.of(), false);
        }
        Instant modified = time(osv, "modified").orElseThrow(
                () -> new IllegalArgumentException(id + ": an OSV record without a valid \"modified\" time"));
        Instant withdrawn = time(osv, "withdrawn").orElse(null);
        List<String> aliases = strings(osv.get("aliases"));
        String summary = summary(osv);
        List<FeedRecord> out = new ArrayList<>();
        boolean unmatchable = false;
        JsonNode affected = osv.get("affected");
        if (affected != null && !affected.isArray()) {
            throw new IllegalArgumentException(id + ": \"affected\" is not a list");
        }
        for (JsonNode a : bounded(affected, id)) {
            JsonNode pkg = a.get("package");
            Optional<PackageKey> key = pkg == null ? Optional.empty()
                    : PackageKey.ofOsv(pkg.path("ecosystem").asText(null), pkg.path("name").asText(null));
            if (key.isEmpty()) {
                unmatchable = true;
                continue;
            }
            List<String> versions = strings(a.get("versions"));
            List<FeedRecord.Range> ranges = new ArrayList<>();
            for (JsonNode r : bounded(a.get("ranges"), id)) {
                String type = r.path("type").asText("");
                if (!type.equals("SEMVER") && !type.equals("ECOSYSTEM")) {
                    continue; // GIT ranges name commits, which an SBOM does not carry
                }
                List<FeedRecord.Event> events = new ArrayList<>();
                for (JsonNode e : bounded(r.get("events"), id)) {
                    for (String kind : List.of("introduced", "fixed", "last_affected", "limit")) {
                        if (e.hasNonNull(kind) && e.get(kind).isTextual()) {
                            events.add(new FeedRecord.Event(kind, e.get(kind).textValue()));
                        }
                    }
                }
                if (!events.isEmpty()) {
                    ranges.add(new FeedRecord.Range(type, events));
                }
            }
            if (versions.isEmpty() && ranges.isEmpty()) {
                unmatchable = true;
                continue;
            }
            out.add(new FeedRecord(id, aliases, modified, withdrawn, summary, pkg.path("ecosystem").asText(),
                    key.get().purlType(), key.get().name(), versions, ranges, List.of()));
        }
        return new Result(out, out.isEmpty() && unmatchable);
    }

    private static boolean isMalicious(String id, JsonNode osv) {
        if (id.startsWith("MAL-")) {
            return true;
        }
        for (JsonNode cwe : osv.path("database_specific").path("cwe_ids")) {
            if ("CWE-506".equals(cwe.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String summary(JsonNode osv) {
        String text = text(osv, "summary").filter(s -> !s.isBlank())
                .or(() -> text(osv, "details").map(d -> d.strip().lines().findFirst().orElse("")))
                .orElse("");
        text = text.replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) > MAX_SUMMARY) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_SUMMARY - 1)) + "…";
        }
        return text;
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    private static Optional<Instant> time(JsonNode node, String key) {
        Optional<String> t = text(node, key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(t.get().toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode v : array) {
                if (v.isTextual() && out.size() < MAX_ITEMS) {
                    out.add(v.textValue());
                }
            }
        }
        return out;
    }

    private static Iterable<JsonNode> bounded(JsonNode array, String id) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        if (array.size() > MAX_ITEMS) {
            throw new IllegalArgumentException(id + ": more than " + MAX_ITEMS + " entries in one list (refused as hostile)");
        }
        return array;
    }
}
