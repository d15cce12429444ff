package dev.sbomgate.trust.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.PublicKeyInfo;
import dev.sbomgate.signature.SignatureKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDifferenceTest {
    static final Fingerprint KEY = new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181");
    static final Fingerprint SUB_A = new Fingerprint("9312FE3B4F032F7ACDBA293AF9B8DBCC8CECBDEB");
    static final Fingerprint SUB_B = new Fingerprint("137C94DA9A4FFA2751E65D96D6B3E5903F18F627");

    @Test
    void everyChangeIsOneLine() {
        PublicKeyInfo before = new PublicKeyInfo(SignatureKind.OPENPGP, KEY, "RSA-4096", List.of("Old <o@x>"),
                Instant.parse("2022-08-13T20:18:26Z"), Instant.parse("2027-08-12T20:18:26Z"), false, List.of(SUB_A));
        PublicKeyInfo after = new PublicKeyInfo(SignatureKind.OPENPGP, KEY, "RSA-4096", List.of("New <n@x>"),
                Instant.parse("2022-08-13T20:18:26Z"), Instant.parse("2030-08-12T20:18:26Z"), true, List.of(SUB_B));
        assertEquals(List.of("! revoked: the key now carries a revocation",
                "~ expires: 2027-08-12T20:18:26Z -> 2030-08-12T20:18:26Z", "+ user ID New <n@x>", "- user ID Old <o@x>",
                "+ signing subkey " + SUB_B, "- signing subkey " + SUB_A + " (revoked, expired or no longer bound)"),
                KeyDifference.between(before, after));
        assertEquals(List.of(), KeyDifference.between(before, before));
    }
}
