package dev.sbomgate.signature.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.model.HashAlgorithm;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigstore bundle ({@code protobuf-specs} {@code dev.sigstore.bundle.v1.Bundle}, media types
 * {@code application/vnd.dev.sigstore.bundle+json;version=0.1|0.2|0.3} and {@code …bundle.v0.3+json}), parsed and
 * checked for shape only: nothing here is verified yet.
 *
 * @param version      the minor version: 1, 2 or 3
 * @param leaf         the signing certificate, or null when a plain public key signed
 * @param chainExtras  certificates after the leaf in a v0.1/v0.2 {@code x509CertificateChain}
 * @param keyHint      the {@code publicKey.hint} of a key-signed bundle (unauthenticated; shown only), or null
 * @param entries      the transparency log entries, at least one
 * @param timestamps   DER RFC 3161 TimeStampResp values from {@code timestampVerificationData}
 * @param message      the message signature, or null for a DSSE envelope
 * @param envelope     the DSSE envelope, or null for a message signature
 */
record Bundle(int version, X509Certificate leaf, List<X509Certificate> chainExtras, String keyHint, List<LogEntry> entries,
              List<byte[]> timestamps, MessageSignature message, Envelope envelope) {

    /** A bundle larger than this is refused unread: DSSE attestations carrying SBOMs run to a few MiB. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final int MAX_ENTRIES = 8;
    private static final int MAX_TIMESTAMPS = 8;
    private static final int MAX_PROOF_HASHES = 64;

    private static final Map<String, Integer> MEDIA_TYPES = Map.of(
            "application/vnd.dev.sigstore.bundle+json;version=0.1", 1,
            "application/vnd.dev.sigstore.bundle+json;version=0.2", 2,
            "application/vnd.dev.sigstore.bundle+json;version=0.3", 3,
            "application/vnd.dev.sigstore.bundle.v0.3+json", 3);

    private static final Map<String, HashAlgorithm> DIGESTS = Map.of(
            "SHA2_256", HashAlgorithm.SHA_256,
            "SHA2_384", HashAlgorithm.SHA_384,
            "SHA2_512", HashAlgorithm.SHA_512);

    Bundle {
        chainExtras = List.copyOf(chainExtras);
        entries = List.copyOf(entries);
        timestamps = timestamps.stream().map(byte[]::clone).toList();
        if ((message == null) == (envelope == null)) {
            throw new IllegalArgumentException("a bundle holds a message signature or a DSSE envelope");
        }
    }

    /**
     * A message signature: a signature over the artifact's digest.
     *
     * @param digestAlgorithm the algorithm of {@code digest}, or null when the bundle gives no digest
     * @param digest          the artifact digest the bundle claims (a hint: it is compared, never trusted), or null
     * @param signature       the signature bytes
     */
    record MessageSignature(HashAlgorithm digestAlgorithm, byte[] digest, byte[] signature) {
        MessageSignature {
            digest = digest == null ? null : digest.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] digest() {
            return digest == null ? null : digest.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /**
     * A DSSE envelope (secure-systems-lab/dsse, envelope.md) with its one signature.
     *
     * @param payloadType the payload's media type
     * @param payload     the payload bytes
     * @param signature   the one signature's bytes
     */
    record Envelope(String payloadType, byte[] payload, byte[] signature) {
        Envelope {
            Objects.requireNonNull(payloadType, "payloadType");
            payload = payload.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** The signature that the log entry and the timestamps must cover: the message signature or the envelope's. */
    byte[] signature() {
        return message != null ? message.signature() : envelope.signature();
    }

    /** Parses bundle JSON; a {@link Failure#malformed} says what is wrong. */
    static Bundle parse(byte[] bytes) {
        JsonNode root = Json.parse(bytes, "the bundle");
        String mediaType = Json.text(root, "mediaType", "the bundle", true);
        Integer version = MEDIA_TYPES.get(mediaType);
        if (version == null) {
            throw Failure.malformed("bundle media type '" + Json.shown(mediaType) + "' is not a Sigstore bundle version"
                    + " this sbomgate verifies (v0.1, v0.2, v0.3)");
        }
        JsonNode material = Json.object(root, "verificationMaterial", "the bundle", true);
        X509Certificate leaf = null;
        List<X509Certificate> extras = new ArrayList<>();
        String keyHint = null;
        int kinds = 0;
        JsonNode certificate = Json.object(material, "certificate", "verificationMaterial", false);
        if (certificate != null) {
            kinds++;
            leaf = TrustedRoot.certificate(Json.base64(certificate, "rawBytes", "verificationMaterial.certificate", true),
                    "verificationMaterial.certificate");
        }
        JsonNode chain = Json.object(material, "x509CertificateChain", "verificationMaterial", false);
        if (chain != null) {
            kinds++;
            List<JsonNode> certs = Json.array(chain, "certificates", "verificationMaterial.x509CertificateChain", false, 8);
            if (certs.isEmpty()) {
                throw Failure.malformed("the bundle's certificate chain is empty: it names no signing certificate");
            }
            for (int i = 0; i < certs.size(); i++) {
                String where = "verificationMaterial.x509CertificateChain.certificates[" + i + "]";
                if (!certs.get(i).isObject()) {
                    throw Failure.malformed(where + " is not an object");
                }
                X509Certificate cert = TrustedRoot.certificate(Json.base64(certs.get(i), "rawBytes", where, true), where);
                if (i == 0) {
                    leaf = cert;
                } else {
                    extras.add(cert);
                }
            }
        }
        JsonNode publicKey = Json.object(material, "publicKey", "verificationMaterial", false);
        if (publicKey != null) {
            kinds++;
            keyHint = Json.text(publicKey, "hint", "verificationMaterial.publicKey", false);
            keyHint = keyHint == null ? "" : keyHint;
        }
        if (kinds != 1) {
            throw Failure.malformed("the bundle's verificationMaterial must hold exactly one of certificate,"
                    + " x509CertificateChain and publicKey; it holds " + kinds);
        }
        List<LogEntry> entries = new ArrayList<>();
        List<JsonNode> entryNodes = Json.array(material, "tlogEntries", "verificationMaterial", false, MAX_ENTRIES);
        for (int i = 0; i < entryNodes.size(); i++) {
            entries.add(entry(entryNodes.get(i), "tlogEntries[" + i + "]", version));
        }
        if (entries.isEmpty()) {
            throw Failure.malformed("the bundle has no transparency log entry; sbomgate accepts only logged signatures");
        }
        List<byte[]> timestamps = new ArrayList<>();
        JsonNode tsData = Json.object(material, "timestampVerificationData", "verificationMaterial", false);
        if (tsData != null) {
            List<JsonNode> nodes = Json.array(tsData, "rfc3161Timestamps", "timestampVerificationData", false, MAX_TIMESTAMPS);
            for (int i = 0; i < nodes.size(); i++) {
                String where = "timestampVerificationData.rfc3161Timestamps[" + i + "]";
                if (!nodes.get(i).isObject()) {
                    throw Failure.malformed(where + " is not an object");
                }
                timestamps.add(Json.base64(nodes.get(i), "signedTimestamp", where, true));
            }
        }
        JsonNode messageNode = Json.object(root, "messageSignature", "the bundle", false);
        JsonNode envelopeNode = Json.object(root, "dsseEnvelope", "the bundle", false);
        if ((messageNode == null) == (envelopeNode == null)) {
            throw Failure.malformed("the bundle must hold exactly one of messageSignature and dsseEnvelope");
        }
        MessageSignature message = messageNode == null ? null : message(messageNode);
        Envelope envelope = envelopeNode == null ? null : envelope(envelopeNode);
        return new Bundle(version, leaf, extras, keyHint, entries, timestamps, message, envelope);
    }

    private static MessageSignature message(JsonNode node) {
        HashAlgorithm algorithm = null;
        byte[] digest = null;
        JsonNode messageDigest = Json.object(node, "messageDigest", "messageSignature", false);
        if (messageDigest != null) {
            String name = Json.text(messageDigest, "algorithm", "messageSignature.messageDigest", true);
            algorithm = DIGESTS.get(name);
            if (algorithm == null) {
                throw Failure.malformed("messageSignature.messageDigest.algorithm '" + Json.shown(name)
                        + "' is not SHA2_256, SHA2_384 or SHA2_512");
            }
            digest = Json.base64(messageDigest, "digest", "messageSignature.messageDigest", true);
            if (digest.length * 2 != algorithm.hexLength()) {
                throw Failure.malformed("messageSignature.messageDigest.digest has " + digest.length + " bytes, not a "
                        + algorithm.cycloneDxName() + " digest");
            }
        }
        byte[] signature = Json.base64(node, "signature", "messageSignature", true);
        if (signature.length == 0) {
            throw Failure.malformed("messageSignature.signature is empty");
        }
        return new MessageSignature(algorithm, digest, signature);
    }

    private static Envelope envelope(JsonNode node) {
        String payloadType = Json.text(node, "payloadType", "dsseEnvelope", true);
        byte[] payload = Json.base64(node, "payload", "dsseEnvelope", true);
        List<JsonNode> signatures = Json.array(node, "signatures", "dsseEnvelope", true, 8);
        if (signatures.size() != 1) {
            throw Failure.malformed("the DSSE envelope has " + signatures.size() + " signatures; a Sigstore bundle's"
                    + " envelope carries exactly one");
        }
        if (!signatures.get(0).isObject()) {
            throw Failure.malformed("dsseEnvelope.signatures[0] is not an object");
        }
        byte[] sig = Json.base64(signatures.get(0), "sig", "dsseEnvelope.signatures[0]", true);
        if (sig.length == 0) {
            throw Failure.malformed("dsseEnvelope.signatures[0].sig is empty");
        }
        return new Envelope(payloadType, payload, sig);
    }

    private static LogEntry entry(JsonNode node, String where, int version) {
        if (!node.isObject()) {
            throw Failure.malformed(where + " is not an object");
        }
        long logIndex = Json.int64(node, "logIndex", where, true, 0);
        if (logIndex < 0) {
            throw Failure.malformed(where + ".logIndex is negative (" + logIndex + ")");
        }
        byte[] logId = Json.base64(Json.object(node, "logId", where, true), "keyId", where + ".logId", true);
        JsonNode kindVersion = Json.object(node, "kindVersion", where, true);
        String kind = Json.text(kindVersion, "kind", where + ".kindVersion", true);
        String kindVersionText = Json.text(kindVersion, "version", where + ".kindVersion", true);
        long integratedTime = Json.int64(node, "integratedTime", where, false, 0);
        if (integratedTime < 0) {
            throw Failure.malformed(where + ".integratedTime is negative (" + integratedTime + ")");
        }
        byte[] set = null;
        JsonNode promise = Json.object(node, "inclusionPromise", where, false);
        if (promise != null) {
            set = Json.base64(promise, "signedEntryTimestamp", where + ".inclusionPromise", true);
        }
        LogEntry.InclusionProof proof = null;
        JsonNode proofNode = Json.object(node, "inclusionProof", where, false);
        if (proofNode != null) {
            proof = proof(proofNode, where + ".inclusionProof");
        }
        byte[] body = Json.base64(node, "canonicalizedBody", where, true);
        if (body.length == 0) {
            throw Failure.malformed(where + ".canonicalizedBody is empty");
        }
        // protobuf-specs, sigstore_bundle.proto: a v0.1 bundle's entries carry an inclusion promise (SET); from v0.2 on
        // they must carry an inclusion proof.
        if (version == 1 && set == null) {
            throw Failure.malformed(where + " has no inclusion promise, which a v0.1 bundle requires");
        }
        if (version >= 2 && proof == null) {
            throw Failure.malformed(where + " has no inclusion proof, which a v0." + version + " bundle requires");
        }
        return new LogEntry(logIndex, logId, kind, kindVersionText, integratedTime, set, proof, body);
    }

    private static LogEntry.InclusionProof proof(JsonNode node, String where) {
        long index = Json.int64(node, "logIndex", where, true, 0);
        long size = Json.int64(node, "treeSize", where, true, 0);
        if (index < 0 || size <= index) {
            throw Failure.malformed(where + " has log index " + index + " outside a tree of size " + size);
        }
        byte[] root = Json.base64(node, "rootHash", where, true);
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : Json.array(node, "hashes", where, false, MAX_PROOF_HASHES)) {
            if (!hash.isTextual()) {
                throw Failure.malformed(where + ".hashes holds a non-string");
            }
            hashes.add(Json.decode(hash.textValue(), where + ".hashes"));
        }
        String checkpoint = null;
        JsonNode checkpointNode = Json.object(node, "checkpoint", where, false);
        if (checkpointNode != null) {
            checkpoint = Json.text(checkpointNode, "envelope", where + ".checkpoint", true);
        }
        return new LogEntry.InclusionProof(index, size, root, hashes, checkpoint);
    }
}
