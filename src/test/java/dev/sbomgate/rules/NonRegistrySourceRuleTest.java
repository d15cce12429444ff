package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import static dev.sbomgate.rules.ChangeFixtures.baseline;
import static dev.sbomgate.rules.ChangeFixtures.context;
import static dev.sbomgate.rules.ChangeFixtures.full;
import static dev.sbomgate.rules.ChangeFixtures.inventory;
import static dev.sbomgate.rules.ChangeFixtures.severity;
import static dev.sbomgate.rules.ChangeFixtures.withVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonRegistrySourceRuleTest {
    private final NonRegistrySourceRule rule = new NonRegistrySourceRule();

    private static Component distributed(String purl, String url) {
        return full(purl, null, null, null, null, List.of(), List.of(new ExternalReference("distribution", url)), List.of());
    }

    private List<Finding> firstUse(Component... components) {
        return rule.evaluate(context(null, List.of(components)));
    }

    private static Inventory real(String name) throws URISyntaxException {
        return SbomReader.read(Path.of(NonRegistrySourceRuleTest.class.getResource("/sbom/real/" + name).toURI()));
    }

    @Test
    void aGitDependencyAsCyclonedxNodeNpmWritesItWarns() {
        // The shape of cyclonedx-node-npm's deps-from-git demo: the resolved git URL in download_url and distribution.
        String git = "git+ssh://git@github.com/CycloneDX/cyclonedx-javascript-library.git#c887c803ac56deb5f91b617ef0486ca3fb98473b";
        Component c = full("pkg:npm/%40cyclonedx/cyclonedx-library@6.0.0?download_url="
                        + "git%2Bssh%3A%2F%2Fgit%40github.com%2FCycloneDX%2Fcyclonedx-javascript-library.git%23c887c803ac56deb5f91b617ef0486ca3fb98473b",
                null, null, null, null, List.of(), List.of(new ExternalReference("distribution", git)), List.of());
        List<Finding> findings = firstUse(c);

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("resolved from a VCS repository, not from a registry", f.title());
        assertTrue(f.found().contains("purl download_url " + git + " (a VCS repository)"), f.found());
        assertTrue(f.expected().contains("registry.npmjs.org"), f.expected());
        assertTrue(f.fix().contains("--accept 'NON_REGISTRY_SOURCE:pkg:npm/%40cyclonedx/cyclonedx-library@6.0.0?download_url="),
                f.fix());
    }

    @Test
    void theRealDepsFromGitSbomFlagsExactlyItsSixGitPackages() throws Exception {
        List<Finding> findings = rule.evaluate(context(null, real("cyclonedx-node-npm__deps-from-git__bare__bom.1.5.xml")));
        assertEquals(6, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.subject().startsWith("pkg:npm/%40cyclonedx/cyclonedx-library@6.")),
                findings.toString());
    }

    @Test
    void registryTarballsAreSilentOnARealSbom() throws Exception {
        assertTrue(rule.evaluate(context(null, real("cyclonedx-node-npm__package-integrity__bare__bom.1.6.json"))).isEmpty());
    }

    @Test
    void npmStyleVersionSpecsNameTheirSource() {
        assertEquals("resolved from a VCS repository, not from a registry",
                firstUse(withVersion("pkg:npm/%40tanstack/setup", "github:tanstack/router#79ac49e")).get(0).title());
        assertEquals("resolved from a local path, not from a registry",
                firstUse(withVersion("pkg:npm/helper", "file:../helper")).get(0).title());
        assertTrue(firstUse(withVersion("pkg:npm/helper", "1.2.3")).isEmpty());
    }

    @Test
    void tarballsFromCodeHostsAndUnknownHostsAreNotRegistries() {
        assertEquals("resolved from an archive from a code host, not from a registry",
                firstUse(distributed("pkg:npm/lib@1.0.0", "https://codeload.github.com/u/lib/tar.gz/refs/tags/v1.0.0"))
                        .get(0).title());
        assertEquals("resolved from a download from a host that is not a known registry, not from a registry",
                firstUse(distributed("pkg:npm/lib@1.0.0", "https://files.evil.example/lib-1.0.0.tgz")).get(0).title());
        assertEquals(1, firstUse(full("pkg:generic/openssl@3.0.0?download_url=https://www.openssl.org/source/openssl-3.0.0.tar.gz",
                null, null, null, null, List.of(), List.of(), List.of())).size());
    }

    @Test
    void registriesAndRegistryProxiesAreSilent() {
        assertTrue(firstUse(
                distributed("pkg:npm/lodash@4.17.21", "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz"),
                distributed("pkg:npm/chalk@5.3.0",
                        "https://artifactory.acme.example/artifactory/api/npm/npm-remote/chalk/-/chalk-5.3.0.tgz"),
                distributed("pkg:pypi/requests@2.31.0",
                        "https://nexus.acme.example/repository/pypi/packages/requests/2.31.0/requests-2.31.0-py3-none-any.whl"),
                full("pkg:maven/org.slf4j/slf4j-api@2.0.17?download_url="
                                + "https://nexus.acme.example/repository/maven-public/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar",
                        null, null, null, null, List.of(), List.of(), List.of()),
                full("pkg:npm/internal@1.0.0?repository_url=https://npm.acme.example&download_url=https://npm.acme.example/x.tgz",
                        null, null, null, null, List.of(), List.of(), List.of())).isEmpty());
    }

    @Test
    void fieldsOtherGeneratorsFillWithOtherMeaningsAreNotClaimed() {
        // cyclonedx-maven-plugin: the project's deploy repository; syft: an OS package's upstream project.
        assertTrue(firstUse(
                distributed("pkg:maven/com.google.guava/guava@24.1.1-jre", "https://oss.sonatype.org/service/local/staging/deploy/maven2/"),
                distributed("pkg:maven/org.keycloak/keycloak-core@10.0.2", "https://repository.acme.example/deploy/maven2/"),
                distributed("pkg:alpine/brotli-libs@1.0.9-r6?arch=x86_64", "https://github.com/google/brotli"),
                full("pkg:composer/laravel/framework@7.12.0?download_url=https://api.github.com/repos/laravel/framework/zipball/abc",
                        null, null, null, null, List.of(), List.of(), List.of())).isEmpty());
    }

    @Test
    void vcsUrlQualifiersAndSourceRepositoryTypesCount() {
        assertEquals("resolved from a VCS repository, not from a registry",
                firstUse(RuleFixtures.component("pkg:npm/my-local-a@0.1.0?vcs_url=git%2Bhttps%3A%2F%2Fgitlab.example.com%2Fmy-packages%2Fdemo-workspaces.git"))
                        .get(0).title());
        assertEquals("resolved from a source repository (by purl type), not from a registry",
                firstUse(RuleFixtures.component("pkg:github/actions/checkout@v4")).get(0).title());
    }

    @Test
    void anApprovedGitDependencyAtANewCommitOfTheSameRepositoryIsSilent() {
        var approved = baseline(List.of(withVersion("pkg:npm/lib", "github:acme/lib#1111111")), Map.of());
        assertTrue(rule.evaluate(context(approved, List.of(withVersion("pkg:npm/lib", "github:acme/lib#2222222")))).isEmpty());
        // Another repository is another source.
        List<Finding> findings = rule.evaluate(context(approved, List.of(withVersion("pkg:npm/lib", "github:evil/lib#2222222"))));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).expected().contains("or from the places its approved version came from"),
                findings.get(0).expected());
    }

    @Test
    void aRegistryPackageTurningIntoAGitDependencyFires() {
        var approved = baseline(List.of(distributed("pkg:npm/lib@1.0.0", "https://registry.npmjs.org/lib/-/lib-1.0.0.tgz")), Map.of());
        assertEquals(1, rule.evaluate(context(approved, List.of(withVersion("pkg:npm/lib", "git+https://github.com/evil/lib.git"))))
                .size());
    }

    @Test
    void thePolicySeverityApplies() {
        Finding f = rule.evaluate(context(null, inventory(List.of(withVersion("pkg:npm/x", "link:../x"))),
                severity(RuleId.NON_REGISTRY_SOURCE, Severity.BLOCK))).get(0);
        assertEquals(Severity.BLOCK, f.severity());
    }

    @Test
    void locationsNormaliseReferencesToTheSamePlace() {
        assertEquals("github.com/acme/lib", SourceLocations.location("github:acme/lib#v1"));
        assertEquals("github.com/acme/lib", SourceLocations.location("git+ssh://git@github.com/acme/lib.git#abc"));
        assertEquals("github.com/acme/lib", SourceLocations.location("https://github.com/acme/lib/archive/refs/tags/v1.tar.gz"));
        assertEquals("github.com/acme/lib", SourceLocations.location("git@github.com:acme/lib.git"));
        assertEquals("files.example/dl", SourceLocations.location("https://files.example/dl/lib-1.2.tgz"));
        assertEquals("local:../lib", SourceLocations.location("file:../lib"));
    }
}
