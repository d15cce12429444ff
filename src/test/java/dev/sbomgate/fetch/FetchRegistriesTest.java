package dev.sbomgate.fetch;

import static dev.sbomgate.fetch.FetchTest.logEntry;
import static dev.sbomgate.fetch.FetchTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.cli.Main;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries and credentials from settings.xml and .npmrc, scoped npm packages with registry signatures, PyPI (JSON
 * API, PEP 691 fallback, PEP 740 provenance), signers' keys from keyservers, proxies, and the end-to-end swap:
 * fetch records, check blocks with HASH_MISMATCH.
 */
@Timeout(60)
class FetchRegistriesTest {

    static final String JAR_DIR = FetchTest.DIR;
    static final String JAR = FetchTest.JAR;

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Run fetch(Path sbom, Path into, String... extra) {
        List<String> args = new ArrayList<>(List.of("fetch", "--sbom", sbom.toString(), "--into", into.toString(),
                "--local-repository", "none", "--retries", "1"));
        if (!List.of(extra).contains("--maven-settings")) {
            args.addAll(List.of("--maven-settings", "none"));
        }
        if (!List.of(extra).contains("--npmrc")) {
            args.addAll(List.of("--npmrc", "none"));
        }
        if (!List.of(extra).contains("--keyserver")) {
            args.add("--no-keys");
        }
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    Path sbom(String json) throws IOException {
        Path file = tmp.resolve("bom-" + Integer.toHexString(json.hashCode()) + ".json");
        Files.writeString(file, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":[" + json + "]}");
        return file;
    }

    static String component(String name, String purl) {
        return "{\"type\":\"library\",\"name\":\"" + name + "\",\"version\":\"1\",\"purl\":\"" + purl + "\"}";
    }

    LoopbackServer central() throws IOException {
        LoopbackServer s = new LoopbackServer();
        for (String suffix : List.of("", ".asc", ".sha1", ".sha256")) {
            s.serve(JAR_DIR + JAR + suffix, resource("maven/" + JAR + suffix));
        }
        return s;
    }

    static String allOutput(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (p.toString().endsWith(".json") || p.toString().endsWith(".md")) {
                    b.append(Files.readString(p));
                }
            }
        }
        return b.toString();
    }

    @Test
    void settingsMirrorOfStarRedirectsCentralAndItsServerCredentialsAreSentOnlyThere() throws IOException {
        try (LoopbackServer mirror = central()) {
            Path settings = tmp.resolve("settings.xml");
            Files.writeString(settings, "<settings><servers><server><id>corp</id><username>ci</username>"
                    + "<password>s3cret-pass</password></server></servers><mirrors><mirror><id>corp</id><mirrorOf>*</mirrorOf>"
                    + "<url>" + mirror.base() + "/maven2</url></mirror></mirrors></settings>");
            Path into = tmp.resolve("ev");
            Run run = fetch(sbom(component("opentest4j", FetchTest.PURL)), into, "--maven-settings", settings.toString());
            assertEquals(0, run.exit(), run.err());
            String expected = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret-pass".getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, mirror.authorization.get(JAR_DIR + JAR));
            assertFalse((run.out() + run.err() + allOutput(into)).contains("s3cret"), "the password is never written");
        }
    }

    @Test
    void encryptedSettingsPasswordIsRefusedWithoutQuotingIt() throws IOException {
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, "<settings><servers><server><id>central</id><username>u</username>"
                + "<password>{COQLCE6DU6GtcS5P=}</password></server></servers></settings>");
        Run run = fetch(sbom(component("opentest4j", FetchTest.PURL)), tmp.resolve("ev"), "--maven-settings", settings.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("encrypted"), run.err());
        assertFalse(run.err().contains("COQLCE6DU6GtcS5P"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void settingsWithADoctypeIsRefused() throws IOException {
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<settings>&x;</settings>");
        assertThrows(BadInputException.class, () -> MavenSettings.read(settings, Map.of()));
    }

    @Test
    void settingsProfileRepositoriesComeBeforeCentralAndEnvReferencesExpand() throws IOException {
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, "<settings><servers><server><id>inner</id><username>u</username>"
                + "<password>${env.REPO_TOKEN}</password></server></servers>"
                + "<mirrors><mirror><id>m</id><mirrorOf>external:*,!inner</mirrorOf><url>https://mirror.example/m2</url></mirror></mirrors>"
                + "<profiles><profile><id>p</id><repositories><repository><id>inner</id><url>https://inner.example/repo</url>"
                + "</repository></repositories></profile></profiles><activeProfiles><activeProfile>p</activeProfile>"
                + "</activeProfiles></settings>");
        MavenSettings.Result r = MavenSettings.read(settings, Map.of("REPO_TOKEN", "tok"));
        assertEquals(List.of(URI.create("https://inner.example/repo/"), URI.create("https://mirror.example/m2/")), r.repositories());
        assertEquals(1, r.credentials().size());
        assertTrue(r.credentials().get(0).appliesTo(URI.create("https://inner.example/repo/x.jar")));
        assertFalse(r.credentials().get(0).appliesTo(URI.create("https://mirror.example/m2/x.jar")));
        BadInputException missing = assertThrows(BadInputException.class, () -> MavenSettings.read(settings, Map.of()));
        assertTrue(missing.getMessage().contains("REPO_TOKEN"), missing.getMessage());
    }

    @Test
    void npmrcRegistriesScopesAndTokensWithEnvReferences() throws IOException {
        Path npmrc = tmp.resolve(".npmrc");
        Files.writeString(npmrc, "; comment\nregistry=https://npm.example/\n@corp:registry=https://corp.example/npm/\n"
                + "//corp.example/npm/:_authToken=${NPM_TOKEN}\n");
        Npmrc.Result r = Npmrc.read(npmrc, Map.of("NPM_TOKEN", "abc"));
        assertEquals(URI.create("https://npm.example/"), r.registry());
        assertEquals(URI.create("https://corp.example/npm/"), r.scopes().get("@corp"));
        assertEquals("Bearer abc", r.credentials().get(0).authorization());
        assertTrue(r.credentials().get(0).appliesTo(URI.create("https://corp.example/npm/@corp%2fx")));
        assertFalse(r.credentials().get(0).appliesTo(URI.create("https://npm.example/x")));
        assertFalse(r.credentials().get(0).toString().contains("abc"));
        BadInputException e = assertThrows(BadInputException.class, () -> Npmrc.read(npmrc, Map.of()));
        assertTrue(e.getMessage().contains("NPM_TOKEN"), e.getMessage());
    }

    /** A scoped package from its per-scope registry with a token; the tarball served is not the one the registry signed. */
    @Test
    void scopedNpmPackageKeepsRegistrySignaturesAndSwappedBytesBlockCheckWithHashMismatch() throws IOException {
        try (LoopbackServer registry = new LoopbackServer()) {
            String doc = new String(resource("npm-scoped/version.json"), StandardCharsets.UTF_8)
                    .replace("https://registry.npmjs.org", registry.base());
            registry.serve("/@sethwebster%2Fava-commit/0.0.10", doc.getBytes(StandardCharsets.UTF_8));
            registry.serve("/@sethwebster/ava-commit/-/ava-commit-0.0.10.tgz", "not the signed tarball".getBytes(StandardCharsets.UTF_8));
            Path npmrc = tmp.resolve(".npmrc");
            Files.writeString(npmrc, "@sethwebster:registry=" + registry.base() + "/\n//127.0.0.1:" + registry.port()
                    + "/:_authToken=npm_SECRETTOKEN\n");
            Path into = tmp.resolve("ev");
            Path bom = sbom(component("ava-commit", "pkg:npm/%40sethwebster/ava-commit@0.0.10"));
            Run run = fetch(bom, into, "--npmrc", npmrc.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals("Bearer npm_SECRETTOKEN", registry.authorization.get("/@sethwebster%2Fava-commit/0.0.10"));
            Path dir = into.resolve("npm/@sethwebster/ava-commit/0.0.10");
            JsonNode kept = StrictJson.parse(Files.readAllBytes(dir.resolve("version.json")), "v");
            assertEquals("SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA",
                    kept.path("dist").path("signatures").get(0).path("keyid").asText());
            assertTrue(Files.isRegularFile(dir.resolve("sethwebster-ava-commit-0.0.10.tgz")));
            assertEquals("not-published", logEntry(into, "npm/@sethwebster/ava-commit/0.0.10/attestations.json")
                    .path("outcome").asText());
            assertFalse((run.out() + run.err() + allOutput(into)).contains("SECRETTOKEN"));

            // Offline: the SBOM declares no hash, so dist.integrity is the declared one; the bytes do not match it.
            Run verify = cli("verify", "--sbom", bom.toString(), "--artifacts", into.toString());
            assertTrue(verify.out().contains("HASH_MISMATCH"), verify.out() + verify.err());
            assertEquals(1, verify.exit(), verify.out() + verify.err());
        }
    }

    /** init records the evidence directory like any --artifacts; check then finds swapped bytes (HASH_MISMATCH). */
    @Test
    void initRecordsTheEvidenceDirectoryAndCheckBlocksBytesThatDifferFromTheRegistryDigest() throws IOException {
        try (LoopbackServer s = new LoopbackServer()) {
            String doc = new String(resource("npm/version.json"), StandardCharsets.UTF_8).replace("https://registry.npmjs.org", s.base());
            s.serve("/tiny-tarball/1.0.0", doc.getBytes(StandardCharsets.UTF_8));
            s.serve("/tiny-tarball/-/tiny-tarball-1.0.0.tgz", resource("npm/tiny-tarball-1.0.0.tgz"));
            Path into = tmp.resolve("evidence");
            Path bom = sbom(component("tiny-tarball", "pkg:npm/tiny-tarball@1.0.0"));
            assertEquals(0, fetch(bom, into, "--npm-registry", s.base()).exit());
            Path baseline = tmp.resolve("baseline");
            Run init = cli("init", "--sbom", bom.toString(), "--baseline", baseline.toString(), "--artifacts", into.toString());
            assertEquals(0, init.exit(), init.out() + init.err());
            try (var walk = Files.walk(baseline)) {
                Path inputs = walk.filter(p -> p.getFileName().toString().equals("inputs.json")).findFirst().orElseThrow();
                assertTrue(Files.readString(inputs).contains("evidence"), Files.readString(inputs));
            }
            // the registry now serves other bytes; a fresh fetch records them, check blocks them
            byte[] other = resource("npm/tiny-tarball-1.0.0.tgz").clone();
            other[other.length / 2] ^= 1;
            s.serve("/tiny-tarball/-/tiny-tarball-1.0.0.tgz", other);
            Path swapped = tmp.resolve("evidence2");
            assertEquals(0, fetch(bom, swapped, "--npm-registry", s.base()).exit());
            assertEquals("fetched", logEntry(swapped, "npm/tiny-tarball/1.0.0/tiny-tarball-1.0.0.tgz").path("outcome").asText());
            Run check = cli("check", "--sbom", bom.toString(), "--baseline", baseline.toString(), "--artifacts", swapped.toString());
            assertTrue(check.out().contains("HASH_MISMATCH"), check.out() + check.err());
            assertEquals(1, check.exit(), check.out() + check.err());
        }
    }

    @Test
    void signerKeyIsFetchedAsACandidateFromTheHkpEndpointAfterVksSaysNotFound() throws IOException {
        try (LoopbackServer s = central(); LoopbackServer keys = new LoopbackServer()) {
            byte[] key = resource("keys/FF6E2C001948C5F2F38B0CC385911F425EC61B51.asc");
            keys.serve("/pks/lookup", key);
            Path into = tmp.resolve("ev");
            Run run = fetch(sbom(component("opentest4j", FetchTest.PURL)), into, "--maven-repository", s.base() + "/maven2",
                    "--keyserver", keys.base());
            assertEquals(0, run.exit(), run.err());
            assertEquals(1, keys.calls("/vks/v1/by-keyid/85911F425EC61B51"));
            assertEquals(-1, Files.mismatch(into.resolve("keys/85911F425EC61B51.asc"),
                    Path.of("src/test/resources/fetch/keys/FF6E2C001948C5F2F38B0CC385911F425EC61B51.asc")));
            JsonNode e = logEntry(into, "keys/85911F425EC61B51.asc");
            assertEquals("key", e.path("kind").asText());
            assertEquals("fetched", e.path("outcome").asText());
        }
    }

    @Test
    void keyserverAnsweringWithAnotherKeyIsNotKept() throws IOException {
        try (LoopbackServer s = central(); LoopbackServer keys = new LoopbackServer()) {
            keys.serve("/vks/v1/by-keyid/85911F425EC61B51",
                    "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PUBLIC KEY BLOCK-----\n"
                            .getBytes(StandardCharsets.UTF_8));
            Path into = tmp.resolve("ev");
            Run run = fetch(sbom(component("opentest4j", FetchTest.PURL)), into, "--maven-repository", s.base() + "/maven2",
                    "--keyserver", keys.base());
            assertEquals(0, run.exit(), "keys are not required: " + run.err());
            assertFalse(Files.exists(into.resolve("keys/85911F425EC61B51.asc")));
            assertEquals("not-published", logEntry(into, "keys/85911F425EC61B51.asc").path("outcome").asText(),
                    "the VKS answer was refused, then HKP had nothing");
        }
    }

    static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void pypiJsonApiDistributionFileProvenanceAndUploadTime() throws Exception {
        try (LoopbackServer index = new LoopbackServer()) {
            byte[] wheel = "a wheel".getBytes(StandardCharsets.UTF_8);
            byte[] sdist = "an sdist".getBytes(StandardCharsets.UTF_8);
            String doc = "{\"info\":{\"name\":\"Sample_Project\",\"version\":\"1.2.0\"},\"urls\":["
                    + "{\"filename\":\"sample_project-1.2.0-py3-none-any.whl\",\"url\":\"" + index.base() + "/files/w.whl\","
                    + "\"digests\":{\"sha256\":\"" + sha256(wheel) + "\"},\"upload_time_iso_8601\":\"2024-03-01T10:00:00.000000Z\"},"
                    + "{\"filename\":\"sample_project-1.2.0.tar.gz\",\"url\":\"" + index.base() + "/files/s.tar.gz\","
                    + "\"digests\":{\"sha256\":\"" + sha256(sdist) + "\"},\"upload_time_iso_8601\":\"2024-03-01T09:59:00.000000Z\"}]}";
            index.serve("/pypi/sample-project/1.2.0/json", doc.getBytes(StandardCharsets.UTF_8));
            index.serve("/files/w.whl", wheel);
            index.serve("/files/s.tar.gz", sdist);
            String provenance = "{\"version\":1,\"attestation_bundles\":[]}";
            index.serve("/integrity/sample-project/1.2.0/sample_project-1.2.0-py3-none-any.whl/provenance",
                    provenance.getBytes(StandardCharsets.UTF_8));
            Path into = tmp.resolve("ev");
            // the SBOM's hash picks the wheel
            Path bom = sbom("{\"type\":\"library\",\"name\":\"Sample_Project\",\"version\":\"1.2.0\",\"purl\":"
                    + "\"pkg:pypi/sample-project@1.2.0\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"" + sha256(wheel) + "\"}]}");
            Run run = fetch(bom, into, "--pypi-index", index.base());
            assertEquals(0, run.exit(), run.err());
            Path dir = into.resolve("pypi/sample-project/1.2.0");
            assertTrue(Files.isRegularFile(dir.resolve("sample_project-1.2.0-py3-none-any.whl")));
            assertFalse(Files.exists(dir.resolve("sample_project-1.2.0.tar.gz")), "only the file the SBOM's hash names");
            assertEquals(provenance, Files.readString(dir.resolve("sample_project-1.2.0-py3-none-any.whl.provenance")));
            assertEquals(0, index.calls("/files/s.tar.gz"));
            JsonNode times = StrictJson.parse(Files.readAllBytes(into.resolve("release-times.json")), "t");
            assertEquals("2024-03-01T10:00:00Z", times.path("releases").get(0).path("published").asText());
            assertEquals("pkg:pypi/sample-project@1.2.0", times.path("releases").get(0).path("purl").asText());
            // the release times file is in the --metadata format
            dev.sbomgate.metadata.ReleaseMetadataLoader.load(into.resolve("release-times.json"));
        }
    }

    @Test
    void pypiWithoutJsonApiFallsBackToPep691AndRecordsMissingProvenanceAsNotPublished() throws Exception {
        try (LoopbackServer index = new LoopbackServer()) {
            byte[] sdist = "an sdist".getBytes(StandardCharsets.UTF_8);
            String simple = "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"sample-project\",\"files\":["
                    + "{\"filename\":\"sample_project-1.2.0.tar.gz\",\"url\":\"" + index.base() + "/files/s.tar.gz\","
                    + "\"hashes\":{\"sha256\":\"" + sha256(sdist) + "\"},\"upload-time\":\"2024-03-01T09:59:00Z\"},"
                    + "{\"filename\":\"sample_project-1.3.0.tar.gz\",\"url\":\"" + index.base() + "/files/other\",\"hashes\":{}}]}";
            index.route("/simple/sample-project/", (ex, call) -> {
                String accept = ex.getRequestHeaders().getFirst("Accept");
                LoopbackServer.send(ex, Fetcher.PEP_691.equals(accept) ? 200 : 406,
                        simple.getBytes(StandardCharsets.UTF_8));
            });
            index.serve("/files/s.tar.gz", sdist);
            Path into = tmp.resolve("ev");
            Path bom = sbom(component("sample-project", "pkg:pypi/sample-project@1.2.0"));
            Run run = fetch(bom, into, "--pypi-index", index.base());
            assertEquals(0, run.exit(), run.err());
            Path dir = into.resolve("pypi/sample-project/1.2.0");
            assertTrue(Files.isRegularFile(dir.resolve("sample_project-1.2.0.tar.gz")));
            assertEquals(0, index.calls("/files/other"), "a file of another release is not fetched");
            assertEquals("not-published", logEntry(into, "pypi/sample-project/1.2.0/version.json").path("outcome").asText());
            assertEquals("not-published", logEntry(into, "pypi/sample-project/1.2.0/sample_project-1.2.0.tar.gz.provenance")
                    .path("outcome").asText());
            // the PEP 691 digest is read back as the registry's declared digest
            assertEquals(sha256(sdist), dev.sbomgate.artifact.RegistryDigests.beside(dir.resolve("sample_project-1.2.0.tar.gz"))
                    .get(0).hex());
        }
    }

    @Test
    void pep691FileNamesBelongToTheirRelease() {
        assertTrue(Fetcher.ofRelease("Sample_Project-1.2.0-py3-none-any.whl", "sample-project", "1.2.0"));
        assertTrue(Fetcher.ofRelease("sample-project-1.2.0.zip", "sample-project", "1.2.0"));
        assertFalse(Fetcher.ofRelease("sample_project-1.2.0.1.tar.gz", "sample-project", "1.2.0"));
        assertFalse(Fetcher.ofRelease("other-1.2.0-py3-none-any.whl", "sample-project", "1.2.0"));
    }

    @Test
    void proxyVariablesChooseAProxyExceptForNoProxyHostsAndLoopback() {
        EnvProxy p = EnvProxy.fromEnvironment(Map.of("https_proxy", "http://proxy.corp:3128", "NO_PROXY", ".internal,repo.corp"));
        assertEquals(Proxy.Type.HTTP, p.select(URI.create("https://registry.npmjs.org/x")).get(0).type());
        assertEquals(Proxy.NO_PROXY, p.select(URI.create("https://a.internal/x")).get(0));
        assertEquals(Proxy.NO_PROXY, p.select(URI.create("https://repo.corp/x")).get(0));
        assertEquals(Proxy.NO_PROXY, p.select(URI.create("http://127.0.0.1:8080/x")).get(0));
        assertEquals(Proxy.NO_PROXY, p.select(URI.create("http://plain.example/x")).get(0), "no http_proxy set");
        assertEquals(null, EnvProxy.fromEnvironment(Map.of()));
        assertThrows(BadInputException.class, () -> EnvProxy.fromEnvironment(Map.of("HTTPS_PROXY", "http://u:p@proxy:1")));
    }

    @Test
    void downloadCapsAreTheDownloadsTableOfLimitsMd() throws IOException {
        String doc = Files.readString(Path.of("docs/limits.md"));
        int start = doc.indexOf("## Downloads");
        assertTrue(start >= 0, "docs/limits.md has a Downloads section");
        int end = doc.indexOf("\n## ", start + 1);
        List<String> rows = doc.substring(start, end < 0 ? doc.length() : end).lines()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| download ") && !line.startsWith("|---"))
                .map(line -> {
                    String[] cells = line.split("\\|");
                    return cells[1].strip() + " = " + cells[2].strip();
                })
                .toList();
        assertEquals(FileKind.LIMITS.stream().map(l -> l.what() + " = " + l.human()).toList(), rows);
        assertTrue(Limits.ALL.contains(Limits.MAVEN_SETTINGS) && Limits.ALL.contains(Limits.NPMRC));
    }
}
