package dev.sbomgate.verify;

import dev.sbomgate.signature.npm.Provenance;
import dev.sbomgate.trust.PinnedKey;

/** Whether an identity pin's claim matchers (trust.json v2, docs/formats.md 2.4) accept a verified provenance. */
final class ClaimMatch {

    private ClaimMatch() {
    }

    static boolean matches(PinnedKey pin, Provenance provenance) {
        return pin.identity() != null && pin.identity().claims().matches(provenance.repository(), provenance.workflow(),
                provenance.ref(), provenance.trigger(), provenance.runner(), provenance.environment());
    }
}
