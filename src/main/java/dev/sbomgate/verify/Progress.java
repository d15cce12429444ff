package dev.sbomgate.verify;

/**
 * Where the verify stage reports how far it got, for a live progress line. Called from the hashing threads, so
 * implementations must be thread-safe and cheap; the default does nothing.
 */
public interface Progress {

    /** Reports nothing. */
    Progress NONE = bytes -> { };

    /** Called once, before any artifact, with the number of components whose artifacts will be looked for. */
    default void started(int components) {
    }

    /** Called once per component when its evidence is complete, with the bytes hashed for it (0 when none). */
    void artifactDone(long bytes);
}
