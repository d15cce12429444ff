package dev.sbomgate.cli;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PublicKeys;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.TrustStoreWriter;
import dev.sbomgate.trust.plan.PlanYaml;
import dev.sbomgate.trust.plan.TrustPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sbomgate trust apply}: pin exactly the {@code pins} of a reviewed trust plan, in one atomic change. */
@Command(name = "apply",
        description = {"Pin exactly the 'pins' entries of a trust plan written by 'sbomgate trust suggest --write', in one"
                + " atomic change, after checking it strictly: one YAML document of format 1, no unknown key, the trust"
                + " store unchanged since the plan (trustStoreDigest), and every key file with the SHA-256 and the"
                + " fingerprint the plan names. The 'info', 'sbom' and 'unresolved' parts are shown, never applied."},
        footer = {"", "Exit codes: 0 applied, 2 bad input or usage (nothing is pinned then).",
                "", "Example:", "  sbomgate trust apply trust-plan.yaml"})
final class TrustApplyCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The trust plan (YAML).")
    Path planFile;

    @Override
    public Integer call() {
        if (!Files.exists(planFile)) {
            throw new BadInputException(planFile + ": trust plan not found");
        }
        byte[] bytes;
        try {
            bytes = InputFiles.read(planFile, Limits.TRUST_PLAN);
        } catch (IOException e) {
            throw new BadInputException(planFile + ": cannot read the trust plan (" + e.getMessage() + ")");
        }
        TrustPlan plan = PlanYaml.read(bytes, planFile.toString());
        TrustStore store = TrustStoreLoader.load(trust.dir);
        if (!store.digest().toString().equals(plan.trustStoreDigest())) {
            throw new BadInputException(planFile + ": made against trust store " + plan.trustStoreDigest() + ", but "
                    + trust.dir + " is now " + store.digest() + "; the store changed since the plan was written: make it"
                    + " again with 'sbomgate trust suggest --write'");
        }
        Path base = planFile.toAbsolutePath().normalize().getParent();
        List<TrustStoreWriter.NewKey> newKeys = new ArrayList<>();
        Map<Fingerprint, List<PurlPattern>> newScopes = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < plan.pins().size(); i++) {
            TrustPlan.Pin pin = plan.pins().get(i);
            String at = planFile + ": pins[" + i + "]";
            List<PurlPattern> scopes = new ArrayList<>();
            for (String scope : pin.scopes()) {
                try {
                    scopes.add(PurlPattern.parse(scope));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(at + ".scopes: " + e.getMessage());
                }
            }
            if (pin.action() == TrustPlan.Action.SET_SCOPES) {
                PinnedKey pinned = store.find(pin.fingerprint()).orElseThrow(() -> new BadInputException(at
                        + ": set-scopes names " + pin.fingerprint() + ", which " + trust.dir + " does not pin"));
                if (newScopes.put(pin.fingerprint(), scopes) != null) {
                    throw new BadInputException(at + ": sets the scopes of " + pin.fingerprint() + " a second time");
                }
                shown.add("  ~ set-scopes '" + pinned.name() + "' (" + pin.fingerprint() + ")\n      scopes       "
                        + pinned.scopes() + " -> " + scopes);
                continue;
            }
            Path keyPath = base.resolve(pin.keyFile()).normalize();
            if (!Files.exists(keyPath)) {
                throw new BadInputException(at + ".keyFile: " + keyPath + " not found");
            }
            byte[] key;
            try {
                key = InputFiles.read(keyPath, Limits.KEY_FILE);
            } catch (IOException e) {
                throw new BadInputException(at + ".keyFile: cannot read " + keyPath + " (" + e.getMessage() + ")");
            }
            String sha256 = SignatureCheck.sha256(key);
            if (!sha256.equals(pin.keyFileSha256())) {
                throw new BadInputException(at + ".keyFile: " + keyPath + " has SHA-256 " + sha256 + ", but the plan"
                        + " names " + pin.keyFileSha256() + "; the key file changed since the plan was reviewed");
            }
            List<PublicKeyInfo> inFile = PublicKeys.inspect(key, keyPath.toString());
            if (inFile.size() != 1 || !inFile.get(0).fingerprint().equals(pin.fingerprint())) {
                throw new BadInputException(at + ".keyFile: " + keyPath + " holds "
                        + String.join(", ", inFile.stream().map(k -> k.fingerprint().hex()).toList())
                        + ", not exactly the key " + pin.fingerprint() + " the plan names");
            }
            newKeys.add(new TrustStoreWriter.NewKey(key, keyPath.toString(), pin.name(), scopes, pin.notBefore(),
                    pin.notAfter()));
            PublicKeyInfo info = inFile.get(0);
            shown.add("  + add-key '" + pin.name() + "'\n      fingerprint  " + pin.fingerprint()
                    + "\n      algorithm    " + info.algorithm() + "\n      expires      "
                    + TrustTexts.instant(info.expires(), "never") + "\n      scopes       " + scopes
                    + "\n      window       " + (pin.notBefore() == null && pin.notAfter() == null ? "always"
                    : (pin.notBefore() == null ? "" : pin.notBefore()) + ".." + (pin.notAfter() == null ? "" : pin.notAfter())));
        }
        PrintWriter out = trust.out();
        if (plan.pins().isEmpty()) {
            out.println(planFile + " holds no pins: nothing to apply.");
        } else {
            new TrustStoreWriter(trust.dir).apply(store.digest(), newKeys, newScopes);
            out.println("Applied " + planFile + " to " + trust.dir + " (" + plan.pins().size() + " change"
                    + (plan.pins().size() == 1 ? "" : "s") + ", one atomic write):");
            shown.forEach(out::println);
        }
        if (!plan.unresolved().isEmpty()) {
            out.println("Not applied: " + plan.unresolved().size() + " unresolved signer"
                    + (plan.unresolved().size() == 1 ? "" : "s") + " (informational; their waivers are for you to add"
                    + " to the policy if you accept them).");
        }
        out.println("  trust store  " + TrustStoreLoader.load(trust.dir).digest());
        out.flush();
        return ExitCode.OK.code();
    }
}
