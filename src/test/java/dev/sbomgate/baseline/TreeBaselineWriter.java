package dev.sbomgate.baseline;

import dev.sbomgate.json.StrictJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.Hook;
import dev.sbomgate.content.OpaqueFile;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.Property;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The tree-based {@code baseline.json} writer that {@link BaselineJson#write} replaced, kept as the test reference
 * (extended by the keys of format 3): the streaming writer must produce exactly these bytes for every baseline.
 */
final class TreeBaselineWriter {

    private TreeBaselineWriter() {
    }

    /** The canonical bytes of {@code baseline.json} for this baseline (UTF-8). */
    static byte[] write(Baseline baseline) {
        if (!baseline.sbomSha256().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a baseline's sbomSha256 is 64 lower-case hex digits, got '"
                    + baseline.sbomSha256() + "'");
        }
        ObjectNode root = StrictJson.object();
        root.put("format", Baseline.FORMAT);
        ObjectNode sbom = root.putObject("sbom");
        sbom.put("format", baseline.sbomFormat().name());
        sbom.put("specVersion", baseline.sbomSpecVersion());
        sbom.put("encoding", baseline.sbomEncoding() == null ? null : baseline.sbomEncoding().name());
        sbom.put("serialNumber", baseline.sbomSerialNumber());
        sbom.put("version", baseline.sbomVersion());
        sbom.put("timestamp", instant(baseline.sbomTimestamp()));
        sbom.put("sha256", baseline.sbomSha256());
        root.put("trustStoreDigest", baseline.trustStoreDigest());
        if (baseline.trust() == null) {
            root.putNull("trust");
        } else {
            ObjectNode trust = root.putObject("trust");
            ArrayNode pins = trust.putArray("pins");
            for (ApprovedTrust.Pin pin : baseline.trust().pins()) {
                ObjectNode p = pins.addObject();
                p.put("fingerprint", pin.fingerprint().hex());
                p.put("type", pin.type().text());
                p.put("name", pin.name());
                ArrayNode scopes = p.putArray("scopes");
                pin.scopes().forEach(scopes::add);
                p.put("notBefore", pin.notBefore() == null ? null : pin.notBefore().toString());
                p.put("notAfter", pin.notAfter() == null ? null : pin.notAfter().toString());
                p.put("expires", instant(pin.expires()));
                ArrayNode keys = p.putArray("signingKeys");
                pin.signingKeys().forEach(k -> keys.add(k.hex()));
                if (pin.revoked() == null) {
                    p.putNull("revoked");
                } else {
                    p.putObject("revoked").put("date", pin.revoked().date() == null ? null : pin.revoked().date().toString())
                            .put("reason", pin.revoked().reason().text());
                }
                p.put("material", pin.material());
            }
            ArrayNode ignored = trust.putArray("ignoredKeys");
            baseline.trust().ignoredKeys().forEach(k -> ignored.addObject().put("id", k.id()).put("reason", k.reason()));
            trust.put("trustedRoot", baseline.trust().trustedRoot());
        }
        if (baseline.feed() == null) {
            root.putNull("feed");
        } else {
            root.putObject("feed").put("sha256", baseline.feed().sha256()).put("created", instant(baseline.feed().created()))
                    .put("records", baseline.feed().records()).put("source", baseline.feed().source());
        }

        // Baseline already sorts by identity then version; two entries equal on both (the same package listed
        // twice under different bom-refs) are ordered by their own canonical bytes, so input order never shows.
        List<ObjectNode> components = new ArrayList<>();
        for (BaselineComponent component : baseline.components()) {
            components.add(component(component));
        }
        Comparator<ObjectNode> byBytes = Comparator.comparing(
                node -> new String(StrictJson.compact(node), StandardCharsets.UTF_8));
        List<ObjectNode> sorted = new ArrayList<>();
        int start = 0;
        List<BaselineComponent> list = baseline.components();
        for (int i = 1; i <= list.size(); i++) {
            if (i == list.size() || !sameSortKey(list.get(start), list.get(i))) {
                List<ObjectNode> run = new ArrayList<>(components.subList(start, i));
                run.sort(byBytes);
                sorted.addAll(run);
                start = i;
            }
        }
        root.putArray("components").addAll(sorted);

        ObjectNode dependencies = root.putObject("dependencies");
        for (Map.Entry<String, SortedSet<String>> edge : baseline.dependencies().entrySet()) {
            ArrayNode targets = dependencies.putArray(edge.getKey());
            edge.getValue().forEach(targets::add);
        }
        return StrictJson.pretty(root);
    }

    private static boolean sameSortKey(BaselineComponent a, BaselineComponent b) {
        return a.identity().equals(b.identity())
                && String.valueOf(a.component().effectiveVersion()).equals(String.valueOf(b.component().effectiveVersion()));
    }

    private static ObjectNode component(BaselineComponent entry) {
        Component c = entry.component();
        ObjectNode node = StrictJson.object();
        node.put("bomRef", c.bomRef());
        node.put("purl", c.purl() == null ? null : c.purl().toString());
        node.put("type", c.type());
        node.put("group", c.group());
        node.put("name", c.name());
        node.put("version", c.version());
        digests(node.putArray("hashes"), c.hashes());
        node.put("supplier", c.supplier());
        node.put("publisher", c.publisher());
        node.put("author", c.author());
        node.put("manufacturer", c.manufacturer());
        ArrayNode licenses = node.putArray("licenses");
        c.licenses().forEach(licenses::add);
        ArrayNode references = node.putArray("externalReferences");
        for (ExternalReference reference : c.externalReferences()) {
            references.addObject().put("type", reference.type()).put("url", reference.url());
        }
        node.put("scope", c.scope());
        // CycloneDX properties are an unordered bag (names may repeat): written sorted, so document order
        // in the SBOM never changes the baseline's bytes.
        ArrayNode properties = node.putArray("properties");
        c.properties().stream()
                .sorted(Comparator.comparing(Property::name).thenComparing(Property::value))
                .forEach(p -> properties.addObject().put("name", p.name()).put("value", p.value()));
        node.put("parentRef", c.parentRef());
        digests(node.putArray("artifactDigests"), entry.artifactDigests());
        if (entry.signatureKind() == null && entry.signer() == null && entry.signatureCreated() == null) {
            node.putNull("signature");
        } else {
            ObjectNode signature = node.putObject("signature");
            signature.put("kind", entry.signatureKind() == null ? null : entry.signatureKind().name());
            signature.put("signer", entry.signer() == null ? null : entry.signer().hex());
            signature.put("created", instant(entry.signatureCreated()));
        }
        if (entry.content() == null) {
            node.putNull("content");
        } else {
            node.set("content", content(entry.content()));
        }
        ComponentEvidence evidence = entry.evidence();
        if (evidence == null) {
            node.putNull("evidence");
        } else {
            ObjectNode e = node.putObject("evidence");
            e.put("tier", evidence.tier().name());
            PublisherIdentity id = evidence.identity();
            if (id == null) {
                e.putNull("identity");
            } else {
                e.putObject("identity").put("issuer", id.issuer()).put("repository", id.repository())
                        .put("workflow", id.workflow()).put("ref", id.ref()).put("commit", id.commit())
                        .put("trigger", id.trigger()).put("runner", id.runner()).put("environment", id.environment())
                        .put("pin", id.pin().hex());
            }
            ArrayNode checks = e.putArray("checks");
            for (EvidenceCheck k : evidence.checks()) {
                ObjectNode check = checks.addObject();
                check.put("kind", k.kind().name());
                check.put("file", k.file());
                check.put("sha256", k.sha256());
                check.putObject("subject").put("alg", k.subject().algorithm().cycloneDxName()).put("content", k.subject().hex());
                check.put("signer", k.signer().hex());
                check.put("signingKey", k.signingKey() == null ? null : k.signingKey().hex());
                check.put("algorithm", k.algorithm());
                check.put("created", instant(k.created()));
                check.put("createdVerified", k.createdVerified());
                check.put("trustedRoot", k.trustedRoot());
            }
            e.put("verifier", evidence.verifier());
        }
        return node;
    }

    private static ObjectNode content(ContentSummary summary) {
        ObjectNode node = StrictJson.object();
        node.put("size", summary.size());
        node.put("format", summary.format().name());
        node.put("package", summary.packageKind().name());
        ArrayNode hooks = node.putArray("hooks");
        for (Hook hook : summary.hooks()) {
            hooks.addObject().put("kind", hook.kind().name()).put("name", hook.name()).put("value", hook.value())
                    .put("path", hook.path());
        }
        ArrayNode opaque = node.putArray("opaqueFiles");
        for (OpaqueFile file : summary.opaqueFiles()) {
            opaque.addObject().put("path", file.path()).put("size", file.size()).put("longestLine", file.longestLine())
                    .put("averageLine", file.averageLine())
                    // Bits per byte with two decimals, written from the exact hundredths so it reads back exactly.
                    .put("entropy", BigDecimal.valueOf(file.entropyCenti(), 2));
        }
        ArrayNode unsafe = node.putArray("unsafeEntries");
        summary.unsafeEntries().forEach(unsafe::add);
        ArrayNode links = node.putArray("links");
        summary.links().forEach(links::add);
        node.put("problem", summary.problem());
        return node;
    }

    private static void digests(ArrayNode array, List<Digest> digests) {
        digests.stream().sorted().distinct()
                .forEach(d -> array.addObject().put("alg", d.algorithm().cycloneDxName()).put("content", d.hex()));
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
