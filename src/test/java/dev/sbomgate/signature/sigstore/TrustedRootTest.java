package dev.sbomgate.signature.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.model.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reading trusted_root.json: the public-good one, and the ways a broken one is refused with its reason. */
class TrustedRootTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode production() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(ConformanceTest.resources().resolve("trusted_root.production.json")));
    }

    @Test
    void thePublicGoodRootHoldsItsAuthoritiesAndLogs() throws IOException {
        TrustedRoot root = TrustedRoot.parse(JSON.writeValueAsBytes(production()), "root");
        assertEquals(2, root.certificateAuthorities().size());
        assertEquals(1, root.transparencyLogs().size());
        assertEquals("rekor.sigstore.dev", root.transparencyLogs().get(0).host());
        assertEquals(2, root.ctLogs().size());
        assertEquals(1, root.timestampAuthorities().size());
        assertTrue(root.describe().contains("transparency log https://rekor.sigstore.dev ECDSA-P256 valid 2021-01-12T11:53:27Z.."),
                root.describe().toString());
    }

    @Test
    void theFileDigestIsOfItsBytes() throws IOException {
        byte[] bytes = Files.readAllBytes(ConformanceTest.resources().resolve("trusted_root.production.json"));
        assertEquals(java.util.HexFormat.of().formatHex(VerificationKey.sha256(bytes)), TrustedRoot.parse(bytes, "r").sha256());
    }

    @Test
    void brokenRootsAreRefusedWithTheirReason() throws IOException {
        refused(r -> r.put("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=9.9"), "media type");
        refused(r -> ((ObjectNode) r.get("tlogs").get(0).get("publicKey").get("validFor")).remove("start"),
                "tlogs[0].publicKey.validFor has no 'start'");
        refused(r -> ((ObjectNode) r.get("tlogs").get(0).get("publicKey")).put("keyDetails", "PKIX_ECDSA_P384_SHA_384"),
                "labels its ECDSA-P256 key as PKIX_ECDSA_P384_SHA_384");
        refused(r -> ((ObjectNode) r.get("tlogs").get(0).get("publicKey")).put("rawBytes", "AAAA"),
                "tlogs[0].publicKey is not a DER public key");
        refused(r -> ((ObjectNode) r.get("certificateAuthorities").get(0).get("certChain").get("certificates").get(0))
                .put("rawBytes", "MIIB"), "is not a DER X.509 certificate");
        refused(r -> r.putArray("tlogs"), "names no transparency log");
        refused(r -> ((ObjectNode) r.get("ctlogs").get(0).get("publicKey").get("validFor"))
                .put("end", "2020-01-01T00:00:00Z"), "ends (2020-01-01T00:00:00Z) before it starts");
        BadInputException notJson = assertThrows(BadInputException.class,
                () -> TrustedRoot.parse("{\"mediaType\":".getBytes(StandardCharsets.UTF_8), "trusted_root.json"));
        assertTrue(notJson.getMessage().startsWith("trusted_root.json: not a usable Sigstore trusted root: trusted root is"
                + " not valid JSON"), notJson.getMessage());
        BadInputException tooLarge = assertThrows(BadInputException.class,
                () -> TrustedRoot.parse(new byte[TrustedRoot.MAX_BYTES + 1], "big.json"));
        assertTrue(tooLarge.getMessage().contains("too large"), tooLarge.getMessage());
    }

    private static void refused(Consumer<ObjectNode> breakIt, String reason) throws IOException {
        ObjectNode root = production();
        breakIt.accept(root);
        BadInputException e = assertThrows(BadInputException.class,
                () -> TrustedRoot.parse(JSON.writeValueAsBytes(root), "trusted_root.json"), reason);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
