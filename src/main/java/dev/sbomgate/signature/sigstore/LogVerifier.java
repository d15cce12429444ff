package dev.sbomgate.signature.sigstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies that a bundle's entry is in a transparency log of the trusted root: the inclusion promise (signed entry
 * timestamp), the RFC 6962 inclusion proof, and the checkpoint that commits to the proof's root. Each step fails with
 * its own message. What the entry says about the artifact is checked elsewhere ({@link EntryBinding}).
 */
final class LogVerifier {

    private LogVerifier() {
    }

    /**
     * What a verified entry contributes.
     *
     * @param log            the log it is in
     * @param integratedTime the integrated time the log signed (its SET verified), or null when the entry has none
     */
    record Verified(TrustedRoot.LogKey log, Instant integratedTime) {
    }

    /**
     * Verifies the entry against the root. {@code otherTimes} are signing times verified by timestamp authorities:
     * when the entry carries no signed integrated time (Rekor v2), the log's key must have been valid at those.
     */
    static Verified verify(LogEntry entry, TrustedRoot root, List<Instant> otherTimes, int bundleVersion) {
        List<TrustedRoot.LogKey> logs = root.transparencyLogs().stream().filter(l -> l.hasId(entry.logId())).toList();
        if (logs.isEmpty()) {
            throw Failure.bad("the entry is in transparency log " + Base64.getEncoder().encodeToString(entry.logId())
                    + ", which the trusted root does not list: the bundle comes from another Sigstore instance, or the"
                    + " trusted root is out of date");
        }
        Instant integrated = null;
        if (entry.signedEntryTimestamp() != null) {
            if (entry.integratedTime() == 0) {
                throw Failure.bad("the entry has an inclusion promise but no integrated time to promise");
            }
            integrated = Instant.ofEpochSecond(entry.integratedTime());
            TrustedRoot.LogKey log = validAt(logs, List.of(integrated));
            verifyPromise(entry, log);
        }
        List<Instant> times = integrated != null ? List.of(integrated) : otherTimes;
        TrustedRoot.LogKey log = validAt(logs, times);
        if (entry.proof() != null) {
            // A v0.1 bundle's trust rests on the inclusion promise; its proof may predate checkpoints, and is then
            // checked for consistency only. From v0.2 on, the checkpoint is what makes the proof count.
            verifyProof(entry, log, bundleVersion >= 2 || integrated == null);
        }
        return new Verified(log, integrated);
    }

    /** The first log with this id whose validity covers every time (all of them when no time is known yet). */
    private static TrustedRoot.LogKey validAt(List<TrustedRoot.LogKey> logs, List<Instant> times) {
        for (TrustedRoot.LogKey log : logs) {
            if (times.stream().allMatch(t -> log.validFor().contains(t))) {
                return log;
            }
        }
        TrustedRoot.LogKey log = logs.get(0);
        throw Failure.bad("transparency log " + log.baseUrl() + " is trusted for " + log.validFor() + ", but the entry"
                + " was made at " + times + "; the trusted root does not vouch for the log at that time");
    }

    /**
     * The signed entry timestamp is the log's signature over the canonical JSON (RFC 8785: sorted keys, no white
     * space) of {@code body} (base64), {@code integratedTime}, {@code logID} (hex) and {@code logIndex}, as Rekor v1
     * signs it (rekor pkg/api, {@code SignedEntryTimestamp}).
     */
    private static void verifyPromise(LogEntry entry, TrustedRoot.LogKey log) {
        String payload = "{\"body\":\"" + Base64.getEncoder().encodeToString(entry.body()) + "\""
                + ",\"integratedTime\":" + entry.integratedTime()
                + ",\"logID\":\"" + HexFormat.of().formatHex(entry.logId()) + "\""
                + ",\"logIndex\":" + entry.logIndex() + "}";
        if (!log.key().verify(payload.getBytes(StandardCharsets.UTF_8), entry.signedEntryTimestamp())) {
            throw Failure.bad("the entry's inclusion promise (signed entry timestamp) does not verify with the key of "
                    + log.baseUrl() + ": its integrated time, index or body was altered");
        }
    }

    private static void verifyProof(LogEntry entry, TrustedRoot.LogKey log, boolean checkpointRequired) {
        LogEntry.InclusionProof proof = entry.proof();
        byte[] root = Merkle.rootFromInclusionProof(Merkle.leafHash(entry.body()), proof.logIndex(), proof.treeSize(),
                proof.hashes());
        if (root == null || !MessageDigest.isEqual(root, proof.rootHash())) {
            throw Failure.bad("the entry's inclusion proof (RFC 6962 audit path of " + proof.hashes().size()
                    + " hashes for index " + proof.logIndex() + " of " + proof.treeSize() + ") does not lead to its root"
                    + " hash: the entry or the proof was altered");
        }
        if (proof.checkpoint() == null && !checkpointRequired) {
            return;
        }
        if (proof.checkpoint() == null) {
            throw Failure.bad("the entry's inclusion proof has no signed checkpoint: nothing signed by the log commits"
                    + " to its root hash");
        }
        Checkpoint checkpoint = Checkpoint.parse(proof.checkpoint());
        if (!checkpoint.isSignedBy(log)) {
            throw Failure.bad("the inclusion proof's checkpoint carries no valid signature by " + log.host()
                    + " (its name and key hint " + HexFormat.of().formatHex(log.logId(), 0, 4) + "): it was not signed by"
                    + " the log");
        }
        if (checkpoint.treeSize() != proof.treeSize() || !MessageDigest.isEqual(checkpoint.rootHash(), proof.rootHash())) {
            throw Failure.bad("the inclusion proof's checkpoint commits to tree size " + checkpoint.treeSize()
                    + " and root " + Base64.getEncoder().encodeToString(checkpoint.rootHash()) + ", not to the proof's"
                    + " size " + proof.treeSize() + " and root " + Base64.getEncoder().encodeToString(proof.rootHash()));
        }
    }
}
