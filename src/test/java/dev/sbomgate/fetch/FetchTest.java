package dev.sbomgate.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.artifact.RegistryDigests;
import dev.sbomgate.cli.Main;
import dev.sbomgate.digest.IntegrityStatus;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.verify.Evidence;
import dev.sbomgate.verify.EvidenceCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sbomgate fetch} against loopback registries serving real recorded material: opentest4j 1.2.0 from Maven
 * Central with its real .asc and checksum files, and tiny-tarball 1.0.0 with its npm version document
 * (src/test/resources/fetch/*&#47;SOURCE.md).
 */
@Timeout(30)
class FetchTest {

    static final String DIR = "/maven2/org/opentest4j/opentest4j/1.2.0/";
    static final String JAR = "opentest4j-1.2.0.jar";
    static final String PURL = "pkg:maven/org.opentest4j/opentest4j@1.2.0";

    @TempDir
    Path tmp;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FetchTest.class.getResourceAsStream("/fetch/" + name)) {
            return in.readAllBytes();
        }
    }

    Path sbom(String... purls) throws IOException {
        StringBuilder components = new StringBuilder();
        for (String p : purls) {
            String name = p.replaceAll(".*/([^/@]+)@.*", "$1");
            components.append(components.length() == 0 ? "" : ",").append("{\"type\":\"library\",\"name\":\"")
                    .append(name).append("\",\"version\":\"1\",\"purl\":\"").append(p).append("\"}");
        }
        Path file = tmp.resolve("bom.json");
        Files.writeString(file, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":["
                + components + "]}");
        return file;
    }

    record Run(int exit, String out, String err) {
    }

    Run fetch(Path sbom, Path into, String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--sbom", sbom.toString(), "--into", into.toString(),
                "--local-repository", "none"));
        if (!List.of(extra).contains("--retries")) {
            args.addAll(List.of("--retries", "2"));
        }
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    LoopbackServer central() throws IOException {
        LoopbackServer s = new LoopbackServer();
        for (String suffix : List.of("", ".asc", ".sha1", ".sha256")) {
            s.serve(DIR + JAR + suffix, resource("maven/" + JAR + suffix));
        }
        return s;
    }

    static JsonNode logEntry(Path into, String path) throws IOException {
        JsonNode log = StrictJson.parse(Files.readAllBytes(into.resolve("fetch-log.json")), "log");
        for (JsonNode f : log.path("files")) {
            if (f.path("path").asText().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no log entry for " + path + " in " + log);
    }

    @Test
    void mavenArtifactSignatureAndChecksumsFetchedAndMissingOnesRecordedNotPublished() throws IOException {
        try (LoopbackServer s = central()) {
            Path into = tmp.resolve("ev");
            Run run = fetch(sbom(PURL), into, "--maven-repository", s.base() + "/maven2");
            assertEquals(0, run.exit(), run.err());
            String rel = "org/opentest4j/opentest4j/1.2.0/" + JAR;
            assertEquals(-1, Files.mismatch(into.resolve(rel), tmp.resolve("x").resolveSibling(into.resolve(rel))));
            assertTrue(Files.isRegularFile(into.resolve(rel + ".asc")));
            JsonNode jar = logEntry(into, rel);
            assertEquals("fetched", jar.path("outcome").asText());
            assertEquals("58812de60898d976fb81ef3b62da05c6604c18fd4a249f5044282479fc286af2", jar.path("sha256").asText());
            assertEquals(7653, jar.path("size").asLong());
            assertEquals(s.base() + DIR + JAR, jar.path("url").asText());
            assertEquals("not-published", logEntry(into, rel + ".sigstore.json").path("outcome").asText());
            assertEquals("not-published", logEntry(into, rel + ".sha512").path("outcome").asText());
            assertFalse(Files.exists(into.resolve(rel + ".sigstore.json")));
            assertTrue(Files.isRegularFile(into.resolve("release-times.json")));
            // the registry's SHA-256 file is read back as the declared digest
            assertEquals(HashAlgorithm.SHA_256, RegistryDigests.beside(into.resolve(rel)).get(0).algorithm());
        }
    }

    @Test
    void missingArtifactExitsOne() throws IOException {
        try (LoopbackServer s = new LoopbackServer()) {
            Run run = fetch(sbom(PURL), tmp.resolve("ev"), "--maven-repository", s.base() + "/maven2");
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("HTTP 404"), run.err());
        }
    }

    @Test
    void serverErrorIsRetriedAndNotFoundIsNot() throws IOException {
        try (LoopbackServer s = central()) {
            byte[] jar = resource("maven/" + JAR);
            s.route(DIR + JAR, (ex, call) -> LoopbackServer.send(ex, call == 1 ? 500 : 200, call == 1 ? new byte[0] : jar));
            Run run = fetch(sbom(PURL), tmp.resolve("ev"), "--maven-repository", s.base() + "/maven2");
            assertEquals(0, run.exit(), run.err());
            assertEquals(2, s.calls(DIR + JAR));
            assertEquals(1, s.calls(DIR + JAR + ".sigstore.json"), "a 404 is never retried");
        }
    }

    @Test
    @Timeout(20)
    void serverDrippingOneByteASecondHitsTheTimeLimit() throws IOException {
        try (LoopbackServer s = central()) {
            s.route(DIR + JAR, (ex, call) -> {
                ex.sendResponseHeaders(200, 100);
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            Run run = fetch(sbom(PURL), tmp.resolve("ev"), "--maven-repository", s.base() + "/maven2", "--timeout", "1",
                    "--retries", "1");
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("time limit"), run.err());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
            assertFalse(Files.exists(tmp.resolve("ev/org/opentest4j/opentest4j/1.2.0/" + JAR)), "no half-written file");
        }
    }

    @Test
    void truncatedBodyFails() throws IOException {
        try (LoopbackServer s = central()) {
            s.route(DIR + JAR, (ex, call) -> {
                ex.sendResponseHeaders(200, 7653);
                ex.getResponseBody().write(new byte[100]);
                ex.getResponseBody().flush();
                ex.getHttpContext().getServer(); // then the exchange is closed short
            });
            Run run = fetch(sbom(PURL), tmp.resolve("ev"), "--maven-repository", s.base() + "/maven2");
            assertEquals(1, run.exit());
            assertFalse(Files.exists(tmp.resolve("ev/org/opentest4j/opentest4j/1.2.0/" + JAR)));
        }
    }

    @Test
    void bodyOverItsCapIsRefused() throws IOException {
        try (LoopbackServer s = central()) {
            s.serve(DIR + JAR + ".sha512", new byte[FileKind.CHECKSUM.cap() + 1 > Integer.MAX_VALUE ? 0 : (int) FileKind.CHECKSUM.cap() + 1]);
            Path into = tmp.resolve("ev");
            Run run = fetch(sbom(PURL), into, "--maven-repository", s.base() + "/maven2");
            assertEquals(0, run.exit(), "a checksum file is optional");
            JsonNode e = logEntry(into, "org/opentest4j/opentest4j/1.2.0/" + JAR + ".sha512");
            assertEquals("failed", e.path("outcome").asText());
            assertTrue(e.path("reason").asText().contains("cap"), e.toString());
        }
    }

    @Test
    void redirectToPlainHttpElsewhereIsRefused() throws IOException {
        try (LoopbackServer s = central()) {
            s.route(DIR + JAR, (ex, call) -> {
                ex.getResponseHeaders().add("Location", "http://example.invalid/evil.jar");
                ex.sendResponseHeaders(302, -1);
            });
            Run run = fetch(sbom(PURL), tmp.resolve("ev"), "--maven-repository", s.base() + "/maven2");
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("only HTTPS"), run.err());
        }
    }

    @Test
    void credentialsDoNotFollowARedirectToAnotherHost() throws IOException {
        try (LoopbackServer a = new LoopbackServer(); LoopbackServer b = new LoopbackServer();
             Transport t = new Transport(null, Duration.ofSeconds(5), false, 1, Duration.ZERO)) {
            b.serve("/file", "bytes".getBytes(StandardCharsets.UTF_8));
            a.route("/file", (ex, call) -> {
                ex.getResponseHeaders().add("Location", "http://localhost:" + b.port() + "/file");
                ex.sendResponseHeaders(302, -1);
            });
            Transport.Result r = t.download(URI.create(a.base() + "/file"), tmp.resolve("out/file"), 100, false,
                    new Transport.Credential("127.0.0.1", "Bearer secret-token"));
            assertEquals(Outcome.FETCHED, r.outcome());
            assertEquals("Bearer secret-token", a.authorization.get("/file"));
            assertEquals("(none)", b.authorization.get("/file"));
            assertFalse(new Transport.Credential("h", "Bearer secret-token").toString().contains("secret"));
        }
    }

    @Test
    void namesWithDotDotAreRefusedAndNothingIsWrittenOutside() throws IOException {
        try (LoopbackServer s = central()) {
            Path into = tmp.resolve("ev");
            Run run = fetch(sbom("pkg:maven/org.opentest4j/opentest4j@..%2F..%2F..%2Fescape"), into,
                    "--maven-repository", s.base() + "/maven2");
            assertEquals(1, run.exit());
            assertTrue(run.err().contains("unsafe"), run.err());
            try (var walk = Files.walk(tmp)) {
                assertTrue(walk.noneMatch(p -> p.getFileName().toString().startsWith("opentest4j-")), "nothing written");
            }
        }
    }

    @Test
    void swappedBytesAreFetchedButTheRegistryDigestMakesThemAMismatch() throws IOException {
        try (LoopbackServer s = central()) {
            byte[] other = resource("maven/" + JAR).clone();
            other[other.length / 2] ^= 1;
            s.serve(DIR + JAR, other);
            Path into = tmp.resolve("ev");
            Path bom = sbom(PURL);
            assertEquals(0, fetch(bom, into, "--maven-repository", s.base() + "/maven2").exit());
            List<Evidence> evidence = new EvidenceCollector(new ArtifactLocator(List.of(into)), TrustStore.empty(),
                    Instant.EPOCH, 1).collect(SbomReader.read(bom).components());
            assertEquals(IntegrityStatus.MISMATCH, evidence.get(0).integrity(), evidence.get(0).toString());
        }
    }

    @Test
    void npmVersionDocumentTarballAndAbsentAttestations() throws IOException {
        try (LoopbackServer s = new LoopbackServer()) {
            String doc = new String(resource("npm/version.json"), StandardCharsets.UTF_8)
                    .replace("https://registry.npmjs.org", s.base());
            s.serve("/tiny-tarball/1.0.0", doc.getBytes(StandardCharsets.UTF_8));
            s.serve("/tiny-tarball/-/tiny-tarball-1.0.0.tgz", resource("npm/tiny-tarball-1.0.0.tgz"));
            Path into = tmp.resolve("ev");
            Path bom = sbom("pkg:npm/tiny-tarball@1.0.0");
            Run run = fetch(bom, into, "--npm-registry", s.base());
            assertEquals(0, run.exit(), run.err());
            Path tgz = into.resolve("npm/tiny-tarball/1.0.0/tiny-tarball-1.0.0.tgz");
            assertEquals(-1, Files.mismatch(tgz, Path.of("src/test/resources/fetch/npm/tiny-tarball-1.0.0.tgz")));
            assertEquals(doc, Files.readString(into.resolve("npm/tiny-tarball/1.0.0/version.json")), "kept as fetched");
            assertEquals("not-published", logEntry(into, "npm/tiny-tarball/1.0.0/attestations.json").path("outcome").asText());
            assertEquals(HashAlgorithm.SHA_512, RegistryDigests.beside(tgz).get(0).algorithm());
            List<Evidence> evidence = new EvidenceCollector(new ArtifactLocator(List.of(into)), TrustStore.empty(),
                    Instant.EPOCH, 1).collect(SbomReader.read(bom).components());
            assertEquals(IntegrityStatus.PROVEN, evidence.get(0).integrity(), evidence.get(0).toString());
        }
    }

    @Test
    void reRunSkipsFilesWhoseBytesMatchTheLog() throws IOException {
        try (LoopbackServer s = central()) {
            Path into = tmp.resolve("ev");
            Path bom = sbom(PURL);
            assertEquals(0, fetch(bom, into, "--maven-repository", s.base() + "/maven2").exit());
            assertEquals(0, fetch(bom, into, "--maven-repository", s.base() + "/maven2").exit());
            assertEquals(1, s.calls(DIR + JAR));
            assertEquals(1, s.calls(DIR + JAR + ".asc"));
        }
    }

    @Test
    void dryRunListsUrlsAndFetchesNothing() throws IOException {
        try (LoopbackServer s = central()) {
            Path into = tmp.resolve("ev");
            Run run = fetch(sbom(PURL), into, "--maven-repository", s.base() + "/maven2", "--dry-run");
            assertEquals(0, run.exit());
            assertTrue(run.out().contains(s.base() + DIR + JAR + ".asc"), run.out());
            assertEquals(0, s.calls(DIR + JAR));
            assertFalse(Files.exists(into));
        }
    }

    @Test
    void plainHttpRepositoryOffLoopbackIsBadInput() throws IOException {
        Run run = fetch(sbom(PURL), tmp.resolve("ev"), "--maven-repository", "http://repo.example.com/maven2");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("only HTTPS"), run.err());
    }
}
