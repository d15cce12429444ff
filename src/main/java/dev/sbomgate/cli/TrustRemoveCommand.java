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
        dev.sbomgate.trust.TrustStore store = TrustStoreLoader.load(trust.dir);
        if (store.find(wanted).isEmpty()) {
            dev.sbomgate.trust.RegistryKeyPin registryKey = store.registryKeys().stream()
                    .filter(p -> p.fingerprint().equals(wanted)).findFirst()
                    .orElseThrow(() -> TrustArguments.notPinned(trust.dir, wanted));
            new TrustStoreWriter(trust.dir).remove(wanted);
            trust.out().println("Removed registry key '" + registryKey.name() + "' (" + wanted + ") from " + trust.dir + ".");
            trust.out().flush();
            return ExitCode.OK.code();
        }
        PinnedKey removed = new TrustStoreWriter(trust.dir).remove(wanted);
        PrintWriter out = trust.out();
        out.println("Removed " + (removed.isIdentity() ? "Sigstore identity" : removed.typeName() + " key") + " '"
                + removed.name() + "' (" + removed.fingerprint() + ") from " + trust.dir + ".");
        out.flush();
        return ExitCode.OK.code();
    }
}
