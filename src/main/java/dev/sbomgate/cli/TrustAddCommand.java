package dev.sbomgate.cli;

import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust add}: pin one public key file for a set of purls. */
@Command(name = "add",
        description = {"Pin the public key in KEYFILE for purl scopes.",
                "KEYFILE holds one OpenPGP public key, PEM public key or X.509 certificate. The full fingerprint"
                + " is printed: compare it with one obtained out of band before you commit the trust store."},
        footer = {"", "A scope is pkg:TYPE/NAMESPACE/NAME[@VERSION]; '*' matches within one segment.",
                "", "Examples:",
                "  sbomgate trust add jackson-2022.asc --name 'Jackson release key 2022' \\",
                "      --scope 'pkg:maven/com.fasterxml.jackson.*/*' --not-after 2027-12-31",
                "  sbomgate trust add cosign.pub --name 'ACME CI' --scope 'pkg:npm/@acme/*'"})
final class TrustAddCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "KEYFILE", description = "The public key file to pin.")
    Path keyFile;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A human name for the key (shown in reports).")
    String name;

    @Option(names = "--scope", required = true, paramLabel = "PATTERN",
            description = "A purl pattern the key may sign for; repeat for several.")
    List<String> scopes;

    @Option(names = "--not-before", paramLabel = "DATE", description = "First day (UTC, YYYY-MM-DD) the pin is valid.")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "DATE", description = "Last day (UTC, YYYY-MM-DD) the pin is valid.")
    String notAfter;

    @Option(names = "--succeeds", paramLabel = "FINGERPRINT",
            description = "Record that this OpenPGP key succeeds the pinned key FINGERPRINT (trust.json 'rotation'): the"
                    + " key files must prove it (a certification by the old key, or its 'superseded' revocation naming"
                    + " this key). It widens nothing: give this key its own --scope.")
    String succeeds;

    @Override
    public Integer call() {
        List<PurlPattern> patterns = TrustArguments.scopes(scopes);
        byte[] bytes = TrustArguments.readKeyFile(keyFile);
        PinnedKey pin = new TrustStoreWriter(trust.dir).add(bytes, keyFile.toString(), name, patterns,
                TrustArguments.date("--not-before", notBefore), TrustArguments.date("--not-after", notAfter),
                succeeds == null ? null : TrustArguments.fingerprint(succeeds));
        PrintWriter out = trust.out();
        out.println("Pinned " + pin.typeName() + " key '" + pin.name() + "' in " + trust.dir + ":");
        TrustTexts.describe(out, pin, trust.dir);
        out.println("  trust store  " + TrustStoreLoader.load(trust.dir).digest());
        out.flush();
        String weakness = TrustTexts.weakness(pin.key().algorithm());
        if (weakness != null) {
            trust.err().println("sbomgate: warning: " + pin.key().algorithm() + " " + weakness
                    + ": its signatures will be reported as WEAK_CRYPTO");
            trust.err().flush();
        }
        return ExitCode.OK.code();
    }
}
