package dev.sbomgate.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * A small project for CLI tests: a real Maven Central POM with its real signature in an artifacts folder, an SBOM
 * naming it with its SHA-256, and a trust store pinning its signer's real key (Jackson's release key).
 */
record SignedPomProject(Path artifacts, Path baseline, Path sbom) {
    static final Path REAL = Path.of("src/test/resources/signature/pgp/real");
    static final String KEY = "28118C070CB22A0175A2E8D43D12CA2AC19F3181";
    static final String POM = "jackson-annotations-2.21.pom";

    /** The output of one {@link Main#run}. */
    record Run(int code, String stdout, String stderr) {
    }

    static Run run(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                clock, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Lays the project out under {@code dir} and pins the key with {@code sbomgate trust add}. */
    static SignedPomProject create(Path dir, Clock clock) throws IOException, NoSuchAlgorithmException {
        Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
        Path baseline = dir.resolve(".sbomgate");
        for (String f : List.of(POM, POM + ".asc")) {
            Files.copy(REAL.resolve("artifacts").resolve(f), artifacts.resolve(f));
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(artifacts.resolve(POM))));
        Path sbom = dir.resolve("bom.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,
                 "metadata":{"timestamp":"2026-11-01T00:00:00Z","component":{"type":"application","name":"demo","version":"1","bom-ref":"demo"}},
                 "components":[{"type":"library","bom-ref":"jx","group":"com.fasterxml.jackson.core","name":"jackson-annotations",
                   "version":"2.21","purl":"pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom",
                   "hashes":[{"alg":"SHA-256","content":"%s"}]}],
                 "dependencies":[{"ref":"demo","dependsOn":["jx"]}]}
                """.formatted(sha256));
        Run pinned = run(clock, "trust", "add", REAL.resolve("keys/" + KEY + ".asc").toString(), "--trust",
                baseline.resolve("trust").toString(), "--name", "Jackson release key", "--scope",
                "pkg:maven/com.fasterxml.jackson.core/*");
        if (pinned.code() != 0) {
            throw new IllegalStateException("trust add failed: " + pinned.stderr());
        }
        return new SignedPomProject(artifacts, baseline, sbom);
    }
}
