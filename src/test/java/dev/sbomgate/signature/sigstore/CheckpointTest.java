package dev.sbomgate.signature.sigstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.signature.SignatureStatus;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Signed-note checkpoints: the real one of the sigstore-java 1.3.0 POM's entry, and malformed variants of it. */
class CheckpointTest {

    private static String real() throws IOException {
        return new ObjectMapper().readTree(Files.readAllBytes(ConformanceTest.resources()
                        .resolve("maven/sigstore-java-1.3.0.pom.sigstore.json")))
                .at("/verificationMaterial/tlogEntries/0/inclusionProof/checkpoint/envelope").asText();
    }

    private static TrustedRoot.LogKey rekor() throws IOException {
        return SigstoreJavaReleasesTest.production().transparencyLogs().get(0);
    }

    @Test
    void theRealCheckpointIsSignedByRekor() throws IOException {
        Checkpoint checkpoint = Checkpoint.parse(real());
        assertEquals("rekor.sigstore.dev - 1193050959916656506", checkpoint.origin());
        assertEquals(52338318, checkpoint.treeSize());
        assertTrue(checkpoint.isSignedBy(rekor()));
    }

    @Test
    void anyChangeToTheSignedTextBreaksTheSignature() throws IOException {
        Checkpoint changed = Checkpoint.parse(real().replace("52338318", "52338319"));
        assertFalse(changed.isSignedBy(rekor()));
    }

    @Test
    void anUnknownWitnessLineIsIgnoredButDoesNotReplaceTheLogs() throws IOException {
        String witness = "\u2014 witness.example AAAAAAAAAAAAAAAA\n";
        assertTrue(Checkpoint.parse(real() + witness).isSignedBy(rekor()));
        String logLine = real().substring(real().indexOf("\u2014"));
        assertFalse(Checkpoint.parse(real().replace(logLine, witness)).isSignedBy(rekor()));
    }

    @Test
    void malformedCheckpointsAreRefused() {
        malformed("", "empty");
        malformed("origin\n1\nAAAA\n", "not a signed note");
        malformed("origin\n01\n" + "A".repeat(43) + "=\n\n\u2014 x AAAAAAAA\n", "no tree size");
        malformed("origin\n1\nAAAA\n\n\u2014 x AAAAAAAA\n", "no SHA-256 root hash");
        malformed("origin\n1\n" + "A".repeat(43) + "=\n\n- x AAAAAAAA\n", "malformed signature line");
        malformed("origin\n1\n" + "A".repeat(43) + "=\n\n\u2014 x AAAA\n", "too short");
        malformed("origin\n1\n" + "A".repeat(43) + "=\n\n", "carries no signature");
    }

    private static void malformed(String text, String reason) {
        Failure f = assertThrows(Failure.class, () -> Checkpoint.parse(text));
        assertEquals(SignatureStatus.BAD_SIGNATURE, f.status());
        assertTrue(f.getMessage().contains(reason), f.getMessage());
    }
}
