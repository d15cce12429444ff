package dev.sbomgate.signature.sigstore;

import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.SignatureVerifier;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies Sigstore bundles ({@code <artifact>.sigstore.json}: Maven Central, npm provenance, PyPI attestations)
 * offline, against a trusted root kept in the trust store. Each step has its own failure message; the first failing
 * step decides the outcome:
 * <ol>
 *   <li>MALFORMED: the file is not a bundle v0.1–v0.3 this verifier reads (JSON, media type, encodings, required
 *       parts: a v0.1 entry needs its inclusion promise, a later one its inclusion proof).</li>
 *   <li>RFC 3161 timestamps (BAD_SIGNATURE): each is signed by a timestamp authority of the root, valid at its time,
 *       over the bundle's signature.</li>
 *   <li>Transparency log entries (BAD_SIGNATURE): the log is in the root and was trusted at the entry's time; the
 *       inclusion promise (signed entry timestamp) verifies with the log's key; the RFC 6962 inclusion proof leads to
 *       its root hash; a checkpoint signed by the log commits to that root.</li>
 *   <li>A verified signing time exists: the log's signed integrated time, or a verified RFC 3161 time.</li>
 *   <li>Certificate (keyless bundles): it chains to a certificate authority of the root (UNKNOWN_KEY otherwise); it is
 *       a code-signing leaf; every verified signing time lies within its validity and within the authority's
 *       trusted window (KEY_EXPIRED otherwise); a CT log of the root signed its SCT (BAD_SIGNATURE).</li>
 *   <li>The signature verifies over the artifact with the certificate's key, or with a pinned key-pair key for a
 *       bundle signed with a plain key (UNKNOWN_KEY when no pinned key could have made it); a DSSE envelope's
 *       signature verifies over its PAE and its in-toto statement names the artifact as a subject.</li>
 *   <li>Binding (BAD_SIGNATURE): every log entry's body names this artifact's digest (or this envelope), this
 *       signature and this certificate or key.</li>
 * </ol>
 * A verified keyless bundle is reported with {@code signer} = {@link CertificateIdentity#fingerprint()} and its
 * identity; which identities are trusted for which packages is the verify stage's decision, not this class's.
 * Immutable and thread-safe.
 */
public final class SigstoreVerifier implements SignatureVerifier {

    private final TrustedRoot root;
    private final KeyPairSignatureVerifier keys;

    /**
     * @param root the trusted root, or null when the trust store holds none (every bundle is then UNKNOWN_KEY)
     * @param keys the pinned key-pair keys, for bundles signed with a plain public key
     */
    public SigstoreVerifier(TrustedRoot root, KeyPairSignatureVerifier keys) {
        this.root = root;
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public SignatureCheck verify(Path artifact, Path bundleFile) {
        return verifyBundle(artifact, bundleFile).check();
    }

    @Override
    public SignatureCheck verify(byte[] artifactBytes, Path artifact, Path bundleFile) {
        return verifyBundle(artifactBytes, artifact, bundleFile).check();
    }

    /** Verifies the bundle file over the artifact; only an unreadable artifact throws (UncheckedIOException). */
    public BundleVerification verifyBundle(Path artifact, Path bundleFile) {
        return verifyBundle(null, artifact, bundleFile);
    }

    /**
     * As {@link #verifyBundle(Path, Path)}, over the artifact already read into memory ({@code artifact} only names
     * it; null {@code artifactBytes} reads the file): the bytes checked are those the caller hashed and inspected.
     */
    public BundleVerification verifyBundle(byte[] artifactBytes, Path artifact, Path bundleFile) {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(bundleFile, "bundleFile");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(bundleFile)) {
            bytes = in.readNBytes(Bundle.MAX_BYTES + 1);
        } catch (IOException e) {
            return failed(SignatureStatus.MALFORMED, bundleFile, "cannot read the bundle (" + e.getMessage() + ")");
        }
        if (bytes.length > Bundle.MAX_BYTES) {
            return failed(SignatureStatus.MALFORMED, bundleFile, "the bundle is larger than " + Bundle.MAX_BYTES / (1024 * 1024)
                    + " MiB");
        }
        BundleVerification result = verify(artifactBytes, artifact, bytes, bundleFile);
        return new BundleVerification(result.check().withSignatureSha256(SignatureCheck.sha256(bytes)), result.identity(),
                result.signedAt(), result.log());
    }

    /** As {@link #verifyBundle(Path, byte[], Path)}, over the artifact already read into memory (null: read the file). */
    public BundleVerification verifyBundle(byte[] artifactBytes, Path artifact, byte[] bundle, Path bundleFile) {
        return verify(artifactBytes, artifact, bundle, bundleFile);
    }

    /** Verifies bundle bytes over the artifact; {@code bundleFile} only names the bundle in the result. */
    public BundleVerification verifyBundle(Path artifact, byte[] bundle, Path bundleFile) {
        return verify(null, artifact, bundle, bundleFile);
    }

    private BundleVerification verify(byte[] artifactBytes, Path artifact, byte[] bundle, Path bundleFile) {
        try {
            return run(artifactBytes, artifact, Bundle.parse(bundle), bundleFile);
        } catch (Failure f) {
            return failed(f.status(), bundleFile, f.getMessage());
        }
    }

    private BundleVerification run(byte[] artifactBytes, Path artifact, Bundle bundle, Path bundleFile) {
        if (root == null) {
            throw Failure.unknownKey("the trust store holds no Sigstore trusted root, so no bundle can be verified; add"
                    + " one with 'sbomgate trust sigstore-root trusted_root.json'");
        }
        byte[] signature = bundle.signature();

        List<Instant> timestamps = new ArrayList<>();
        for (int i = 0; i < bundle.timestamps().size(); i++) {
            timestamps.add(Timestamps.verify(bundle.timestamps().get(i), signature, root, i));
        }
        List<LogVerifier.Verified> logs = new ArrayList<>();
        for (LogEntry entry : bundle.entries()) {
            logs.add(LogVerifier.verify(entry, root, timestamps, bundle.version()));
        }
        List<Instant> times = new ArrayList<>(timestamps);
        logs.stream().map(LogVerifier.Verified::integratedTime).filter(Objects::nonNull).forEach(times::add);
        if (times.isEmpty()) {
            throw Failure.bad("the bundle proves no signing time: its log entry carries no signed integrated time and"
                    + " it holds no RFC 3161 timestamp (Rekor v2 entries need one)");
        }
        times.sort(Comparator.naturalOrder());
        Instant signedAt = logs.stream().map(LogVerifier.Verified::integratedTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(times.get(0));

        X509Certificate leaf = bundle.leaf();
        VerificationKey leafKey = null;
        CertificateIdentity identity = null;
        if (leaf != null) {
            TrustedRoot.Authority ca = Certificates.issuingAuthority(leaf, root);
            checkChainExtras(bundle, ca);
            Certificates.checkCodeSigning(leaf);
            Certificates.checkValidAt(leaf, ca, times);
            Certificates.checkSct(leaf, ca.chain().get(0), root);
            leafKey = VerificationKey.fromSpki(leaf.getPublicKey().getEncoded(), "the signing certificate's key");
            identity = Certificates.identity(leaf);
        }

        Set<HashAlgorithm> upFront = EnumSet.of(HashAlgorithm.SHA_256);
        if (bundle.message() != null && bundle.message().digestAlgorithm() != null) {
            upFront.add(bundle.message().digestAlgorithm());
        }
        if (leafKey != null && leafKey.algorithm().digest() != null) {
            upFront.add(leafKey.algorithm().digest());
        }
        if (bundle.envelope() != null) {
            upFront.addAll(Dsse.comparable());
        }
        ArtifactDigests digests = new ArtifactDigests(artifact, artifactBytes, upFront);

        SignatureCheck keyCheck = null;
        String algorithm;
        if (bundle.message() != null) {
            Bundle.MessageSignature message = bundle.message();
            if (message.digest() != null && !java.security.MessageDigest.isEqual(message.digest(),
                    digests.get(message.digestAlgorithm()))) {
                throw Failure.bad("the bundle's message digest (" + message.digestAlgorithm().cycloneDxName() + " "
                        + java.util.HexFormat.of().formatHex(message.digest()) + ") is not this file's: the bundle is for"
                        + " another artifact, or the artifact was changed");
            }
            if (leafKey != null) {
                if (leafKey.algorithm() == KeyAlgorithm.ED25519) {
                    throw Failure.malformed("the signing certificate has an Ed25519 key, which cannot make a Sigstore"
                            + " message signature over a digest");
                }
                if (!leafKey.verifyDigest(digests.get(leafKey.algorithm().digest()), signature)) {
                    throw Failure.bad("the signature does not verify over this artifact with the signing certificate's"
                            + " key: the artifact or the signature was changed");
                }
                algorithm = leafKey.label() + "/" + leafKey.algorithm().digest().cycloneDxName();
            } else {
                keyCheck = artifactBytes != null ? keys.verifyArtifact(artifactBytes, signature, bundleFile)
                        : keys.verify(artifact, signature, bundleFile);
                algorithm = keyCheck.algorithm();
            }
        } else {
            Bundle.Envelope envelope = bundle.envelope();
            byte[] pae = Dsse.pae(envelope.payloadType(), envelope.payload());
            if (leafKey != null) {
                if (!leafKey.verify(pae, signature)) {
                    throw Failure.bad("the DSSE envelope's signature does not verify with the signing certificate's key:"
                            + " the attestation or the signature was changed");
                }
                algorithm = leafKey.label() + (leafKey.algorithm().digest() == null ? ""
                        : "/" + leafKey.algorithm().digest().cycloneDxName()) + " (DSSE)";
            } else {
                keyCheck = keys.verify(pae, signature, bundleFile);
                algorithm = keyCheck.algorithm() == null ? null : keyCheck.algorithm() + " (DSSE)";
            }
        }
        if (keyCheck != null && keyCheck.status() != SignatureStatus.VERIFIED) {
            return new BundleVerification(new SignatureCheck(SignatureKind.SIGSTORE, keyCheck.status(), keyCheck.signer(),
                    keyCheck.signingKey(), keyHint(bundle), null, keyCheck.algorithm(), bundleFile,
                    "the bundle's signature by a plain public key: " + keyCheck.detail()), null, null, null);
        }
        if (bundle.envelope() != null) {
            Dsse.checkSubject(bundle.envelope(), digests);
        }

        EntryBinding.Signer signer;
        try {
            signer = leaf != null ? new EntryBinding.Signer(leaf.getEncoded(), null)
                    : new EntryBinding.Signer(null, keyCheck.signer());
        } catch (GeneralSecurityException e) {
            throw Failure.malformed("the signing certificate cannot be re-encoded");
        }
        for (LogEntry entry : bundle.entries()) {
            EntryBinding.check(entry, bundle, signer, digests);
        }
        if (leafKey != null && leafKey.isWeak()) {
            throw Failure.weak("the bundle verifies, but the signing certificate's key is " + leafKey.label()
                    + ", too weak to count (RSA needs at least " + VerificationKey.MIN_RSA_BITS + " bits)");
        }

        byte[] statement = bundle.envelope() == null ? null : bundle.envelope().payload();
        LogVerifier.Verified first = logs.get(0);
        String log = first.log().host() + " entry " + bundle.entries().get(0).logIndex();
        String when = "signed at " + signedAt + (first.integratedTime() != null ? " (log time)" : " (RFC 3161 time)")
                + ", logged in " + log + (timestamps.isEmpty() ? "" : ", " + timestamps.size() + " RFC 3161 timestamp"
                + (timestamps.size() == 1 ? "" : "s") + " verified");
        if (identity != null) {
            String ci = identity.ciDetails();
            String detail = "Sigstore bundle verified: certificate identity " + identity.summary()
                    + (ci.isEmpty() ? "" : "; " + ci) + "; " + when;
            return new BundleVerification(new SignatureCheck(SignatureKind.SIGSTORE, SignatureStatus.VERIFIED,
                    identity.fingerprint(), identity.fingerprint(), identity.summary(), signedAt, algorithm, bundleFile,
                    detail), identity, signedAt, log, statement);
        }
        String detail = "Sigstore bundle verified with pinned key " + keyCheck.signer() + "; " + when;
        return new BundleVerification(new SignatureCheck(SignatureKind.SIGSTORE, SignatureStatus.VERIFIED,
                keyCheck.signer(), keyCheck.signingKey(), keyHint(bundle), signedAt, algorithm, bundleFile, detail),
                null, signedAt, log, statement);
    }

    /**
     * Certificates after the leaf in a v0.1/v0.2 chain are not trusted for anything: a root there is refused (roots
     * come only from the trusted root), and any other must be a certificate of the authority's own chain. One exception
     * (docs/trust-store.md, "Bundles v0.1 with the whole chain"): extras that are exactly the issuing authority's
     * chain, byte for byte and in its order, root last, as npm's 2023 v0.1 bundles carry it. Such a copy adds no trust
     * (every certificate of it is the trusted root's own) and the authority's validity window is still checked against
     * the signing time; any other root in a bundle is refused (the conformance suite's bundle-with-root-cert_fail).
     */
    private static void checkChainExtras(Bundle bundle, TrustedRoot.Authority ca) {
        if (bundle.chainExtras().equals(ca.chain())) {
            return;
        }
        for (X509Certificate extra : bundle.chainExtras()) {
            if (extra.getSubjectX500Principal().equals(extra.getIssuerX500Principal())) {
                throw Failure.malformed("the bundle's certificate chain includes a root certificate ('"
                        + Json.shown(extra.getSubjectX500Principal().getName()) + "'); roots come only from the trusted"
                        + " root, never from the bundle");
            }
            if (!ca.chain().contains(extra)) {
                throw Failure.unknownKey("the bundle's certificate chain holds a certificate ('"
                        + Json.shown(extra.getSubjectX500Principal().getName()) + "') that is not in the chain of the"
                        + " trusted authority '" + ca.name() + "'");
            }
        }
    }

    private static String keyHint(Bundle bundle) {
        return bundle.keyHint() == null || bundle.keyHint().isEmpty() ? null : "key hint " + Json.shown(bundle.keyHint());
    }

    private static BundleVerification failed(SignatureStatus status, Path bundleFile, String detail) {
        return new BundleVerification(new SignatureCheck(SignatureKind.SIGSTORE, status, null, null, null, null, null,
                bundleFile, detail), null, null, null);
    }
}
