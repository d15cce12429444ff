package dev.sbomgate.cli;

import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sbomgate trust list}: the pins as a table. */
@Command(name = "list", description = "List the pins: name, type, fingerprint, scopes, window and key expiry.",
        footer = {"", "Example:", "  sbomgate trust list --trust .sbomgate/trust"})
final class TrustListCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Override
    public Integer call() {
        TrustStore store = TrustStoreLoader.load(trust.dir);
        PrintWriter out = trust.out();
        if (store.isEmpty()) {
            out.println("No keys are pinned in " + trust.dir + ": every signature counts as UNKNOWN_KEY."
                    + " Pin one with 'sbomgate trust add'" + (store.sigstoreTrustedRootFile().isPresent()
                    ? " or 'sbomgate trust add-identity'." : "."));
            out.flush();
            return ExitCode.OK.code();
        }
        List<PinnedKey> keys = new ArrayList<>(store.keys());
        keys.sort(Comparator.comparing((PinnedKey k) -> k.name().toLowerCase(Locale.ROOT))
                .thenComparing(PinnedKey::fingerprint));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "TYPE", "FINGERPRINT", "SCOPES", "WINDOW", "EXPIRES"});
        for (PinnedKey key : keys) {
            List<PurlPattern> scopes = key.scopes();
            for (int i = 0; i < scopes.size(); i++) {
                rows.add(i == 0
                        ? new String[] {key.name(), key.typeName(), key.fingerprint().hex(), scopes.get(0).toString(),
                                key.window(), TrustTexts.instant(key.key().expires(), "never")}
                        : new String[] {"", "", "", scopes.get(i).toString(), "", ""});
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c] : String.format(Locale.ROOT, "%-" + widths[c] + "s  ", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        long identities = keys.stream().filter(PinnedKey::isIdentity).count();
        long plain = keys.size() - identities;
        out.println(plain + (plain == 1 ? " key" : " keys") + (identities == 0 ? "" : " and " + identities
                + (identities == 1 ? " Sigstore identity" : " Sigstore identities")) + " pinned; trust store "
                + store.digest());
        store.sigstoreTrustedRootFile().ifPresent(root -> out.println("Sigstore trusted root: " + trust.dir.resolve(root)));
        if (!store.ignoredKeys().isEmpty()) {
            out.println("Ignored keys (their signatures count as absent):");
            store.ignoredKeys().forEach(k -> out.println("  " + k.id() + "  "
                    + dev.sbomgate.text.Untrusted.printable(k.reason())));
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
