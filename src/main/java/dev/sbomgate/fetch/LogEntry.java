package dev.sbomgate.fetch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.json.StrictJson;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of fetch-log.json.
 *
 * @param path   below the evidence directory, {@code /}-separated
 * @param purl   the component, or null for keys
 * @param url    the URL after redirects, without credentials; null when none was tried
 * @param status the final HTTP status, 0 when no response came or bytes were reused locally
 * @param size   bytes written, -1 unless fetched
 * @param sha256 of the bytes written, null unless fetched
 * @param reason one line for not-published and failed, else null
 */
public record LogEntry(String path, String purl, FileKind kind, String url, int status, long size, String sha256,
                       Instant time, Outcome outcome, String reason) {
    public LogEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The log file's content ({@code fetch-log.json}, {@code feed-log.json}): version 1, the entries in the given order. */
    public static byte[] logJson(List<LogEntry> entries) {
        ObjectNode root = StrictJson.object();
        root.put("version", 1);
        ArrayNode files = root.putArray("files");
        for (LogEntry e : entries) {
            ObjectNode o = files.addObject();
            o.put("path", e.path());
            if (e.purl() != null) {
                o.put("purl", e.purl());
            }
            o.put("kind", e.kind().logName());
            if (e.url() != null) {
                o.put("url", e.url());
            }
            o.put("status", e.status());
            if (e.outcome() == Outcome.FETCHED) {
                o.put("size", e.size());
                o.put("sha256", e.sha256());
            }
            o.put("time", e.time().toString());
            o.put("outcome", e.outcome().logName());
            if (e.reason() != null) {
                o.put("reason", e.reason());
            }
        }
        return StrictJson.pretty(root);
    }
}
