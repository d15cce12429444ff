package dev.sbomgate.baseline;

import dev.sbomgate.content.ArchiveFormat;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.Hook;
import dev.sbomgate.content.HookKind;
import dev.sbomgate.content.OpaqueFile;
import dev.sbomgate.content.PackageKind;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Baselines for the tests, built in code so each test shows what it varies. */
final class TestBaselines {
    static final String FINGERPRINT = "C7CA19B7B620CBB2F2A8D5A11AA5DB9E2E9A2C4F";
    static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    private TestBaselines() {
    }

    static String sha(String text) {
        return ApprovalLog.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static Digest sha256Of(String text) {
        return new Digest(HashAlgorithm.SHA_256, sha(text));
    }

    /** A component with every field set, including non-ASCII text and unsorted properties. */
    static Component fullComponent(String purl, String bomRef) {
        Purl p = Purl.parse(purl);
        return new Component(bomRef, p, "library", p.namespace(), p.name(), p.version(),
                List.of(sha256Of(purl), new Digest(HashAlgorithm.SHA_1, sha(purl).substring(0, 40))),
                "Acme Corp", "Acme Publishing", "Zoë \"Quotes\" Müller\tTab", "Acme Manufacturing",
                List.of("MIT", "Apache-2.0"),
                List.of(new ExternalReference("vcs", "https://github.com/acme/" + p.name()),
                        new ExternalReference("distribution", "https://repo.example/" + p.name() + ".jar")),
                "required",
                List.of(new Property("z.last", "1"), new Property("a.first", "x"), new Property("a.first", "")),
                null);
    }

    static Component minimalComponent(String name, String bomRef) {
        return new Component(bomRef, null, null, null, name, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    static BaselineComponent signed(Component component) {
        return new BaselineComponent(component, List.of(sha256Of(component.bomRef() + "-artifact")),
                SignatureKind.OPENPGP, new Fingerprint(FINGERPRINT), T0.minusSeconds(86_400));
    }

    static BaselineComponent unsigned(Component component) {
        return new BaselineComponent(component, List.of(), null, null, null);
    }

    /** A small baseline that uses every field; {@code variant} changes the versions and the SBOM digest. */
    static Baseline sample(int variant) {
        List<BaselineComponent> components = new ArrayList<>();
        BaselineComponent core = signed(fullComponent("pkg:maven/org.acme/core@1." + variant + ".0?type=jar", "core"));
        components.add(new BaselineComponent(core.component(), core.artifactDigests(), core.signatureKind(), core.signer(),
                core.signatureCreated(), content(variant)));
        components.add(unsigned(fullComponent("pkg:npm/%40acme/left-pad@2.0." + variant, "left-pad")));
        components.add(unsigned(minimalComponent("vendored-thing", "vendored")));
        Component child = new Component("core-shaded", Purl.parse("pkg:maven/org.acme/shaded@1.0"), "library",
                "org.acme", "shaded", "1.0", null, null, null, null, null, null, null, "optional", null, "core");
        components.add(new BaselineComponent(child, List.of(sha256Of("shaded")), null, null, null));
        SortedMap<String, SortedSet<String>> dependencies = new TreeMap<>();
        dependencies.put("pkg:maven/org.acme/core", new TreeSet<>(List.of("pkg:npm/%40acme/left-pad", "pkg:maven/org.acme/shaded")));
        dependencies.put("pkg:npm/%40acme/left-pad", new TreeSet<>());
        return new Baseline("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", variant, T0.plusSeconds(variant),
                sha("sbom-" + variant), "SHA-256:" + sha("trust"), components, dependencies);
    }

    /** A content summary using every field: hooks with quotes, tabs and non-ASCII text, an opaque file, unsafe entries. */
    static ContentSummary content(int variant) {
        return new ContentSummary(12_345L + variant, ArchiveFormat.ZIP, PackageKind.JAR,
                List.of(new Hook(HookKind.SERVICE_PROVIDER, "java.sql.Driver", "org.acme.Driver", "META-INF/services/java.sql.Driver"),
                        new Hook(HookKind.JAVA_AGENT, "Premain-Class", "org.acme.Agent", "META-INF/MANIFEST.MF"),
                        new Hook(HookKind.NPM_SCRIPT, "postinstall", "node -e \"console.log('Zoë')\"\t&& exit 0", "package.json"),
                        new Hook(HookKind.NATIVE_BINARY, "libacme.so", "", "native/libacme.so")),
                List.of(new OpaqueFile("assets/app.min.js", 40_000, 40_000, 40_000, 531)),
                List.of("../evil (climbs out of the archive with ..)"), List.of("lib/current -> v2"), null);
    }

    /** A baseline of {@code size} components, a few hundred bytes each. */
    static Baseline large(int size, int variant) {
        List<BaselineComponent> components = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            components.add(signed(fullComponent("pkg:maven/org.acme.bulk/lib" + i + "@" + variant + ".0." + i, "lib" + i)));
        }
        return new Baseline(null, variant, null, sha("large-sbom-" + variant), null, components, null);
    }

    /**
     * The canonical text of an older format: {@code json} (format 3, as written) with the keys that format did not
     * have removed; {@code keepContent} keeps the components' {@code content} even for format 1 (to test its refusal).
     */
    static String downgrade(String json, int format, boolean keepContent) {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                dev.sbomgate.json.StrictJson.parse(json.getBytes(StandardCharsets.UTF_8), "test");
        root.put("format", format);
        com.fasterxml.jackson.databind.node.ObjectNode sbom = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("sbom");
        sbom.remove(List.of("format", "specVersion", "encoding"));
        root.remove(List.of("trust", "feed"));
        for (com.fasterxml.jackson.databind.JsonNode c : root.get("components")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("evidence");
            if (format < 2 && !keepContent) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("content");
            }
        }
        return new String(dev.sbomgate.json.StrictJson.pretty(root), StandardCharsets.UTF_8);
    }
}
