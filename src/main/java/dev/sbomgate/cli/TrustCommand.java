package dev.sbomgate.cli;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.sigstore.TrustedRoot;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.trust.IdentityPin;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PublicKeys;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sbomgate trust}: pin, list, show and remove the keys and Sigstore identities that may sign which packages,
 * and install the Sigstore trusted root.
 */
@Command(name = "trust",
        description = "Manage the pinned trust store: which keys and Sigstore identities (by full fingerprint) may sign"
                + " which packages.",
        subcommands = {TrustCommand.Add.class, TrustCommand.AddIdentity.class, TrustCommand.SigstoreRoot.class,
                TrustCommand.ListKeys.class, TrustCommand.Show.class, TrustCommand.Remove.class},
        footer = {"", "Exit codes: 0 ok, 2 bad input or usage.",
                "", "Example:", "  sbomgate trust add release.asc --name 'ACME' --scope 'pkg:maven/com.acme/*'"})
final class TrustCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    /** The trust directory option every subcommand takes. */
    static final class TrustDir {
        @Option(names = "--trust", paramLabel = "DIR", defaultValue = ".sbomgate/trust",
                description = "Trust store directory (default: ${DEFAULT-VALUE}).")
        Path dir;
    }

    @Command(name = "add",
            description = {"Pin the public key in KEYFILE for purl scopes.",
                    "KEYFILE holds one OpenPGP public key, PEM public key or X.509 certificate. The full fingerprint"
                    + " is printed: compare it with one obtained out of band before you commit the trust store."},
            footer = {"", "A scope is pkg:TYPE/NAMESPACE/NAME[@VERSION]; '*' matches within one segment.",
                    "", "Examples:",
                    "  sbomgate trust add jackson-2022.asc --name 'Jackson release key 2022' \\",
                    "      --scope 'pkg:maven/com.fasterxml.jackson.*/*' --not-after 2027-12-31",
                    "  sbomgate trust add cosign.pub --name 'ACME CI' --scope 'pkg:npm/@acme/*'"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrustDir trust;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

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
            byte[] bytes = readKeyFile(keyFile);
            PinnedKey pin = new TrustStoreWriter(trust.dir).add(bytes, keyFile.toString(), name, patterns,
                    date("--not-before", notBefore), date("--not-after", notAfter));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Pinned " + pin.typeName() + " key '" + pin.name() + "' in " + trust.dir + ":");
            describe(out, pin, trust.dir);
            out.println("  trust store  " + TrustStoreLoader.load(trust.dir).digest());
            out.flush();
            String weakness = weakness(pin.key().algorithm());
            if (weakness != null) {
                spec.commandLine().getErr().println("sbomgate: warning: " + pin.key().algorithm() + " " + weakness
                        + ": its signatures will be reported as WEAK_CRYPTO");
                spec.commandLine().getErr().flush();
            }
            return ExitCode.OK.code();
        }
    }

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
    static final class AddIdentity implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrustDir trust;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

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
                    date("--not-before", notBefore), date("--not-after", notAfter));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Pinned Sigstore identity '" + pin.name() + "' in " + trust.dir + ":");
            describe(out, pin, trust.dir);
            out.println("  trust store  " + TrustStoreLoader.load(trust.dir).digest());
            out.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "sigstore-root",
            description = {"Install (or replace) the Sigstore trusted root that bundles are verified against.",
                    "TRUSTED_ROOT is a trusted_root.json (media type application/vnd.dev.sigstore.trustedroot+json):"
                    + " the certificate authorities, transparency logs and timestamp authorities of a Sigstore"
                    + " instance. It is copied into the trust store and never fetched at check time: take it from the"
                    + " instance's TUF repository (tuf-repo-cdn.sigstore.dev for the public-good instance) and review"
                    + " it like a key."},
            footer = {"", "Example:", "  sbomgate trust sigstore-root trusted_root.json"})
    static final class SigstoreRoot implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrustDir trust;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

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
            PrintWriter out = spec.commandLine().getOut();
            out.println("Installed the Sigstore trusted root " + trust.dir.resolve(store.sigstoreTrustedRootFile().orElseThrow())
                    + " (SHA-256 " + root.sha256() + "):");
            root.describe().forEach(line -> out.println("  " + line));
            out.println("  trust store  " + store.digest());
            out.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "list", description = "List the pins: name, type, fingerprint, scopes, window and key expiry.",
            footer = {"", "Example:", "  sbomgate trust list --trust .sbomgate/trust"})
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrustDir trust;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Override
        public Integer call() {
            TrustStore store = TrustStoreLoader.load(trust.dir);
            PrintWriter out = spec.commandLine().getOut();
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
                                    key.window(), instant(key.key().expires(), "never")}
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
            out.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "show", description = "Show one pinned key: fingerprint, algorithm, user IDs, dates, subkeys, scopes, window.",
            footer = {"", "Example:", "  sbomgate trust show 28118C070CB22A0175A2E8D43D12CA2AC19F3181"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrustDir trust;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The full fingerprint (spaces allowed).")
        String fingerprint;

        @Override
        public Integer call() {
            Fingerprint wanted = fingerprint(fingerprint);
            TrustStore store = TrustStoreLoader.load(trust.dir);
            PinnedKey key = store.find(wanted).orElseThrow(() -> notPinned(trust.dir, wanted));
            PrintWriter out = spec.commandLine().getOut();
            out.println(key.isIdentity() ? "Sigstore identity '" + key.name() + "':" : key.typeName() + " key '" + key.name() + "':");
            describe(out, key, trust.dir);
            out.flush();
            return ExitCode.OK.code();
        }
    }

    @Command(name = "remove", description = "Remove a pinned key and its key file from the trust store.",
            footer = {"", "Example:", "  sbomgate trust remove 28118C070CB22A0175A2E8D43D12CA2AC19F3181"})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TrustDir trust;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The full fingerprint (spaces allowed).")
        String fingerprint;

        @Override
        public Integer call() {
            Fingerprint wanted = fingerprint(fingerprint);
            if (TrustStoreLoader.load(trust.dir).find(wanted).isEmpty()) {
                throw notPinned(trust.dir, wanted);
            }
            PinnedKey removed = new TrustStoreWriter(trust.dir).remove(wanted);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Removed " + (removed.isIdentity() ? "Sigstore identity" : removed.typeName() + " key") + " '"
                    + removed.name() + "' (" + removed.fingerprint() + ") from " + trust.dir + ".");
            out.flush();
            return ExitCode.OK.code();
        }
    }

    private static void describe(PrintWriter out, PinnedKey key, Path dir) {
        if (key.isIdentity()) {
            out.println("  fingerprint  " + key.fingerprint());
            out.println((key.identity().pattern() ? "  pattern      " : "  identity     ") + Untrusted.printable(key.identity().identity()));
            out.println("  issuer       " + Untrusted.printable(key.identity().issuer()));
            for (int i = 0; i < key.scopes().size(); i++) {
                out.println((i == 0 ? "  scopes       " : "               ") + key.scopes().get(i));
            }
            out.println("  window       " + key.window());
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
            out.println("  revoked      yes");
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
        out.println("  file         " + dir.resolve(key.file()));
    }

    private static String instant(Instant instant, String none) {
        return instant == null ? none : instant.toString();
    }

    private static String weakness(String algorithm) {
        Matcher rsa = Pattern.compile("RSA-(\\d+)").matcher(algorithm);
        if (rsa.matches() && Integer.parseInt(rsa.group(1)) < 2048) {
            return "is under 2048 bits";
        }
        if (algorithm.startsWith("DSA") || algorithm.startsWith("ElGamal")) {
            return "is a legacy algorithm";
        }
        return null;
    }

    private static Fingerprint fingerprint(String text) {
        try {
            return new Fingerprint(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("expected a full fingerprint (40 or 64 hex digits), got '" + text
                    + "'; short key ids are never accepted");
        }
    }

    private static BadInputException notPinned(Path dir, Fingerprint fingerprint) {
        return new BadInputException(dir + ": no key with fingerprint " + fingerprint
                + " is pinned; 'sbomgate trust list' shows the pinned fingerprints");
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException(option + ": expected a date like 2026-01-31, got '" + text + "'");
        }
    }

    private static byte[] readKeyFile(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": key file not found");
        }
        try {
            return InputFiles.read(file, Limits.KEY_FILE);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read key file (" + e.getMessage() + ")");
        }
    }
}
