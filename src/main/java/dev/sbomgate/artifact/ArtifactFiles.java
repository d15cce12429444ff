package dev.sbomgate.artifact;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ArtifactLocator} found for one component.
 *
 * @param artifact        the artifact's real path (inside one of the roots), or null when no candidate exists
 * @param signatures      signature files beside the artifact, those that exist, in the order {@code <file>.asc},
 *                        {@code <file>.sig}, {@code <file>.sigstore.json}; real paths
 * @param candidatesTried the relative names looked for under every root, in lookup order, for the
 *                        "missing artifact" message; a {@code *} stands for "any tags" in wheel names
 * @param refused         files that exist but were not used, each with the reason (a symbolic link leading
 *                        outside the root, not a regular file); names from the SBOM that were unsafe to look
 *                        for at all are not echoed here
 */
public record ArtifactFiles(Path artifact, List<Path> signatures, List<String> candidatesTried, List<String> refused) {

    public ArtifactFiles {
        signatures = List.copyOf(signatures);
        candidatesTried = List.copyOf(candidatesTried);
        refused = List.copyOf(refused);
        if (artifact == null && !signatures.isEmpty()) {
            throw new IllegalArgumentException("signatures without an artifact");
        }
    }

    public ArtifactFiles(Path artifact, List<Path> signatures, List<String> candidatesTried) {
        this(artifact, signatures, candidatesTried, List.of());
    }

    public boolean found() {
        return artifact != null;
    }
}
