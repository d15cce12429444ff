package dev.sbomgate.cli;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.gate.Gate;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.trust.plan.CandidateKeys;
import dev.sbomgate.trust.plan.Observation;
import dev.sbomgate.trust.plan.PlanYaml;
import dev.sbomgate.trust.plan.Suggestions;
import dev.sbomgate.trust.plan.TrustPlan;
import dev.sbomgate.verify.Evidence;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sbomgate trust suggest}: from the signatures actually present, the pins that would trust their signers, as a
 * plan to review ({@code --write}) and apply ({@code trust apply}). Offline; pins nothing.
 */
@Command(name = "suggest",
        description = {"Propose pins for the signers of the signatures present that the trust store does not pin.",
                "Runs the gate's verify stage over the SBOM's artifacts, looks each unpinned signer's key up among the"
                + " candidate keys (DIR/keys/ of a 'sbomgate fetch' evidence directory, and every --keyring), verifies"
                + " the signature with it, and proposes the narrowest scopes covering what the key signed (one"
                + " pkg:maven/GROUP/* per groupId, pkg:npm/@scope/* per npm scope). Signers whose key is not found are"
                + " listed with the components they block and the dated waiver that would accept them.",
                "Nothing is pinned: write the plan with --write, review it, then 'sbomgate trust apply PLAN'."},
        footer = {"", "Exit codes: 0 ok, 2 bad input or usage.",
                "", "Example:",
                "  sbomgate fetch --sbom target/bom.json --into evidence",
                "  sbomgate trust suggest --sbom target/bom.json --artifacts evidence \\",
                "      --keyring gradle/verification-keyring.keys --write trust-plan.yaml"})
final class TrustSuggestCommand implements Callable<Integer> {
    @Mixin
    TrustCommand.TrustDir trust;

    @ParentCommand
    TrustCommand parent;

    @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "The SBOM (CycloneDX, SPDX or an npm lockfile).")
    Path sbom;

    @Option(names = "--artifacts", required = true, paramLabel = "DIR",
            description = "Where the artifacts and signatures are (a 'sbomgate fetch' directory: its keys/ are candidates). Repeatable.")
    List<Path> artifacts = new ArrayList<>();

    @Option(names = "--keyring", paramLabel = "FILE",
            description = "More candidate keys: an OpenPGP keyring, armoured or binary, one key or many (KEYS, gpg --export,"
                    + " Gradle verification-keyring.keys). Repeatable.")
    List<Path> keyrings = new ArrayList<>();

    @Option(names = "--write", paramLabel = "PLAN", description = "Write the plan (YAML, docs/formats.md 2.9) to PLAN.")
    Path write;

    @Override
    public Integer call() {
        Instant now = parent.main.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (write != null) {
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(sbom, "the SBOM");
            keyrings.forEach(k -> files.put(k, "the --keyring " + k));
            Map<Path, String> trees = new LinkedHashMap<>();
            trees.put(trust.dir, "the trust store");
            GateInputs.refuseOutputsOnto(files, trees, List.of(write));
        }
        TrustStore store = TrustStoreLoader.load(trust.dir);
        CandidateKeys candidates = CandidateKeys.read(artifacts, keyrings);
        SbomReader.Document document = SbomReader.readDocument(sbom);
        GateInput input = new GateInput(sbom, document.sha256(), document.inventory(), null, store,
                new ArtifactLocator(artifacts), Policy.defaults(), null, now, null);
        Verdict verdict = Gate.integrityOnly().evaluate(input);

        List<Observation> observations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int signed = 0;
        int components = 0;
        for (Evidence evidence : verdict.evidence()) {
            components++;
            if (evidence.component().purl() == null) {
                continue;
            }
            boolean any = false;
            for (SignatureCheck check : evidence.signatures()) {
                if (check.status() == SignatureStatus.NOT_PINNED_FOR_PURL && check.signer() != null
                        && store.find(check.signer()).isPresent()) {
                    observations.add(new Observation(evidence.component().purl(), check.signer().hex(),
                            Observation.Outcome.PINNED_OUT_OF_SCOPE, check.signer(), check.detail()));
                    any = true;
                } else if (check.status() == SignatureStatus.UNKNOWN_KEY && check.kind() == SignatureKind.OPENPGP
                        && check.issuer() != null) {
                    observations.add(observe(evidence, check, candidates, notes));
                    any = true;
                } else if (check.status() == SignatureStatus.NOT_PINNED_FOR_PURL) {
                    notes.add(evidence.component().label() + ": signed by registry key " + check.signer()
                            + ", pinned for other packages; widen it with 'sbomgate trust add-registry-keys'");
                } else if (check.status() == SignatureStatus.UNKNOWN_KEY) {
                    notes.add(evidence.component().label() + ": a " + check.kind() + " signature by "
                            + (check.issuer() == null ? "an unnamed key" : Untrusted.printable(check.issuer()))
                            + " cannot be looked up among OpenPGP candidate keys; pin it with 'sbomgate trust add' or"
                            + " 'add-identity'");
                }
            }
            if (any) {
                signed++;
            }
        }
        Map<Fingerprint, Suggestions.Candidate> byKey = new TreeMap<>();
        Map<Fingerprint, byte[]> toExport = new TreeMap<>();
        Path planDir = write == null ? null : write.toAbsolutePath().normalize().getParent();
        for (Observation o : observations) {
            if (o.outcome() != Observation.Outcome.CANDIDATE_SIGNED || byKey.containsKey(o.signer())) {
                continue;
            }
            PublicKeyInfo info = candidates.info(o.signer()).orElseThrow();
            Path single = candidates.singleKeyFile(o.signer()).orElse(null);
            String keyFile;
            String sha256;
            if (single != null) {
                keyFile = planDir == null ? single.toString() : relative(planDir, single);
                sha256 = SignatureCheck.sha256(candidates.singleKeyFileBytes(o.signer()));
            } else {
                byte[] exported = candidates.exported(o.signer());
                toExport.put(o.signer(), exported);
                keyFile = keysDirName(write) + "/" + o.signer().hex() + ".asc";
                sha256 = SignatureCheck.sha256(exported);
            }
            byKey.put(o.signer(), new Suggestions.Candidate(info, keyFile, sha256));
        }
        TrustPlan plan = Suggestions.plan(observations, byKey, store, new TrustPlan.Sbom(sbom.toString(),
                document.sha256()), now);

        PrintWriter out = trust.out();
        out.println(components + " components, " + signed + " with signatures by signers not pinned for them; "
                + candidates.size() + " candidate keys read; trust store " + trust.dir + " (" + store.keys().size()
                + " pins, " + store.digest() + ").");
        candidates.skipped().forEach(s -> out.println("  skipped candidate: " + Untrusted.oneLine(s)));
        print(out, plan, candidates, now);
        notes.forEach(n -> out.println("note: " + n));
        if (write != null) {
            try {
                if (!toExport.isEmpty()) {
                    Path keysDir = planDir.resolve(keysDirName(write));
                    Files.createDirectories(keysDir);
                    for (Map.Entry<Fingerprint, byte[]> e : toExport.entrySet()) {
                        AtomicWrite.write(keysDir.resolve(e.getKey().hex() + ".asc"), e.getValue());
                    }
                }
                if (planDir != null) {
                    Files.createDirectories(planDir);
                }
                AtomicWrite.write(write, PlanYaml.write(plan).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new BadInputException(write + ": cannot write the plan (" + e.getMessage() + ")");
            }
            out.println();
            out.println("Wrote " + write + " (" + plan.pins().size() + " pins" + (toExport.isEmpty() ? "" : ", "
                    + toExport.size() + " key files exported to " + planDir.resolve(keysDirName(write))) + ").");
            out.println("Nothing is pinned yet: review the plan (each fingerprint with its publisher), then run"
                    + " 'sbomgate trust apply " + write + "'.");
        } else if (!plan.pins().isEmpty()) {
            out.println();
            out.println("Nothing is pinned. Write the plan with --write PLAN, review it, then 'sbomgate trust apply PLAN'.");
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static Observation observe(Evidence evidence, SignatureCheck check, CandidateKeys candidates, List<String> notes) {
        SignatureCheck again = candidates.verify(evidence.artifact(), check.signatureFile());
        String issuer = Untrusted.printable(check.issuer());
        switch (again.status()) {
            case VERIFIED:
            case WEAK_CRYPTO:
                if (again.status() == SignatureStatus.WEAK_CRYPTO) {
                    notes.add(evidence.component().label() + ": its signature by " + again.signer() + " is WEAK_CRYPTO ("
                            + Untrusted.oneLine(again.detail()) + "); pinning the key does not make it count");
                }
                return new Observation(evidence.component().purl(), issuer, Observation.Outcome.CANDIDATE_SIGNED,
                        again.signer(), again.detail());
            case UNKNOWN_KEY:
                return new Observation(evidence.component().purl(), issuer, Observation.Outcome.KEY_NOT_FOUND, null,
                        again.detail());
            default:
                return new Observation(evidence.component().purl(), issuer, Observation.Outcome.KEY_NOT_USABLE, null,
                        again.status() + ": " + Untrusted.oneLine(again.detail()));
        }
    }

    private static void print(PrintWriter out, TrustPlan plan, CandidateKeys candidates, Instant now) {
        if (plan.pins().isEmpty() && plan.unresolved().isEmpty()) {
            out.println();
            out.println("Every signature present is by a signer pinned for its component: nothing to suggest.");
            return;
        }
        if (!plan.pins().isEmpty()) {
            out.println();
            out.println("Proposed (" + plan.pins().size() + "): compare each fingerprint with one from its publisher before"
                    + " you apply.");
        }
        for (TrustPlan.Pin pin : plan.pins()) {
            TrustPlan.Info info = pin.info();
            out.println();
            if (pin.action() == TrustPlan.Action.ADD_KEY) {
                out.println("  + add-key '" + pin.name() + "'");
            } else {
                out.println("  ~ set-scopes " + pin.fingerprint() + ": already pinned, signs outside its scopes");
            }
            out.println("      fingerprint  " + pin.fingerprint());
            if (info != null) {
                out.println("      algorithm    " + info.algorithm() + (PublicKeyInfo.weakness(info.algorithm()) == null
                        ? "" : " (WEAK: " + PublicKeyInfo.weakness(info.algorithm()) + ")"));
                out.println("      created      " + (info.created() == null ? "(not recorded)"
                        : info.created() + " (" + age(info.created(), now) + ")"));
                out.println("      expires      " + (info.expires() == null ? "never" : info.expires()
                        + (info.expires().isBefore(now) ? " (EXPIRED)" : "")));
                if (info.userIds().isEmpty()) {
                    out.println("      user IDs     (none)");
                }
                for (int i = 0; i < info.userIds().size(); i++) {
                    out.println((i == 0 ? "      user IDs     " : "                   ") + info.userIds().get(i));
                }
                out.println("      signs        " + info.signs().size() + " component" + (info.signs().size() == 1 ? "" : "s"));
                info.signs().forEach(s -> out.println("                   " + s));
            }
            for (int i = 0; i < pin.scopes().size(); i++) {
                out.println((i == 0 ? "      scopes       " : "                   ") + pin.scopes().get(i));
            }
            if (pin.action() == TrustPlan.Action.ADD_KEY) {
                out.println("      key file     " + pin.keyFile() + " (SHA-256 " + pin.keyFileSha256() + ")");
                List<Path> from = candidates.sourcesOf(pin.fingerprint());
                out.println("      found in     " + String.join(", ", from.stream().map(Path::toString).toList()));
            }
        }
        if (!plan.unresolved().isEmpty()) {
            out.println();
            out.println("Unresolved (" + plan.unresolved().size() + "): no pin proposed; these components stay"
                    + " UNTRUSTED_SIGNER until the key is obtained, or a waiver accepts them:");
            for (TrustPlan.Unresolved entry : plan.unresolved()) {
                out.println();
                out.println("  ! signer " + entry.issuer() + ": " + entry.reason());
                entry.components().forEach(c -> out.println("      blocks       " + c));
                if (entry.waiver() != null) {
                    out.println("      waiver       {rule: " + entry.waiver().rule() + ", purl: \"" + entry.waiver().purl()
                            + "\", reason: \"" + entry.waiver().reason() + "\", expires: " + entry.waiver().expires() + "}");
                }
            }
        }
    }

    private static String age(Instant created, Instant now) {
        long days = Duration.between(created, now).toDays();
        if (days < 0) {
            return "created in the future";
        }
        if (days < 60) {
            return days + " days old";
        }
        long years = days / 365;
        return years == 1 ? "1 year old" : years > 1 ? years + " years old" : (days / 30) + " months old";
    }

    /** Where exported key files go: beside the plan, in a directory named after it ({@code trust-plan.keys}). */
    static String keysDirName(Path plan) {
        String name = plan == null ? "trust-plan" : plan.getFileName().toString();
        return name.replaceFirst("\\.(ya?ml)$", "") + ".keys";
    }

    private static String relative(Path planDir, Path file) {
        return planDir.relativize(file.toAbsolutePath().normalize()).toString().replace(java.io.File.separatorChar, '/');
    }
}
