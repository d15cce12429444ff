package dev.sbomgate.signature.sigstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a PEP 740 provenance object ({@code FILE.provenance}: what PyPI's Integrity API serves at
 * {@code /integrity/PROJECT/VERSION/FILE/provenance}) over the distribution file {@code FILE}, offline.
 *
 * <p>Each attestation of each attestation bundle is converted to the Sigstore bundle v0.3 it stands for (PEP 740,
 * "Attestation objects": the certificate, the transparency log entries and the DSSE envelope carrying the in-toto
 * statement, payload type {@code application/vnd.in-toto+json}) and checked by {@link SigstoreVerifier} with every
 * step it runs for a {@code .sigstore.json}: the certificate chains to a Fulcio authority of the trusted root and was
 * valid at the log's time, the log entry's inclusion promise and proof verify, the DSSE signature verifies over the
 * statement, the statement names this file's SHA-256, and the log entry binds signature, envelope and certificate.
 * Then, beyond a plain bundle:
 * <ul>
 *   <li>the statement has exactly one subject, whose {@code name} is this file's name (PEP 740: the distribution's
 *       filename), and a PEP 740 predicate type (PyPI publish v1 or SLSA provenance v1); else BAD_SIGNATURE;</li>
 *   <li>the bundle's {@code publisher} agrees with the certificate's Fulcio extensions
 *       ({@link TrustedPublisher#checkAgainst}); a disagreement (a publisher object naming another repository or
 *       workflow than the one that signed) is BAD_SIGNATURE;</li>
 *   <li>every attestation verifies and all were signed by one certificate identity (a provenance that mixes
 *       identities is BAD_SIGNATURE): none of the evidence present is ignored.</li>
 * </ul>
 * The result is reported as kind {@link SignatureKind#PYPI_ATTESTATION} with the certificate identity, which the
 * verify stage matches against identity pins per project like any bundle's. Immutable and thread-safe.
 */
public final class PypiAttestationVerifier {

    /** PEP 740 predicate types PyPI accepts in attestations. */
    static final List<String> PREDICATE_TYPES = List.of("https://docs.pypi.org/attestations/publish/v1",
            "https://slsa.dev/provenance/v1");
    static final int MAX_BUNDLES = 8;
    static final int MAX_ATTESTATIONS = 8;
    /** As {@code Bundle}'s bound on transparency log entries. */
    private static final int MAX_ENTRIES = 8;
    private static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    private static final com.fasterxml.jackson.databind.ObjectMapper WRITER = Mappers.strictJson();

    private final SigstoreVerifier sigstore;

    public PypiAttestationVerifier(SigstoreVerifier sigstore) {
        this.sigstore = Objects.requireNonNull(sigstore, "sigstore");
    }

    /**
     * What verifying one provenance found: the outcome as a bundle's, and for a verified one the Trusted Publisher it
     * names (agreeing with the certificate), for matching against a pin's {@code TrustedPublisherMatch}.
     *
     * @param bundle    the outcome, kind {@link SignatureKind#PYPI_ATTESTATION}
     * @param publisher the publisher of a verified provenance, else null
     */
    public record Result(BundleVerification bundle, TrustedPublisher publisher) {
        public Result {
            Objects.requireNonNull(bundle, "bundle");
            if ((publisher != null) != (bundle.identity() != null)) {
                throw new IllegalArgumentException("a publisher is reported exactly for a verified provenance");
            }
        }
    }

    /**
     * Verifies {@code provenanceFile} over the distribution {@code artifact} ({@code artifactBytes} its bytes as the
     * caller read them, or null to read the file); only an unreadable artifact throws (UncheckedIOException).
     */
    public BundleVerification verify(byte[] artifactBytes, Path artifact, Path provenanceFile) {
        return verifyProvenance(artifactBytes, artifact, provenanceFile).bundle();
    }

    /** As {@link #verify}, with the Trusted Publisher of a verified provenance. */
    public Result verifyProvenance(byte[] artifactBytes, Path artifact, Path provenanceFile) {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(provenanceFile, "provenanceFile");
        byte[] bytes;
        try {
            bytes = InputFiles.read(provenanceFile, Limits.PYPI_PROVENANCE);
        } catch (BadInputException e) {
            return new Result(failed(SignatureStatus.MALFORMED, provenanceFile, e.getMessage()), null);
        } catch (IOException e) {
            return new Result(failed(SignatureStatus.MALFORMED, provenanceFile, "cannot read the provenance ("
                    + e.getMessage() + ")"), null);
        }
        try {
            Result result = run(artifactBytes, artifact, bytes, provenanceFile);
            BundleVerification b = result.bundle();
            // The provenance file's SHA-256 as read: what a baseline records of this evidence (docs/formats.md 1.2).
            return new Result(new BundleVerification(b.check().withSignatureSha256(SignatureCheck.sha256(bytes)),
                    b.identity(), b.signedAt(), b.log(), b.statement()), result.publisher());
        } catch (Failure f) {
            return new Result(failed(f.status(), provenanceFile, f.getMessage()), null);
        }
    }

    private Result run(byte[] artifactBytes, Path artifact, byte[] provenance, Path provenanceFile) {
        JsonNode root = Json.parse(provenance, "the PEP 740 provenance");
        if (Json.int64(root, "version", "the PEP 740 provenance", true, 0) != 1) {
            throw Failure.malformed("the PEP 740 provenance has version " + root.get("version") + "; sbomgate reads version 1");
        }
        List<JsonNode> bundles = Json.array(root, "attestation_bundles", "the PEP 740 provenance", true, MAX_BUNDLES);
        if (bundles.isEmpty()) {
            throw Failure.malformed("the PEP 740 provenance holds no attestation bundle");
        }
        String fileName = artifact.getFileName().toString();
        BundleVerification first = null;
        TrustedPublisher firstPublisher = null;
        int count = 0;
        for (int b = 0; b < bundles.size(); b++) {
            String where = "attestation_bundles[" + b + "]";
            JsonNode bundle = bundles.get(b);
            if (!bundle.isObject()) {
                throw Failure.malformed(where + " is not an object");
            }
            TrustedPublisher publisher = TrustedPublisher.parse(Json.object(bundle, "publisher", where, true),
                    where + ".publisher");
            List<JsonNode> attestations = Json.array(bundle, "attestations", where, true, MAX_ATTESTATIONS);
            if (attestations.isEmpty()) {
                throw Failure.malformed(where + " holds no attestation");
            }
            for (int a = 0; a < attestations.size(); a++) {
                String at = where + ".attestations[" + a + "]";
                Converted converted = convert(attestations.get(a), at);
                BundleVerification verified = sigstore.verifyBundle(artifactBytes, artifact, converted.bundle(),
                        provenanceFile);
                SignatureCheck check = verified.check();
                if (check.status() != SignatureStatus.VERIFIED) {
                    return new Result(failed(check.status(), provenanceFile, at + ": " + check.detail()), null);
                }
                if (verified.identity() == null) {
                    throw Failure.malformed(at + " is signed with a plain key; PEP 740 attestations carry a certificate");
                }
                checkStatement(converted.statement(), fileName, at);
                publisher.checkAgainst(verified.identity(), Certificates.fulcioExtension(converted.leaf(), 18));
                if (first == null) {
                    first = verified;
                    firstPublisher = publisher;
                } else if (!first.identity().subject().equals(verified.identity().subject())
                        || !first.identity().issuer().equals(verified.identity().issuer())) {
                    throw Failure.bad(at + " was signed by " + verified.identity().summary() + ", "
                            + "attestation_bundles[0].attestations[0] by " + first.identity().summary()
                            + ": one provenance, two publishers");
                }
                count++;
            }
        }
        SignatureCheck check = first.check();
        CertificateIdentity identity = first.identity();
        String ci = identity.ciDetails();
        String detail = "PEP 740 provenance verified (" + count + " attestation" + (count == 1 ? "" : "s") + " of "
                + fileName + "): Trusted Publisher " + firstPublisher.summary() + "; certificate identity "
                + identity.summary() + (ci.isEmpty() ? "" : "; " + ci) + "; signed at " + first.signedAt()
                + ", logged in " + first.log();
        return new Result(new BundleVerification(new SignatureCheck(SignatureKind.PYPI_ATTESTATION,
                SignatureStatus.VERIFIED, check.signer(), check.signingKey(), check.issuer(), check.created(),
                check.algorithm(), provenanceFile, detail), identity, first.signedAt(), first.log()), firstPublisher);
    }

    /** One PEP 740 attestation as bundle JSON, with the statement and certificate it carries. */
    private record Converted(byte[] bundle, byte[] statement, X509Certificate leaf) {
    }

    /**
     * PEP 740 attestation {@code {version: 1, verification_material: {certificate, transparency_entries},
     * envelope: {statement, signature}}} to bundle v0.3 {@code {mediaType, verificationMaterial: {certificate: {rawBytes},
     * tlogEntries}, dsseEnvelope: {payload, payloadType, signatures: [{sig}]}}}: the entries are the same protobuf
     * JSON in both, copied as they are.
     */
    private static Converted convert(JsonNode attestation, String where) {
        if (!attestation.isObject()) {
            throw Failure.malformed(where + " is not an object");
        }
        if (Json.int64(attestation, "version", where, true, 0) != 1) {
            throw Failure.malformed(where + " has version " + attestation.get("version") + "; PEP 740 attestations are version 1");
        }
        JsonNode material = Json.object(attestation, "verification_material", where, true);
        String certificate = Json.text(material, "certificate", where + ".verification_material", true);
        byte[] der = Json.decode(certificate, where + ".verification_material.certificate");
        X509Certificate leaf = TrustedRoot.certificate(der, where + ".verification_material.certificate");
        List<JsonNode> entries = Json.array(material, "transparency_entries", where + ".verification_material", true,
                MAX_ENTRIES);
        if (entries.isEmpty()) {
            throw Failure.malformed(where + " has no transparency entry; sbomgate accepts only logged signatures");
        }
        JsonNode envelope = Json.object(attestation, "envelope", where, true);
        String statement = Json.text(envelope, "statement", where + ".envelope", true);
        String signature = Json.text(envelope, "signature", where + ".envelope", true);
        byte[] statementBytes = Json.decode(statement, where + ".envelope.statement");
        Json.decode(signature, where + ".envelope.signature");

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode bundle = f.objectNode();
        bundle.put("mediaType", MEDIA_TYPE);
        ObjectNode vm = bundle.putObject("verificationMaterial");
        vm.putObject("certificate").put("rawBytes", Base64.getEncoder().encodeToString(der));
        ArrayNode tlog = vm.putArray("tlogEntries");
        entries.forEach(tlog::add);
        ObjectNode dsse = bundle.putObject("dsseEnvelope");
        dsse.put("payload", Base64.getEncoder().encodeToString(statementBytes));
        dsse.put("payloadType", Dsse.IN_TOTO);
        dsse.putArray("signatures").addObject().put("sig", signature);
        try {
            return new Converted(WRITER.writeValueAsBytes(bundle), statementBytes, leaf);
        } catch (JsonProcessingException e) {
            throw Failure.malformed(where + " cannot be converted to a Sigstore bundle (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * PEP 740: the statement's one subject is the distribution, {@code name} its filename; the predicate is a PyPI
     * publish or SLSA provenance attestation. (Its digest was already compared by {@link Dsse#checkSubject}.)
     */
    private static void checkStatement(byte[] statementBytes, String fileName, String where) {
        JsonNode statement = Json.parse(statementBytes, where + "'s in-toto statement");
        List<JsonNode> subjects = Json.array(statement, "subject", "the in-toto statement", true, 2);
        if (subjects.size() != 1 || !subjects.get(0).isObject()) {
            throw Failure.bad(where + "'s statement has " + subjects.size() + " subjects; a PEP 740 attestation names"
                    + " exactly one distribution");
        }
        String name = Json.text(subjects.get(0), "name", "the in-toto statement's subject", true);
        if (!fileName.equals(name)) {
            throw Failure.bad(where + " attests to the distribution '" + Json.shown(name) + "', not to '"
                    + Json.shown(fileName) + "' (same SHA-256: the file was renamed, or the provenance belongs to"
                    + " another file)");
        }
        String predicateType = Json.text(statement, "predicateType", "the in-toto statement", true);
        if (!PREDICATE_TYPES.contains(predicateType)) {
            throw Failure.bad(where + "'s statement has predicate type '" + Json.shown(predicateType) + "', not one of "
                    + PREDICATE_TYPES);
        }
    }

    private static BundleVerification failed(SignatureStatus status, Path file, String detail) {
        return new BundleVerification(new SignatureCheck(SignatureKind.PYPI_ATTESTATION, status, null, null, null, null,
                null, file, "PEP 740 provenance: " + detail), null, null, null);
    }
}
