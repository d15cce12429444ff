package dev.sbomgate.signature.sigstore;

import java.util.List;
import java.util.Objects;

/**
 * One transparency log entry of a bundle ({@code dev.sigstore.rekor.v1.TransparencyLogEntry}).
 *
 * @param logIndex             the entry's index in the log (the global index for sharded Rekor v1)
 * @param logId                the log's key id, naming the log in the trusted root
 * @param kind                 the entry type, e.g. {@code hashedrekord}
 * @param kindVersion          its version, e.g. {@code 0.0.1}
 * @param integratedTime       when the log says it integrated the entry (Unix seconds), 0 when absent (Rekor v2)
 * @param signedEntryTimestamp the inclusion promise (SET), or null
 * @param proof                the inclusion proof, or null
 * @param body                 the canonicalized entry body: the leaf the log hashed
 */
record LogEntry(long logIndex, byte[] logId, String kind, String kindVersion, long integratedTime,
                byte[] signedEntryTimestamp, InclusionProof proof, byte[] body) {

    LogEntry {
        logId = logId.clone();
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindVersion, "kindVersion");
        signedEntryTimestamp = signedEntryTimestamp == null ? null : signedEntryTimestamp.clone();
        body = body.clone();
    }

    @Override
    public byte[] logId() {
        return logId.clone();
    }

    @Override
    public byte[] signedEntryTimestamp() {
        return signedEntryTimestamp == null ? null : signedEntryTimestamp.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * An RFC 6962 inclusion proof with the log's signed checkpoint.
     *
     * @param logIndex   the leaf's index in this tree (the shard-local index for sharded Rekor v1)
     * @param treeSize   the tree size the proof is for
     * @param rootHash   the root hash it leads to
     * @param hashes     the audit path, leaf side first
     * @param checkpoint the signed note committing to size and root, or null when the bundle has none
     */
    record InclusionProof(long logIndex, long treeSize, byte[] rootHash, List<byte[]> hashes, String checkpoint) {
        InclusionProof {
            rootHash = rootHash.clone();
            hashes = hashes.stream().map(byte[]::clone).toList();
        }

        @Override
        public byte[] rootHash() {
            return rootHash.clone();
        }
    }
}
