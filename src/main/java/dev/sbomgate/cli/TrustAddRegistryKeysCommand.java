package dev.sbomgate.cli;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.RegistryKeyPin;
import dev.sbomgate.trust.RegistryKeyPins;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust add-registry-keys}: pin an npm registry's signing keys (its keys document) for purl scopes. */
@Command(name = "add-registry-keys",
        description = {"Pin the signing keys of an npm registry, from its keys document (GET REGISTRY/-/npm/v1/keys),",
                "one pin per key, with each key's expiry. A dist.signatures entry of a version document fetched from",
                "this registry then counts as a registry signature (REGISTRY tier); a signature dated after its key's",
                "expiry does not. Nothing is pinned by default: the public registry's keys ship in",
                "trust/npm-registry-keys.json of the sbomgate repository; compare them with the registry's before use."},
        footer = {"", "Example:",
                "  sbomgate trust add-registry-keys trust/npm-registry-keys.json --name 'npm registry' \\",
                "      --registry https://registry.npmjs.org --scope 'pkg:npm/*' --scope 'pkg:npm/@*/*'"})
final class TrustAddRegistryKeysCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "KEYS.json", description = "The registry's keys document.")
    Path keysFile;

    @Option(names = "--registry", required = true, paramLabel = "URL",
            description = "The registry base URL the version documents come from, e.g. https://registry.npmjs.org.")
    String registry;

    @Option(names = "--name", defaultValue = "npm registry", paramLabel = "NAME",
            description = "A human name for the keys (default: ${DEFAULT-VALUE}); each pin is NAME (keyid).")
    String name;

    @Option(names = "--scope", required = true, paramLabel = "PATTERN",
            description = "A purl pattern the keys sign for; repeat for several (pkg:npm/* and pkg:npm/@*/* for all).")
    List<String> scopes;

    @Option(names = "--not-before", paramLabel = "DATE", description = "First day (UTC, YYYY-MM-DD) the pins are valid.")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "DATE", description = "Last day (UTC, YYYY-MM-DD) the pins are valid.")
    String notAfter;

    @Override
    public Integer call() {
        List<PurlPattern> patterns = TrustArguments.scopes(scopes);
        byte[] bytes;
        try {
            bytes = InputFiles.read(keysFile, Limits.REGISTRY_KEYS);
        } catch (IOException e) {
            throw new BadInputException(keysFile + ": cannot read (" + e.getMessage() + ")");
        }
        List<RegistryKeyPin> pins;
        try {
            pins = RegistryKeyPins.add(trust.dir, bytes, keysFile.toString(), registry, name, patterns,
                    TrustArguments.date("--not-before", notBefore), TrustArguments.date("--not-after", notAfter));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--registry: " + e.getMessage());
        }
        PrintWriter out = trust.out();
        out.println("Pinned " + pins.size() + " registry key" + (pins.size() == 1 ? "" : "s") + " in " + trust.dir + ":");
        for (RegistryKeyPin pin : pins) {
            out.println("  " + pin.name());
            out.println("    fingerprint  " + pin.fingerprint());
            out.println("    registry     " + pin.registry());
            out.println("    expires      " + (pin.expires() == null ? "never" : pin.expires()));
            out.println("    scopes       " + pin.scopes());
        }
        out.println("  trust store  " + TrustStoreLoader.load(trust.dir).digest());
        out.flush();
        return ExitCode.OK.code();
    }
}
