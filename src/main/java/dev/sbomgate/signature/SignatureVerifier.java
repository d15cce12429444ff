package dev.sbomgate.signature;

import java.nio.file.Path;

/**
 * Checks one detached signature file over one artifact. Implementations never throw for bad signature
 * data (that is a {@link SignatureStatus}); only an unreadable artifact throws {@link java.io.UncheckedIOException}.
 */
public interface SignatureVerifier {

    /**
     * The version of the verifiers' accept/refuse semantics, recorded in a baseline's {@code evidence.verifier}
     * (docs/formats.md §1.2): bump it whenever any verifier accepts or refuses differently, so that a result recorded
     * under other rules is never reused (issue 17).
     */
    int RULES_VERSION = 1;

    SignatureCheck verify(Path artifact, Path signatureFile);

    /**
     * Checks the signature over {@code artifactBytes}, the artifact already read into memory (so that the bytes
     * hashed, inspected and signature-checked are provably the same); {@code artifact} only names it. The caller
     * must not change the array during the call.
     */
    SignatureCheck verify(byte[] artifactBytes, Path artifact, Path signatureFile);
}
