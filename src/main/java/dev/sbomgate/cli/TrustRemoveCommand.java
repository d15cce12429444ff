package dev.sbomgate.cli;

import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust remove}: unpin a key and delete its key file. */
@Command(name = "remove", description = "Remove a pinned key and its key file from the trust store.",
        footer = {"", "Example:", "  sbomgate trust remove 28118C070CB22A0175A2E8D43D12CA2AC19F3181"})
final class TrustRemoveCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The full fingerprint (spaces allowed).")
    String fingerprint;

    @Override
    public Integer call() {
        Fingerprint wanted = TrustArguments.fingerprint(fingerprint);
        if (TrustStoreLoader.load(trust.dir).find(wanted).isEmpty()) {
            throw TrustArguments.notPinned(trust.dir, wanted);
        }
        PinnedKey removed = new TrustStoreWriter(trust.dir).remove(wanted);
        PrintWriter out = trust.out();
        out.println("Removed " + (removed.isIdentity() ? "Sigstore identity" : removed.typeName() + " key") + " '"
                + removed.name() + "' (" + removed.fingerprint() + ") from " + trust.dir + ".");
        out.flush();
        return ExitCode.OK.code();
    }
}
