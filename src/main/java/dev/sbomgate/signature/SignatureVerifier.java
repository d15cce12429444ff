package dev.sbomgate.signature;

import java.nio.file.Path;

/**
 * Checks one detached signature file over one artifact. Implementations never throw for bad signature
 * data (that is a {@link SignatureStatus}); only an unreadable artifact throws {@link java.io.UncheckedIOException}.
 */
public interface SignatureVerifier {
    SignatureCheck verify(Path artifact, Path signatureFile);
}
