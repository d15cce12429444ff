package dev.sbomgate.diff;

/**
 * How big a step between two versions is, judged by the first numeric release part that differs
 * (missing parts count as 0): the first is MAJOR, the second MINOR, any later one PATCH. OTHER when the
 * numeric parts are equal (only a qualifier, pre-release or build changed) or a version has none.
 */
public enum UpdateKind {
    MAJOR,
    MINOR,
    PATCH,
    OTHER
}
