package dev.sbomgate.signature.jca;

import dev.sbomgate.model.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The OpenSSL-made fixtures of src/test/resources/signature/jca (see make-fixtures.sh there). */
public final class JcaFixtures {

    private JcaFixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(JcaFixtures.class.getResource("/signature/jca/artifact.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String name) {
        Path path = dir().resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing fixture " + path + "; run make-fixtures.sh");
        }
        return path;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fingerprints.txt: the SHA-256 OpenSSL computed over each key's DER SubjectPublicKeyInfo. */
    public static Map<String, Fingerprint> expectedFingerprints() {
        Map<String, Fingerprint> out = new TreeMap<>();
        for (String line : new String(bytes("fingerprints.txt"), StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split(" ");
                out.put(parts[0], new Fingerprint(parts[1]));
            }
        }
        return out;
    }

    public static Fingerprint expectedFingerprint(String keyFile) {
        Fingerprint fingerprint = expectedFingerprints().get(keyFile);
        if (fingerprint == null) {
            throw new IllegalStateException("no expected fingerprint for " + keyFile);
        }
        return fingerprint;
    }
}
