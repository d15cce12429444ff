package dev.sbomgate.cli;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.IdentityPin;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.PrintWriter;
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
                "      --scope 'pkg:maven/dev.sigstore/*'",
                "  sbomgate trust add-identity --name 'sigstore-js releases' \\",
                "      --issuer https://token.actions.githubusercontent.com \\",
                "      --repository https://github.com/sigstore/sigstore-js --workflow .github/workflows/release.yml \\",
                "      --scope 'pkg:npm/sigstore' --scope 'pkg:npm/@sigstore/*'"})
final class TrustAddIdentityCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A human name for the pin (shown in reports).")
    String name;

    @Option(names = "--issuer", required = true, paramLabel = "URL",
            description = "The OIDC issuer, compared exactly, e.g. https://token.actions.githubusercontent.com.")
    String issuer;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    Identity identity;

    @Option(names = "--repository", paramLabel = "URL",
            description = "Claim matcher: the source repository, https://github.com/OWNER/REPO (certificate and provenance must both say it).")
    String repository;

    @Option(names = "--workflow", paramLabel = "PATH",
            description = "Claim matcher: the workflow file, e.g. .github/workflows/release.yml.")
    String workflow;

    @Option(names = "--ref-pattern", paramLabel = "REGEX",
            description = "Claim matcher: a regular expression the whole git ref must match, e.g. 'refs/tags/v.*'.")
    String refPattern;

    @Option(names = "--trigger", paramLabel = "EVENT",
            description = "Claim matcher: an event that may start the build (push, release, workflow_dispatch); repeatable.")
    List<String> triggers;

    @Option(names = "--runner", paramLabel = "RUNNER",
            description = "Claim matcher: the runner environment, e.g. github-hosted.")
    String runner;

    @Option(names = "--environment", paramLabel = "NAME",
            description = "Claim matcher: the deployment environment (PyPI Trusted Publishers).")
    String environment;

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
        List<PurlPattern> patterns = TrustArguments.scopes(scopes);
        if (identity == null && repository == null) {
            throw new BadInputException("give --identity, --identity-pattern or --repository: a pin needs something to"
                    + " match the signing certificate with");
        }
        dev.sbomgate.trust.ClaimMatchers claims;
        try {
            claims = new dev.sbomgate.trust.ClaimMatchers(repository, workflow, refPattern, triggers, runner, environment);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("claim matcher: " + e.getMessage());
        }
        IdentityPin pinned;
        try {
            if (identity == null) {
                // docs/formats.md 2.4: with --repository the certificate identity may be left open
                pinned = new IdentityPin(issuer, ".+", true, claims);
            } else {
                pinned = identity.exact != null ? new IdentityPin(issuer, identity.exact, false, claims)
                        : new IdentityPin(issuer, identity.pattern, true, claims);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException((identity == null ? "--issuer: " : identity.exact != null ? "--identity: "
                    : "--identity-pattern: ") + e.getMessage());
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
