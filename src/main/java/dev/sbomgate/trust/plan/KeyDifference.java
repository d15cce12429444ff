package dev.sbomgate.trust.plan;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.text.Untrusted;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What new key material changes about a pinned key ({@code trust refresh}): one line per difference. Pure. */
public final class KeyDifference {

    private KeyDifference() {
    }

    /** The differences from {@code before} to {@code after}, in a fixed order; empty when none. */
    public static List<String> between(PublicKeyInfo before, PublicKeyInfo after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> lines = new ArrayList<>();
        if (before.revoked() != after.revoked()) {
            lines.add(after.revoked() ? "! revoked: the key now carries a revocation" : "revocation: no longer present");
        }
        if (!Objects.equals(before.expires(), after.expires())) {
            lines.add("~ expires: " + (before.expires() == null ? "never" : before.expires()) + " -> "
                    + (after.expires() == null ? "never" : after.expires()));
        }
        for (String id : after.userIds()) {
            if (!before.userIds().contains(id)) {
                lines.add("+ user ID " + Untrusted.printable(id));
            }
        }
        for (String id : before.userIds()) {
            if (!after.userIds().contains(id)) {
                lines.add("- user ID " + Untrusted.printable(id));
            }
        }
        for (Fingerprint sub : after.subkeys()) {
            if (!before.subkeys().contains(sub)) {
                lines.add("+ signing subkey " + sub);
            }
        }
        for (Fingerprint sub : before.subkeys()) {
            if (!after.subkeys().contains(sub)) {
                lines.add("- signing subkey " + sub + " (revoked, expired or no longer bound)");
            }
        }
        return lines;
    }
}
