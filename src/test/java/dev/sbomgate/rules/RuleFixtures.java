package dev.sbomgate.rules;

import dev.sbomgate.baseline.Baseline;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds rule contexts for rule tests without files: components, evidence and baselines as plain records,
 * diffed and matched by the real diff engine, exactly as the gate does.
 */
public final class RuleFixtures {
    public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    public static final Fingerprint KEY_A = new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181");
    public static final Fingerprint KEY_B = new Fingerprint("8A10792983023D5D14C93B488D7F1BEC1E2ECAE7");

    private RuleFixtures() {
    }

    /** A component from a purl with version; bom-ref = the purl. */
    public static Component component(String purl) {
        return component(purl, List.of(), null, List.of(), List.of());
    }

    public static Component component(String purl, List<Digest> hashes, String supplier, List<String> licenses,
                                      List<ExternalReference> refs) {
        Purl p = Purl.parse(purl);
        return new Component(purl, p, "library", p.namespace(), p.name(), p.version(), hashes, supplier, null, null,
                null, licenses, refs, null, List.of(), null);
    }

    public static Component withProperties(Component c, List<Property> properties) {
        return new Component(c.bomRef(), c.purl(), c.type(), c.group(), c.name(), c.version(), c.hashes(), c.supplier(),
                c.publisher(), c.author(), c.manufacturer(), c.licenses(), c.externalReferences(), c.scope(), properties,
                c.parentRef());
    }

    public static Digest sha256(char fill) {
        return new Digest(HashAlgorithm.SHA_256, String.valueOf(fill).repeat(64));
    }

    /** A verified OpenPGP signature by {@code signer}, made at {@code created}. */
    public static SignatureCheck signedBy(Fingerprint signer, Instant created) {
        return new SignatureCheck(SignatureKind.OPENPGP, SignatureStatus.VERIFIED, signer, signer, signer.shortId(),
                created, "RSA-4096/SHA-256", Path.of("a.jar.asc"), "good signature");
    }

    public static SignatureCheck signature(SignatureStatus status, Fingerprint signer) {
        return new SignatureCheck(SignatureKind.OPENPGP, status, signer, signer, signer == null ? "0123456789ABCDEF" : signer.shortId(),
                Instant.parse("2026-11-01T00:00:00Z"), "RSA-4096/SHA-256", Path.of("a.jar.asc"), status + " detail");
    }

    /** Evidence of a found artifact with these computed digests, integrity status and signatures. */
    public static Evidence found(Component c, List<Digest> computed, IntegrityStatus integrity, SignatureCheck... signatures) {
        return new Evidence(c, Evidence.ArtifactState.FOUND, Path.of(c.name() + ".jar"), computed, integrity, List.of(),
                List.of(signatures), null);
    }

    public static Evidence missing(Component c) {
        return new Evidence(c, Evidence.ArtifactState.MISSING, null, List.of(), IntegrityStatus.NOT_CHECKED,
                List.of("looked for " + c.name() + ".jar"), List.of(), null);
    }

    public static Evidence notSearched(Component c) {
        return new Evidence(c, Evidence.ArtifactState.NOT_SEARCHED, null, List.of(), IntegrityStatus.NOT_CHECKED, List.of(),
                List.of(), null);
    }

    public static BaselineComponent approved(Component c, List<Digest> artifactDigests, Fingerprint signer) {
        return new BaselineComponent(c, artifactDigests, signer == null ? null : SignatureKind.OPENPGP, signer,
                signer == null ? null : Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static Baseline baseline(List<BaselineComponent> components, Map<String, List<String>> dependenciesByIdentity) {
        SortedMap<String, SortedSet<String>> deps = new TreeMap<>();
        dependenciesByIdentity.forEach((k, v) -> deps.put(k, new TreeSet<>(v)));
        return new Baseline("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", 1, Instant.parse("2026-01-01T00:00:00Z"),
                "a".repeat(64), TrustStore.empty().digest().toString(), components, deps);
    }

    public static Inventory inventory(List<Component> components, Map<String, List<String>> dependenciesByBomRef) {
        SortedMap<String, SortedSet<String>> deps = new TreeMap<>();
        dependenciesByBomRef.forEach((k, v) -> deps.put(k, new TreeSet<>(v)));
        return new Inventory(Path.of("candidate.cdx.json"), "json", "1.6", "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", 2,
                Instant.parse("2026-11-27T00:00:00Z"), null, List.of(), components, deps);
    }

    /** A context as the gate builds it: evidence in candidate order, changes and matches from the real diff engine. */
    public static RuleContext context(Inventory candidate, Baseline baseline, List<Evidence> evidence, Policy policy,
                                      TrustStore trust, boolean artifactsGiven, List<String> tamperEvidence,
                                      ReleaseDates releaseDates) {
        dev.sbomgate.gate.DiffStage diff = dev.sbomgate.gate.DiffStage.run(baseline, candidate);
        return new RuleContext("sbomgate approve --sbom candidate.cdx.json", candidate, baseline, evidence, diff.changes(),
                diff.approved(), policy, trust, NOW, artifactsGiven, tamperEvidence, releaseDates);
    }

    /** The common case: default policy, empty trust store, artifacts given, intact baseline, no metadata. */
    public static RuleContext context(Inventory candidate, Baseline baseline, List<Evidence> evidence) {
        return context(candidate, baseline, evidence, Policy.defaults(), TrustStore.empty(), true, List.of(), ReleaseDates.none());
    }
}
