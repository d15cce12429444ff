package dev.sbomgate.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Purl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Components back to the manifest lines that declare them, per ecosystem; transitive ones to the direct dependency. */
class ManifestsTest {
    @TempDir
    Path repo;

    private static Component component(String purl) {
        Purl p = Purl.parse(purl);
        return new Component(purl, p, "library", p.namespace(), p.name(), p.version(), List.of(), null, null, null, null,
                List.of(), List.of(), null, List.of(), null);
    }

    private static Inventory inventory(List<Component> components, Map<String, List<String>> graph) {
        SortedMap<String, SortedSet<String>> deps = new TreeMap<>();
        graph.forEach((k, v) -> deps.put(k, new TreeSet<>(v)));
        return new Inventory(Path.of("bom.json"), "json", "1.6", null, 1, null, null, List.of(), components, deps);
    }

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
    }

    private Path write(String name, String text) throws IOException {
        Path file = repo.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void mavenDependencyAndTheParentThatManagesItsVersion() throws IOException {
        Path parent = write("pom.xml", """
                <project>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>com.fasterxml.jackson.core</groupId>
                        <artifactId>jackson-databind</artifactId>
                        <version>2.21.3</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                </project>
                """);
        Path module = write("app/pom.xml", """
                <project>
                  <dependencies>
                    <dependency>
                      <groupId>org.slf4j</groupId>
                      <artifactId>slf4j-api</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """);
        Component databind = component("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.21.3");
        Component slf4j = component("pkg:maven/org.slf4j/slf4j-api@2.0.17");
        Component core = component("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.21.3");
        Inventory inventory = inventory(List.of(databind, slf4j, core), Map.of(databind.bomRef(), List.of(core.bomRef())));
        List<Path> found = Manifests.discover(repo);
        assertEquals(List.of(module, parent).stream().map(Path::toString).sorted().toList(), found.stream().map(Path::toString).toList());
        Map<String, Declaration> d = Manifests.locate(inventory, repo, found);
        assertEquals(new Declaration(parent, 6, null), d.get(databind.bomRef()), "the managing parent's <artifactId> line");
        assertEquals(new Declaration(module, 5, null), d.get(slf4j.bomRef()));
        Declaration transitive = d.get(core.bomRef());
        assertEquals(parent.toRealPath(), transitive.file());
        assertEquals(6, transitive.line());
        assertEquals(databind.label(), transitive.via(), "points at the direct dependency that brings it in, and names it");
    }

    @Test
    void gradleBuildFilesAndVersionCatalogs() throws IOException {
        write("gradle/libs.versions.toml", """
                [libraries]
                guava = { module = "com.google.guava:guava", version = "33.0.0-jre" }
                junit = { group = "org.junit.jupiter", name = "junit-jupiter", version.ref = "junit" }
                """);
        write("build.gradle.kts", """
                dependencies {
                    implementation("org.apache.commons:commons-lang3:3.14.0")
                }
                """);
        Component guava = component("pkg:maven/com.google.guava/guava@33.0.0-jre");
        Component junit = component("pkg:maven/org.junit.jupiter/junit-jupiter@5.10.0");
        Component lang = component("pkg:maven/org.apache.commons/commons-lang3@3.14.0");
        Map<String, Declaration> d = Manifests.locate(inventory(List.of(guava, junit, lang), Map.of()), repo, Manifests.discover(repo));
        assertEquals(2, d.get(guava.bomRef()).line());
        assertTrue(d.get(guava.bomRef()).file().endsWith("gradle/libs.versions.toml"));
        assertEquals(3, d.get(junit.bomRef()).line());
        assertEquals(2, d.get(lang.bomRef()).line());
        assertTrue(d.get(lang.bomRef()).file().endsWith("build.gradle.kts"));
    }

    @Test
    void npmAndPythonManifests() throws IOException {
        write("web/package.json", """
                {
                  "name": "web",
                  "version": "1.0.0",
                  "dependencies": {
                    "express": "^4.19.0",
                    "@types/node": "20.0.0"
                  }
                }
                """);
        write("requirements-dev.txt", "# tools\nRequests[socks]==2.32.0\n");
        write("pyproject.toml", """
                [project]
                name = "svc"
                dependencies = [
                  "urllib3>=2",
                ]
                """);
        Component express = component("pkg:npm/express@4.19.2");
        Component types = component("pkg:npm/%40types/node@20.0.0");
        Component requests = component("pkg:pypi/requests@2.32.0");
        Component urllib3 = component("pkg:pypi/urllib3@2.2.0");
        Component web = component("pkg:npm/web@1.0.0");
        Map<String, Declaration> d = Manifests.locate(inventory(List.of(express, types, requests, urllib3, web), Map.of()), repo,
                Manifests.discover(repo));
        assertEquals(5, d.get(express.bomRef()).line());
        assertEquals(6, d.get(types.bomRef()).line());
        assertEquals(2, d.get(requests.bomRef()).line(), "PEP 503 names, extras ignored");
        assertEquals(4, d.get(urllib3.bomRef()).line());
        assertNull(d.get(web.bomRef()), "the package's own name field is no dependency");
    }

    @Test
    void onlyFilesInsideTheRepositoryAreRead(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("package.json"), "{\"dependencies\": {\n\"express\": \"1\"\n}}\n");
        Inventory inventory = inventory(List.of(component("pkg:npm/express@1.0.0")), Map.of());
        BadInputException e = assertThrows(BadInputException.class, () -> Manifests.locate(inventory, repo, List.of(outside)));
        assertTrue(e.getMessage().contains("is outside the repository"), e.getMessage());
        Files.createSymbolicLink(repo.resolve("linked"), elsewhere);
        Files.createDirectories(repo.resolve("node_modules/x"));
        Files.writeString(repo.resolve("node_modules/x/package.json"), "{}");
        assertTrue(Manifests.discover(repo).isEmpty(), "no symbolic link followed, node_modules skipped");
        assertThrows(BadInputException.class, () -> Manifests.locate(inventory, repo, List.of(repo.resolve("README.md"))));
    }

    @Test
    void theGitTopLevelIsFoundFromASubdirectory() throws IOException {
        Path sub = Files.createDirectories(repo.resolve("a/b"));
        assertEquals(repo.toAbsolutePath().normalize(), Manifests.gitTop(sub).orElseThrow());
        assertFalse(Manifests.gitTop(Path.of("/")).isPresent());
    }
}
