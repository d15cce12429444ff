package dev.sbomgate.cli;

import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust show}: one pin in full. */
@Command(name = "show", description = "Show one pinned key: fingerprint, algorithm, user IDs, dates, subkeys, scopes, window.",
        footer = {"", "Example:", "  sbomgate trust show 28118C070CB22A0175A2E8D43D12CA2AC19F3181"})
final class TrustShowCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The full fingerprint (spaces allowed).")
    String fingerprint;

    @Override
    public Integer call() {
        Fingerprint wanted = TrustArguments.fingerprint(fingerprint);
        TrustStore store = TrustStoreLoader.load(trust.dir);
        PinnedKey key = store.find(wanted).orElseThrow(() -> TrustArguments.notPinned(trust.dir, wanted));
        PrintWriter out = trust.out();
        out.println(key.isIdentity() ? "Sigstore identity '" + key.name() + "':" : key.typeName() + " key '" + key.name() + "':");
        TrustTexts.describe(out, key, trust.dir);
        out.flush();
        return ExitCode.OK.code();
    }
}
