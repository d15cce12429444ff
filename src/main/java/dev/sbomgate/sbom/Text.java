package dev.sbomgate.sbom;

import dev.sbomgate.text.Untrusted;

/** How values from the SBOM are quoted in a one-line message ({@link Untrusted} makes them safe). */
final class Text {

    /** Longest foreign message kept in an error; parser messages can quote whole documents. */
    static final int MAX_MESSAGE = 300;
    /** Longest SBOM value (purl, bom-ref, name) quoted in an error. */
    static final int MAX_VALUE = 120;

    private Text() {
    }

    /** A value from the SBOM, single-quoted and bounded, for naming it in a message. */
    static String quote(String value) {
        return value == null ? "(none)" : "'" + Untrusted.message(value, MAX_VALUE) + "'";
    }
}
