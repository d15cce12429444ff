package dev.sbomgate.cli;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.IdentityPin;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbomgate trust add-identity}: pin a Sigstore signing identity (issuer and subject) for a set of purls. */
@Command(name = "add-identity",
        description = {"Pin a Sigstore signing identity (certificate identity and OIDC issuer) for purl scopes.",
                "A Sigstore bundle counts as signed by this pin when it verifies against the store's trusted root"
                + " and its certificate names this identity (exactly, or matching the pattern as a whole) from this"
                + " issuer. Confirm the identity with the publisher (its release workflow) before you commit it."},
        footer = {"", "A scope is pkg:TYPE/NAMESPACE/NAME[@VERSION]; '*' matches within one segment.",
                "An identity pattern is a Java regular expression that must match the whole identity.",
                "", "Examples:",
                "  sbomgate trust add-identity --name 'sigstore-java releases' \\",
                "      --issuer https://token.actions.githubusercontent.com \\",
                "      --identity-pattern 'https://github\\.com/sigstore/sigstore-java/\\.github/workflows/"
                        + "release-sigstore-java-from-tag\\.yaml@refs/tags/v[0-9.]+' \\",
                "      --scope 'pkg:maven/dev.sigstore/*'"})
final class TrustAddIdentityCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A human name for the pin (shown in reports).")
    String name;

    @Option(names = "--issuer", required = true, paramLabel = "URL",
            description = "The OIDC issuer, compared exactly, e.g. https://token.actions.githubusercontent.com.")
    String issuer;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Identity identity;

    /** Exactly one of the two identity forms. */
    static final class Identity {
        @Option(names = "--identity", required = true, paramLabel = "IDENTITY",
                description = "The exact certificate identity (subject alternative name).")
        String exact;

        @Option(names = "--identity-pattern", required = true, paramLabel = "REGEX",
                description = "A regular expression the whole certificate identity must match.")
        String pattern;
    }

    @Option(names = "--scope", required = true, paramLabel = "PATTERN",
            description = "A purl pattern the identity may sign for; repeat for several.")
    List<String> scopes;

    @Option(names = "--not-before", paramLabel = "DATE", description = "First day (UTC, YYYY-MM-DD) the pin is valid.")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "DATE", description = "Last day (UTC, YYYY-MM-DD) the pin is valid.")
    String notAfter;

    @Override
    public Integer call() {
        List<PurlPattern> patterns = new ArrayList<>();
        for (String scope : scopes) {
            try {
                patterns.add(PurlPattern.parse(scope));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--scope: " + e.getMessage());
            }
        }
        IdentityPin pinned;
        try {
            pinned = identity.exact != null ? new IdentityPin(issuer, identity.exact, false)
                    : new IdentityPin(issuer, identity.pattern, true);
        } catch (IllegalArgumentException e) {
            throw new BadInputException((identity.exact != null ? "--identity: " : "--identity-pattern: ")
                    + e.getMessage());
        }
        PinnedKey pin = new TrustStoreWriter(trust.dir).addIdentity(name, pinned, patterns,
                TrustArguments.date("--not-before", notBefore), TrustArguments.date("--not-after", notAfter));
        PrintWriter out = trust.out();
        out.println("Pinned Sigstore identity '" + pin.name() + "' in " + trust.dir + ":");
        TrustTexts.describe(out, pin, trust.dir);
        out.println("  trust store  " + TrustStoreLoader.load(trust.dir).digest());
        out.flush();
        return ExitCode.OK.code();
    }
}
