package dev.sbomgate.cli;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.PublicKeys;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import java.io.IOException;
import java.io.InputStream;
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

/** {@code sbomgate trust}: pin, list, show and remove the keys that may sign which packages. */
@Command(name = "trust",
        description = "Manage the pinned trust store: which keys (by full fingerprint) may sign which packages.",
        subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class, TrustCommand.Show.class,
                TrustCommand.Remove.class},
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

    @Command(name = "list", description = "List the pinned keys: name, type, fingerprint, scopes, window and key expiry.",
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
                        + " Pin one with 'sbomgate trust add'.");
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
            out.println(keys.size() + (keys.size() == 1 ? " key" : " keys") + " pinned; trust store " + store.digest());
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
            out.println(key.typeName() + " key '" + key.name() + "':");
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
            out.println("Removed " + removed.typeName() + " key '" + removed.name() + "' (" + removed.fingerprint()
                    + ") from " + trust.dir + ".");
            out.flush();
            return ExitCode.OK.code();
        }
    }

    private static void describe(PrintWriter out, PinnedKey key, Path dir) {
        PublicKeyInfo info = key.key();
        out.println("  fingerprint  " + key.fingerprint());
        out.println("  algorithm    " + info.algorithm());
        if (info.userIds().isEmpty()) {
            out.println("  user IDs     (none)");
        } else {
            for (int i = 0; i < info.userIds().size(); i++) {
                out.println((i == 0 ? "  user IDs     " : "               ") + printable(info.userIds().get(i)));
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

    /** User IDs come from the key file: shown, never trusted, and stripped of control characters. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
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
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": key file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(PublicKeys.MAX_KEY_FILE_BYTES + 1);
            if (bytes.length > PublicKeys.MAX_KEY_FILE_BYTES) {
                throw new BadInputException(file + ": larger than " + PublicKeys.MAX_KEY_FILE_BYTES
                        + " bytes; not a key file");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read key file (" + e.getMessage() + ")");
        }
    }
}
