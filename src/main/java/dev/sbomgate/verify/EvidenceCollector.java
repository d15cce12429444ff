package dev.sbomgate.verify;

import dev.sbomgate.artifact.ArtifactFiles;
import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.baseline.EvidenceCheck;
import dev.sbomgate.baseline.EvidenceKind;
import dev.sbomgate.content.ContentInspector;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.digest.DigestComparison;
import dev.sbomgate.digest.Digests;
import dev.sbomgate.digest.FileDigests;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.signature.Publisher;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureKind;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.signature.SignatureVerifier;
import dev.sbomgate.signature.jca.KeyPairSignatureVerifier;
import dev.sbomgate.signature.sigstore.BundleVerification;
import dev.sbomgate.signature.sigstore.CertificateIdentity;
import dev.sbomgate.signature.sigstore.PypiAttestationVerifier;
import dev.sbomgate.signature.sigstore.SigstoreVerifier;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.TrustStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;

/**
 * The verify stage: for each component, find its artifact, read it once (into memory when it holds at most
 * {@link #IN_MEMORY_BYTES}), hash it for every declared algorithm plus SHA-256, summarise its content, and check
 * every signature beside it over those same bytes; then judge whether the signer is pinned for this component's
 * purl and was inside its pin's window. Components are spread over all cores; an exception while checking one
 * component becomes that component's {@link Evidence#error()}, never a skip and never an abort of the others.
 */
public final class EvidenceCollector {

    private final ArtifactLocator locator;
    private final TrustStore trust;
    private final SignatureVerifier openPgp;
    private final KeyPairSignatureVerifier keyPair;
    private final SigstoreVerifier sigstore;
    private final PypiAttestationVerifier pypi;
    private final NpmEvidence npm;
    private final Instant now;
    private final int threads;
    /** Elapsed time summed over the worker threads, per part of the work, for {@code --timings}. */
    private final LongAdder locateNanos = new LongAdder();
    private final LongAdder hashNanos = new LongAdder();
    private final LongAdder signatureNanos = new LongAdder();
    /** Evidence files verified cryptographically in full, and recorded results reused instead (issue 17). */
    private final LongAdder verifiedChecks = new LongAdder();
    private final LongAdder reusedChecks = new LongAdder();
    private final Reuse reuse;

    /**
     * Where the worker threads spent their time so far, summed over threads (elapsed, not CPU time).
     *
     * @param locateNanos    finding the artifact and signature files
     * @param hashNanos      reading the artifacts, computing their digests, and inspecting their content
     * @param signatureNanos checking their signatures (including the signatures' own pass over the bytes)
     * @param threads        the pool's size
     */
    public record Costs(long locateNanos, long hashNanos, long signatureNanos, int threads) {
    }
    private final Progress progress;
    /**
     * An artifact up to this size is read whole into memory, then hashed, inspected and signature-checked from the
     * array (one read); a larger one is streamed. 64 MiB holds nearly every jar, wheel and npm tarball.
     */
    static final int IN_MEMORY_BYTES = 64 * 1024 * 1024;
    /** At most a quarter of the heap holds artifacts at once. */
    private final MemoryBudget memory = new MemoryBudget(Runtime.getRuntime().maxMemory() / 4);

    /**
     * @param locator the artifact roots, or null when no {@code --artifacts} was given (evidence is then NOT_SEARCHED)
     * @param trust   the pinned keys
     * @param now     the time key-pair signatures (which carry no time) are judged at against a pin's window
     */
    public EvidenceCollector(ArtifactLocator locator, TrustStore trust, Instant now) {
        this(locator, trust, now, Runtime.getRuntime().availableProcessors());
    }

    public EvidenceCollector(ArtifactLocator locator, TrustStore trust, Instant now, int threads) {
        this(locator, trust, now, threads, Progress.NONE);
    }

    /** As {@link #EvidenceCollector(ArtifactLocator, TrustStore, Instant)}, reporting each finished component to {@code progress}. */
    public EvidenceCollector(ArtifactLocator locator, TrustStore trust, Instant now, Progress progress) {
        this(locator, trust, now, Runtime.getRuntime().availableProcessors(), progress);
    }

    public EvidenceCollector(ArtifactLocator locator, TrustStore trust, Instant now, int threads, Progress progress) {
        this(locator, trust, now, threads, progress, Reuse.OFF, null);
    }

    /**
     * As {@link #EvidenceCollector(ArtifactLocator, TrustStore, Instant, Progress)}, reusing what {@code reuse} allows
     * of the last approval's verified results instead of verifying them again ({@link Reuse#OFF}: verify everything).
     */
    public EvidenceCollector(ArtifactLocator locator, TrustStore trust, Instant now, Progress progress, Reuse reuse) {
        this(locator, trust, now, Runtime.getRuntime().availableProcessors(), progress, reuse, null);
    }

    /** With {@code openPgp} in place of the trust store's OpenPGP verifier when non-null (tests count its calls). */
    EvidenceCollector(ArtifactLocator locator, TrustStore trust, Instant now, int threads, Progress progress, Reuse reuse,
                      SignatureVerifier openPgp) {
        this.reuse = Objects.requireNonNull(reuse, "reuse");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.locator = locator;
        this.trust = Objects.requireNonNull(trust, "trust");
        this.now = Objects.requireNonNull(now, "now");
        this.threads = Math.max(1, threads);
        // the keys and the trusted root were parsed once, when the trust store was loaded
        this.openPgp = openPgp != null ? openPgp : trust.openPgpVerifier();
        this.keyPair = trust.keyPairVerifier();
        this.sigstore = new SigstoreVerifier(trust.parsedTrustedRoot().orElse(null), keyPair);
        this.pypi = new PypiAttestationVerifier(sigstore);
        this.npm = new NpmEvidence(trust, sigstore);
    }

    /** How many evidence files {@link #collect} verified cryptographically in full so far (npm: each check). */
    public long verifiedInFull() {
        return verifiedChecks.sum();
    }

    /** How many recorded results of the last approval {@link #collect} reused so far instead of verifying them. */
    public long reused() {
        return reusedChecks.sum();
    }

    /** The time spent so far by {@link #collect}, per part. */
    public Costs costs() {
        return new Costs(locateNanos.sum(), hashNanos.sum(), signatureNanos.sum(), threads);
    }

    /** Evidence for each component, in the order given. */
    public List<Evidence> collect(List<Component> components) {
        if (locator == null) {
            return components.stream().map(c -> new Evidence(c, Evidence.ArtifactState.NOT_SEARCHED, null, List.of(),
                    IntegrityStatus.NOT_CHECKED, List.of(), List.of(), null)).toList();
        }
        progress.started(components.size());
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> components.parallelStream().map(this::collectAndReport).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying artifacts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verifying artifacts failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private Evidence collectAndReport(Component component) {
        Evidence evidence = collectSafely(component);
        long bytes = 0;
        if (evidence.artifact() != null) {
            try {
                bytes = java.nio.file.Files.size(evidence.artifact());
            } catch (java.io.IOException | RuntimeException e) {
                bytes = 0; // progress is cosmetic: a file that vanished after hashing is not an error here
            }
        }
        progress.artifactDone(bytes);
        return evidence;
    }

    private Evidence collectSafely(Component component) {
        try {
            return collect(component);
        } catch (RuntimeException | java.io.IOException | OutOfMemoryError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Evidence(component, Evidence.ArtifactState.ERROR, null, List.of(), IntegrityStatus.NOT_CHECKED,
                    List.of(), List.of(), message.strip().replaceAll("\\s+", " "));
        }
    }

    private Evidence collect(Component component) throws java.io.IOException {
        long start = System.nanoTime();
        ArtifactFiles files = locator.locate(component);
        long located = System.nanoTime();
        locateNanos.add(located - start);
        if (!files.found()) {
            String tried = files.candidatesTried().isEmpty() ? "no file name could be derived from the component"
                    : "looked for " + String.join(", ", files.candidatesTried());
            String refused = files.refused().isEmpty() ? "" : "; refused " + String.join(", ", files.refused());
            return new Evidence(component, Evidence.ArtifactState.MISSING, null, List.of(), IntegrityStatus.NOT_CHECKED,
                    List.of(tried + refused), List.of(), null);
        }
        Path artifact = files.artifact();
        // No hash in the SBOM: the registry's digest fetched beside the artifact is the declared one (docs/evidence.md).
        List<dev.sbomgate.model.Digest> declared = component.hashes().isEmpty()
                ? dev.sbomgate.artifact.RegistryDigests.beside(artifact) : component.hashes();
        Set<HashAlgorithm> algorithms = EnumSet.of(HashAlgorithm.SHA_256);
        declared.forEach(d -> algorithms.add(d.algorithm()));
        if (NpmEvidence.applies(component, artifact)) {
            algorithms.add(HashAlgorithm.SHA_512); // the registry signature and the attestations bind the tarball's SHA-512
        }
        ContentSummary content;
        FileDigests digests;
        String name = artifact.getFileName().toString();
        String purlType = component.purl() == null ? null : component.purl().type();
        byte[] bytes = readWhole(artifact);
        Reuse.Plan plan;
        boolean contentReused = false;
        try {
            if (bytes != null) {
                // Read once: the same bytes are hashed, inspected (a zip by its central directory, inflating only the
                // entries the summary needs) and checked against every signature, whatever happens to the file meanwhile.
                digests = Digests.compute(bytes, algorithms);
                plan = reuse.plan(component, List.copyOf(digests.digests().values()));
                ContentSummary approved = plan == null ? null : plan.content();
                if (approved != null && approved.size() == bytes.length) {
                    content = approved; // the same bytes as approved: the same summary (docs/formats.md §1.7)
                    contentReused = true;
                } else {
                    content = ContentInspector.inspect(bytes, name, purlType);
                }
            } else {
                // Too large to hold: one streaming pass serves both, the inspector reading what the hasher sees.
                ContentSummary[] streamed = new ContentSummary[1];
                digests = Digests.compute(artifact, algorithms,
                        in -> streamed[0] = ContentInspector.inspect(in, name, purlType));
                content = streamed[0];
                plan = reuse.plan(component, List.copyOf(digests.digests().values()));
            }
            long hashed = System.nanoTime();
            hashNanos.add(hashed - located);
            DigestComparison comparison = DigestComparison.compare(declared, digests);
            List<String> details = new ArrayList<>();
            for (DigestComparison.Check mismatch : comparison.mismatches()) {
                details.add(mismatch.algorithm().cycloneDxName() + ": the SBOM declares " + mismatch.declared().hex()
                        + " but the file has " + (mismatch.computed() == null ? "(not computed)" : mismatch.computed().hex()));
            }
            List<SignatureCheck> checks = new ArrayList<>();
            List<String> reusedFiles = new ArrayList<>();
            List<Reuse.Refusal> refusals = new ArrayList<>();
            for (Path signatureFile : files.signatures()) {
                SignatureCheck reused = plan == null ? null : reuse(component, plan, signatureFile, digests, refusals);
                if (reused != null) {
                    checks.add(reused);
                    reusedFiles.add(signatureFile.getFileName().toString());
                    reusedChecks.increment();
                    continue;
                }
                verifiedChecks.increment();
                if (isBundle(signatureFile)) {
                    BundleVerification bundle = sigstore.verifyBundle(bytes, artifact, signatureFile);
                    checks.add(judgeBundle(component, bundle, bundle.identity() == null ? null
                            : bundle.identity().publisher()));
                } else if (isProvenance(signatureFile)) {
                    PypiAttestationVerifier.Result result = pypi.verifyProvenance(bytes, artifact, signatureFile);
                    checks.add(judgeBundle(component, result.bundle(), result.publisher() == null
                            || result.bundle().identity() == null ? null
                            : result.publisher().publisher(result.bundle().identity())));
                } else {
                    SignatureVerifier verifier = verifierFor(signatureFile);
                    SignatureCheck check = judgeScope(component, bytes != null ? verifier.verify(bytes, artifact, signatureFile)
                            : verifier.verify(artifact, signatureFile));
                    if (!byIgnoredKey(check)) {
                        checks.add(check);
                    }
                }
            }
            if (NpmEvidence.applies(component, artifact)) {
                // npm: registry signatures in version.json, provenance and publish attestation in attestations.json
                byte[] sha512 = java.util.HexFormat.of().parseHex(digests.digests().get(HashAlgorithm.SHA_512).hex());
                List<SignatureCheck> npmChecks = npm.verify(component, artifact,
                        bytes != null ? bytes : java.nio.file.Files.readAllBytes(artifact), sha512);
                verifiedChecks.add(npmChecks.size());
                checks.addAll(npmChecks);
            }
            Reuse.Outcome outcome = null;
            if (plan != null) {
                Set<String> present = new java.util.HashSet<>();
                files.signatures().forEach(f -> present.add(f.getFileName().toString()));
                for (EvidenceCheck recorded : plan.recorded()) {
                    if (!present.contains(recorded.file()) && recorded.kind().isSignatureFile()) {
                        refusals.add(new Reuse.Refusal(recorded.file(), plan.componentRefusal() != null
                                ? plan.componentRefusal() : Reuse.SIGNATURE_FILE_MISSING));
                    }
                }
                outcome = new Reuse.Outcome(reusedFiles, refusals, contentReused);
            }
            signatureNanos.add(System.nanoTime() - hashed);
            List<Digest> computed = List.copyOf(digests.digests().values());
            return new Evidence(component, Evidence.ArtifactState.FOUND, artifact, computed, comparison.status(), details,
                    checks, null, content, outcome);
        } finally {
            if (bytes != null) {
                memory.release(bytes.length);
            }
        }
    }

    /**
     * The artifact read whole, when it holds at most {@link #IN_MEMORY_BYTES} and the shared memory budget has room
     * for it (reserved here; the caller releases {@code bytes.length}); else null, and it is streamed (once hashed and
     * inspected, once more per signature).
     */
    private byte[] readWhole(Path artifact) throws java.io.IOException {
        long size;
        try {
            size = java.nio.file.Files.size(artifact);
        } catch (java.io.IOException e) {
            return null; // the streaming path reports why it cannot be read, as before
        }
        if (size > IN_MEMORY_BYTES || !memory.reserve(size)) {
            return null;
        }
        byte[] bytes = null;
        try {
            // A file that grew past the reserved size since is streamed instead.
            bytes = Digests.readWhole(artifact, (int) size).orElse(null);
            return bytes;
        } finally {
            memory.release(size - (bytes == null ? 0 : bytes.length));
        }
    }

    /** Bytes of artifacts held in memory at once, over all threads: past the budget, artifacts are streamed. */
    private static final class MemoryBudget {
        private final java.util.concurrent.atomic.AtomicLong free;

        MemoryBudget(long bytes) {
            free = new java.util.concurrent.atomic.AtomicLong(bytes);
        }

        boolean reserve(long bytes) {
            long now;
            do {
                now = free.get();
                if (now < bytes) {
                    return false;
                }
            } while (!free.compareAndSet(now, now - bytes));
            return true;
        }

        void release(long bytes) {
            free.addAndGet(bytes);
        }
    }

    /**
     * The result recorded at approval for this evidence file, reused and judged again (scope, window, revocation),
     * when every condition of docs/formats.md §1.7 holds; else null, with the reason added to {@code refusals} when a
     * result was recorded, and the caller verifies the file in full.
     */
    private SignatureCheck reuse(Component component, Reuse.Plan plan, Path file, FileDigests digests,
                                 List<Reuse.Refusal> refusals) {
        String name = file.getFileName().toString();
        EvidenceKind kind = kindOf(name);
        EvidenceCheck recorded = kind == null ? null : plan.recorded(name, kind);
        if (recorded == null) {
            // nothing recorded for this file (a new version, a new signature): verified in full, as it must be
            if (plan.componentRefusal() != null) {
                refusals.add(new Reuse.Refusal(name, plan.componentRefusal()));
            }
            return null;
        }
        String reason = plan.refusal(recorded, digests.digests(), () -> sha256Of(file));
        if (reason != null) {
            refusals.add(new Reuse.Refusal(name, reason));
            return null;
        }
        SignatureCheck check = new SignatureCheck(SignatureKind.valueOf(kind.name()), SignatureStatus.VERIFIED,
                recorded.signer(), recorded.signingKey(), recorded.signingKey() == null ? null : recorded.signingKey().hex(),
                recorded.created(), recorded.algorithm(), file, "verified at approval, result reused: the artifact, this"
                + " file and the pin's key are unchanged since", recorded.sha256());
        if (kind.sigstoreBased()) {
            // The pin the certificate matched, judged again for this purl and the signing time; any other outcome is
            // verified in full, so that it is reported exactly as a full verification reports it.
            PinnedKey pin = trust.find(recorded.signer()).orElse(null);
            if (pin == null || !pin.isIdentity() || component.purl() == null || !pin.covers(component.purl())
                    || recorded.created() == null || !pin.isValidAt(recorded.created())) {
                return null;
            }
            String revoked = pin.revokedAt(recorded.created());
            if (revoked != null) {
                return null; // verified in full, which reports the revocation as a full verification does
            }
            // The publisher identity the approval recorded for this component (formats.md 1.4), when this check is
            // the one that decided it: the same certificate over the same bytes names the same publisher.
            dev.sbomgate.baseline.PublisherIdentity approvedIdentity = plan.approvedIdentity();
            Publisher publisher = approvedIdentity != null && approvedIdentity.pin().equals(recorded.signer())
                    ? approvedIdentity.publisher() : null;
            String shown = publisher == null ? "" : "; published by " + publisher.summary();
            return new SignatureCheck(check.kind(), SignatureStatus.VERIFIED, check.signer(), check.signingKey(),
                    check.issuer(), check.created(), check.algorithm(), check.signatureFile(), check.detail() + shown
                    + "; pinned as '" + pin.name() + "' (" + pin.identity().describe() + ")", check.signatureSha256(),
                    publisher);
        }
        PinnedKey pin = trust.find(recorded.signer()).orElse(null);
        if (pin != null && (pin.key().revoked() || pin.revokedAt(recorded.created()) != null)) {
            // Whether a revocation voids this signature depends on its reason and date (RFC 9580): the verifier decides.
            return null;
        }
        return judgeScope(component, check);
    }

    /** SHA-256 of an evidence file's bytes, or null when it cannot be read within the evidence file limit. */
    private static String sha256Of(Path file) {
        try {
            return SignatureCheck.sha256(dev.sbomgate.files.InputFiles.read(file, dev.sbomgate.files.Limits.EVIDENCE_FILE));
        } catch (java.io.IOException | RuntimeException e) {
            return null; // gone, unreadable or too large: it cannot be the file that verified
        }
    }

    /** The kind of result an evidence file beside the artifact gives, by its name; null for none recorded. */
    private static EvidenceKind kindOf(String name) {
        if (name.endsWith(".sigstore.json")) {
            return EvidenceKind.SIGSTORE;
        }
        if (name.endsWith(".provenance")) {
            return EvidenceKind.PYPI_ATTESTATION;
        }
        if (name.endsWith(".asc")) {
            return EvidenceKind.OPENPGP;
        }
        if (name.endsWith(".sig")) {
            return EvidenceKind.KEYPAIR;
        }
        return null;
    }

    /** The verifier for a detached signature file, by the suffixes {@link ArtifactLocator#SIGNATURE_SUFFIXES} finds. */
    private SignatureVerifier verifierFor(Path signatureFile) {
        String name = signatureFile.getFileName().toString();
        if (name.endsWith(".asc")) {
            return openPgp;
        }
        if (name.endsWith(".sig")) {
            return keyPair;
        }
        throw new IllegalArgumentException("no verifier for signature file " + signatureFile);
    }

    private static boolean isBundle(Path signatureFile) {
        return signatureFile.getFileName().toString().endsWith(".sigstore.json");
    }

    /** A PEP 740 provenance object beside a PyPI distribution (docs/evidence.md, {@code FILE.provenance}). */
    private static boolean isProvenance(Path signatureFile) {
        return signatureFile.getFileName().toString().endsWith(".provenance");
    }

    /**
     * A verified keyless bundle (a {@code .sigstore.json}, or a PEP 740 provenance's attestations) counts only if an identity pin matches its certificate identity and issuer, covers this
     * purl, and its window holds the signing time; the check then names the pin as signer (so that the baseline records,
     * and SIGNER_CHANGED compares, which pin vouched, not the per-release certificate identity). A bundle signed with
     * a plain key is judged as any key-pair signature; a failed one as it failed. A pin's claim matchers (repository,
     * workflow, ref, trigger, runner, environment: the one matcher of docs/formats.md 2.4 for every Sigstore-based
     * kind) must all match the publisher identity the bundle proved; the verified check names that identity.
     *
     * @param publisher the identity the certificate (and, for PEP 740, the Trusted Publisher it confirmed) names
     */
    private SignatureCheck judgeBundle(Component component, BundleVerification bundle, Publisher publisher) {
        SignatureCheck check = bundle.check();
        CertificateIdentity identity = bundle.identity();
        if (check.status() != SignatureStatus.VERIFIED || identity == null) {
            return judgeScope(component, check);
        }
        String who = identity.summary() + (identity.ciDetails().isEmpty() ? "" : " [" + identity.ciDetails() + "]");
        List<PinnedKey> bySubject = trust.identityPinsMatching(identity.issuer(), identity.subject());
        List<PinnedKey> matching = bySubject.stream().filter(p -> ClaimMatch.matches(p, publisher)).toList();
        if (matching.isEmpty()) {
            String claims = bySubject.isEmpty() ? "" : "; identity pin '" + bySubject.get(0).name() + "' matches the"
                    + " certificate identity but not its claims (" + String.join("; ", publisher == null
                    ? List.of("no publisher identity") : bySubject.get(0).identity().claims().mismatches(publisher)) + ")";
            return new SignatureCheck(check.kind(), SignatureStatus.UNKNOWN_KEY, null, null, identity.summary(),
                    check.created(), check.algorithm(), check.signatureFile(), "no identity pin of the trust store matches"
                    + " the certificate identity of this bundle" + claims + "; " + check.detail(), check.signatureSha256());
        }
        List<PinnedKey> covering = component.purl() == null ? List.of()
                : matching.stream().filter(k -> k.covers(component.purl())).toList();
        if (covering.isEmpty()) {
            PinnedKey pin = matching.get(0);
            return new SignatureCheck(check.kind(), SignatureStatus.NOT_PINNED_FOR_PURL, pin.fingerprint(),
                    pin.fingerprint(), identity.summary(), check.created(), check.algorithm(), check.signatureFile(),
                    "signed by " + who + ", which matches identity pin '" + pin.name() + "' (" + pin.fingerprint()
                            + "), pinned for " + pin.scopes() + ", not for " + component.label(), check.signatureSha256());
        }
        Instant signedAt = check.created();
        PinnedKey pin = covering.stream().filter(k -> k.isValidAt(signedAt)).findFirst().orElse(null);
        if (pin == null) {
            PinnedKey outside = covering.get(0);
            return new SignatureCheck(check.kind(), SignatureStatus.OUTSIDE_PIN_WINDOW, outside.fingerprint(),
                    outside.fingerprint(), identity.summary(), signedAt, check.algorithm(), check.signatureFile(),
                    "signed by " + who + " at " + signedAt + ", outside the window " + outside.window()
                            + " of identity pin '" + outside.name() + "'", check.signatureSha256());
        }
        String revoked = pin.revokedAt(signedAt);
        return new SignatureCheck(check.kind(), revoked == null ? SignatureStatus.VERIFIED : SignatureStatus.KEY_REVOKED,
                pin.fingerprint(), pin.fingerprint(), identity.summary(), signedAt, check.algorithm(), check.signatureFile(),
                (revoked == null ? check.detail() : "signed by " + who + " at " + signedAt + "; " + revoked)
                        + "; pinned as '" + pin.name() + "' (" + pin.identity().describe() + ")",
                check.signatureSha256(), publisher);
    }

    /**
     * Whether the trust store ignores the key that made this signature (trust.json v2 {@code ignoredKeys}, Gradle's
     * {@code <ignored-key>}): the signature is then treated as absent, so the rules judge the artifact as unsigned.
     * Only a signature whose key is not pinned can be one (a key both pinned and ignored is refused when loading).
     */
    private boolean byIgnoredKey(SignatureCheck check) {
        return check.kind() == dev.sbomgate.signature.SignatureKind.OPENPGP && check.status() == SignatureStatus.UNKNOWN_KEY
                && trust.ignoredKeyFor(check.issuer()).isPresent();
    }

    /** A valid signature counts only if its key is pinned for this purl, and was made inside the pin's window. */
    private SignatureCheck judgeScope(Component component, SignatureCheck check) {
        if (check.status() != SignatureStatus.VERIFIED) {
            return check;
        }
        Optional<PinnedKey> pin = trust.find(check.signer());
        if (pin.isEmpty()) {
            return check.withStatus(SignatureStatus.UNKNOWN_KEY, "signed by " + check.signer() + ", which the trust store does not pin");
        }
        PinnedKey key = pin.get();
        if (component.purl() == null || !key.covers(component.purl())) {
            return check.withStatus(SignatureStatus.NOT_PINNED_FOR_PURL, "signed by '" + key.name() + "' (" + key.fingerprint()
                    + "), which is pinned for " + key.scopes() + ", not for " + component.label());
        }
        Instant signedAt = check.created() != null ? check.created() : now;
        if (!key.isValidAt(signedAt)) {
            return check.withStatus(SignatureStatus.OUTSIDE_PIN_WINDOW, "signed by '" + key.name() + "' at " + signedAt
                    + ", outside its pin's window " + key.window());
        }
        // docs/formats.md 2.2: a local revocation; compromised voids every signature, approved artifacts' too.
        String revoked = key.revokedAt(check.created());
        if (revoked != null) {
            return check.withStatus(SignatureStatus.KEY_REVOKED, "signed by '" + key.name() + "' ("
                    + key.fingerprint() + ") at " + (check.created() == null ? "an unknown time" : check.created())
                    + "; " + revoked);
        }
        return check;
    }
}
