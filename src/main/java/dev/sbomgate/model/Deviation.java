package dev.sbomgate.model;

import java.util.Objects;

/**
 * A schema violation the SBOM reader tolerated because a real generator writes it and it lies in a field the gate
 * does not judge (docs/sbom-formats.md, "Real generators' deviations"); reported by the SBOM_DEVIATION rule.
 *
 * @param entry        the entry of the documented list, e.g. {@code cdx-external-reference-url}
 * @param pointer      the JSON pointer of the field, e.g. {@code /components/3/externalReferences/0/url}
 * @param generator    the tool that made the SBOM as the document names it, or "an unnamed generator"
 * @param componentRef the bom-ref (CycloneDX) or SPDXID of the component the field belongs to, else null
 * @param detail       what the schema says about the value, one sanitised line
 */
public record Deviation(String entry, String pointer, String generator, String componentRef, String detail) {

    public Deviation {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(detail, "detail");
    }
}
