package dev.sbomgate.verify;

import dev.sbomgate.signature.Publisher;
import dev.sbomgate.trust.PinnedKey;

/**
 * Whether an identity pin's claim matchers (trust.json v2, docs/formats.md 2.4) accept a verified publisher identity:
 * the one matcher for every Sigstore-based kind (npm provenance, PEP 740 Trusted Publishers, plain bundles). A pin
 * without matchers accepts any; a present matcher never matches a claim the identity does not have.
 */
final class ClaimMatch {

    private ClaimMatch() {
    }

    static boolean matches(PinnedKey pin, Publisher publisher) {
        if (pin.identity() == null) {
            return false;
        }
        if (pin.identity().claims().isEmpty()) {
            return true;
        }
        return publisher != null && pin.identity().claims().matches(publisher);
    }
}
