package dev.sbomgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.gate.Gate;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import dev.sbomgate.verify.Evidence;
import dev.sbomgate.verify.EvidenceCollector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate verify}: hashes and signatures only, no baseline. */
@Command(name = "verify",
        description = {"Verify every component's artifact: found, digests match the SBOM, and signed by a key the trust "
                + "store pins for that package. No baseline, no policy: a component passes only when all three are proven."},
        footer = {"", "Exit codes: 0 everything proven, 1 something failed or could not be proven, 2 bad input.",
                "", "Example:", "  sbomgate verify --sbom target/bom.json --artifacts ~/.m2/repository --trust .sbomgate/trust"})
final class VerifyCommand implements Callable<Integer> {
    enum Format { text, json }

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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--timings", description = "Print on standard error how long each stage took "
            + "(start, load, locate, hash, verify, report), in milliseconds.")
    boolean timings;

    @Override
    public Integer call() {
        StageClock clock = new StageClock();
        Inventory inventory;
        TrustStore store;
        ExecutorService pool = GateInputs.loaderThread(); // the trust store loads beside the SBOM (start-up time)
        try {
            Future<TrustStore> storeLater = pool.submit(() -> TrustStoreLoader.load(trust));
            inventory = SbomReader.read(sbom);
            store = GateInputs.join(storeLater);
        } finally {
            pool.shutdownNow();
        }
        ArtifactLocator locator = new ArtifactLocator(artifacts);
        clock.stage("load");
        long start = System.nanoTime();
        EvidenceCollector collector = new EvidenceCollector(locator, store, main.now());
        long keysParsed = System.nanoTime();
        List<Evidence> evidence = collector.collect(inventory.components()).stream()
                .sorted(Comparator.comparing((Evidence e) -> e.component().label()).thenComparing(e -> e.component().bomRef()))
                .toList();
        clock.add(Gate.evidenceTimings(collector.costs(), System.nanoTime() - keysParsed, keysParsed - start));
        long failed = evidence.stream().filter(e -> !proven(e)).count();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? json(evidence, failed) : text(evidence, failed));
        out.flush();
        clock.stage("report");
        if (timings) {
            clock.print(spec.commandLine().getErr());
        }
        return failed == 0 ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
    }

    /** Proven: the artifact was found, a strong declared digest matches, and a pinned key's signature verifies. */
    static boolean proven(Evidence e) {
        return e.artifactState() == Evidence.ArtifactState.FOUND && e.integrity() == IntegrityStatus.PROVEN
                && e.signatureStatus().isValid();
    }

    private static String text(List<Evidence> evidence, long failed) {
        StringBuilder sb = new StringBuilder();
        for (Evidence e : evidence) {
            sb.append(proven(e) ? "ok    " : "FAIL  ").append(e.component().label()).append('\n');
            sb.append("      artifact:  ").append(e.artifactState().name().toLowerCase(Locale.ROOT));
            if (e.artifact() != null) {
                sb.append(" (").append(e.artifact().getFileName()).append(')');
            }
            if (e.error() != null) {
                sb.append(": ").append(e.error());
            }
            sb.append('\n');
            sb.append("      digests:   ").append(e.integrity().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            e.integrityDetails().forEach(d -> sb.append("; ").append(d));
            sb.append('\n');
            sb.append("      signature: ").append(e.signature().map(VerifyCommand::describe).orElse("unsigned")).append('\n');
        }
        sb.append('\n').append(evidence.size() - failed).append(" of ").append(evidence.size())
                .append(" components proven (artifact found, digests match, signed by a pinned key); ")
                .append(failed).append(" not.\n");
        return sb.toString();
    }

    private static String describe(SignatureCheck s) {
        StringBuilder sb = new StringBuilder(s.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (s.signer() != null) {
            sb.append(" by ").append(s.signer());
        }
        if (s.created() != null) {
            sb.append(" at ").append(s.created());
        }
        if (!s.detail().isBlank()) {
            sb.append(" — ").append(s.detail());
        }
        return sb.toString();
    }

    private static String json(List<Evidence> evidence, long failed) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("components");
        for (Evidence e : evidence) {
            ObjectNode n = list.addObject();
            n.put("component", e.component().label());
            n.put("proven", proven(e));
            n.put("artifact", e.artifactState().name().toLowerCase(Locale.ROOT));
            n.put("integrity", e.integrity().name().toLowerCase(Locale.ROOT));
            ArrayNode details = n.putArray("integrityDetails");
            e.integrityDetails().forEach(details::add);
            n.put("signatureStatus", e.signatureStatus().name().toLowerCase(Locale.ROOT));
            SignatureCheck s = e.signature().orElse(null);
            n.put("signer", s == null || s.signer() == null ? null : s.signer().hex());
            n.put("signatureCreated", s == null || s.created() == null ? null : s.created().toString());
            n.put("detail", s == null ? null : s.detail());
            n.put("error", e.error());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("components", evidence.size());
        summary.put("proven", evidence.size() - failed);
        summary.put("failed", failed);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
