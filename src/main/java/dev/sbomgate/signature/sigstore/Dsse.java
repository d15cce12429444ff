package dev.sbomgate.signature.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.model.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** DSSE envelopes (secure-systems-lab/dsse, protocol.md) carrying in-toto statements (in-toto attestation, Statement). */
final class Dsse {

    static final String IN_TOTO = "application/vnd.in-toto+json";
    private static final List<String> STATEMENT_TYPES = List.of("https://in-toto.io/Statement/v0.1",
            "https://in-toto.io/Statement/v1");
    /** in-toto digest set names (in-toto attestation, DigestSet) of the algorithms compared here. */
    private static final Map<String, HashAlgorithm> DIGEST_NAMES = Map.of(
            "sha256", HashAlgorithm.SHA_256,
            "sha384", HashAlgorithm.SHA_384,
            "sha512", HashAlgorithm.SHA_512);
    private static final int MAX_SUBJECTS = 4096;

    private Dsse() {
    }

    /** The pre-authentication encoding that DSSE signs: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}. */
    static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The digest algorithms a statement's subjects may name that can be compared with the artifact. */
    static List<HashAlgorithm> comparable() {
        return List.of(HashAlgorithm.SHA_256, HashAlgorithm.SHA_384, HashAlgorithm.SHA_512);
    }

    /**
     * Fails unless the envelope is an in-toto statement one of whose subjects is the artifact: a subject matches when
     * it names at least one digest among {@code artifact}'s algorithms and every such digest equals the artifact's.
     */
    static void checkSubject(Bundle.Envelope envelope, ArtifactDigests artifact) {
        if (!IN_TOTO.equals(envelope.payloadType())) {
            throw Failure.bad("the DSSE envelope carries '" + Json.shown(envelope.payloadType()) + "', not an in-toto"
                    + " statement naming the artifact");
        }
        JsonNode statement = Json.parse(envelope.payload(), "the DSSE payload");
        String type = Json.text(statement, "_type", "the in-toto statement", true);
        if (!STATEMENT_TYPES.contains(type)) {
            throw Failure.malformed("the in-toto statement has type '" + Json.shown(type) + "'");
        }
        List<JsonNode> subjects = Json.array(statement, "subject", "the in-toto statement", true, MAX_SUBJECTS);
        for (JsonNode subject : subjects) {
            JsonNode digests = subject.isObject() ? subject.get("digest") : null;
            if (digests == null || !digests.isObject()) {
                continue;
            }
            boolean compared = false;
            boolean equal = true;
            for (Map.Entry<String, HashAlgorithm> name : DIGEST_NAMES.entrySet()) {
                JsonNode value = digests.get(name.getKey());
                if (value == null) {
                    continue;
                }
                compared = true;
                String expected = HexFormat.of().formatHex(artifact.get(name.getValue()));
                equal &= value.isTextual() && value.textValue().toLowerCase(Locale.ROOT).equals(expected);
            }
            if (compared && equal) {
                return;
            }
        }
        throw Failure.bad("the attestation's " + subjects.size() + " subject(s) do not include this artifact (SHA-256 "
                + HexFormat.of().formatHex(artifact.get(HashAlgorithm.SHA_256)) + "): it attests to other files");
    }
}
