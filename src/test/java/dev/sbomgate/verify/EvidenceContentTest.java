package dev.sbomgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.content.Archives;
import dev.sbomgate.content.ContentFixtures;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.HookKind;
import dev.sbomgate.content.PackageKind;
import dev.sbomgate.digest.Digests;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Purl;
import dev.sbomgate.trust.TrustStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify stage inspects each artifact's content in the pass that hashes it. */
class EvidenceContentTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path artifacts;

    private static Component component(String purl) {
        Purl p = Purl.parse(purl);
        return new Component(purl, p, "library", p.namespace(), p.name(), p.version(), List.of(), null, null, null, null,
                List.of(), List.of(), null, List.of(), null);
    }

    private List<Evidence> collect(Component... components) {
        return new EvidenceCollector(new ArtifactLocator(List.of(artifacts)), TrustStore.empty(), NOW, 2)
                .collect(List.of(components));
    }

    @Test
    void foundArtifactsCarryTheirContentSummaryAndTheSameDigests() throws IOException {
        Path tgz = Files.write(artifacts.resolve("demo-http-1.14.1.tgz"), ContentFixtures.npmWithPostinstall());
        Path whl = Files.write(artifacts.resolve("demo_llm-1.82.8-py3-none-any.whl"), ContentFixtures.wheelWithPthImport());
        List<Evidence> evidence = collect(component("pkg:npm/demo-http@1.14.1"), component("pkg:pypi/demo-llm@1.82.8"));

        ContentSummary npm = evidence.get(0).content();
        assertEquals(PackageKind.NPM, npm.packageKind());
        assertEquals(Files.size(tgz), npm.size());
        assertEquals("node setup.js", npm.hooks(HookKind.NPM_SCRIPT).get(0).value());
        assertEquals(Digests.compute(tgz, Set.of(HashAlgorithm.SHA_256)).sha256(),
                evidence.get(0).computed(HashAlgorithm.SHA_256).orElseThrow());

        ContentSummary wheel = evidence.get(1).content();
        assertEquals(PackageKind.WHEEL, wheel.packageKind());
        assertEquals(ContentFixtures.PTH_IMPORT_LINE, wheel.hooks(HookKind.PTH_IMPORT).get(0).value());
        assertEquals(Files.size(whl), wheel.size());
    }

    @Test
    void aHostileArchiveIsFoundEvidenceWithAProblemNotAnError() throws IOException {
        Files.write(artifacts.resolve("evil-1.0.0.tgz"), Archives.tar().symlink("package/index.js", "/etc/passwd").gzip());
        Evidence evidence = collect(component("pkg:npm/evil@1.0.0")).get(0);
        assertEquals(Evidence.ArtifactState.FOUND, evidence.artifactState());
        assertNull(evidence.error());
        assertEquals(List.of("package/index.js (a link to /etc/passwd, outside the archive, never followed)"), evidence.content().unsafeEntries());
    }

    @Test
    void missingOrUnsearchedArtifactsHaveNoSummary() {
        assertNull(collect(component("pkg:npm/absent@1.0.0")).get(0).content());
        Evidence unsearched = new EvidenceCollector(null, TrustStore.empty(), NOW).collect(List.of(component("pkg:npm/x@1"))).get(0);
        assertNull(unsearched.content());
        assertTrue(unsearched.computed().isEmpty());
    }
}
