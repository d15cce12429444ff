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
 * @param evidence         what was proved beyond the deciding signature (tier, identity, verified checks); null when
 *                         not recorded (no artifact seen at approval, or read from format 1 or 2)
 */
public record BaselineComponent(Component component, List<Digest> artifactDigests, SignatureKind signatureKind,
                                Fingerprint signer, Instant signatureCreated, ContentSummary content,
                                ComponentEvidence evidence) {
    public BaselineComponent {
        Objects.requireNonNull(component, "component");
        artifactDigests = List.copyOf(artifactDigests == null ? List.of() : artifactDigests.stream().sorted().toList());
        if ((signatureKind == null) != (signer == null)) {
            throw new IllegalArgumentException("a signed baseline component needs both its signature kind and its signer");
        }
        if (evidence != null && signer != null) {
            // docs/formats.md §1.2: the deciding signature is one of the verified checks, and gives PUBLISHER tier.
            EvidenceKind kind = EvidenceKind.of(signatureKind);
            long same = evidence.checks().stream().filter(c -> c.kind() == kind && c.signer().equals(signer)
                    && Objects.equals(c.created(), signatureCreated)).count();
            if (same != 1) {
                throw new IllegalArgumentException("the signature (" + signatureKind + " by " + signer + ", created "
                        + signatureCreated + ") must be exactly one of evidence.checks[] (same kind, signer and created),"
                        + " found " + same);
            }
            if (evidence.tier() != EvidenceTier.PUBLISHER) {
                throw new IllegalArgumentException("a component with a signature has evidence tier PUBLISHER, found "
                        + evidence.tier());
            }
        }
    }

    /** A component approved without recorded evidence (as read from format 1 or 2). */
    public BaselineComponent(Component component, List<Digest> artifactDigests, SignatureKind signatureKind,
                             Fingerprint signer, Instant signatureCreated, ContentSummary content) {
        this(component, artifactDigests, signatureKind, signer, signatureCreated, content, null);
    }

    /** A component approved without a content summary. */
    public BaselineComponent(Component component, List<Digest> artifactDigests, SignatureKind signatureKind,
                             Fingerprint signer, Instant signatureCreated) {
        this(component, artifactDigests, signatureKind, signer, signatureCreated, null, null);
    }

    public boolean isSigned() {
        return signer != null;
    }

    public String identity() {
        return component.identity();
    }
}
