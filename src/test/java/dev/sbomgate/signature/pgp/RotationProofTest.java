package dev.sbomgate.signature.pgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Fingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The certification check behind rotation proofs, on real keys: Rob Tompkins' Apache Commons key (B6E73D84...) carries
 * a real certification by Benedikt Ritter's (CD546431...), both from the shared corpus (README of
 * src/test/resources/signature/pgp/real). It is web-of-trust, not a rotation, but the packets are what a rotation
 * certification is: a third-party certification (type 0x10-0x13) over a user ID.
 */
class RotationProofTest {
    private static final Path KEYS = Path.of("src/test/resources/signature/pgp/real/keys");
    private static final Fingerprint RITTER = new Fingerprint("CD5464315F0B98C77E6E8ECD9DAADC1C9FCC82D0");
    private static final Fingerprint TOMPKINS = new Fingerprint("B6E73D84EA4FCC47166087253FAAD2CD5ECBB314");
    private static final Fingerprint JACKSON_2020 = new Fingerprint("8A10792983023D5D14C93B488D7F1BEC1E2ECAE7");
    private static final Fingerprint JACKSON_2022 = new Fingerprint("28118C070CB22A0175A2E8D43D12CA2AC19F3181");

    private static PgpKeys keys(Fingerprint... fingerprints) {
        return PgpKeys.read(java.util.Arrays.stream(fingerprints).map(f -> KEYS.resolve(f.hex() + ".asc")).toList());
    }

    @Test
    void aRealThirdPartyCertificationVerifies() {
        assertEquals(Optional.of(PgpKeys.RotationProof.CERTIFICATION), keys(RITTER, TOMPKINS).rotationProof(RITTER, TOMPKINS));
    }

    @Test
    void itIsDirected() {
        assertEquals(Optional.empty(), keys(RITTER, TOMPKINS).rotationProof(TOMPKINS, RITTER));
    }

    @Test
    void jacksonsRealRotationsCarryNoCertification() {
        assertEquals(Optional.empty(), keys(JACKSON_2020, JACKSON_2022).rotationProof(JACKSON_2020, JACKSON_2022));
    }

    @Test
    void aMissingKeyProvesNothing() {
        assertTrue(keys(TOMPKINS).rotationProof(RITTER, TOMPKINS).isEmpty());
    }
}
