package dev.sbomgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.diff.Change;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.Digest;
import dev.sbomgate.rules.Finding;
import dev.sbomgate.rules.Severity;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The whole verdict as JSON: inputs with their digests, per component the evidence, the changes, the findings
 * and a summary. Keys are written in a fixed order and lists sorted, so identical inputs give identical bytes.
 */
public final class JsonRenderer implements Renderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path workingDirectory;

    /** @param workingDirectory paths under it are written relative to it, so reports do not depend on the checkout's location */
    public JsonRenderer(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    @Override
    public String render(Verdict verdict) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "sbomgate");
        root.put("verdict", verdict.blocked() ? "blocked" : "passed");
        root.put("exitCode", verdict.exitCode().code());
        root.put("evaluatedAt", verdict.evaluatedAt().toString());
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("sbom", path(verdict.sbomFile()));
        inputs.put("sbomSha256", verdict.sbomSha256());
        inputs.put("trustStoreDigest", verdict.trustDigest());
        inputs.put("policy", verdict.policyName());
        inputs.put("baseline", verdict.hasBaseline());
        ObjectNode summary = root.putObject("summary");
        summary.put("components", verdict.evidence().size());
        summary.put("changes", verdict.changes().size());
        for (Severity s : new Severity[] {Severity.BLOCK, Severity.WARN, Severity.INFO}) {
            summary.put(s.label(), verdict.findingsOf(s).size());
        }
        ArrayNode findings = root.putArray("findings");
        verdict.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode components = root.putArray("components");
        verdict.evidence().stream()
                .sorted(Comparator.comparing((Evidence e) -> e.component().label()).thenComparing(e -> e.component().bomRef()))
                .forEach(e -> components.add(evidence(e)));
        ArrayNode changes = root.putArray("changes");
        verdict.changes().forEach(c -> changes.add(change(c)));
        try {
            return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    private ObjectNode finding(Finding f) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", f.rule().name());
        node.put("severity", f.severity().label());
        node.put("subject", f.subject());
        node.put("title", f.title());
        node.put("expected", f.expected());
        node.put("found", f.found());
        node.put("why", f.rule().summary());
        node.put("fix", f.fix());
        node.put("accept", f.acceptToken());
        node.put("waivedBy", f.waivedBy());
        return node;
    }

    private ObjectNode evidence(Evidence e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("component", e.component().label());
        node.put("bomRef", e.component().bomRef());
        node.put("artifact", e.artifactState().name().toLowerCase(java.util.Locale.ROOT));
        node.put("file", e.artifact() == null ? null : path(e.artifact()));
        ArrayNode digests = node.putArray("digests");
        for (Digest d : e.computed()) {
            digests.addObject().put("alg", d.algorithm().cycloneDxName()).put("content", d.hex());
        }
        node.put("integrity", e.integrity().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode details = node.putArray("integrityDetails");
        e.integrityDetails().forEach(details::add);
        node.put("signatureStatus", e.signatureStatus().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode signatures = node.putArray("signatures");
        for (SignatureCheck s : e.signatures()) {
            ObjectNode sig = signatures.addObject();
            sig.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            sig.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
            sig.put("signer", s.signer() == null ? null : s.signer().hex());
            sig.put("signingKey", s.signingKey() == null ? null : s.signingKey().hex());
            sig.put("issuer", s.issuer());
            sig.put("created", s.created() == null ? null : s.created().toString());
            sig.put("algorithm", s.algorithm());
            sig.put("file", s.signatureFile() == null ? null : path(s.signatureFile()));
            sig.put("detail", s.detail());
        }
        node.put("error", e.error());
        return node;
    }

    private static ObjectNode change(Change c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("identity", c.identity());
        node.put("aspect", c.aspect());
        node.put("before", c.before());
        node.put("after", c.after());
        node.put("update", c.update() == null ? null : c.update().name().toLowerCase(java.util.Locale.ROOT));
        node.put("note", c.note());
        return node;
    }

    private String path(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString() : absolute.toString();
    }
}
