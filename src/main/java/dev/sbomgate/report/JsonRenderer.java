package dev.sbomgate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.baseline.ApprovalEntry;
import dev.sbomgate.diff.Change;
import dev.sbomgate.gate.ReuseSummary;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.model.Digest;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;

/**
 * The whole verdict as JSON (docs/report-format.md, schema docs/report.schema.json): inputs with their digests, per
 * component the evidence, the changes, the findings, the approval history, the trust-store inventory and a summary.
 * Keys are written in a fixed order, lists sorted and line ends fixed, so identical inputs give identical bytes.
 */
public final class JsonRenderer implements Renderer {
    /** Incremented when a field changes meaning or disappears; new fields do not change it. */
    public static final int REPORT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonText.MAPPER;
    private final ReportPaths paths;
    private final String toolVersion;

    /** @param workingDirectory paths under it are written relative to it, so reports do not depend on the checkout's location */
    public JsonRenderer(Path workingDirectory) {
        this(workingDirectory, "unknown");
    }

    /**
     * @param workingDirectory paths under it are written relative to it
     * @param toolVersion      sbomgate's version, written as {@code toolVersion}
     */
    public JsonRenderer(Path workingDirectory, String toolVersion) {
        this.paths = new ReportPaths(workingDirectory);
        this.toolVersion = toolVersion;
    }

    @Override
    public String render(Verdict verdict) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "sbomgate");
        root.put("toolVersion", toolVersion);
        root.put("reportVersion", REPORT_VERSION);
        root.put("verdict", verdict.blocked() ? "blocked" : "passed");
        root.put("exitCode", verdict.exitCode().code());
        root.put("evaluatedAt", verdict.evaluatedAt().toString());
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("sbom", paths.show(verdict.sbomFile()));
        inputs.put("sbomSha256", verdict.sbomSha256());
        inputs.put("trustStoreDigest", verdict.trustDigest());
        inputs.put("policy", verdict.policyName());
        inputs.put("baseline", verdict.hasBaseline());
        ApprovalEntry last = verdict.approvals().isEmpty() ? null : verdict.approvals().get(verdict.approvals().size() - 1);
        inputs.put("baselineSha256", verdict.hasBaseline() && last != null ? last.baselineSha256() : null);
        if (verdict.feed() == null) {
            inputs.putNull("feed");
        } else {
            ObjectNode feed = inputs.putObject("feed");
            feed.put("sha256", verdict.feed().sha256());
            feed.put("created", verdict.feed().created().toString());
            feed.put("ageSeconds", verdict.feed().age(verdict.evaluatedAt()).toSeconds());
            feed.put("records", verdict.feed().records());
            ArrayNode ecosystems = feed.putArray("ecosystems");
            verdict.feed().ecosystems().forEach(ecosystems::add);
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("components", verdict.evidence().size());
        summary.put("changes", verdict.changes().size());
        for (Severity s : new Severity[] {Severity.BLOCK, Severity.WARN, Severity.INFO}) {
            summary.put(s.label(), verdict.findingsOf(s).size());
        }
        ReuseSummary reuse = verdict.reuse();
        summary.putObject("reuse").put("enabled", reuse.enabled()).put("reused", reuse.reused())
                .put("refused", reuse.refused()).put("verified", reuse.verified()).put("content", reuse.content());
        ArrayNode findings = root.putArray("findings");
        verdict.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode components = root.putArray("components");
        Views.components(verdict).forEach(e -> components.add(evidence(verdict, e)));
        ArrayNode changes = root.putArray("changes");
        verdict.changes().stream().sorted().forEach(c -> changes.add(change(c)));
        ArrayNode approvals = root.putArray("approvals");
        verdict.approvals().forEach(a -> approvals.add(approval(a)));
        ArrayNode keys = root.putArray("trustStore");
        verdict.trustedKeys().forEach(k -> keys.add(key(verdict, k)));
        return JsonText.write(root, "JSON report");
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", f.rule().name());
        node.put("category", Views.token(f.rule().category()));
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

    private ObjectNode evidence(Verdict verdict, Evidence e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("component", e.component().label());
        node.put("bomRef", e.component().bomRef());
        node.put("line", verdict.sbomLine(e.component().bomRef()).orElse(null));
        node.put("artifact", Views.token(e.artifactState()));
        node.put("file", paths.show(e.artifact()));
        ArrayNode digests = node.putArray("digests");
        for (Digest d : e.computed()) {
            digests.addObject().put("alg", d.algorithm().cycloneDxName()).put("content", d.hex());
        }
        node.put("integrity", Views.token(e.integrity()));
        ArrayNode details = node.putArray("integrityDetails");
        e.integrityDetails().forEach(details::add);
        node.put("signatureStatus", Views.token(e.signatureStatus()));
        SignatureCheck decisive = e.signature().orElse(null);
        node.put("signer", decisive == null || decisive.signer() == null ? null : decisive.signer().hex());
        ArrayNode signatures = node.putArray("signatures");
        for (SignatureCheck s : e.signatures()) {
            ObjectNode sig = signatures.addObject();
            sig.put("kind", Views.token(s.kind()));
            sig.put("status", Views.token(s.status()));
            sig.put("signer", s.signer() == null ? null : s.signer().hex());
            sig.put("signingKey", s.signingKey() == null ? null : s.signingKey().hex());
            sig.put("issuer", s.issuer());
            sig.put("created", s.created() == null ? null : s.created().toString());
            sig.put("algorithm", s.algorithm());
            sig.put("file", paths.show(s.signatureFile()));
            sig.put("detail", s.detail());
            sig.set("publisher", publisher(s.publisher()));
        }
        node.put("tier", e.artifactState() == Evidence.ArtifactState.FOUND ? Views.token(e.tier()) : null);
        node.set("publisher", publisher(e.publisherCheck().map(SignatureCheck::publisher).orElse(null)));
        node.put("error", e.error());
        if (e.reuse() == null) {
            node.putNull("reuse");
        } else {
            ObjectNode reuse = node.putObject("reuse");
            ArrayNode reused = reuse.putArray("reused");
            e.reuse().reused().forEach(reused::add);
            ArrayNode refused = reuse.putArray("refused");
            e.reuse().refused().forEach(r -> refused.addObject().put("file", r.file()).put("reason", r.reason()));
            reuse.put("content", e.reuse().content());
        }
        return node;
    }

    /** A publisher identity (docs/formats.md 1.4), or JSON null. */
    private static com.fasterxml.jackson.databind.JsonNode publisher(dev.sbomgate.signature.Publisher p) {
        if (p == null) {
            return MAPPER.nullNode();
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("issuer", p.issuer());
        node.put("repository", p.repository());
        node.put("workflow", p.workflow());
        node.put("ref", p.ref());
        node.put("commit", p.commit());
        node.put("trigger", p.trigger());
        node.put("runner", p.runner());
        node.put("environment", p.environment());
        return node;
    }

    private static ObjectNode change(Change c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", Views.token(c.kind()));
        node.put("identity", c.identity());
        node.put("aspect", c.aspect());
        node.put("before", c.before());
        node.put("after", c.after());
        node.put("update", Views.token(c.update()));
        node.put("note", c.note());
        return node;
    }

    private static ObjectNode approval(ApprovalEntry a) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sequence", a.sequence());
        node.put("approvedAt", a.approvedAt().toString());
        node.put("approvedBy", a.approvedBy());
        node.put("reason", a.reason());
        node.put("sbomSha256", a.sbomSha256());
        node.put("baselineSha256", a.baselineSha256());
        ArrayNode accepted = node.putArray("acceptedFindings");
        a.acceptedFindings().forEach(accepted::add);
        return node;
    }

    private static ObjectNode key(Verdict verdict, PinnedKey k) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", k.name());
        node.put("type", k.typeName());
        node.put("fingerprint", k.fingerprint().hex());
        node.put("file", k.file());
        ArrayNode scopes = node.putArray("scopes");
        k.scopes().stream().map(PurlPattern::toString).forEach(scopes::add);
        node.put("notBefore", k.notBefore() == null ? null : k.notBefore().toString());
        node.put("notAfter", k.notAfter() == null ? null : k.notAfter().toString());
        node.put("algorithm", k.key().algorithm());
        ArrayNode userIds = node.putArray("userIds");
        k.key().userIds().forEach(userIds::add);
        node.put("created", k.key().created() == null ? null : k.key().created().toString());
        node.put("expires", k.key().expires() == null ? null : k.key().expires().toString());
        node.put("revoked", k.key().revoked());
        ArrayNode signed = node.putArray("signed");
        verdict.signedBy(k.fingerprint()).stream().map(e -> e.component().label()).sorted().distinct().forEach(signed::add);
        return node;
    }
}
