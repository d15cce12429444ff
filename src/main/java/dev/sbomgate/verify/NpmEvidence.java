package dev.sbomgate.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import dev.sbomgate.signature.npm.NpmAttestations;
import dev.sbomgate.signature.npm.NpmRegistrySignatures;
import dev.sbomgate.signature.npm.Provenance;
import dev.sbomgate.signature.npm.RegistryKey;
import dev.sbomgate.signature.sigstore.CertificateIdentity;
import dev.sbomgate.signature.sigstore.SigstoreVerifier;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.RegistryKeyPin;
import dev.sbomgate.trust.TrustStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The npm evidence beside a tarball in the evidence layout (docs/evidence.md): {@code version.json}'s registry
 * signatures and {@code attestations.json}'s provenance and publish attestation, verified by {@code signature.npm}
 * and judged against the trust store: a registry signature counts only under a registry key pin of the registry the
 * document came from that covers the purl; a provenance only when an identity pin matches its certificate and covers
 * the purl. The registry signature's time is the verified publish attestation's, else the document's {@code time}
 * (reported unverified). Nothing beside the tarball: no checks (evidence of absence).
 */
final class NpmEvidence {

    private final TrustStore trust;
    private final SigstoreVerifier keyless;

    NpmEvidence(TrustStore trust, SigstoreVerifier keyless) {
        this.trust = trust;
        this.keyless = keyless;
    }

    /** Whether this component's artifact is an npm tarball (the only case this class looks at). */
    static boolean applies(Component component, Path artifact) {
        return component.purl() != null && "npm".equals(component.purl().type())
                && artifact.getFileName().toString().endsWith(".tgz");
    }

    List<SignatureCheck> verify(Component component, Path artifact, byte[] tarball, byte[] tarballSha512) throws IOException {
        Purl purl = component.purl();
        String name = purl.namespace() == null || purl.namespace().isEmpty() ? purl.name()
                : purl.namespace() + "/" + purl.name();
        String version = purl.version();
        Path versionJson = artifact.resolveSibling("version.json");
        Path attestationsJson = artifact.resolveSibling("attestations.json");
        byte[] document = Files.isRegularFile(versionJson) ? InputFiles.read(versionJson, Limits.REGISTRY_DOCUMENT) : null;
        String registry = document == null ? null : registryOf(document);
        // Without a version document (attestations alone) the registry is not known: every registry key pin covering
        // the purl may have signed the publish attestation (its statement then names the registry).
        List<RegistryKeyPin> pins = registry != null ? trust.registryKeys(registry)
                : trust.registryKeys().stream().filter(p -> p.covers(purl)).toList();
        List<RegistryKey> keys = pins.stream().map(RegistryKeyPin::registryKey).toList();

        List<SignatureCheck> out = new ArrayList<>();
        Instant publishTime = null;
        if (Files.isRegularFile(attestationsJson) && tarball != null) {
            Map<String, byte[]> pems = new LinkedHashMap<>();
            keys.forEach(k -> pems.put(k.keyid(), k.pem()));
            SigstoreVerifier registryVerifier = new SigstoreVerifier(trust.parsedTrustedRoot().orElse(null),
                    KeyPairSignatureVerifier.of(pems));
            NpmAttestations attestations = new NpmAttestations(keyless, registryVerifier);
            byte[] attestationBytes = InputFiles.read(attestationsJson, Limits.NPM_ATTESTATIONS);
            String attestationsSha256 = SignatureCheck.sha256(attestationBytes);
            for (NpmAttestations.Result result : attestations.verify(attestationBytes, attestationsJson, tarball, artifact,
                    name, version)) {
                // the file's SHA-256 as read: what a baseline records of this evidence (docs/formats.md 1.2)
                SignatureCheck check = result.check().withSignatureSha256(attestationsSha256);
                if (check.kind() == SignatureKind.NPM_PUBLISH_ATTESTATION) {
                    check = judgeRegistry(component, check, pins);
                    if (check.status() == SignatureStatus.VERIFIED) {
                        publishTime = check.created();
                    }
                } else {
                    check = judgeProvenance(component, check, result);
                }
                out.add(check);
            }
        }
        if (document != null) {
            Instant time = publishTime != null ? publishTime : documentTime(document, version);
            for (SignatureCheck check : new NpmRegistrySignatures(keys).verify(document, versionJson, name, version,
                    tarballSha512, time, publishTime != null)) {
                out.add(judgeRegistry(component, check.withSignatureSha256(SignatureCheck.sha256(document)), pins));
            }
        }
        return out;
    }

    /** The registry a version document came from: the origin of its {@code dist.tarball} URL. */
    private static String registryOf(byte[] document) {
        try {
            JsonNode root = StrictJson.parse(document, "version.json");
            URI tarball = URI.create(root.path("dist").path("tarball").asText(""));
            if (!"https".equals(tarball.getScheme()) || tarball.getHost() == null) {
                return null;
            }
            return "https://" + tarball.getHost() + (tarball.getPort() < 0 ? "" : ":" + tarball.getPort());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The version document's {@code time} (a packument's {@code time[VERSION]}), unverified; null when absent. */
    private static Instant documentTime(byte[] document, String version) {
        try {
            JsonNode root = StrictJson.parse(document, "version.json");
            JsonNode time = root.path("time");
            String text = time.isTextual() ? time.textValue() : time.path(version).asText(null);
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SignatureCheck judgeRegistry(Component component, SignatureCheck check, List<RegistryKeyPin> pins) {
        if (check.status() != SignatureStatus.VERIFIED) {
            return check;
        }
        Optional<RegistryKeyPin> pin = pins.stream().filter(p -> p.fingerprint().equals(check.signer())).findFirst();
        if (pin.isEmpty()) {
            return check.withStatus(SignatureStatus.UNKNOWN_KEY, "signed by " + check.signer() + ", no registry key pin");
        }
        if (!pin.get().covers(component.purl())) {
            return check.withStatus(SignatureStatus.NOT_PINNED_FOR_PURL, "registry key '" + pin.get().name()
                    + "' is pinned for " + pin.get().scopes() + ", not for " + component.label());
        }
        if (check.created() != null && !pin.get().isValidAt(check.created())) {
            return check.withStatus(SignatureStatus.OUTSIDE_PIN_WINDOW, "registry key '" + pin.get().name()
                    + "' signed at " + check.created() + ", outside its pin's window");
        }
        String revoked = pin.get().revokedAt(check.created());
        if (revoked != null) {
            return check.withStatus(SignatureStatus.KEY_REVOKED, "registry key '" + pin.get().name() + "': " + revoked);
        }
        if (check.kind() == SignatureKind.NPM_PUBLISH_ATTESTATION && pin.get().expires() != null
                && check.created() != null && check.created().isAfter(pin.get().expires())) {
            return check.withStatus(SignatureStatus.KEY_EXPIRED, "publish attestation by registry key '"
                    + pin.get().name() + "' logged at " + check.created() + ", after the key expired " + pin.get().expires());
        }
        return check.withStatus(SignatureStatus.VERIFIED, check.detail() + "; pinned as '" + pin.get().name() + "'");
    }

    /** A verified provenance counts when an identity pin matches its certificate identity and covers the purl. */
    private SignatureCheck judgeProvenance(Component component, SignatureCheck check, NpmAttestations.Result result) {
        if (check.status() != SignatureStatus.VERIFIED || result.bundle() == null || result.bundle().identity() == null) {
            return check;
        }
        CertificateIdentity identity = result.bundle().identity();
        Provenance provenance = result.provenance();
        String shown = provenance.summary();
        List<PinnedKey> matching = trust.identityPinsMatching(identity.issuer(), identity.subject()).stream()
                .filter(p -> ClaimMatch.matches(p, provenance.publisher())).toList();
        if (matching.isEmpty()) {
            return new SignatureCheck(SignatureKind.NPM_PROVENANCE, SignatureStatus.UNKNOWN_KEY, null, null,
                    shown, check.created(), check.algorithm(), check.signatureFile(), "no identity pin of the"
                    + " trust store matches this provenance (" + provenance.summary() + "); " + check.detail());
        }
        List<PinnedKey> covering = matching.stream().filter(k -> k.covers(component.purl())).toList();
        if (covering.isEmpty()) {
            PinnedKey pin = matching.get(0);
            return new SignatureCheck(SignatureKind.NPM_PROVENANCE, SignatureStatus.NOT_PINNED_FOR_PURL, pin.fingerprint(),
                    pin.fingerprint(), shown, check.created(), check.algorithm(), check.signatureFile(),
                    "provenance " + provenance.summary() + " matches identity pin '" + pin.name() + "', pinned for "
                            + pin.scopes() + ", not for " + component.label());
        }
        PinnedKey pin = covering.stream().filter(k -> k.isValidAt(check.created())).findFirst().orElse(null);
        if (pin == null) {
            PinnedKey outside = covering.get(0);
            return new SignatureCheck(SignatureKind.NPM_PROVENANCE, SignatureStatus.OUTSIDE_PIN_WINDOW,
                    outside.fingerprint(), outside.fingerprint(), shown, check.created(), check.algorithm(),
                    check.signatureFile(), "provenance signed at " + check.created() + ", outside the window "
                            + outside.window() + " of identity pin '" + outside.name() + "'");
        }
        String revoked = pin.revokedAt(check.created());
        return new SignatureCheck(SignatureKind.NPM_PROVENANCE, revoked == null ? SignatureStatus.VERIFIED
                : SignatureStatus.KEY_REVOKED, pin.fingerprint(), pin.fingerprint(), shown, check.created(), check.algorithm(),
                check.signatureFile(), (revoked == null ? check.detail() : revoked) + "; pinned as '" + pin.name() + "'",
                check.signatureSha256(), provenance.publisher());
    }
}
