package dev.sbomgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules see an npm lockfile's facts unchanged: SHA-1-only integrity, a git-resolved package, a workspace. */
class LockfileRulesTest {

    private static Inventory load(String name) {
        try {
            return SbomReader.read(Path.of(LockfileRulesTest.class.getResource("/sbom/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSha1OnlyIntegrityIsWeakCrypto() {
        List<Finding> findings = new WeakCryptoRule().evaluate(RuleFixtures.context(
                load("lock/edited-bundled-sha1-git__package-lock.json"), null, List.of()));
        assertEquals(List.of("pkg:npm/old@1.0.0"), findings.stream().map(Finding::subject).toList());
    }

    @Test
    void aGitResolvedPackageAndLocalPackagesAreNonRegistrySources() {
        List<String> git = new NonRegistrySourceRule().evaluate(RuleFixtures.context(
                load("lock/edited-bundled-sha1-git__package-lock.json"), null, List.of()))
                .stream().map(Finding::subject).toList();
        assertEquals(List.of("pkg:npm/from-git@0.3.0"), git);
        List<String> local = new NonRegistrySourceRule().evaluate(RuleFixtures.context(
                load("real/npm-cli-11.19.1__workspace-link-alias__package-lock.v3.json"), null, List.of()))
                .stream().map(Finding::subject).sorted().toList();
        assertEquals(List.of("pkg:npm/local-lib@0.1.0", "pkg:npm/ws-a@0.2.0"), local);
    }
}
