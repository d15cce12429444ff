package dev.sbomgate.cli;

import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import dev.sbomgate.trust.plan.KeyDifference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust refresh}: merge new material for a pinned OpenPGP key into its key file. */
@Command(name = "refresh",
        description = {"Merge new material for an already pinned OpenPGP key (a revocation, a new expiry, a new subkey,"
                + " new user IDs) into its key file, atomically, and show the difference. The result is the union of"
                + " the pinned copy and KEYFILE, so a refresh never drops a revocation. A key that is not pinned (another"
                + " fingerprint) is refused: a new key is pinned only after review ('trust add', 'trust apply')."},
        footer = {"", "Exit codes: 0 ok (refreshed, or nothing new), 2 bad input or usage.",
                "", "Example:", "  sbomgate trust refresh evidence/keys/28118C070CB22A0175A2E8D43D12CA2AC19F3181.asc"})
final class TrustRefreshCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "KEYFILE", description = "A file holding the pinned key with its new material.")
    Path keyFile;

    @Override
    public Integer call() {
        byte[] bytes = TrustArguments.readKeyFile(keyFile);
        TrustStoreWriter.Refresh refresh = new TrustStoreWriter(trust.dir).refresh(bytes, keyFile.toString());
        PrintWriter out = trust.out();
        List<String> changes = KeyDifference.between(refresh.before().key(), refresh.after());
        if (!refresh.changed()) {
            out.println("Nothing new for '" + refresh.before().name() + "' (" + refresh.before().fingerprint() + ") in "
                    + keyFile + ": the trust store is unchanged.");
        } else {
            out.println("Refreshed '" + refresh.before().name() + "' (" + refresh.before().fingerprint() + ") in "
                    + trust.dir.resolve(refresh.before().file()) + ":");
            if (changes.isEmpty()) {
                out.println("  (new packets only: certifications or self-signatures that change nothing shown)");
            }
            changes.forEach(c -> out.println("  " + c));
            out.println("  trust store  " + TrustStoreLoader.load(trust.dir).digest());
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
