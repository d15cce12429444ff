package dev.sbomgate.fetch;

import java.time.Instant;
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
}
