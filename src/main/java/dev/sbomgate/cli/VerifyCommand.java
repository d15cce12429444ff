package dev.sbomgate.cli;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.gate.Gate;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate verify}: the gate with no baseline, its integrity rules only ({@link Gate#INTEGRITY_ONLY}). */
@Command(name = "verify",
        description = {"Verify every component's artifact: found, digests match the SBOM, signed by a key the trust "
                + "store pins for that package, and safe to open. The gate with no baseline: only the integrity rules "
                + "(HASH_MISMATCH, BAD_SIGNATURE, UNSIGNED, UNTRUSTED_SIGNER, KEY_NOT_VALID, WEAK_CRYPTO, "
                + "MISSING_ARTIFACT, CONTENT_ANOMALY) run, at the policy's severities and with its waivers."},
        footer = {"", "Exit codes: 0 every component proven and no blocking finding, 1 otherwise, 2 bad input.",
                "", "Examples:", "  sbomgate verify --sbom target/bom.json --artifacts ~/.m2/repository --trust .sbomgate/trust",
                "  sbomgate verify --sbom bom.json --artifacts libs --format sarif --output verify.sarif --format text"})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "The CycloneDX SBOM (JSON or XML).")
    Path sbom;

    @Option(names = "--artifacts", required = true, paramLabel = "DIR", description = "Where the artifacts are. Repeatable.")
    List<Path> artifacts = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "DIR", defaultValue = ".sbomgate/trust", description = "The trust store (default: ${DEFAULT-VALUE}).")
    Path trust;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file (default: .sbomgate/policy.yaml when it exists, else the built-in default, as check).")
    Path policy;

    @Option(names = "--feed", paramLabel = "DIR", description = "The malicious-package feed snapshot's directory"
            + " ('sbomgate feed update'; default: .sbomgate/feed when it holds one), for KNOWN_MALICIOUS and FEED_STALE.")
    Path feed;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--timings", description = "Print on standard error how long each stage took "
            + "(start, load, locate, hash, verify, rules, report), in milliseconds.")
    boolean timings;

    @Override
    public Integer call() {
        StageClock clock = new StageClock();
        report.targets();
        report.evidenceInText = true;
        Map<Path, String> inputFiles = new LinkedHashMap<>();
        inputFiles.put(sbom, "the SBOM");
        inputFiles.put(policy != null ? policy : Path.of(".sbomgate", "policy.yaml"), "the policy");
        Map<Path, String> inputTrees = new LinkedHashMap<>();
        inputTrees.put(trust, "the trust store");
        inputTrees.put(feed != null ? feed : Path.of(".sbomgate", "feed"), "the feed directory");
        artifacts.forEach(dir -> inputTrees.put(dir, "the --artifacts directory " + dir));
        GateInputs.refuseOutputsOnto(inputFiles, inputTrees, report.outputs);
        SbomReader.Document document;
        TrustStore store;
        ExecutorService pool = GateInputs.loaderThread(); // the trust store loads beside the SBOM (start-up time)
        try {
            Future<TrustStore> storeLater = pool.submit(() -> TrustStoreLoader.load(trust));
            document = report.sbomReader(main.environment()).loadDocument(sbom);
            store = GateInputs.join(storeLater);
        } finally {
            pool.shutdownNow();
        }
        Policy rules = GateInputs.policy(policy, Path.of(".sbomgate"));
        GateInput input = new GateInput(sbom, document.sha256(), document.inventory(), null, store,
                new ArtifactLocator(artifacts), rules, null, main.now(), null,
                document.lines().of(document.inventory().components()),
                GateInputs.feed(feed, feed != null ? feed : Path.of(".sbomgate", "feed")));
        clock.stage("load");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Gate.Timed result = report.evaluateTimed(Gate.integrityOnly(), input, main.environment(), err);
        clock.add(result.timings());
        Verdict verdict = result.verdict();
        report.emit(verdict, out, main.environment());
        report.github(verdict, out, err, main.environment());
        clock.stage("report");
        if (timings) {
            clock.print(err);
            err.print("  " + verdict.reuse().line() + "\n"); // after the stages: how much verification was reused
            err.flush();
        }
        return verdict.exitCodeRequiringProof().code();
    }
}
