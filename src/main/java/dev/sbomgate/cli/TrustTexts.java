package dev.sbomgate.cli;

import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.trust.PinnedKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

/** How pins are shown by the trust subcommands: one pin in full, times, weak algorithms. */
final class TrustTexts {
    private TrustTexts() {
    }

    static void describe(PrintWriter out, PinnedKey key, Path dir) {
        if (key.isIdentity()) {
            out.println("  fingerprint  " + key.fingerprint());
            out.println((key.identity().pattern() ? "  pattern      " : "  identity     ") + Untrusted.printable(key.identity().identity()));
            out.println("  issuer       " + Untrusted.printable(key.identity().issuer()));
            for (int i = 0; i < key.scopes().size(); i++) {
                out.println((i == 0 ? "  scopes       " : "               ") + key.scopes().get(i));
            }
            out.println("  window       " + key.window());
            lifecycle(out, key);
            out.println("  verified by  " + dir.resolve(key.file()) + " (Sigstore trusted root)");
            return;
        }
        PublicKeyInfo info = key.key();
        out.println("  fingerprint  " + key.fingerprint());
        out.println("  algorithm    " + info.algorithm());
        if (info.userIds().isEmpty()) {
            out.println("  user IDs     (none)");
        } else {
            for (int i = 0; i < info.userIds().size(); i++) {
                out.println((i == 0 ? "  user IDs     " : "               ") + Untrusted.printable(info.userIds().get(i)));
            }
        }
        out.println("  created      " + instant(info.created(), "(not recorded)"));
        out.println("  expires      " + instant(info.expires(), "never"));
        if (info.revoked()) {
            out.println("  revoked      yes, by the key file" + (info.revocation() == null ? ""
                    : ": " + info.revocation().reason().name().toLowerCase(java.util.Locale.ROOT)
                    + (info.revocation().created() == null ? "" : " at " + info.revocation().created())));
        }
        if (!info.subkeys().isEmpty()) {
            for (int i = 0; i < info.subkeys().size(); i++) {
                out.println((i == 0 ? "  subkeys      " : "               ") + info.subkeys().get(i));
            }
        }
        for (int i = 0; i < key.scopes().size(); i++) {
            out.println((i == 0 ? "  scopes       " : "               ") + key.scopes().get(i));
        }
        out.println("  window       " + key.window());
        lifecycle(out, key);
        out.println("  file         " + dir.resolve(key.file()));
    }

    /** trust.json v2 {@code revoked} and {@code rotation} (docs/trust-store.md), when set. */
    private static void lifecycle(PrintWriter out, PinnedKey key) {
        if (key.revoked() != null) {
            out.println("  revoked      " + Untrusted.printable(key.revoked().describe()) + " (trust store)");
        }
        if (key.rotation() != null) {
            out.println("  succeeds     " + key.rotation().from() + " (proved by " + key.rotation().proof().text() + ")");
        }
    }

    static String instant(Instant instant, String none) {
        return instant == null ? none : instant.toString();
    }

    static String weakness(String algorithm) {
        return PublicKeyInfo.weakness(algorithm);
    }
}
