package dev.sbomgate.trust;

import dev.sbomgate.model.Fingerprint;
import dev.sbomgate.signature.jca.JcaFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds trust directories for tests from the committed key fixtures. */
final class TrustFixtures {

    private TrustFixtures() {
    }

    /** A key fixture of signature/jca (PEM keys and certificates) or trust/ (OpenPGP keys). */
    static byte[] key(String name) {
        if (name.startsWith("openpgp-")) {
            try {
                Path path = Path.of(TrustFixtures.class.getResource("/trust/" + name).toURI());
                return Files.readAllBytes(path);
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return JcaFixtures.bytes(name);
    }

    static Fingerprint fingerprint(String name) {
        if (name.startsWith("openpgp-")) {
            try {
                Path path = Path.of(TrustFixtures.class.getResource("/trust/fingerprints.txt").toURI());
                for (String line : Files.readAllLines(path)) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals(name)) {
                        return new Fingerprint(parts[1]);
                    }
                }
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("no fingerprint for " + name);
        }
        return JcaFixtures.expectedFingerprint(name);
    }

    /** One index entry, hand-written JSON as a user might write it. */
    static String entry(String name, String type, String fingerprint, String file, String... scopes) {
        List<String> quoted = new ArrayList<>();
        for (String scope : scopes) {
            quoted.add("\"" + scope + "\"");
        }
        return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"fingerprint\": \"" + fingerprint
                + "\", \"file\": \"" + file + "\", \"scopes\": [" + String.join(", ", quoted) + "]}";
    }

    static String index(String... entries) {
        return "{\"version\": 1, \"keys\": [" + String.join(",\n", entries) + "]}";
    }

    static Path write(Path dir, String relative, byte[] bytes) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeIndex(Path dir, String json) {
        return write(dir, "trust.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
