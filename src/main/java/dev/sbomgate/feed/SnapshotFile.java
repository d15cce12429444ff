package dev.sbomgate.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The snapshot file, {@code DIR/osv-snapshot.jsonl} (docs/feed.md): JSON Lines, a header line then one record per
 * line sorted by ecosystem, name and id, so that it diffs well and is read in one pass. Written whole or not at all
 * ({@link AtomicWrite}); read strictly (unknown keys, wrong types and a record count that disagrees with the header
 * are refused), within {@link Limits#FEED_SNAPSHOT}, each line within {@link #MAX_LINE_CHARS}.
 */
public final class SnapshotFile {
    /** The file name inside a feed directory. */
    public static final String NAME = "osv-snapshot.jsonl";
    /** The format written and the only one read. */
    public static final int FORMAT = 1;
    /** Longest line read: a record is a few hundred bytes, a record listing thousands of versions some KB. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final Set<String> HEADER_KEYS = Set.of("format", "created", "source", "ecosystems", "records", "skipped");
    private static final Set<String> RECORD_KEYS = Set.of("id", "aliases", "modified", "withdrawn", "summary", "ecosystem",
            "purlType", "name", "versions", "ranges", "digests");
    private static final Set<String> RECORD_REQUIRED = Set.of("id", "modified", "ecosystem", "purlType", "name");
    private static final Set<String> EVENT_KINDS = Set.of("introduced", "fixed", "last_affected", "limit");

    /** Record order in the file. */
    static final Comparator<FeedRecord> ORDER = Comparator.comparing(FeedRecord::ecosystem).thenComparing(FeedRecord::name)
            .thenComparing(FeedRecord::id);

    private SnapshotFile() {
    }

    /** Writes the snapshot of {@code records} into {@code dir} atomically; returns what a reader will read back. */
    public static FeedSnapshot write(Path dir, Instant created, String source, List<String> ecosystems, long skipped,
                                     List<FeedRecord> records) throws IOException {
        List<FeedRecord> sorted = new ArrayList<>(records);
        sorted.sort(ORDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode header = StrictJson.object();
        header.put("format", FORMAT);
        header.put("created", created.toString());
        header.put("source", source);
        ArrayNode eco = header.putArray("ecosystems");
        ecosystems.stream().sorted().distinct().forEach(eco::add);
        header.put("records", sorted.size());
        header.put("skipped", skipped);
        line(out, header);
        for (FeedRecord r : sorted) {
            line(out, toJson(r));
        }
        byte[] bytes = out.toByteArray();
        Files.createDirectories(dir);
        AtomicWrite.write(dir.resolve(NAME), bytes);
        return FeedSnapshot.of(created, source, ecosystems.stream().sorted().distinct().toList(), skipped, sha256Hex(bytes),
                sorted);
    }

    /** The snapshot in {@code dir}; empty when the directory holds none. */
    public static Optional<FeedSnapshot> read(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String source = file.toString();
        MessageDigest sha256 = newSha256();
        List<FeedRecord> records = new ArrayList<>();
        JsonNode headerNode = null;
        try (DigestInputStream digesting = new DigestInputStream(InputFiles.open(file, Limits.FEED_SNAPSHOT), sha256);
             BufferedReader reader = new BufferedReader(new InputStreamReader(digesting,
                     StandardCharsets.UTF_8.newDecoder()))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.length() > MAX_LINE_CHARS) {
                    throw new BadInputException(source + ": line " + number + " is longer than " + MAX_LINE_CHARS
                            + " characters (refused as hostile)");
                }
                JsonNode node = StrictJson.parse(line.getBytes(StandardCharsets.UTF_8), source + ": line " + number);
                if (headerNode == null) {
                    headerNode = node;
                    continue;
                }
                records.add(record(new StrictJson.Obj(node, source, "line " + number)));
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(source + ": not UTF-8");
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot be read: " + StrictJson.oneLine(String.valueOf(e.getMessage())));
        }
        if (headerNode == null) {
            throw new BadInputException(source + ": empty, expected a feed snapshot header line");
        }
        StrictJson.Obj header = new StrictJson.Obj(headerNode, source, "header").keys(HEADER_KEYS, HEADER_KEYS);
        if (header.integer("format") != FORMAT) {
            throw header.fail("header.format", "format " + header.raw("format") + " is not " + FORMAT
                    + " (written by another sbomgate version); run 'sbomgate feed update' again");
        }
        long count = header.raw("records").asLong(-1);
        if (!header.raw("records").isIntegralNumber() || count != records.size()) {
            throw header.fail("header.records", "says " + header.raw("records") + " records but the file holds "
                    + records.size() + " (truncated or edited)");
        }
        JsonNode skipped = header.raw("skipped");
        if (!skipped.isIntegralNumber() || skipped.asLong() < 0) {
            throw header.fail("header.skipped", "expected a whole number");
        }
        return Optional.of(FeedSnapshot.of(header.instant("created", false), header.text("source", false),
                header.strings("ecosystems", false), skipped.asLong(), HexFormat.of().formatHex(sha256.digest()), records));
    }

    private static FeedRecord record(StrictJson.Obj r) {
        r.keys(RECORD_KEYS, RECORD_REQUIRED);
        List<FeedRecord.Range> ranges = new ArrayList<>();
        int i = 0;
        for (JsonNode range : r.array("ranges", true)) {
            StrictJson.Obj o = new StrictJson.Obj(range, r.source(), r.child("ranges") + "[" + i++ + "]")
                    .keys(Set.of("type", "events"), Set.of("type", "events"));
            List<FeedRecord.Event> events = new ArrayList<>();
            int j = 0;
            for (JsonNode event : o.array("events", false)) {
                StrictJson.Obj e = new StrictJson.Obj(event, r.source(), o.child("events") + "[" + j++ + "]")
                        .keys(EVENT_KINDS, Set.of());
                if (!event.isObject() || event.size() != 1) {
                    throw e.fail(e.path(), "an event is one of " + EVENT_KINDS + " with its version");
                }
                String kind = event.fieldNames().next();
                events.add(new FeedRecord.Event(kind, e.text(kind, false)));
            }
            ranges.add(new FeedRecord.Range(o.text("type", false), events));
        }
        List<Digest> digests = new ArrayList<>();
        int k = 0;
        for (JsonNode digest : r.array("digests", true)) {
            StrictJson.Obj d = new StrictJson.Obj(digest, r.source(), r.child("digests") + "[" + k++ + "]")
                    .keys(Set.of("alg", "content"), Set.of("alg", "content"));
            HashAlgorithm alg = d.parsed("alg", false, "hash algorithm", name -> HashAlgorithm.fromName(name)
                    .orElseThrow(() -> new IllegalArgumentException("not a CycloneDX hash algorithm")));
            String hex = d.text("content", false).toLowerCase(java.util.Locale.ROOT);
            if (!Digest.isWellFormed(alg, hex)) {
                throw d.fail(d.child("content"), "not a " + alg + " digest in hex");
            }
            digests.add(new Digest(alg, hex));
        }
        return new FeedRecord(r.text("id", false), r.strings("aliases", true), r.instant("modified", false),
                r.instant("withdrawn", true), r.text("summary", true), r.text("ecosystem", false),
                r.text("purlType", false), r.text("name", false), r.strings("versions", true), ranges, digests);
    }

    private static ObjectNode toJson(FeedRecord r) {
        ObjectNode o = StrictJson.object();
        o.put("id", r.id());
        ArrayNode aliases = o.putArray("aliases");
        r.aliases().forEach(aliases::add);
        o.put("modified", r.modified().toString());
        if (r.withdrawn() == null) {
            o.putNull("withdrawn");
        } else {
            o.put("withdrawn", r.withdrawn().toString());
        }
        o.put("summary", r.summary());
        o.put("ecosystem", r.ecosystem());
        o.put("purlType", r.purlType());
        o.put("name", r.name());
        ArrayNode versions = o.putArray("versions");
        r.versions().forEach(versions::add);
        ArrayNode ranges = o.putArray("ranges");
        for (FeedRecord.Range range : r.ranges()) {
            ObjectNode ro = ranges.addObject();
            ro.put("type", range.type());
            ArrayNode events = ro.putArray("events");
            range.events().forEach(e -> events.addObject().put(e.kind(), e.version()));
        }
        ArrayNode digests = o.putArray("digests");
        for (Digest d : r.digests()) {
            digests.addObject().put("alg", d.algorithm().cycloneDxName()).put("content", d.hex());
        }
        return o;
    }

    private static void line(ByteArrayOutputStream out, JsonNode node) {
        out.writeBytes(StrictJson.compact(node));
        out.write('\n');
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
