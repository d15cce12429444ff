package dev.sbomgate.trust.plan;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.Purl;
import java.util.Objects;

/**
 * One signature present beside a component whose signer the trust store does not pin for it, and what looking its
 * key up among the candidate keys found.
 *
 * @param purl    the component
 * @param issuer  what the signature names as its issuer (a fingerprint or a 16-hex key ID), never null
 * @param outcome what the look-up found
 * @param signer  the primary fingerprint of the key that verifies it (CANDIDATE_SIGNED, PINNED_OUT_OF_SCOPE), or null
 * @param detail  one line: why the key is not usable (KEY_NOT_USABLE), else what verified
 */
public record Observation(Purl purl, String issuer, Outcome outcome, Fingerprint signer, String detail) {

    /** What the look-up found. */
    public enum Outcome {
        /** A candidate key verifies the signature (also when the signature is WEAK_CRYPTO: the key did make it). */
        CANDIDATE_SIGNED,
        /** The signer is pinned, but not for this purl: its scopes could be extended (set-scopes). */
        PINNED_OUT_OF_SCOPE,
        /** No candidate key has the issuer's fingerprint or key ID. */
        KEY_NOT_FOUND,
        /** A candidate key has the issuer's ID but cannot vouch for the signature (revoked, expired, does not verify). */
        KEY_NOT_USABLE
    }

    public Observation {
        Objects.requireNonNull(purl, "purl");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
        if ((outcome == Outcome.CANDIDATE_SIGNED || outcome == Outcome.PINNED_OUT_OF_SCOPE) != (signer != null)) {
            throw new IllegalArgumentException("a signer is named exactly when a key verifies the signature");
        }
    }
}
