package dev.sbomgate.baseline;

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
 */
public record BaselineComponent(Component component, List<Digest> artifactDigests, SignatureKind signatureKind,
                                Fingerprint signer, Instant signatureCreated) {
    public BaselineComponent {
        Objects.requireNonNull(component, "component");
        artifactDigests = List.copyOf(artifactDigests == null ? List.of() : artifactDigests.stream().sorted().toList());
        if ((signatureKind == null) != (signer == null)) {
            throw new IllegalArgumentException("a signed baseline component needs both its signature kind and its signer");
        }
    }

    public boolean isSigned() {
        return signer != null;
    }

    public String identity() {
        return component.identity();
    }
}
