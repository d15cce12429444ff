package dev.sbomgate.baseline;

import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.SignatureKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One approved component: what the SBOM said of it and what the gate proved of its artifact.
 *
 * @param component        the component as the approved SBOM described it
 * @param artifactDigests  digests computed from the approved artifact (always SHA-256 when an artifact was seen); empty when none was
 * @param signatureKind    how the approved artifact was signed, or null when it was unsigned (or not checked)
 * @param signer           the pinned fingerprint that signed it, or null
 * @param signatureCreated the signature's creation time, or null
 * @param content          the approved artifact's size and install-hook summary; null when none was recorded (no
 *                         artifact seen at approval, or a format 1 baseline, written before content inspection)
 */
public record BaselineComponent(Component component, List<Digest> artifactDigests, SignatureKind signatureKind,
                                Fingerprint signer, Instant signatureCreated, ContentSummary content) {
    public BaselineComponent {
        Objects.requireNonNull(component, "component");
        artifactDigests = List.copyOf(artifactDigests == null ? List.of() : artifactDigests.stream().sorted().toList());
        if ((signatureKind == null) != (signer == null)) {
            throw new IllegalArgumentException("a signed baseline component needs both its signature kind and its signer");
        }
    }

    /** A component approved without a content summary. */
    public BaselineComponent(Component component, List<Digest> artifactDigests, SignatureKind signatureKind,
                             Fingerprint signer, Instant signatureCreated) {
        this(component, artifactDigests, signatureKind, signer, signatureCreated, null);
    }

    public boolean isSigned() {
        return signer != null;
    }

    public String identity() {
        return component.identity();
    }
}
