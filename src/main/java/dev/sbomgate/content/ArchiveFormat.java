package dev.sbomgate.content;

/** The container an artifact was read as, decided by its first bytes, never by its name. */
public enum ArchiveFormat {
    /** A zip archive (local file header signature {@code PK\3\4}, APPNOTE.TXT 4.3.7): jar, war, whl, zip sdist. */
    ZIP,
    /** A POSIX/GNU tar stream inside gzip (RFC 1952 magic {@code 1f 8b}): npm tarball, Python sdist, crate. */
    TAR_GZIP,
    /** Anything else (a POM, a bare binary): not inspected; only its size is recorded. */
    NONE
}
