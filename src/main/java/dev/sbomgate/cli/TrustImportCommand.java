package dev.sbomgate.cli;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.pgp.PgpKeys;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.trust.IgnoredKey;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import dev.sbomgate.trust.imports.ImportResult;
import dev.sbomgate.trust.imports.ImportedPin;
import dev.sbomgate.trust.imports.TrustImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust import}: pin the keys an existing trust file names, exactly or not at all. */
@Command(name = "import",
        description = {"Import existing trust: an OpenPGP keyring (gpg --export, Apache KEYS), Gradle's"
                + " gradle/verification-metadata.xml with its keyring, or a pgpverify-maven-plugin keys map with --keyring.",
                "The file is recognised by its content. Every key is shown (fingerprint, user IDs, algorithm, expiry,"
                + " scopes) and everything is written in one change. An entry that cannot be represented exactly is"
                + " refused with its line, never widened."},
        footer = {"", "Exit codes: 0 imported (or nothing to do), 2 bad input or a refused entry (nothing written).",
                "", "Examples:",
                "  sbomgate trust import gradle/verification-metadata.xml --dry-run",
                "  sbomgate trust import KEYS --scope 'pkg:maven/org.apache.commons/*'",
                "  sbomgate trust import pgp-keys-map.list --keyring keys.asc --partial"})
final class TrustImportCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "FILE", description = "The keyring, verification-metadata.xml or keys map.")
    Path file;

    @Option(names = "--keyring", paramLabel = "FILE",
            description = "The key material (OpenPGP keys). For Gradle, verification-keyring.keys or .gpg beside the"
                    + " XML is used when this is not given.")
    List<Path> keyrings = new ArrayList<>();

    @Option(names = "--scope", paramLabel = "PATTERN",
            description = "For a keyring: a purl pattern every key may sign for; repeat for several (required).")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--allow-wide", description = "Import scopes that match every namespace (like Gradle's group"
            + " regex '.*'); refused otherwise.")
    boolean allowWide;

    @Option(names = "--partial", description = "Import what maps exactly and leave out the refused entries (each is"
            + " still listed); without it, one refused entry refuses the import.")
    boolean partial;

    @Option(names = "--dry-run", description = "Show what would be imported; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        List<PurlPattern> patterns = TrustArguments.scopes(scopes);
        byte[] bytes = read(file, Limits.GRADLE_VERIFICATION_METADATA);
        ImportResult.Format format = TrustImport.detect(bytes, file.toString());
        Limits.Limit limit = switch (format) {
            case OPENPGP_KEYRING -> Limits.KEY_FILE;
            case GRADLE_VERIFICATION_METADATA -> Limits.GRADLE_VERIFICATION_METADATA;
            case PGPVERIFY_KEYSMAP -> Limits.KEYSMAP;
        };
        if (bytes.length > limit.bytes()) {
            throw new BadInputException(file + ": " + bytes.length + " bytes, more than the " + limit.human()
                    + " allowed for a " + limit.what() + " (docs/limits.md)");
        }
        List<Path> material = new ArrayList<>(keyrings);
        if (material.isEmpty() && format == ImportResult.Format.GRADLE_VERIFICATION_METADATA) {
            Path dir = file.toAbsolutePath().getParent();
            for (String name : List.of("verification-keyring.keys", "verification-keyring.gpg")) {
                if (dir != null && Files.isRegularFile(dir.resolve(name))) {
                    material.add(file.resolveSibling(name));
                }
            }
        }
        PgpKeys keyring = null;
        if (!material.isEmpty()) {
            List<PgpKeys> sets = new ArrayList<>();
            for (Path path : material) {
                sets.add(PgpKeys.parse(read(path, Limits.KEY_FILE), path.toString()));
            }
            keyring = PgpKeys.union(sets);
        }
        LocalDate today = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);
        ImportResult result = TrustImport.map(bytes, file.toString(), keyring, patterns, allowWide, today);

        PrintWriter out = trust.out();
        TrustStore store = TrustStoreLoader.load(trust.dir);
        List<ImportResult.Refusal> refused = new ArrayList<>(result.refused());
        List<TrustStoreWriter.NewPin> newPins = new ArrayList<>();
        List<ImportedPin> shown = new ArrayList<>();
        int unchanged = 0;
        for (ImportedPin pin : result.pins()) {
            PinnedKey existing = store.find(pin.fingerprint()).orElse(null);
            if (existing != null) {
                if (existing.scopes().containsAll(pin.scopes())) {
                    unchanged++;
                } else {
                    refused.add(new ImportResult.Refusal(pin.lines().isEmpty() ? 0 : pin.lines().get(0),
                            pin.fingerprint().hex(), "already pinned as '" + existing.name() + "' with scopes "
                            + existing.scopes() + "; the import would change them (a plan's set-scopes does that)"));
                }
                continue;
            }
            shown.add(pin);
            newPins.add(new TrustStoreWriter.NewPin(pin.name(), pin.keyFile(), file + " (" + pin.fingerprint() + ")",
                    pin.scopes()));
        }
        List<IgnoredKey> newIgnored = result.ignoredKeys().stream()
                .filter(k -> store.ignoredKeys().stream().noneMatch(e -> e.id().equals(k.id()))).toList();

        out.println((dryRun ? "Would import" : "Importing") + " from " + file + " (" + result.format().label() + ", "
                + result.entries() + " entries) into " + trust.dir + ":");
        for (ImportedPin pin : shown) {
            describe(out, pin);
        }
        for (IgnoredKey key : newIgnored) {
            out.println("  ignore key    " + key.id() + "  (" + Untrusted.printable(key.reason()) + ")");
        }
        if (unchanged > 0) {
            out.println("  " + unchanged + " key(s) already pinned with these scopes: unchanged");
        }
        for (String line : result.notImported()) {
            out.println("  not imported: " + Untrusted.printable(line));
        }
        if (!result.waivers().isEmpty()) {
            out.println("  not pinned; the equivalent dated waivers, to review and add to your policy's 'waivers:':");
            for (String waiver : result.waivers()) {
                out.println(waiver.indent(4).stripTrailing());
            }
        }
        for (ImportResult.Refusal refusal : refused) {
            out.println("  refused: " + refusal);
        }
        out.println("  " + shown.size() + " key(s) to pin, " + newIgnored.size() + " key(s) to ignore, "
                + refused.size() + " entr" + (refused.size() == 1 ? "y" : "ies") + " refused");
        out.flush();
        if (!refused.isEmpty() && !partial) {
            throw new BadInputException(file + ": " + refused.size() + " entr" + (refused.size() == 1 ? "y" : "ies")
                    + " cannot be imported exactly (first: " + refused.get(0) + "); nothing written. Fix them, or"
                    + " import the rest with --partial");
        }
        if (shown.isEmpty() && newIgnored.isEmpty()) {
            out.println("Nothing to import.");
            out.flush();
            return ExitCode.OK.code();
        }
        new TrustStoreWriter(trust.dir).addAll(newPins, newIgnored, !dryRun);
        if (dryRun) {
            out.println("Dry run: nothing written.");
        } else {
            out.println("Imported in one change; trust store " + TrustStoreLoader.load(trust.dir).digest());
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static void describe(PrintWriter out, ImportedPin pin) {
        PublicKeyInfo info = pin.info();
        out.println("  + key         " + info.fingerprint() + "  (keys/" + info.fingerprint().hex() + ".asc)");
        out.println("    name        " + Untrusted.printable(pin.name()));
        for (String uid : info.userIds().isEmpty() ? List.of("(none)") : info.userIds()) {
            out.println("    user ID     " + Untrusted.printable(uid));
        }
        out.println("    algorithm   " + info.algorithm() + (info.created() == null ? "" : ", created " + info.created()));
        out.println("    expires     " + (info.expires() == null ? "never" : info.expires().toString()));
        for (PurlPattern scope : pin.scopes()) {
            out.println("    scope       " + Untrusted.printable(scope.toString()));
        }
        if (!pin.viaIds().isEmpty()) {
            out.println("    named as    " + String.join(", ", pin.viaIds()));
        }
        if (!pin.lines().isEmpty()) {
            out.println("    from lines  " + String.join(", ", pin.lines().stream().map(String::valueOf).toList()));
        }
        String weakness = TrustTexts.weakness(info.algorithm());
        if (weakness != null) {
            out.println("    warning     " + info.algorithm() + " " + weakness + ": its signatures will be WEAK_CRYPTO");
        }
    }

    private Clock clock() {
        Object root = trust.command.commandLine().getParent() == null ? null
                : trust.command.commandLine().getParent().getParent() == null ? null
                : trust.command.commandLine().getParent().getParent().getCommand();
        return root instanceof Main main ? main.clock() : Clock.systemUTC();
    }

    private static byte[] read(Path path, Limits.Limit limit) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": file not found");
        }
        try {
            return InputFiles.read(path, limit);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
