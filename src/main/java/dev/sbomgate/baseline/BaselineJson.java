package dev.sbomgate.baseline;

import dev.sbomgate.json.StrictJson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.content.ArchiveFormat;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.Hook;
import dev.sbomgate.content.HookKind;
import dev.sbomgate.content.OpaqueFile;
import dev.sbomgate.content.PackageKind;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code baseline.json} format (docs/baseline.md): deterministic writing and strict reading of a
 * {@link Baseline}. Pure: bytes in, bytes out; the file adapter is {@link BaselineStore}.
 *
 * <p>Writing is canonical: fixed key order, every key always present (null when unset), arrays sorted,
 * two-space indent, {@code \n} line ends and a trailing newline, so {@code write(read(write(b)))} is
 * byte-identical to {@code write(b)} and a baseline diffs cleanly in review. Reading is strict: an unknown
 * key, a wrong type, another format version, a malformed purl, digest, fingerprint or time is a
 * {@link BadInputException} naming the file and the JSON path, e.g. {@code components[3].purl}.
 */
public final class BaselineJson {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FINGERPRINT_HEX = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");

    private static final Set<String> ROOT_KEYS_V2 = Set.of("format", "sbom", "trustStoreDigest", "components", "dependencies");
    private static final Set<String> ROOT_KEYS = union(ROOT_KEYS_V2, Set.of("trust", "feed"));
    private static final Set<String> ROOT_REQUIRED = Set.of("format", "sbom", "components");
    private static final Set<String> SBOM_KEYS_V2 = Set.of("serialNumber", "version", "timestamp", "sha256");
    private static final Set<String> SBOM_REQUIRED_V2 = Set.of("version", "sha256");
    private static final Set<String> SBOM_KEYS = union(SBOM_KEYS_V2, Set.of("format", "specVersion", "encoding",
            "schemaValid"));
    private static final Set<String> SBOM_REQUIRED = Set.of("format", "sha256");
    private static final Set<String> EVIDENCE_KEYS = Set.of("tier", "identity", "checks", "verifier");
    private static final Set<String> EVIDENCE_REQUIRED = Set.of("tier", "checks", "verifier");
    private static final Set<String> IDENTITY_KEYS = Set.of("issuer", "repository", "workflow", "ref", "commit", "trigger",
            "runner", "environment", "pin");
    private static final Set<String> IDENTITY_REQUIRED = Set.of("issuer", "pin");
    private static final Set<String> CHECK_KEYS = Set.of("kind", "file", "sha256", "subject", "signer", "signingKey",
            "algorithm", "created", "createdVerified", "trustedRoot");
    private static final Set<String> CHECK_REQUIRED = Set.of("kind", "file", "sha256", "subject", "signer");
    private static final Set<String> TRUST_KEYS = Set.of("pins", "ignoredKeys", "trustedRoot");
    private static final Set<String> TRUST_REQUIRED = Set.of("pins");
    private static final Set<String> PIN_KEYS = Set.of("fingerprint", "type", "name", "scopes", "notBefore", "notAfter",
            "expires", "signingKeys", "revoked", "material");
    private static final Set<String> PIN_REQUIRED = Set.of("fingerprint", "type", "name", "scopes", "material");
    private static final Set<String> REVOKED_KEYS = Set.of("date", "reason");
    private static final Set<String> REVOKED_REQUIRED = Set.of("reason");
    private static final Set<String> IGNORED_KEYS = Set.of("id", "reason");
    private static final Set<String> FEED_KEYS = Set.of("sha256", "created", "records", "source");
    private static final Set<String> COMPONENT_KEYS_V1 = Set.of("bomRef", "purl", "type", "group", "name", "version",
            "hashes", "supplier", "publisher", "author", "manufacturer", "licenses", "externalReferences", "scope",
            "properties", "parentRef", "artifactDigests", "signature");
    private static final Set<String> COMPONENT_KEYS_V2 = union(COMPONENT_KEYS_V1, Set.of("content"));
    private static final Set<String> COMPONENT_KEYS = union(COMPONENT_KEYS_V2, Set.of("evidence"));
    private static final Set<String> CONTENT_KEYS = Set.of("size", "format", "package", "hooks", "opaqueFiles",
            "unsafeEntries", "links", "problem");
    private static final Set<String> CONTENT_REQUIRED = Set.of("size", "format", "package");
    private static final Set<String> HOOK_KEYS = Set.of("kind", "name", "value", "path");
    private static final Set<String> OPAQUE_KEYS = Set.of("path", "size", "longestLine", "averageLine", "entropy");
    private static final Set<String> COMPONENT_REQUIRED = Set.of("bomRef", "name");
    private static final Set<String> DIGEST_KEYS = Set.of("alg", "content");
    private static final Set<String> REFERENCE_KEYS = Set.of("type", "url");
    private static final Set<String> PROPERTY_KEYS = Set.of("name", "value");
    private static final Set<String> SIGNATURE_KEYS = Set.of("kind", "signer", "created");

    private BaselineJson() {
    }

    /**
     * The canonical bytes of {@code baseline.json} for this baseline (UTF-8). Streamed through one generator into
     * the result, never a tree of the whole document: a 100,000-component baseline is over 100 MiB of JSON and
     * several times that as a tree.
     */
    public static byte[] write(Baseline baseline) {
        if (!SHA256_HEX.matcher(baseline.sbomSha256()).matches()) {
            throw new IllegalArgumentException("a baseline's sbomSha256 is 64 lower-case hex digits, got '"
                    + baseline.sbomSha256() + "'");
        }
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            try (JsonGenerator g = StrictJson.prettyGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("format", Baseline.FORMAT);
                g.writeObjectFieldStart("sbom");
                text(g, "format", baseline.sbomFormat().name());
                text(g, "specVersion", baseline.sbomSpecVersion());
                text(g, "encoding", baseline.sbomEncoding() == null ? null : baseline.sbomEncoding().name());
                text(g, "serialNumber", baseline.sbomSerialNumber());
                if (baseline.sbomVersion() == null) {
                    g.writeNullField("version");
                } else {
                    g.writeNumberField("version", baseline.sbomVersion());
                }
                text(g, "timestamp", instant(baseline.sbomTimestamp()));
                text(g, "sha256", baseline.sbomSha256());
                if (baseline.sbomSchemaValid()) {
                    g.writeBooleanField("schemaValid", true);
                }
                g.writeEndObject();
                text(g, "trustStoreDigest", baseline.trustStoreDigest());
                trust(g, baseline.trust());
                feed(g, baseline.feed());

                g.writeArrayFieldStart("components");
                // Baseline already sorts by identity then version; two entries equal on both (the same package
                // listed twice under different bom-refs) are ordered by their own canonical compact bytes, so input
                // order never shows. Only such runs (rare) need those bytes.
                List<BaselineComponent> list = baseline.components();
                int start = 0;
                for (int i = 1; i <= list.size(); i++) {
                    if (i == list.size() || !sameSortKey(list.get(start), list.get(i))) {
                        if (i - start == 1) {
                            component(g, list.get(start));
                        } else {
                            for (BaselineComponent entry : byCompactBytes(list.subList(start, i))) {
                                component(g, entry);
                            }
                        }
                        start = i;
                    }
                }
                g.writeEndArray();

                g.writeObjectFieldStart("dependencies");
                for (Map.Entry<String, SortedSet<String>> edge : baseline.dependencies().entrySet()) {
                    g.writeArrayFieldStart(edge.getKey());
                    for (String target : edge.getValue()) {
                        g.writeString(target);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /** The run sorted by each entry's compact bytes read as a String (a stable sort: equal bytes keep their order). */
    private static List<BaselineComponent> byCompactBytes(List<BaselineComponent> run) throws IOException {
        List<Map.Entry<String, BaselineComponent>> keyed = new ArrayList<>(run.size());
        for (BaselineComponent entry : run) {
            ByteArrayBuilder bytes = new ByteArrayBuilder();
            try (JsonGenerator g = StrictJson.compactGenerator(bytes)) {
                component(g, entry);
            }
            keyed.add(Map.entry(new String(bytes.toByteArray(), StandardCharsets.UTF_8), entry));
        }
        keyed.sort(Map.Entry.comparingByKey());
        List<BaselineComponent> sorted = new ArrayList<>(keyed.size());
        for (Map.Entry<String, BaselineComponent> entry : keyed) {
            sorted.add(entry.getValue());
        }
        return sorted;
    }

    private static boolean sameSortKey(BaselineComponent a, BaselineComponent b) {
        return a.identity().equals(b.identity())
                && String.valueOf(a.component().effectiveVersion()).equals(String.valueOf(b.component().effectiveVersion()));
    }

    /** A string member, or null when unset: every key is always present. */
    private static void text(JsonGenerator g, String key, String value) throws IOException {
        g.writeFieldName(key);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void strings(JsonGenerator g, String key, List<String> values) throws IOException {
        g.writeArrayFieldStart(key);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void component(JsonGenerator g, BaselineComponent entry) throws IOException {
        Component c = entry.component();
        g.writeStartObject();
        text(g, "bomRef", c.bomRef());
        text(g, "purl", c.purl() == null ? null : c.purl().toString());
        text(g, "type", c.type());
        text(g, "group", c.group());
        text(g, "name", c.name());
        text(g, "version", c.version());
        digests(g, "hashes", c.hashes());
        text(g, "supplier", c.supplier());
        text(g, "publisher", c.publisher());
        text(g, "author", c.author());
        text(g, "manufacturer", c.manufacturer());
        strings(g, "licenses", c.licenses());
        g.writeArrayFieldStart("externalReferences");
        for (ExternalReference reference : c.externalReferences()) {
            g.writeStartObject();
            text(g, "type", reference.type());
            text(g, "url", reference.url());
            g.writeEndObject();
        }
        g.writeEndArray();
        text(g, "scope", c.scope());
        // CycloneDX properties are an unordered bag (names may repeat): written sorted, so document order
        // in the SBOM never changes the baseline's bytes.
        List<Property> properties = new ArrayList<>(c.properties());
        properties.sort(Comparator.comparing(Property::name).thenComparing(Property::value));
        g.writeArrayFieldStart("properties");
        for (Property p : properties) {
            g.writeStartObject();
            text(g, "name", p.name());
            text(g, "value", p.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        text(g, "parentRef", c.parentRef());
        digests(g, "artifactDigests", entry.artifactDigests());
        if (entry.signatureKind() == null && entry.signer() == null && entry.signatureCreated() == null) {
            g.writeNullField("signature");
        } else {
            g.writeObjectFieldStart("signature");
            text(g, "kind", entry.signatureKind() == null ? null : entry.signatureKind().name());
            text(g, "signer", entry.signer() == null ? null : entry.signer().hex());
            text(g, "created", instant(entry.signatureCreated()));
            g.writeEndObject();
        }
        if (entry.content() == null) {
            g.writeNullField("content");
        } else {
            g.writeFieldName("content");
            content(g, entry.content());
        }
        evidence(g, entry.evidence());
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, ComponentEvidence evidence) throws IOException {
        if (evidence == null) {
            g.writeNullField("evidence");
            return;
        }
        g.writeObjectFieldStart("evidence");
        text(g, "tier", evidence.tier().name());
        PublisherIdentity identity = evidence.identity();
        if (identity == null) {
            g.writeNullField("identity");
        } else {
            g.writeObjectFieldStart("identity");
            text(g, "issuer", identity.issuer());
            text(g, "repository", identity.repository());
            text(g, "workflow", identity.workflow());
            text(g, "ref", identity.ref());
            text(g, "commit", identity.commit());
            text(g, "trigger", identity.trigger());
            text(g, "runner", identity.runner());
            text(g, "environment", identity.environment());
            text(g, "pin", identity.pin().hex());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("checks");
        for (EvidenceCheck check : evidence.checks()) {
            g.writeStartObject();
            text(g, "kind", check.kind().name());
            text(g, "file", check.file());
            text(g, "sha256", check.sha256());
            g.writeObjectFieldStart("subject");
            text(g, "alg", check.subject().algorithm().cycloneDxName());
            text(g, "content", check.subject().hex());
            g.writeEndObject();
            text(g, "signer", check.signer().hex());
            text(g, "signingKey", check.signingKey() == null ? null : check.signingKey().hex());
            text(g, "algorithm", check.algorithm());
            text(g, "created", instant(check.created()));
            g.writeBooleanField("createdVerified", check.createdVerified());
            text(g, "trustedRoot", check.trustedRoot());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("verifier", evidence.verifier());
        g.writeEndObject();
    }

    private static void trust(JsonGenerator g, ApprovedTrust trust) throws IOException {
        if (trust == null) {
            g.writeNullField("trust");
            return;
        }
        g.writeObjectFieldStart("trust");
        g.writeArrayFieldStart("pins");
        for (ApprovedTrust.Pin pin : trust.pins()) {
            g.writeStartObject();
            text(g, "fingerprint", pin.fingerprint().hex());
            text(g, "type", pin.type().text());
            text(g, "name", pin.name());
            strings(g, "scopes", pin.scopes());
            text(g, "notBefore", pin.notBefore() == null ? null : pin.notBefore().toString());
            text(g, "notAfter", pin.notAfter() == null ? null : pin.notAfter().toString());
            text(g, "expires", instant(pin.expires()));
            strings(g, "signingKeys", pin.signingKeys().stream().map(Fingerprint::hex).toList());
            if (pin.revoked() == null) {
                g.writeNullField("revoked");
            } else {
                g.writeObjectFieldStart("revoked");
                text(g, "date", pin.revoked().date() == null ? null : pin.revoked().date().toString());
                text(g, "reason", pin.revoked().reason().text());
                g.writeEndObject();
            }
            text(g, "material", pin.material());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ignoredKeys");
        for (ApprovedTrust.IgnoredKey ignored : trust.ignoredKeys()) {
            g.writeStartObject();
            text(g, "id", ignored.id());
            text(g, "reason", ignored.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        text(g, "trustedRoot", trust.trustedRoot());
        g.writeEndObject();
    }

    private static void feed(JsonGenerator g, ApprovedFeed feed) throws IOException {
        if (feed == null) {
            g.writeNullField("feed");
            return;
        }
        g.writeObjectFieldStart("feed");
        text(g, "sha256", feed.sha256());
        text(g, "created", instant(feed.created()));
        g.writeNumberField("records", feed.records());
        text(g, "source", feed.source());
        g.writeEndObject();
    }

    private static void content(JsonGenerator g, ContentSummary summary) throws IOException {
        g.writeStartObject();
        g.writeNumberField("size", summary.size());
        g.writeStringField("format", summary.format().name());
        g.writeStringField("package", summary.packageKind().name());
        g.writeArrayFieldStart("hooks");
        for (Hook hook : summary.hooks()) {
            g.writeStartObject();
            text(g, "kind", hook.kind().name());
            text(g, "name", hook.name());
            text(g, "value", hook.value());
            text(g, "path", hook.path());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("opaqueFiles");
        for (OpaqueFile file : summary.opaqueFiles()) {
            g.writeStartObject();
            text(g, "path", file.path());
            g.writeNumberField("size", file.size());
            g.writeNumberField("longestLine", file.longestLine());
            g.writeNumberField("averageLine", file.averageLine());
            // Bits per byte with two decimals, written from the exact hundredths so it reads back exactly.
            g.writeNumberField("entropy", BigDecimal.valueOf(file.entropyCenti(), 2));
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "unsafeEntries", summary.unsafeEntries());
        strings(g, "links", summary.links());
        text(g, "problem", summary.problem());
        g.writeEndObject();
    }

    private static void digests(JsonGenerator g, String key, List<Digest> digests) throws IOException {
        List<Digest> sorted = new ArrayList<>(digests);
        sorted.sort(null);
        g.writeArrayFieldStart(key);
        Digest previous = null;
        for (Digest d : sorted) {
            if (d.equals(previous)) {
                continue;
            }
            previous = d;
            g.writeStartObject();
            text(g, "alg", d.algorithm().cycloneDxName());
            text(g, "content", d.hex());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * Reads {@code baseline.json} bytes.
     *
     * @param json   the file's bytes
     * @param source the file's name, for messages
     * @throws BadInputException naming {@code source} and the JSON path of the first problem
     */
    public static Baseline read(byte[] json, String source) {
        try {
            Baseline streamed = json.length > StrictJson.MAX_DOCUMENT_BYTES ? null
                    : BaselineStreamReader.read(new ByteArrayInputStream(json), source);
            if (streamed != null) {
                return streamed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        return readTree(json, source);
    }

    /** The reference reader: the whole document as a tree, every check in order, the first problem named exactly. */
    static Baseline readTree(byte[] json, String source) {
        StrictJson.Obj root = new StrictJson.Obj(StrictJson.parse(json, source), source, "");
        // The format is checked before anything else so that a future format gets this message, not "unknown key".
        JsonNode format = root.raw("format");
        if (format == null || !format.isInt() || format.intValue() < Baseline.OLDEST_FORMAT_READ
                || format.intValue() > Baseline.FORMAT) {
            boolean newer = format != null && format.isInt() && format.intValue() > Baseline.FORMAT;
            throw root.fail("format", "expected format " + Baseline.OLDEST_FORMAT_READ + " to " + Baseline.FORMAT
                    + " but found " + (format == null ? "nothing" : format.isInt() ? format.intValue() : StrictJson.kind(format))
                    + (newer ? ": this baseline was written by a newer sbomgate version; upgrade sbomgate to read it"
                    : ": this baseline was written by another sbomgate version"));
        }
        int version = format.intValue();
        root.keys(version >= 3 ? ROOT_KEYS : ROOT_KEYS_V2, ROOT_REQUIRED);

        SbomPart sbom = sbom(root.object("sbom"), version);
        String trustStoreDigest = root.text("trustStoreDigest", true);
        ApprovedTrust trust = root.isNull("trust") ? null : trust(root.object("trust"));
        ApprovedFeed feed = root.isNull("feed") ? null : feed(root.object("feed"));

        List<JsonNode> componentNodes = root.array("components", false);
        List<BaselineComponent> components = new ArrayList<>(componentNodes.size());
        for (int i = 0; i < componentNodes.size(); i++) {
            components.add(component(new StrictJson.Obj(componentNodes.get(i), source, "components[" + i + "]"),
                    version));
        }

        SortedMap<String, SortedSet<String>> dependencies = new TreeMap<>();
        if (!root.isNull("dependencies")) {
            StrictJson.Obj deps = root.object("dependencies");
            for (Map.Entry<String, JsonNode> member : deps.members()) {
                String identity = member.getKey();
                dependencies.put(identity, new TreeSet<>(deps.strings(identity, false)));
            }
        }
        return new Baseline(sbom.format(), sbom.specVersion(), sbom.encoding(), sbom.serialNumber(), sbom.version(),
                sbom.timestamp(), sbom.sha256(), sbom.schemaValid(), trustStoreDigest, trust, feed, components, dependencies);
    }

    /** The {@code sbom} member: what identifies the approved SBOM. */
    record SbomPart(SbomFormat format, String specVersion, SbomEncoding encoding, String serialNumber, Integer version,
                    Instant timestamp, String sha256, boolean schemaValid) {
    }

    /** The {@code sbom} member of a file of this format: formats 1 and 2 were only ever written from CycloneDX. */
    static SbomPart sbom(StrictJson.Obj sbom, int format) {
        if (format < 3) {
            sbom.keys(SBOM_KEYS_V2, SBOM_REQUIRED_V2);
            return new SbomPart(SbomFormat.CYCLONEDX, null, null, sbom.text("serialNumber", true), sbom.integer("version"),
                    sbom.instant("timestamp", true), sha256(sbom, "sha256"), false);
        }
        sbom.keys(SBOM_KEYS, SBOM_REQUIRED);
        SbomFormat sbomFormat = sbom.parsed("format", false, "SBOM format", text -> enumValue(SbomFormat.class, text));
        String specVersion = sbom.text("specVersion", true);
        SbomEncoding encoding = sbom.parsed("encoding", true, "SBOM encoding", text -> enumValue(SbomEncoding.class, text));
        Integer sbomVersion = sbom.isNull("version") ? null : sbom.integer("version");
        JsonNode valid = sbom.raw("schemaValid");
        if (valid != null && (!valid.isBoolean() || !valid.booleanValue() || sbomFormat != SbomFormat.CYCLONEDX
                || encoding != SbomEncoding.JSON)) {
            throw sbom.fail(sbom.child("schemaValid"), "is written only as true, for a CycloneDX JSON SBOM");
        }
        boolean schemaValid = valid != null;
        return new SbomPart(sbomFormat, specVersion, encoding, sbom.text("serialNumber", true), sbomVersion,
                sbom.instant("timestamp", true), sha256(sbom, "sha256"), schemaValid);
    }

    /** A component's {@code evidence} member (format 3). */
    static ComponentEvidence evidence(StrictJson.Obj node) {
        node.keys(EVIDENCE_KEYS, EVIDENCE_REQUIRED);
        EvidenceTier tier = node.parsed("tier", false, "evidence tier", text -> enumValue(EvidenceTier.class, text));
        PublisherIdentity identity = node.isNull("identity") ? null : identity(node.object("identity"));
        List<JsonNode> checkNodes = node.array("checks", false);
        if (checkNodes.size() > ComponentEvidence.MAX_CHECKS) {
            throw node.fail(node.child("checks"), "at most " + ComponentEvidence.MAX_CHECKS
                    + " checks are recorded per component, found " + checkNodes.size() + " (docs/limits.md)");
        }
        List<EvidenceCheck> checks = new ArrayList<>(checkNodes.size());
        for (int i = 0; i < checkNodes.size(); i++) {
            checks.add(check(new StrictJson.Obj(checkNodes.get(i), node.source(), node.child("checks") + "[" + i + "]")));
        }
        JsonNode verifier = node.raw("verifier");
        if (verifier == null || !verifier.isInt() || verifier.intValue() < 1) {
            throw node.fail(node.child("verifier"), "expected a whole number >= 1 (the verifiers' RULES_VERSION) but found "
                    + StrictJson.kind(verifier));
        }
        try {
            return new ComponentEvidence(tier, identity, checks, verifier.intValue());
        } catch (IllegalArgumentException e) {
            throw node.fail(node.path(), "inconsistent evidence: " + StrictJson.oneLine(e.getMessage()));
        }
    }

    private static PublisherIdentity identity(StrictJson.Obj node) {
        node.keys(IDENTITY_KEYS, IDENTITY_REQUIRED);
        try {
            return new PublisherIdentity(node.text("issuer", false), node.text("repository", true),
                    node.text("workflow", true), node.text("ref", true), node.text("commit", true),
                    node.text("trigger", true), node.text("runner", true), node.text("environment", true),
                    fingerprint(node, "pin", false));
        } catch (IllegalArgumentException e) {
            throw node.fail(node.path(), "not a valid publisher identity: " + StrictJson.oneLine(e.getMessage()));
        }
    }

    private static EvidenceCheck check(StrictJson.Obj node) {
        node.keys(CHECK_KEYS, CHECK_REQUIRED);
        EvidenceKind kind = node.parsed("kind", false, "check kind", text -> enumValue(EvidenceKind.class, text));
        String file = node.text("file", false);
        String sha = sha256(node, "sha256");
        StrictJson.Obj subjectNode = node.object("subject").keys(DIGEST_KEYS, DIGEST_KEYS);
        HashAlgorithm algorithm = subjectNode.parsed("alg", false, "hash algorithm", BaselineJson::algorithm);
        Digest subject = subjectNode.parsed("content", false, algorithm.cycloneDxName() + " digest",
                hex -> new Digest(algorithm, hex));
        Fingerprint signer = fingerprint(node, "signer", false);
        Fingerprint signingKey = fingerprint(node, "signingKey", true);
        String algorithmName = node.text("algorithm", true);
        Instant created = node.instant("created", true);
        JsonNode verified = node.raw("createdVerified");
        if (verified != null && !verified.isBoolean()) {
            throw node.fail(node.child("createdVerified"), "expected a boolean but found " + StrictJson.kind(verified));
        }
        String trustedRoot = node.isNull("trustedRoot") ? null : sha256(node, "trustedRoot");
        try {
            return new EvidenceCheck(kind, file, sha, subject, signer, signingKey, algorithmName, created,
                    verified != null && verified.booleanValue(), trustedRoot);
        } catch (IllegalArgumentException e) {
            throw node.fail(node.path(), "not a valid check: " + StrictJson.oneLine(e.getMessage()));
        }
    }

    /** The root's {@code trust} member (format 3): the pinned set at approval. */
    static ApprovedTrust trust(StrictJson.Obj node) {
        node.keys(TRUST_KEYS, TRUST_REQUIRED);
        List<JsonNode> pinNodes = node.array("pins", false);
        if (pinNodes.size() > ApprovedTrust.MAX_PINS) {
            throw node.fail(node.child("pins"), "at most " + ApprovedTrust.MAX_PINS + " pins are recorded, found "
                    + pinNodes.size() + " (docs/limits.md)");
        }
        List<ApprovedTrust.Pin> pins = new ArrayList<>(pinNodes.size());
        for (int i = 0; i < pinNodes.size(); i++) {
            pins.add(pin(new StrictJson.Obj(pinNodes.get(i), node.source(), node.child("pins") + "[" + i + "]")));
        }
        List<JsonNode> ignoredNodes = node.array("ignoredKeys", true);
        List<ApprovedTrust.IgnoredKey> ignored = new ArrayList<>(ignoredNodes.size());
        for (int i = 0; i < ignoredNodes.size(); i++) {
            StrictJson.Obj entry = new StrictJson.Obj(ignoredNodes.get(i), node.source(),
                    node.child("ignoredKeys") + "[" + i + "]").keys(IGNORED_KEYS, IGNORED_KEYS);
            try {
                ignored.add(new ApprovedTrust.IgnoredKey(entry.text("id", false), entry.text("reason", false)));
            } catch (IllegalArgumentException e) {
                throw entry.fail(entry.path(), "not a valid ignored key: " + StrictJson.oneLine(e.getMessage()));
            }
        }
        String trustedRoot = node.isNull("trustedRoot") ? null : sha256(node, "trustedRoot");
        try {
            return new ApprovedTrust(pins, ignored, trustedRoot);
        } catch (IllegalArgumentException e) {
            throw node.fail(node.child("pins"), StrictJson.oneLine(e.getMessage()));
        }
    }

    private static ApprovedTrust.Pin pin(StrictJson.Obj node) {
        node.keys(PIN_KEYS, PIN_REQUIRED);
        Fingerprint fingerprint = fingerprint(node, "fingerprint", false);
        ApprovedTrust.PinType type = node.parsed("type", false, "pin type", ApprovedTrust.PinType::parse);
        List<String> signingKeys = node.strings("signingKeys", true);
        List<Fingerprint> keys = new ArrayList<>(signingKeys.size());
        for (int i = 0; i < signingKeys.size(); i++) {
            String hex = signingKeys.get(i);
            if (!FINGERPRINT_HEX.matcher(hex).matches()) {
                throw node.fail(node.child("signingKeys") + "[" + i + "]", "malformed fingerprint " + StrictJson.quote(hex)
                        + ": expected 40 or 64 upper-case hex digits");
            }
            keys.add(new Fingerprint(hex));
        }
        ApprovedTrust.Revocation revoked = null;
        if (!node.isNull("revoked")) {
            StrictJson.Obj r = node.object("revoked").keys(REVOKED_KEYS, REVOKED_REQUIRED);
            revoked = new ApprovedTrust.Revocation(date(r, "date"),
                    r.parsed("reason", false, "revocation reason", ApprovedTrust.RevocationReason::parse));
        }
        try {
            return new ApprovedTrust.Pin(fingerprint, type, node.text("name", false), node.strings("scopes", false),
                    date(node, "notBefore"), date(node, "notAfter"), node.instant("expires", true), keys, revoked,
                    sha256(node, "material"));
        } catch (IllegalArgumentException e) {
            throw node.fail(node.path(), "not a valid pin: " + StrictJson.oneLine(e.getMessage()));
        }
    }

    /** The root's {@code feed} member (format 3). */
    static ApprovedFeed feed(StrictJson.Obj node) {
        node.keys(FEED_KEYS, FEED_KEYS);
        return new ApprovedFeed(sha256(node, "sha256"), node.instant("created", false), wholeNumber(node, "records"),
                node.text("source", false));
    }

    private static java.time.LocalDate date(StrictJson.Obj node, String key) {
        return node.parsed(key, true, "date", text -> {
            try {
                return java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("expected YYYY-MM-DD");
            }
        });
    }

    private static Fingerprint fingerprint(StrictJson.Obj node, String key, boolean nullable) {
        return node.parsed(key, nullable, "fingerprint", text -> {
            if (!FINGERPRINT_HEX.matcher(text).matches()) {
                throw new IllegalArgumentException("expected 40 or 64 upper-case hex digits");
            }
            return new Fingerprint(text);
        });
    }

    /** A component's {@code signature} member: how its approved artifact was signed. */
    record Signed(SignatureKind kind, Fingerprint signer, Instant created) {
    }

    static Signed signature(StrictJson.Obj signature) {
        signature.keys(SIGNATURE_KEYS, Set.of());
        SignatureKind kind = signature.parsed("kind", true, "signature kind", text -> {
            try {
                return SignatureKind.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected one of " + Arrays.toString(SignatureKind.values()));
            }
        });
        Fingerprint signer = signature.parsed("signer", true, "fingerprint", text -> {
            if (!FINGERPRINT_HEX.matcher(text).matches()) {
                throw new IllegalArgumentException("expected 40 or 64 upper-case hex digits");
            }
            return new Fingerprint(text);
        });
        return new Signed(kind, signer, signature.instant("created", true));
    }

    private static BaselineComponent component(StrictJson.Obj node, int format) {
        // Format 1 predates content summaries, format 2 evidence: their components have none ("not recorded").
        boolean withContent = format >= 2;
        node.keys(format >= 3 ? COMPONENT_KEYS : withContent ? COMPONENT_KEYS_V2 : COMPONENT_KEYS_V1, COMPONENT_REQUIRED);
        Purl purl = node.parsed("purl", true, "purl", Purl::parse);
        Component component;
        try {
            component = new Component(
                    node.text("bomRef", false),
                    purl,
                    node.text("type", true),
                    node.text("group", true),
                    node.text("name", false),
                    node.text("version", true),
                    digests(node, "hashes"),
                    node.text("supplier", true),
                    node.text("publisher", true),
                    node.text("author", true),
                    node.text("manufacturer", true),
                    node.strings("licenses", true),
                    references(node),
                    node.text("scope", true),
                    properties(node),
                    node.text("parentRef", true));
        } catch (IllegalArgumentException e) {
            throw node.fail(node.path(), "not a valid component: " + StrictJson.oneLine(e.getMessage()));
        }
        List<Digest> artifactDigests = digests(node, "artifactDigests");
        SignatureKind kind = null;
        Fingerprint signer = null;
        Instant created = null;
        if (!node.isNull("signature")) {
            Signed signed = signature(node.object("signature"));
            kind = signed.kind();
            signer = signed.signer();
            created = signed.created();
        }
        ContentSummary content = withContent && !node.isNull("content") ? content(node.object("content")) : null;
        ComponentEvidence evidence = format >= 3 && !node.isNull("evidence") ? evidence(node.object("evidence")) : null;
        if ((kind == null) != (signer == null)) {
            throw node.fail(node.child("signature"), "a signed baseline component needs both its signature kind and its signer");
        }
        try {
            return new BaselineComponent(component, artifactDigests, kind, signer, created, content, evidence);
        } catch (IllegalArgumentException e) {
            throw node.fail(node.child("evidence"), "inconsistent with signature: " + StrictJson.oneLine(e.getMessage()));
        }
    }

    static ContentSummary content(StrictJson.Obj node) {
        node.keys(CONTENT_KEYS, CONTENT_REQUIRED);
        long size = wholeNumber(node, "size");
        ArchiveFormat format = node.parsed("format", false, "archive format", text -> enumValue(ArchiveFormat.class, text));
        PackageKind kind = node.parsed("package", false, "package kind", text -> enumValue(PackageKind.class, text));
        List<JsonNode> hookNodes = node.array("hooks", true);
        List<Hook> hooks = new ArrayList<>(hookNodes.size());
        for (int i = 0; i < hookNodes.size(); i++) {
            StrictJson.Obj hook = new StrictJson.Obj(hookNodes.get(i), node.source(), node.child("hooks") + "[" + i + "]")
                    .keys(HOOK_KEYS, HOOK_KEYS);
            HookKind hookKind = hook.parsed("kind", false, "hook kind", text -> enumValue(HookKind.class, text));
            try {
                hooks.add(new Hook(hookKind, hook.text("name", false), hook.text("value", false), hook.text("path", false)));
            } catch (IllegalArgumentException e) {
                throw hook.fail(hook.path(), "not a valid hook: " + StrictJson.oneLine(e.getMessage()));
            }
        }
        List<JsonNode> opaqueNodes = node.array("opaqueFiles", true);
        List<OpaqueFile> opaque = new ArrayList<>(opaqueNodes.size());
        for (int i = 0; i < opaqueNodes.size(); i++) {
            StrictJson.Obj file = new StrictJson.Obj(opaqueNodes.get(i), node.source(),
                    node.child("opaqueFiles") + "[" + i + "]").keys(OPAQUE_KEYS, OPAQUE_KEYS);
            JsonNode entropy = file.raw("entropy");
            if (entropy == null || !entropy.isNumber() || entropy.doubleValue() < 0 || entropy.doubleValue() > 8) {
                throw file.fail(file.child("entropy"), "expected bits per byte, a number from 0 to 8, but found "
                        + StrictJson.kind(entropy));
            }
            try {
                opaque.add(new OpaqueFile(file.text("path", false), wholeNumber(file, "size"),
                        wholeNumber(file, "longestLine"), wholeNumber(file, "averageLine"),
                        (int) Math.round(entropy.doubleValue() * 100)));
            } catch (IllegalArgumentException e) {
                throw file.fail(file.path(), "not a valid opaque file: " + StrictJson.oneLine(e.getMessage()));
            }
        }
        List<String> unsafe = node.strings("unsafeEntries", true);
        List<String> links = node.strings("links", true);
        String problem = node.text("problem", true);
        return new ContentSummary(size, format, kind, hooks, opaque, unsafe, links, problem);
    }

    private static long wholeNumber(StrictJson.Obj node, String key) {
        JsonNode value = node.raw(key);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw node.fail(node.child(key), "expected a whole number >= 0 but found "
                    + (value == null ? "nothing" : StrictJson.kind(value)));
        }
        return value.longValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static List<Digest> digests(StrictJson.Obj node, String key) {
        List<JsonNode> elements = node.array(key, true);
        List<Digest> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            StrictJson.Obj digest = new StrictJson.Obj(elements.get(i), node.source(), node.child(key) + "[" + i + "]");
            digest.keys(DIGEST_KEYS, DIGEST_KEYS);
            HashAlgorithm algorithm = digest.parsed("alg", false, "hash algorithm", BaselineJson::algorithm);
            out.add(digest.parsed("content", false, algorithm.cycloneDxName() + " digest",
                    hex -> new Digest(algorithm, hex)));
        }
        return out;
    }

    /** Exactly a CycloneDX {@code hash-alg} name: the file is written by us, so no spelling variants. */
    static HashAlgorithm algorithm(String name) {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            if (algorithm.cycloneDxName().equals(name)) {
                return algorithm;
            }
        }
        List<String> names = Arrays.stream(HashAlgorithm.values()).map(HashAlgorithm::cycloneDxName).toList();
        throw new IllegalArgumentException("expected a CycloneDX algorithm name, one of " + names);
    }

    private static List<ExternalReference> references(StrictJson.Obj node) {
        List<JsonNode> elements = node.array("externalReferences", true);
        List<ExternalReference> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            StrictJson.Obj reference = new StrictJson.Obj(elements.get(i), node.source(),
                    node.child("externalReferences") + "[" + i + "]").keys(REFERENCE_KEYS, REFERENCE_KEYS);
            out.add(new ExternalReference(reference.text("type", false), reference.text("url", false)));
        }
        return out;
    }

    private static List<Property> properties(StrictJson.Obj node) {
        List<JsonNode> elements = node.array("properties", true);
        List<Property> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            StrictJson.Obj property = new StrictJson.Obj(elements.get(i), node.source(),
                    node.child("properties") + "[" + i + "]").keys(PROPERTY_KEYS, PROPERTY_KEYS);
            out.add(new Property(property.text("name", false), property.text("value", false)));
        }
        return out;
    }

    private static String sha256(StrictJson.Obj node, String key) {
        return node.parsed(key, false, "SHA-256", text -> {
            if (!SHA256_HEX.matcher(text).matches()) {
                throw new IllegalArgumentException("expected 64 lower-case hex digits");
            }
            return text;
        });
    }
}
