package dev.sbomgate.baseline;

/** How the approved input was written (docs/formats.md §1.1 {@code sbom.encoding}). */
public enum SbomEncoding {
    JSON, XML, TAG_VALUE, JSON_LD
}
