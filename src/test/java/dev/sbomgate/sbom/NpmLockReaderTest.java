package dev.sbomgate.sbom;

import static dev.sbomgate.sbom.Fixtures.rejected;
import static dev.sbomgate.sbom.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** npm package-lock.json v2/v3 as an input: components, purls, SHA-512 from integrity, edges, links, aliases, bundles. */
class NpmLockReaderTest {

    @TempDir
    Path dir;

    private static Inventory load(String name) {
        return SbomReader.read(Fixtures.resource(name));
    }

    private static Component byRef(Inventory inventory, String ref) {
        return inventory.components().stream().filter(c -> c.bomRef().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ref));
    }

    @Test
    void aRealLockfileGivesPurlsSha512FromIntegrityAndEdges() {
        Inventory inventory = load("real/npm-cli-11.19.1__color-name-debug__package-lock.json");
        assertEquals("npm-lockfile-3", inventory.specVersion());
        assertEquals("pkg:npm/npmproj@1.0.0", inventory.root().purl().toString());
        Component colorName = byRef(inventory, "node_modules/color-name");
        assertEquals("pkg:npm/color-name@1.1.4", colorName.purl().toString());
        // sha512-dOy+3AuW… decoded: the exact bytes npm's registry signature covers
        assertEquals(List.of(new Digest(HashAlgorithm.SHA_512, "74ecbedc0b96ddadb035b64722e319a537208c6b8b53fb812ffb9b71"
                + "917d3976c3a3c7dfe0ef32569e417f479f4bcb84a18a39ab8171edd63d3a04065e002c40")), colorName.hashes());
        assertEquals(Set.of("node_modules/ms"), inventory.dependenciesOf("node_modules/debug"));
        assertEquals(Set.of("node_modules/color-name", "node_modules/debug"), inventory.dependenciesOf("."));
        assertNull(inventory.timestamp());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"real/npm-cli-11.19.1__workspace-link-alias__package-lock.v3.json",
            "real/npm-cli-11.19.1__workspace-link-alias__package-lock.v2.json"})
    void linksWorkspacesAndAliasesOfLockfileV2AndV3(String name) {
        Inventory inventory = load(name);
        assertEquals(5, inventory.components().size(), inventory.components()::toString);
        // the link entries (node_modules/ws-a, node_modules/local-lib) are not components; their targets are,
        // named after the link, with a file: source that NON_REGISTRY_SOURCE sees as a local path
        Component ws = byRef(inventory, "packages/ws-a");
        assertEquals("pkg:npm/ws-a@0.2.0", ws.purl().toString());
        assertEquals(List.of("file:packages/ws-a"), ws.references("distribution"));
        assertEquals(Set.of("node_modules/color-name"), inventory.dependenciesOf("packages/ws-a"));
        assertEquals(Set.of("local-lib", "node_modules/ms", "node_modules/old-ms"), inventory.dependenciesOf("."));
        // npm:ms@0.7.1 installed as old-ms is the package ms
        Component alias = byRef(inventory, "node_modules/old-ms");
        assertEquals("pkg:npm/ms@0.7.1", alias.purl().toString());
        assertEquals(Optional.of("old-ms"), alias.property("npm:alias"));
        assertEquals(List.of("https://registry.npmjs.org/ms/-/ms-0.7.1.tgz"), alias.references("distribution"));
    }

    @Test
    void bundledDependenciesAreNestedInTheirBundlerAndScopesFollowDevAndOptional() {
        Inventory inventory = load("lock/edited-bundled-sha1-git__package-lock.json");
        Component inner = byRef(inventory, "node_modules/bundler/node_modules/inner");
        assertEquals("node_modules/bundler", inner.parentRef());
        assertEquals(Optional.of("true"), inner.property("npm:inBundle"));
        assertEquals(List.of(), inner.hashes(), "a bundled package has no integrity of its own");
        assertEquals("excluded", byRef(inventory, "node_modules/tool").scope());
        assertEquals("required", byRef(inventory, "node_modules/old").scope());
        assertTrue(inventory.dependenciesOf(".").contains("node_modules/tool"), "devDependencies are edges too");
        assertEquals("pkg:npm/%40acme/real-name@3.0.0", byRef(inventory, "node_modules/scoped").purl().toString());
        assertEquals(List.of(new Digest(HashAlgorithm.SHA_1, "38abce2a5d4a108749492daff103ef83741f8955")),
                byRef(inventory, "node_modules/old").hashes());
    }

    @Test
    void malformedLockfilesAreRefused() throws IOException {
        String real = Files.readString(Fixtures.resource("real/npm-cli-11.19.1__color-name-debug__package-lock.json"));
        assertTrue(rejected(write(dir, "v1.json", real.replace("\"lockfileVersion\": 3", "\"lockfileVersion\": 1")))
                .contains("lockfileVersion 2 and 3"));
        assertTrue(rejected(write(dir, "alg.json", real.replaceFirst("sha512-dOy", "md5-dOy")))
                .contains("integrity entry sbomgate cannot read"));
        assertTrue(rejected(write(dir, "b64.json", real.replaceFirst("sha512-dOy\\+3AuW", "sha512-!!!!")))
                .contains("not base64"));
        assertTrue(rejected(write(dir, "short.json", real.replaceFirst("sha512-dOy\\+3AuW3a2wNbZHIuMZ[^\"]*\"", "sha512-AAAA\"")))
                .contains("integrity of 3 bytes"));
        assertTrue(rejected(write(dir, "ver.json", real.replace("\"version\": \"1.1.4\"", "\"version\": 114")))
                .contains("\"version\" is not a string"));
        String deep = "node_modules/a/".repeat(NpmLockReader.MAX_PATH_DEPTH + 1) + "node_modules/z";
        assertTrue(rejected(write(dir, "deep.json", real.replace("\"node_modules/ms\"", "\"" + deep + "\"")))
                .contains("refused as hostile"));
    }
}
