package dev.sbomgate.cli;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.signature.sigstore.TrustedRoot;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust sigstore-root}: install the Sigstore trusted root the store verifies bundles against. */
@Command(name = "sigstore-root",
        description = {"Install (or replace) the Sigstore trusted root that bundles are verified against.",
                "TRUSTED_ROOT is a trusted_root.json (media type application/vnd.dev.sigstore.trustedroot+json):"
                + " the certificate authorities, transparency logs and timestamp authorities of a Sigstore"
                + " instance. It is copied into the trust store and never fetched at check time: take it from the"
                + " instance's TUF repository (tuf-repo-cdn.sigstore.dev for the public-good instance) and review"
                + " it like a key."},
        footer = {"", "Example:", "  sbomgate trust sigstore-root trusted_root.json"})
final class TrustSigstoreRootCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "TRUSTED_ROOT", description = "The trusted_root.json to install.")
    Path file;

    @Override
    public Integer call() {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": trusted root file not found");
        }
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, Limits.SIGSTORE_ROOT);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the trusted root (" + e.getMessage() + ")");
        }
        TrustedRoot root = new TrustStoreWriter(trust.dir).setSigstoreRoot(bytes, file.toString());
        TrustStore store = TrustStoreLoader.load(trust.dir);
        PrintWriter out = trust.out();
        out.println("Installed the Sigstore trusted root " + trust.dir.resolve(store.sigstoreTrustedRootFile().orElseThrow())
                + " (SHA-256 " + root.sha256() + "):");
        root.describe().forEach(line -> out.println("  " + line));
        out.println("  trust store  " + store.digest());
        out.flush();
        return ExitCode.OK.code();
    }
}
