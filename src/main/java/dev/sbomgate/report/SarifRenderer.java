package dev.sbomgate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.manifest.Declaration;
import dev.sbomgate.text.Untrusted;
import dev.sbomgate.verify.Evidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0 (OASIS Standard, with Errata 01) for code-scanning services such as GitHub's: one reporting
 * descriptor per rule ID carrying its explain text as help, one result per finding, located at the SBOM file and,
 * where the SBOM text declares the component on a known line, at that line.
 */
public final class SarifRenderer implements Renderer {
    /** The schema the log names in {@code $schema} (SARIF 2.1.0 section 3.13.3). */
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The key of our partial fingerprint (section 3.27.17): versioned, so a change of recipe does not reuse the name. */
    public static final String FINGERPRINT_KEY = "sbomgateFinding/v1";
    /** The symbolic base of the SBOM's relative URI (section 3.4.4): the directory sbomgate ran in, normally the repository root. */
    public static final String SRCROOT = "%SRCROOT%";

    private static final ObjectMapper MAPPER = JsonText.MAPPER;
    private final ReportPaths paths;
    private final String toolVersion;
    private final Map<String, Declaration> declarations;

    /**
     * @param workingDirectory the SBOM's URI is relative to it (the repository root, for code scanning)
     * @param toolVersion      sbomgate's version, the driver's {@code version}
     */
    public SarifRenderer(Path workingDirectory, String toolVersion) {
        this(workingDirectory, toolVersion, Map.of());
    }

    /**
     * @param declarations candidate bom-ref → the manifest line declaring it: results point there (the line a
     *                     developer owns) instead of at the SBOM
     */
    public SarifRenderer(Path workingDirectory, String toolVersion, Map<String, Declaration> declarations) {
        this.paths = new ReportPaths(workingDirectory);
        this.toolVersion = toolVersion;
        this.declarations = Map.copyOf(declarations);
    }

    @Override
    public String render(Verdict verdict) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "sbomgate");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<RuleId, Integer> ruleIndex = new HashMap<>();
        for (RuleId id : RuleId.values()) {
            ruleIndex.put(id, rules.size());
            rules.add(rule(id));
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        invocation.put("exitCode", verdict.exitCode().code());
        invocation.put("endTimeUtc", verdict.evaluatedAt().toString());

        ObjectNode sbom = run.putArray("artifacts").addObject();
        location(sbom.putObject("location"), verdict, false);
        sbom.putArray("roles").add("analysisTarget");
        if (verdict.sbomSha256() != null && !verdict.sbomSha256().isBlank()) {
            sbom.putObject("hashes").put("sha-256", verdict.sbomSha256());
        }

        Map<String, String> bomRefs = new HashMap<>();
        for (Evidence e : Views.components(verdict)) {
            bomRefs.putIfAbsent(e.component().label(), e.component().bomRef());
        }
        ArrayNode results = run.putArray("results");
        Locations locations = new Locations(verdict, declarations);
        for (Finding f : verdict.findings()) {
            results.add(result(verdict, f, ruleIndex.get(f.rule()),
                    f.subject() == null ? Optional.empty() : Optional.ofNullable(bomRefs.get(f.subject())).flatMap(verdict::sbomLine),
                    locations.of(f)));
        }
        run.put("columnKind", "utf16CodeUnits");
        ObjectNode properties = run.putObject("properties");
        properties.put("verdict", verdict.blocked() ? "blocked" : "passed");
        properties.put("policy", verdict.policyName());
        properties.put("trustStoreDigest", verdict.trustDigest());
        properties.put("baseline", verdict.hasBaseline());
        properties.put("feed", Views.feedLine(verdict));
        // SARIF 2.1.0 section 3.8 property bag: the evidence per component whose artifact was read (tier, registry
        // signature, provenance repository@ref, workflow, commit), beside the results that judge it.
        ArrayNode evidence = properties.putArray("evidence");
        for (dev.sbomgate.verify.Evidence e : Views.components(verdict)) {
            if (Views.tier(e).isEmpty()) {
                continue;
            }
            ObjectNode entry = evidence.addObject();
            entry.put("component", e.component().label());
            entry.put("tier", Views.token(e.tier()));
            entry.put("summary", Views.tier(e));
            ArrayNode items = entry.putArray("items");
            Views.evidence(e).forEach(items::add);
        }
        return JsonText.write(root, "SARIF report");
    }

    /** A reportingDescriptor (section 3.49): ID, name, descriptions, help from {@code explain}, default level, tags. */
    private static ObjectNode rule(RuleId id) {
        ObjectNode rule = MAPPER.createObjectNode();
        rule.put("id", id.name());
        rule.put("name", pascalCase(id.name()));
        rule.putObject("shortDescription").put("text", id.summary());
        rule.putObject("fullDescription").put("text", id.summary());
        rule.putObject("help").put("text", Views.explain(id));
        rule.putObject("defaultConfiguration").put("level", level(id.defaultSeverity()));
        ObjectNode properties = rule.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add("security").add("supply-chain").add(id.category().name().toLowerCase(Locale.ROOT));
        properties.put("precision", "high");
        // GitHub code scanning ranks security alerts by this property (a CVSS-like score as a string).
        properties.put("security-severity", switch (id.defaultSeverity()) {
            case BLOCK -> "8.0";
            case WARN -> "5.0";
            case INFO, OFF -> "2.0";
        });
        return rule;
    }

    private ObjectNode result(Verdict verdict, Finding f, int ruleIndex, Optional<Integer> line, Locations.Where where) {
        ObjectNode result = MAPPER.createObjectNode();
        result.put("ruleId", f.rule().name());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(f.severity()));
        result.putObject("message").put("text", message(f) + (where.note() == null ? "" : "\nLocation: " + where.note()));
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        if (where.declared()) {
            // The manifest line that declares the component (or the direct dependency bringing it in): the line a
            // developer reviews, where code scanning shows the alert.
            ObjectNode artifactLocation = physical.putObject("artifactLocation");
            artifactLocation.put("uri", paths.uri(where.file()));
            if (paths.isRelative(where.file())) {
                artifactLocation.put("uriBaseId", SRCROOT);
            }
            physical.putObject("region").put("startLine", where.line());
        } else {
            location(physical.putObject("artifactLocation"), verdict, true);
            // Code scanning needs a line to show an alert on; findings about the whole SBOM, or about a component
            // whose declaration was not found in its text, point at its first line.
            physical.putObject("region").put("startLine", line.orElse(1));
        }
        if (f.subject() != null) {
            location.putArray("logicalLocations").addObject()
                    .put("fullyQualifiedName", f.subject())
                    .put("kind", "package");
        }
        result.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(f));
        ObjectNode properties = result.putObject("properties");
        properties.put("severity", f.severity().label());
        properties.put("subject", f.subject());
        properties.put("expected", f.expected());
        properties.put("found", f.found());
        properties.put("fix", f.fix());
        properties.put("accept", f.acceptToken());
        properties.put("waivedBy", f.waivedBy());
        return result;
    }

    private void location(ObjectNode artifactLocation, Verdict verdict, boolean indexed) {
        artifactLocation.put("uri", paths.uri(verdict.sbomFile()));
        if (paths.isRelative(verdict.sbomFile())) {
            artifactLocation.put("uriBaseId", SRCROOT);
        }
        if (indexed) {
            artifactLocation.put("index", 0);
        }
    }

    /** Plain text (section 3.11.8): what happened first, since viewers show the first line as the alert's title. */
    private static String message(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.rule().name()).append(": ").append(Untrusted.oneLine(f.title()));
        if (f.subject() != null) {
            sb.append(" (").append(Untrusted.oneLine(f.subject())).append(')');
        }
        sb.append('.');
        appendLine(sb, "Expected", f.expected());
        appendLine(sb, "Found", f.found());
        appendLine(sb, "Why", f.rule().summary());
        appendLine(sb, "Fix", f.fix());
        appendLine(sb, "Waived", f.waivedBy());
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('\n').append(label).append(": ").append(Untrusted.oneLine(value));
        }
    }

    /**
     * Stable across runs and line moves: SHA-256 over the rule, the subject and the title, so a service tracking
     * alerts sees the same problem as the same alert until it is fixed or approved.
     */
    static String fingerprint(Finding f) {
        String key = f.rule().name() + "\u0000" + (f.subject() == null ? "" : f.subject()) + "\u0000" + f.title();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case BLOCK -> "error";
            case WARN -> "warning";
            case INFO, OFF -> "note";
        };
    }

    private static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
