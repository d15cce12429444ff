package dev.sbomgate.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.Purl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArtifactLocatorTest {

    @TempDir
    Path tmp;

    static Component component(String purl, String... distributionUrls) {
        List<ExternalReference> refs = new ArrayList<>();
        for (String url : distributionUrls) {
            refs.add(new ExternalReference("distribution", url));
        }
        Purl p = purl == null ? null : Purl.parse(purl);
        String name = p == null ? "thing" : p.name();
        String version = p == null ? null : p.version();
        return new Component("ref", p, "library", null, name, version, List.of(), null, null, null, null,
                List.of(), refs, null, List.of(), null);
    }

    private Path root(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name)).toRealPath();
    }

    private static Path touch(Path root, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, relative, StandardCharsets.UTF_8);
    }

    /** purl, file placed in the root (relative), and the name the locator must find (null: the same). */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("pkg:maven/org.apache.commons/commons-lang3@3.14.0",
                        "org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar"),
                Arguments.of("pkg:maven/org.apache.commons/commons-lang3@3.14.0?classifier=sources",
                        "org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0-sources.jar"),
                Arguments.of("pkg:maven/net.sf.jacob-projects/jacob@1.14.3?classifier=x86&type=dll",
                        "net/sf/jacob-projects/jacob/1.14.3/jacob-1.14.3-x86.dll"),
                Arguments.of("pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom",
                        "org/apache/xmlgraphics/batik-anim/1.9.1/batik-anim-1.9.1.pom"),
                Arguments.of("pkg:maven/com.example/lib@2.0?type=test-jar",
                        "com/example/lib/2.0/lib-2.0-tests.jar"),
                Arguments.of("pkg:maven/com.example/lib@2.0?type=jar", "lib-2.0.jar"),
                Arguments.of("pkg:maven/com.example/lib@2.0?classifier=linux-x86_64", "lib-2.0-linux-x86_64.jar"),
                Arguments.of("pkg:npm/left-pad@1.3.0", "left-pad-1.3.0.tgz"),
                Arguments.of("pkg:npm/%40angular/core@17.0.0", "angular-core-17.0.0.tgz"),
                Arguments.of("pkg:pypi/Foo.Bar_baz@1.0", "foo_bar_baz-1.0-py3-none-any.whl"),
                Arguments.of("pkg:pypi/foo-bar@1.0.0-RC1", "foo_bar-1.0.0rc1-py3-none-any.whl"),
                Arguments.of("pkg:pypi/zope.interface@6.1", "zope.interface-6.1-cp311-cp311-manylinux_2_17_x86_64.whl"),
                Arguments.of("pkg:pypi/Foo.Bar_baz@1.0", "foo_bar_baz-1.0.tar.gz"),
                Arguments.of("pkg:pypi/foo@2!1.0-post1", "foo-2!1.0.post1.tar.gz"),
                Arguments.of("pkg:pypi/python-dateutil@2.8.2", "python-dateutil-2.8.2.tar.gz"),
                Arguments.of("pkg:pypi/Foo.Bar_baz@1.0", "Foo.Bar_baz-1.0.zip"),
                Arguments.of("pkg:pypi/requests@2.31.0?file_name=requests-2.31.0-py3-none-any.whl",
                        "requests-2.31.0-py3-none-any.whl"),
                Arguments.of("pkg:generic/openssl@3.0.0?download_url=https://www.openssl.org/source/openssl-3.0.0.tar.gz%3Fx%3D1",
                        "openssl-3.0.0.tar.gz"),
                Arguments.of("pkg:generic/tool@1?file_name=tool-linux-amd64", "tool-linux-amd64"),
                Arguments.of("pkg:gem/rails@7.1.0", "rails-7.1.0.gem"),
                Arguments.of("pkg:gem/nokogiri@1.16.0?platform=x86_64-linux", "nokogiri-1.16.0-x86_64-linux.gem"),
                Arguments.of("pkg:cargo/serde@1.0.190", "serde-1.0.190.crate"),
                Arguments.of("pkg:nuget/Newtonsoft.Json@13.0.3", "Newtonsoft.Json.13.0.3.nupkg"),
                Arguments.of("pkg:nuget/Newtonsoft.Json@13.0.3", "newtonsoft.json.13.0.3.nupkg"));
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @MethodSource("table")
    void findsTheConventionalFile(String purl, String relative) throws IOException {
        Path root = root("r");
        Path file = touch(root, relative);
        touch(root, "decoy-9.9.jar");
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component(purl));
        assertEquals(file.toRealPath(), found.artifact(), () -> "tried " + found.candidatesTried());
        assertTrue(found.found());
        assertEquals(List.of(), found.refused());
    }

    @Test
    void distributionReferenceFileNameIsDecoded() throws IOException {
        Path root = root("r");
        Path file = touch(root, "my tool-2.0.zip");
        ArtifactFiles found = new ArtifactLocator(List.of(root))
                .locate(component(null, "https://example.org/dl/my%20tool-2.0.zip?sig=1#frag"));
        assertEquals(file, found.artifact());
        assertEquals(List.of("my tool-2.0.zip"), found.candidatesTried());
    }

    @Test
    void distributionReferenceComesAfterTheEcosystemName() throws IOException {
        Path root = root("r");
        touch(root, "lodash-4.17.21.tgz");
        Path conventional = touch(root, "lodash-4.17.21.tgz");
        touch(root, "other.tgz");
        ArtifactFiles found = new ArtifactLocator(List.of(root))
                .locate(component("pkg:npm/lodash@4.17.21", "https://registry.npmjs.org/lodash/-/other.tgz"));
        assertEquals(conventional, found.artifact());
        // the evidence layout of sbomgate fetch first (docs/evidence.md), like the Maven repository layout
        assertEquals(List.of("npm/lodash/4.17.21/lodash-4.17.21.tgz", "lodash-4.17.21.tgz", "other.tgz"), found.candidatesTried());
        assertEquals(2, new ArtifactLocator(List.of(root))
                .locateAll(component("pkg:npm/lodash@4.17.21", "https://registry.npmjs.org/lodash/-/other.tgz")).size());
    }

    /** Shapes from real SBOMs (CycloneDX bom-examples: juice-shop via cyclonedx-npm, dropwizard via cyclonedx-maven-plugin). */
    @Test
    void scopedNpmPackageFoundByItsRegistryTarballName() throws IOException {
        Path root = root("r");
        Path tarball = touch(root, "parser-7.21.2.tgz");
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component(
                "pkg:npm/%40babel/parser@7.21.2#packages/babel-parser",
                "https://registry.npmjs.org/@babel/parser/-/parser-7.21.2.tgz"));
        assertEquals(tarball, found.artifact());
        assertEquals(List.of("npm/@babel/parser/7.21.2/babel-parser-7.21.2.tgz", "babel-parser-7.21.2.tgz", "parser-7.21.2.tgz"),
                found.candidatesTried());
    }

    @Test
    void repositoryUrlAsDistributionReferenceNamesNoFile() throws IOException {
        ArtifactFiles found = new ArtifactLocator(List.of(root("r"))).locate(component(
                "pkg:maven/com.google.guava/guava@24.1.1-jre?type=jar",
                "https://oss.sonatype.org/service/local/staging/deploy/maven2/"));
        assertEquals(List.of("com/google/guava/guava/24.1.1-jre/guava-24.1.1-jre.jar", "guava-24.1.1-jre.jar"),
                found.candidatesTried());
    }

    @Test
    void earlierRootWinsOverBetterCandidateInLaterRoot() throws IOException {
        Path first = root("first");
        Path second = root("second");
        Path flatInFirst = touch(first, "commons-io-2.15.1.jar");
        Path layoutInSecond = touch(second, "commons-io/commons-io/2.15.1/commons-io-2.15.1.jar");
        Component c = component("pkg:maven/commons-io/commons-io@2.15.1");

        assertEquals(flatInFirst, new ArtifactLocator(List.of(first, second)).locate(c).artifact());
        assertEquals(layoutInSecond, new ArtifactLocator(List.of(second, first)).locate(c).artifact());
        assertEquals(List.of(flatInFirst, layoutInSecond), new ArtifactLocator(List.of(first, second)).locateAll(c)
                .stream().map(ArtifactFiles::artifact).toList());
    }

    @Test
    void withinARootTheRepositoryLayoutWinsOverTheFlatName() throws IOException {
        Path root = root("r");
        touch(root, "commons-io-2.15.1.jar");
        Path layout = touch(root, "commons-io/commons-io/2.15.1/commons-io-2.15.1.jar");
        assertEquals(layout, new ArtifactLocator(List.of(root))
                .locate(component("pkg:maven/commons-io/commons-io@2.15.1")).artifact());
    }

    @Test
    void severalWheelsAreTakenInNameOrderAndAllReported() throws IOException {
        Path root = root("r");
        Path linux = touch(root, "numpy-1.26.0-cp311-cp311-manylinux_2_17_x86_64.whl");
        Path mac = touch(root, "numpy-1.26.0-cp311-cp311-macosx_11_0_arm64.whl");
        Path sdist = touch(root, "numpy-1.26.0.tar.gz");
        touch(root, "numpy-1.26.1-cp311-cp311-macosx_11_0_arm64.whl");
        touch(root, "numpyx-1.26.0-py3-none-any.whl");
        ArtifactLocator locator = new ArtifactLocator(List.of(root));
        Component c = component("pkg:pypi/numpy@1.26.0");

        assertEquals(mac, locator.locate(c).artifact());
        assertEquals(List.of(mac, linux, sdist), locator.locateAll(c).stream().map(ArtifactFiles::artifact).toList());
    }

    @Test
    void signaturesBesideTheArtifactInFixedOrder() throws IOException {
        Path root = root("r");
        Path jar = touch(root, "g/a/1/a-1.jar");
        Path bundle = touch(root, "g/a/1/a-1.jar.sigstore.json");
        Path asc = touch(root, "g/a/1/a-1.jar.asc");
        touch(root, "g/a/1/a-1.jar.md5");
        Files.createDirectories(root.resolve("g/a/1/a-1.jar.sig"));
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/a@1"));
        assertEquals(jar, found.artifact());
        assertEquals(List.of(asc, bundle), found.signatures());
        assertEquals(List.of("g/a/1/a-1.jar.sig in " + root + ": not a regular file"), found.refused());
    }

    @Test
    void missingArtifactListsWhatWasTried() throws IOException {
        Path root = root("r");
        ArtifactFiles found = new ArtifactLocator(List.of(root))
                .locate(component("pkg:maven/org.example/lib@1.0?classifier=all", "https://repo.example/x/lib-1.0-all.jar"));
        assertNull(found.artifact());
        assertFalse(found.found());
        assertEquals(List.of(), found.signatures());
        assertEquals(List.of("org/example/lib/1.0/lib-1.0-all.jar", "lib-1.0-all.jar"), found.candidatesTried());
        assertEquals(List.of(), new ArtifactLocator(List.of(root)).locateAll(component("pkg:maven/org.example/lib@1.0")));
    }

    @Test
    void pypiCandidatesAreNamedAfterTheNormalisedNameAndVersion() throws IOException {
        ArtifactFiles found = new ArtifactLocator(List.of(root("r"))).locate(component("pkg:pypi/Foo.Bar_baz@1.0.0-RC1"));
        assertEquals(List.of("pypi/foo-bar-baz/1.0.0-RC1/ (wheels and sdists of foo-bar-baz 1.0.0-RC1)", "foo_bar_baz-1.0.0rc1-*.whl", "foo_bar_baz-1.0.0rc1.tar.gz",
                "legacy sdist foo-bar-baz-1.0.0-RC1.{tar.gz,zip,tar.bz2} (any name spelling)"), found.candidatesTried());
    }

    @Test
    void componentWithoutPurlOrReferenceHasNothingToLookFor() throws IOException {
        ArtifactFiles found = new ArtifactLocator(List.of(root("r"))).locate(component(null));
        assertNull(found.artifact());
        assertEquals(List.of(), found.candidatesTried());
    }

    // ---- hostile names ---------------------------------------------------------------------------------

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("version ..", component("pkg:maven/g/secret@..")),
                Arguments.of("version with encoded slashes", component("pkg:maven/g/a@..%2F..%2Foutside")),
                Arguments.of("file_name absolute", component("pkg:generic/x@1?file_name=%2Fetc%2Fpasswd")),
                Arguments.of("file_name ..", component("pkg:generic/x@1?file_name=..")),
                Arguments.of("file_name climbing", component("pkg:generic/x@1?file_name=..%2Foutside")),
                Arguments.of("file_name with backslashes", component("pkg:generic/x@1?file_name=..%5C..%5Csecret")),
                Arguments.of("file_name with NUL", component("pkg:generic/x@1?file_name=secret%00.jar")),
                Arguments.of("file_name overlong", component("pkg:generic/x@1?file_name=" + "a".repeat(300))),
                Arguments.of("download_url encoded ..", component("pkg:generic/x@1?download_url=https://h/%252e%252e")),
                Arguments.of("distribution url ..", component(null, "https://h/a/%2e%2e")),
                Arguments.of("distribution url encoded slashes", component(null, "https://h/..%2Fsecret")),
                Arguments.of("distribution url NUL", component(null, "https://h/secret%00")),
                Arguments.of("distribution url bad escape", component(null, "https://h/secret%zz")),
                Arguments.of("distribution url trailing slash", component(null, "https://h/dir/")),
                Arguments.of("maven group with ..", component("pkg:maven/..%2F../a@1")),
                Arguments.of("npm scope ..", component("pkg:npm/%2E%2E/x@1")));
    }

    @ParameterizedTest(name = "{0} is never looked up")
    @MethodSource("hostile")
    void hostileNamesAreRefused(String name, Component hostile) throws IOException {
        Path root = root("root");
        // Bait: files that a naive join of the hostile name would reach.
        Files.writeString(tmp.resolve("outside"), "secret");
        Files.writeString(tmp.resolve("secret"), "secret");
        Files.writeString(root.resolve("secret"), "inside but not named safely");
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(hostile);
        assertNull(found.artifact(), () -> "found " + found.artifact());
        for (String tried : found.candidatesTried()) {
            assertFalse(tried.contains("..") && tried.matches("(^|.*/)\\.\\.(/.*|$)"), tried);
            assertFalse(tried.startsWith("/") || tried.contains("\\") || tried.indexOf('\0') >= 0, tried);
        }
    }

    @Test
    void absoluteFileUrlIsLookedUpOnlyByItsNameInsideTheRoot() throws IOException {
        Path root = root("root");
        Path outside = Files.writeString(root("elsewhere").resolve("secret.jar"), "secret");
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component(null, outside.toUri().toString()));
        assertNull(found.artifact());
        assertEquals(List.of("secret.jar"), found.candidatesTried());
    }

    // ---- symbolic links --------------------------------------------------------------------------------

    @Test
    void symlinkLeadingOutsideTheRootIsRefused() throws IOException {
        Path root = root("root");
        Path outside = Files.writeString(root("elsewhere").resolve("secret"), "secret");
        Files.createSymbolicLink(root.resolve("evil-1.0.jar"), outside);
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/evil@1.0"));
        assertNull(found.artifact());
        assertEquals(List.of("evil-1.0.jar in " + root + ": symbolic link leads outside the root"), found.refused());
    }

    @Test
    void relativeSymlinkClimbingOutOfTheRootIsRefused() throws IOException {
        Path root = root("root");
        Files.writeString(tmp.resolve("secret"), "secret");
        Files.createSymbolicLink(root.resolve("evil-1.0.jar"), Path.of("../secret"));
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/evil@1.0"));
        assertNull(found.artifact());
        assertEquals(1, found.refused().size());
    }

    @Test
    void symlinkedDirectoryLeadingOutsideTheRootIsRefused() throws IOException {
        Path root = root("root");
        Path elsewhere = root("elsewhere");
        touch(elsewhere, "a/1/a-1.jar");
        Files.createSymbolicLink(root.resolve("g"), elsewhere);
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/a@1"));
        assertNull(found.artifact());
        assertTrue(found.refused().get(0).endsWith("symbolic link leads outside the root"), found.refused().toString());
    }

    @Test
    void symlinkedSignatureLeadingOutsideTheRootIsRefused() throws IOException {
        Path root = root("root");
        Path jar = touch(root, "a-1.jar");
        Path outside = Files.writeString(root("elsewhere").resolve("a-1.jar.asc"), "sig");
        Files.createSymbolicLink(root.resolve("a-1.jar.asc"), outside);
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/a@1"));
        assertEquals(jar, found.artifact());
        assertEquals(List.of(), found.signatures());
        assertEquals(1, found.refused().size());
    }

    @Test
    void symlinkInsideTheRootToAFileInsideTheRootIsFollowedToItsTarget() throws IOException {
        Path root = root("root");
        Path target = touch(root, "store/abc123/a-1.jar");
        Files.createSymbolicLink(root.resolve("a-1.jar"), Path.of("store/abc123/a-1.jar"));
        Path asc = touch(root, "a-1.jar.asc");
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/a@1"));
        assertEquals(target, found.artifact());
        assertEquals(List.of(asc), found.signatures());
        assertEquals(List.of(), found.refused());
    }

    @Test
    void danglingSymlinkIsRefused() throws IOException {
        Path root = root("root");
        Files.createSymbolicLink(root.resolve("a-1.jar"), root.resolve("nowhere"));
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/a@1"));
        assertNull(found.artifact());
        assertTrue(found.refused().get(0).endsWith("dangling or unreadable symbolic link"));
    }

    @Test
    void rootGivenThroughASymlinkIsUsedByItsRealPath() throws IOException {
        Path real = root("real");
        Path jar = touch(real, "a-1.jar");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        ArtifactLocator locator = new ArtifactLocator(List.of(link, real));
        assertEquals(List.of(real), locator.roots());
        assertEquals(jar, locator.locate(component("pkg:maven/g/a@1")).artifact());
    }

    @Test
    void directoryWhereTheFileShouldBeIsNotAnArtifact() throws IOException {
        Path root = root("root");
        Files.createDirectories(root.resolve("a-1.jar"));
        ArtifactFiles found = new ArtifactLocator(List.of(root)).locate(component("pkg:maven/g/a@1"));
        assertNull(found.artifact());
        assertEquals(List.of("a-1.jar in " + root + ": not a regular file"), found.refused());
    }

    @Test
    void rootMustBeAnExistingDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        BadInputException notDir = assertThrows(BadInputException.class, () -> new ArtifactLocator(List.of(file)));
        assertTrue(notDir.getMessage().startsWith("--artifacts " + file + ": not a directory"), notDir.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> new ArtifactLocator(List.of(tmp.resolve("absent"))));
        assertTrue(missing.getMessage().contains("no such directory"), missing.getMessage());
    }
}
