package dev.sbomgate.signature.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.sigstore.BundleVerification;
import dev.sbomgate.signature.sigstore.SigstoreVerifier;
import dev.sbomgate.text.Untrusted;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies an npm attestations document ({@code GET /-/npm/v1/attestations/NAME@VERSION}:
 * {@code {"attestations": [{"predicateType", "bundle"}]}}) offline with the existing Sigstore verifier. Two kinds:
 * <ul>
 *   <li>SLSA provenance ({@code https://slsa.dev/provenance/v0.2} or {@code v1}): a keyless bundle; its publisher
 *       identity is the certificate's extensions merged with the statement's claims ({@link Provenance}), which
 *       must agree (else BAD_SIGNATURE);</li>
 *   <li>the npm publish attestation ({@code https://github.com/npm/attestation/tree/main/specs/publish/v0.1}): a bundle
 *       signed by the registry's key, verified with the pinned registry keys.</li>
 * </ul>
 * Each statement's subject must be {@code pkg:npm/NAME@VERSION} (scope {@code @} percent-encoded as {@code %40}, as npm
 * writes it) with the tarball's SHA-512 (the Sigstore verifier checks the digest; this class the name). An
 * unknown predicate type is skipped. Immutable and thread-safe.
 */
public final class NpmAttestations {

    static final String PUBLISH = "https://github.com/npm/attestation/tree/main/specs/publish/v0.1";
    static final int MAX_ATTESTATIONS = 8;

    /**
     * One verified or failed attestation.
     *
     * @param check      the outcome, of kind NPM_PROVENANCE or NPM_PUBLISH_ATTESTATION
     * @param provenance the publisher identity, for a verified provenance; else null
     * @param bundle     the Sigstore verification (identity, signing time), or null when the bundle was not reached
     */
    public record Result(SignatureCheck check, Provenance provenance, BundleVerification bundle) {
        public Result {
            Objects.requireNonNull(check, "check");
        }
    }

    private final SigstoreVerifier keyless;
    private final SigstoreVerifier registry;

    /**
     * @param keyless  verifies provenance bundles (the trust store's trusted root)
     * @param registry verifies publish bundles: the same root, with the pinned registry keys as plain keys
     */
    public NpmAttestations(SigstoreVerifier keyless, SigstoreVerifier registry) {
        this.keyless = Objects.requireNonNull(keyless, "keyless");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The subject name npm writes for a package version: {@code pkg:npm/%40scope/name@1.0.0}. */
    public static String subjectName(String name, String version) {
        return "pkg:npm/" + name.replace("@", "%40") + "@" + version;
    }

    public List<Result> verify(byte[] document, Path documentFile, byte[] tarball, Path tarballFile, String name,
                               String version) {
        JsonNode root;
        try {
            root = StrictJson.parse(document, documentFile.toString());
        } catch (RuntimeException e) {
            return List.of(failed(SignatureKind.NPM_PROVENANCE, SignatureStatus.MALFORMED, documentFile,
                    "the attestations document is not valid JSON: " + Untrusted.printable(String.valueOf(e.getMessage()))));
        }
        JsonNode list = root.path("attestations");
        if (!list.isArray() || list.size() > MAX_ATTESTATIONS) {
            return List.of(failed(SignatureKind.NPM_PROVENANCE, SignatureStatus.MALFORMED, documentFile,
                    "the attestations document has no 'attestations' array of at most " + MAX_ATTESTATIONS + " entries"));
        }
        List<Result> out = new ArrayList<>();
        for (JsonNode attestation : list) {
            String type = attestation.path("predicateType").asText("");
            boolean provenance = type.startsWith("https://slsa.dev/provenance/");
            if (!provenance && !PUBLISH.equals(type)) {
                continue;
            }
            SignatureKind kind = provenance ? SignatureKind.NPM_PROVENANCE : SignatureKind.NPM_PUBLISH_ATTESTATION;
            JsonNode bundleNode = attestation.get("bundle");
            if (bundleNode == null || !bundleNode.isObject()) {
                out.add(failed(kind, SignatureStatus.MALFORMED, documentFile, "an attestation of type "
                        + Untrusted.printable(type) + " has no bundle"));
                continue;
            }
            byte[] bundle = StrictJson.compact(bundleNode);
            BundleVerification verified = (provenance ? keyless : registry).verifyBundle(tarball, tarballFile, bundle,
                    documentFile);
            out.add(judge(kind, type, verified, documentFile, name, version));
        }
        return out;
    }

    private static Result judge(SignatureKind kind, String type, BundleVerification verified, Path file, String name,
                                String version) {
        SignatureCheck c = verified.check();
        String what = kind == SignatureKind.NPM_PROVENANCE ? "provenance" : "publish attestation";
        if (c.status() != SignatureStatus.VERIFIED) {
            return new Result(new SignatureCheck(kind, c.status(), c.signer(), c.signingKey(), c.issuer(), c.created(),
                    c.algorithm(), file, "npm " + what + ": " + c.detail()), null, verified);
        }
        JsonNode statement = StrictJson.parse(verified.statement(), file + " (statement)");
        String expected = subjectName(name, version);
        boolean named = false;
        for (JsonNode subject : statement.path("subject")) {
            named |= expected.equals(subject.path("name").asText(null));
        }
        if (!named) {
            List<String> names = new ArrayList<>();
            statement.path("subject").forEach(s -> names.add(Untrusted.printable(s.path("name").asText("?"))));
            return new Result(c.withStatus(SignatureStatus.BAD_SIGNATURE, "npm " + what + " verifies, but names "
                    + names + ", not " + expected + ": it is for another package or version").withKind(kind), null, verified);
        }
        if (kind == SignatureKind.NPM_PUBLISH_ATTESTATION) {
            return new Result(c.withKind(kind).withStatus(SignatureStatus.VERIFIED, "npm publish attestation by the"
                    + " registry key " + c.signer() + " verified for " + expected + "; " + c.detail()), null, verified);
        }
        if (verified.identity() == null) {
            return new Result(c.withStatus(SignatureStatus.BAD_SIGNATURE, "npm provenance verifies, but with a plain key,"
                    + " not a certificate naming its build").withKind(kind), null, verified);
        }
        Provenance provenance;
        try {
            provenance = Provenance.of(verified.identity(), statement.path("predicate"), type);
        } catch (IllegalArgumentException e) {
            return new Result(c.withStatus(SignatureStatus.BAD_SIGNATURE, "npm provenance verifies, but "
                    + Untrusted.printable(e.getMessage())).withKind(kind), null, verified);
        }
        // The issuer of a provenance is the build it names (repository@ref, workflow, commit): what reports show.
        SignatureCheck shown = new SignatureCheck(kind, SignatureStatus.VERIFIED, c.signer(), c.signingKey(),
                provenance.summary(), c.created(), c.algorithm(), c.signatureFile(), "npm provenance verified for "
                + expected + ": " + provenance.summary() + "; " + c.detail());
        return new Result(shown, provenance, verified);
    }

    private static Result failed(SignatureKind kind, SignatureStatus status, Path file, String detail) {
        return new Result(new SignatureCheck(kind, status, null, null, null, null, null, file, detail), null, null);
    }
}
