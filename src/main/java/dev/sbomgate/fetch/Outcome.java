package dev.sbomgate.fetch;

/** How one file's download ended, as written in fetch-log.json. */
public enum Outcome {
    FETCHED("fetched"),
    /** A 404 on an optional file: evidence of absence, judged by {@code check}. */
    NOT_PUBLISHED("not-published"),
    FAILED("failed");

    private final String logName;

    Outcome(String logName) {
        this.logName = logName;
    }

    public String logName() {
        return logName;
    }
}
