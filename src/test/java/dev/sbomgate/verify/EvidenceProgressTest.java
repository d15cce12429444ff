package dev.sbomgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import dev.sbomgate.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify stage reports each finished component, with the bytes it hashed, to its progress sink. */
class EvidenceProgressTest {
    private static final Path POM = Path.of("src/test/resources/signature/pgp/real/artifacts/jackson-annotations-2.21.pom");

    @TempDir
    Path dir;

    private static Component component(String purl) {
        Purl p = Purl.parse(purl);
        return new Component(purl, p, "library", p.namespace(), p.name(), p.version(), List.of(), null, null, null, null, List.of(),
                List.of(), null, List.of(), null);
    }

    @Test
    void everyComponentIsReportedOnceWithItsArtifactSize() throws Exception {
        Files.copy(POM, dir.resolve("jackson-annotations-2.21.pom"));
        AtomicInteger started = new AtomicInteger(-1);
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        Progress progress = new Progress() {
            @Override
            public void started(int components) {
                started.set(components);
            }

            @Override
            public void artifactDone(long bytes) {
                done.add(bytes);
            }
        };
        List<Evidence> evidence = new EvidenceCollector(new ArtifactLocator(List.of(dir)), TrustStore.empty(),
                Instant.parse("2026-11-28T12:00:00Z"), 2, progress).collect(List.of(
                component("pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.21?type=pom"),
                component("pkg:maven/org.example/absent@1.0")));
        assertEquals(2, evidence.size());
        assertEquals(2, started.get());
        List<Long> sorted = new ArrayList<>(done);
        Collections.sort(sorted);
        assertEquals(List.of(0L, Files.size(POM)), sorted, "the missing artifact counts with 0 bytes, the found one with its size");
    }

    @Test
    void withoutArtifactsNothingIsReported() {
        AtomicInteger calls = new AtomicInteger();
        new EvidenceCollector(null, TrustStore.empty(), Instant.parse("2026-11-28T12:00:00Z"), bytes -> calls.incrementAndGet())
                .collect(List.of(component("pkg:maven/org.example/a@1.0")));
        assertEquals(0, calls.get());
    }
}
