package dev.sbomgate.signature.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.model.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a log entry's body names exactly what the bundle verified: this artifact (its digest, or the DSSE
 * payload), this signature, and this certificate or key. Without this binding a valid log entry for any other
 * signature could be attached to a forged one (cosign advisory GHSA-8gw7-4j42-w388). Entry types: hashedrekord 0.0.1
 * and 0.0.2 (Rekor v2, also over DSSE: the digest of the envelope's PAE), dsse 0.0.1, intoto 0.0.2.
 */
final class EntryBinding {

    private static final Map<String, HashAlgorithm> V1_DIGESTS = Map.of(
            "sha256", HashAlgorithm.SHA_256, "sha384", HashAlgorithm.SHA_384, "sha512", HashAlgorithm.SHA_512);
    private static final Map<String, HashAlgorithm> V2_DIGESTS = Map.of(
            "SHA2_256", HashAlgorithm.SHA_256, "SHA2_384", HashAlgorithm.SHA_384, "SHA2_512", HashAlgorithm.SHA_512);
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----\\s*");

    private EntryBinding() {
    }

    /**
     * Who signed, as the rest of the verification established it: the leaf certificate's DER bytes, or the pinned
     * key's fingerprint (SHA-256 of its SubjectPublicKeyInfo).
     */
    record Signer(byte[] certificate, Fingerprint key) {
        Signer {
            certificate = certificate == null ? null : certificate.clone();
            if ((certificate == null) == (key == null)) {
                throw new IllegalArgumentException("a signer is a certificate or a key");
            }
        }

        /** Whether DER bytes from the entry, labelled certificate or public key, are this signer. */
        boolean is(byte[] der, boolean isCertificate) {
            if (certificate != null) {
                return isCertificate && MessageDigest.isEqual(certificate, der);
            }
            return !isCertificate && key.equals(Fingerprint.of(VerificationKey.sha256(der)));
        }

        String describe() {
            return certificate != null ? "the bundle's signing certificate" : "pinned key " + key;
        }
    }

    /** Fails with {@link Failure#bad} unless the entry names this artifact, this signature and this signer. */
    static void check(LogEntry entry, Bundle bundle, Signer signer, ArtifactDigests artifact) {
        JsonNode body;
        try {
            body = Json.parse(entry.body(), "the log entry body");
        } catch (Failure e) {
            throw Failure.bad(e.getMessage());
        }
        String kind = text(body, "kind");
        String apiVersion = text(body, "apiVersion");
        if (!kind.equals(entry.kind()) || !apiVersion.equals(entry.kindVersion())) {
            throw Failure.bad("the log entry body is a " + Json.shown(kind) + " " + Json.shown(apiVersion) + " entry, but"
                    + " the bundle says " + Json.shown(entry.kind()) + " " + Json.shown(entry.kindVersion()));
        }
        JsonNode spec = object(body, "spec");
        String type = kind + " " + apiVersion;
        switch (type) {
            case "hashedrekord 0.0.1":
                hashedRekordV1(spec, bundle, signer, artifact);
                break;
            case "hashedrekord 0.0.2":
                hashedRekordV2(object(spec, "hashedRekordV002"), bundle, signer, artifact);
                break;
            case "dsse 0.0.1":
                dsseV1(spec, bundle, signer);
                break;
            case "intoto 0.0.2":
                intotoV2(object(spec, "content"), bundle, signer);
                break;
            default:
                throw Failure.bad("the log entry is of type " + Json.shown(type) + ", which this sbomgate cannot match"
                        + " against a bundle (hashedrekord 0.0.1/0.0.2, dsse 0.0.1, intoto 0.0.2)");
        }
    }

    private static void hashedRekordV1(JsonNode spec, Bundle bundle, Signer signer, ArtifactDigests artifact) {
        if (bundle.message() == null) {
            throw Failure.bad("the log entry is a hashedrekord, but the bundle holds a DSSE envelope");
        }
        JsonNode hash = object(object(spec, "data"), "hash");
        HashAlgorithm algorithm = V1_DIGESTS.get(text(hash, "algorithm"));
        if (algorithm == null) {
            throw Failure.bad("the log entry names a digest of unknown algorithm '" + Json.shown(text(hash, "algorithm")) + "'");
        }
        byte[] logged = hex(text(hash, "value"));
        checkArtifact(logged, algorithm, artifact);
        JsonNode signature = object(spec, "signature");
        checkSignature(base64(signature, "content"), bundle);
        Pem pem = pem(base64(object(signature, "publicKey"), "content"));
        checkSigner(pem.der, pem.label.equals("CERTIFICATE"), signer);
    }

    private static void hashedRekordV2(JsonNode spec, Bundle bundle, Signer signer, ArtifactDigests artifact) {
        JsonNode data = object(spec, "data");
        HashAlgorithm algorithm = V2_DIGESTS.get(text(data, "algorithm"));
        if (algorithm == null) {
            throw Failure.bad("the log entry names a digest of unknown algorithm '" + Json.shown(text(data, "algorithm")) + "'");
        }
        byte[] logged = base64(data, "digest");
        if (bundle.message() != null) {
            checkArtifact(logged, algorithm, artifact);
        } else {
            // Rekor v2 logs a DSSE envelope as a hashedrekord over the digest of its PAE (rekor-tiles, CLIENTS.md).
            Bundle.Envelope envelope = bundle.envelope();
            byte[] pae = hash(algorithm, Dsse.pae(envelope.payloadType(), envelope.payload()));
            if (!MessageDigest.isEqual(logged, pae)) {
                throw Failure.bad("the log entry names a DSSE envelope digest " + HexFormat.of().formatHex(logged)
                        + ", but this envelope's is " + HexFormat.of().formatHex(pae) + ": it logs another envelope");
            }
        }
        JsonNode signature = object(spec, "signature");
        checkSignature(base64(signature, "content"), bundle);
        JsonNode verifier = object(signature, "verifier");
        JsonNode certificate = verifier.get("x509Certificate");
        if (certificate != null) {
            checkSigner(base64(object(verifier, "x509Certificate"), "rawBytes"), true, signer);
        } else {
            checkSigner(base64(object(verifier, "publicKey"), "rawBytes"), false, signer);
        }
    }

    private static void dsseV1(JsonNode spec, Bundle bundle, Signer signer) {
        Bundle.Envelope envelope = envelope(bundle);
        checkPayloadHash(object(spec, "payloadHash"), envelope);
        List<JsonNode> signatures = array(spec, "signatures");
        if (signatures.size() != 1) {
            throw Failure.bad("the log entry records " + signatures.size() + " envelope signatures; the bundle's envelope"
                    + " has one");
        }
        checkSignature(base64(signatures.get(0), "signature"), bundle);
        Pem pem = pem(base64(signatures.get(0), "verifier"));
        checkSigner(pem.der, pem.label.equals("CERTIFICATE"), signer);
    }

    /** intoto 0.0.2 double-encodes: the envelope's payload and sig are base64 of their base64 text (Rekor, types/intoto). */
    private static void intotoV2(JsonNode content, Bundle bundle, Signer signer) {
        Bundle.Envelope envelope = envelope(bundle);
        checkPayloadHash(object(content, "payloadHash"), envelope);
        JsonNode logged = object(content, "envelope");
        if (!envelope.payloadType().equals(text(logged, "payloadType"))) {
            throw Failure.bad("the log entry records payload type '" + Json.shown(text(logged, "payloadType"))
                    + "', not the envelope's '" + Json.shown(envelope.payloadType()) + "'");
        }
        if (logged.get("payload") != null) {
            byte[] payload = Json.decode(new String(base64(logged, "payload"), StandardCharsets.US_ASCII), "payload");
            if (!MessageDigest.isEqual(payload, envelope.payload())) {
                throw Failure.bad("the log entry records another DSSE payload than the bundle's");
            }
        }
        List<JsonNode> signatures = array(logged, "signatures");
        if (signatures.size() != 1) {
            throw Failure.bad("the log entry records " + signatures.size() + " envelope signatures; the bundle's envelope"
                    + " has one");
        }
        byte[] once = base64(signatures.get(0), "sig");
        byte[] sig = once;
        try {
            sig = Json.decode(new String(once, StandardCharsets.US_ASCII), "sig");
        } catch (Failure e) {
            // Not base64 text: an entry that encoded the signature once; compared as it is.
        }
        checkSignature(sig, bundle);
        Pem pem = pem(base64(signatures.get(0), "publicKey"));
        checkSigner(pem.der, pem.label.equals("CERTIFICATE"), signer);
    }

    private static Bundle.Envelope envelope(Bundle bundle) {
        if (bundle.envelope() == null) {
            throw Failure.bad("the log entry records a DSSE envelope, but the bundle holds a message signature");
        }
        return bundle.envelope();
    }

    private static void checkPayloadHash(JsonNode payloadHash, Bundle.Envelope envelope) {
        HashAlgorithm algorithm = V1_DIGESTS.get(text(payloadHash, "algorithm"));
        if (algorithm == null) {
            throw Failure.bad("the log entry hashes the payload with unknown algorithm '"
                    + Json.shown(text(payloadHash, "algorithm")) + "'");
        }
        byte[] logged = hex(text(payloadHash, "value"));
        byte[] actual = hash(algorithm, envelope.payload());
        if (!MessageDigest.isEqual(logged, actual)) {
            throw Failure.bad("the log entry names payload digest " + HexFormat.of().formatHex(logged) + ", but the"
                    + " envelope's payload has " + HexFormat.of().formatHex(actual) + ": it logs another attestation");
        }
    }

    private static void checkArtifact(byte[] logged, HashAlgorithm algorithm, ArtifactDigests artifact) {
        byte[] actual = artifact.get(algorithm);
        if (!MessageDigest.isEqual(logged, actual)) {
            throw Failure.bad("the log entry names artifact " + algorithm.cycloneDxName() + " "
                    + HexFormat.of().formatHex(logged) + ", but this file's is " + HexFormat.of().formatHex(actual)
                    + ": the entry logs another artifact");
        }
    }

    private static void checkSignature(byte[] logged, Bundle bundle) {
        if (!MessageDigest.isEqual(logged, bundle.signature())) {
            throw Failure.bad("the log entry records another signature than the bundle's: the entry belongs to another"
                    + " signing");
        }
    }

    private static void checkSigner(byte[] der, boolean isCertificate, EntryBinding.Signer signer) {
        if (!signer.is(der, isCertificate)) {
            throw Failure.bad("the log entry records another " + (isCertificate ? "certificate" : "public key") + " than "
                    + signer.describe() + ": the entry belongs to another signer");
        }
    }

    /** One PEM block (RFC 7468): its label and DER bytes. */
    private record Pem(String label, byte[] der) {
    }

    private static Pem pem(byte[] text) {
        Matcher m = PEM.matcher(new String(text, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            throw Failure.bad("the log entry's verifier is not one PEM block");
        }
        if (!m.group(1).equals("CERTIFICATE") && !m.group(1).equals("PUBLIC KEY")) {
            throw Failure.bad("the log entry's verifier is a PEM " + m.group(1) + ", not a certificate or public key");
        }
        try {
            return new Pem(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw Failure.bad("the log entry's PEM verifier is not base64");
        }
    }

    private static JsonNode object(JsonNode parent, String field) {
        try {
            return Json.object(parent, field, "the log entry body", true);
        } catch (Failure e) {
            throw Failure.bad(e.getMessage());
        }
    }

    private static List<JsonNode> array(JsonNode parent, String field) {
        try {
            return Json.array(parent, field, "the log entry body", true, 16);
        } catch (Failure e) {
            throw Failure.bad(e.getMessage());
        }
    }

    private static String text(JsonNode parent, String field) {
        try {
            return Json.text(parent, field, "the log entry body", true);
        } catch (Failure e) {
            throw Failure.bad(e.getMessage());
        }
    }

    private static byte[] base64(JsonNode parent, String field) {
        try {
            return Json.base64(parent, field, "the log entry body", true);
        } catch (Failure e) {
            throw Failure.bad(e.getMessage());
        }
    }

    private static byte[] hex(String text) {
        try {
            if (text.length() % 2 != 0) {
                throw new IllegalArgumentException("odd length");
            }
            return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Failure.bad("the log entry names a digest that is not hex: '" + Json.shown(text) + "'");
        }
    }

    private static byte[] hash(HashAlgorithm algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm.jcaName()).digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm.jcaName(), e);
        }
    }
}
