package dev.sbomgate.content;

import static dev.sbomgate.content.Archives.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the inspector records from each ecosystem's archives, and what it leaves out. */
class ContentInspectorTest {

    /** Through the in-memory reader (a zip by its central directory); {@code ...StreamingTest} runs these through the stream. */
    ContentSummary inspect(byte[] artifact, String fileName, String purlType, ArchiveLimits limits) {
        return Archives.inspect(artifact, fileName, purlType, limits);
    }

    ContentSummary inspect(byte[] artifact, String fileName, String purlType) {
        return inspect(artifact, fileName, purlType, ArchiveLimits.defaults());
    }

    private static List<String> hooks(ContentSummary summary) {
        return summary.hooks().stream().map(h -> h.kind() + " " + h.name() + "=" + h.value() + " @" + h.path()).toList();
    }

    @Test
    void npmTarballScriptsBinAndNativeBuild() {
        byte[] tgz = Archives.npm("""
                {"name":"@acme/tool","version":"1.0.0",
                 "scripts":{"test":"jest","preinstall":"node pre.js","postinstall":"node post.js","prepare":"tsc"},
                 "bin":{"acme":"bin/acme.js"}}
                """, "binding.gyp", "{}", "build/Release/addon.node", ContentFixtures.elf(), "bin/acme.js", "#!/usr/bin/env node\n");
        ContentSummary s = inspect(tgz, "acme-tool-1.0.0.tgz", "npm");
        assertNull(s.problem());
        assertEquals(ArchiveFormat.TAR_GZIP, s.format());
        assertEquals(PackageKind.NPM, s.packageKind());
        assertEquals(tgz.length, s.size());
        assertEquals(List.of(
                "NPM_SCRIPT postinstall=node post.js @package.json",
                "NPM_SCRIPT preinstall=node pre.js @package.json",
                "NPM_SCRIPT prepare=tsc @package.json",
                "NPM_NATIVE_BUILD binding.gyp= @binding.gyp",
                "NPM_BIN acme=bin/acme.js @package.json",
                "NATIVE_BINARY addon.node= @build/Release/addon.node"), hooks(s));
    }

    @Test
    void npmStringBinIsNamedAfterThePackageWithoutItsScope() {
        ContentSummary s = inspect(Archives.npm("{\"name\":\"@acme/tool\",\"bin\":\"cli.js\"}"), "x.tgz", "npm");
        assertEquals(List.of("NPM_BIN tool=cli.js @package.json"), hooks(s));
    }

    @Test
    void npmDuplicateKeysKeepTheLastValueAsNpmDoes() {
        ContentSummary s = inspect(Archives.npm(
                "{\"scripts\":{\"postinstall\":\"echo harmless\",\"postinstall\":\"node evil.js\"}}"), "x.tgz", "npm");
        assertEquals(List.of("NPM_SCRIPT postinstall=node evil.js @package.json"), hooks(s));
    }

    @Test
    void npmWithoutInstallScriptsRecordsNothing() {
        assertEquals(List.of(), hooks(inspect(ContentFixtures.npmApproved(), "demo-http-1.14.0.tgz", "npm")));
    }

    @Test
    void wheelPthFilesEntryPointsDataScriptsAndExtensions() {
        byte[] whl = ContentFixtures.wheel("1.0",
                "evil_init.pth", "# comment\n" + ContentFixtures.PTH_IMPORT_LINE + "\nsome/path\nimport\tsys\n",
                "paths.pth", "src/vendor\n",
                "demo_llm-1.0.data/purelib/hidden.pth", "import os\n",
                "demo_llm-1.0.data/scripts/demo-run", "#!python\n",
                "demo_llm/_speedups.cpython-311-x86_64-linux-gnu.so", ContentFixtures.elf(),
                "demo_llm/nested/not_top.pth", "import os\n");
        ContentSummary s = inspect(whl, "demo_llm-1.0-py3-none-any.whl", "pypi");
        assertEquals(PackageKind.WHEEL, s.packageKind());
        assertEquals(List.of(
                "PTH_IMPORT evil_init.pth=" + ContentFixtures.PTH_IMPORT_LINE + "\nimport\tsys @evil_init.pth",
                "PTH_IMPORT hidden.pth=import os @demo_llm-1.0.data/purelib/hidden.pth",
                "PTH_PATH paths.pth= @paths.pth",
                "PYTHON_SCRIPT console_scripts:demo-llm=demo_llm.cli:main @demo_llm-1.0.dist-info/entry_points.txt",
                "WHEEL_DATA_SCRIPT demo-run= @demo_llm-1.0.data/scripts/demo-run",
                "NATIVE_BINARY _speedups.cpython-311-x86_64-linux-gnu.so= @demo_llm/_speedups.cpython-311-x86_64-linux-gnu.so"),
                hooks(s));
    }

    @Test
    void sdistSetupPyAndBuildBackend() {
        byte[] sdist = Archives.tar()
                .file("demo-2.0/setup.py", "from setuptools import setup\nsetup()\n")
                .file("demo-2.0/pyproject.toml", """
                        [project]
                        name = "demo"
                        build-backend = "not.this"

                        [build-system]
                        requires = ["setuptools"]
                        build-backend = "backend" # in tree
                        backend-path = [
                            "_build",
                            'tools',
                        ]
                        """)
                .file("demo-2.0/nested/setup.py", "")
                .gzip();
        ContentSummary s = inspect(sdist, "demo-2.0.tar.gz", "pypi");
        assertEquals(PackageKind.SDIST, s.packageKind());
        assertEquals(List.of(
                "SETUP_PY setup.py= @setup.py",
                "BUILD_BACKEND build-backend=backend from backend-path [_build, tools] @pyproject.toml"), hooks(s));
    }

    @Test
    void aZipSdistIsReadFromInsideItsRootDirectory() {
        byte[] zip = Archives.zip().add("demo-2.0/setup.py", "setup()\n").add("demo-2.0/demo/__init__.py", "").bytes();
        assertEquals(List.of("SETUP_PY setup.py= @setup.py"), hooks(inspect(zip, "demo-2.0.zip", "pypi")));
    }

    @Test
    void pyprojectWithoutBackendMeansSetuptoolsLegacy() {
        ContentSummary s = inspect(Archives.tar().file("d-1/pyproject.toml", "[build-system]\nrequires=[]\n").gzip(),
                "d-1.tar.gz", "pypi");
        assertEquals(List.of("BUILD_BACKEND build-backend=setuptools.build_meta:__legacy__ (no build-backend given)"
                + " @pyproject.toml"), hooks(s));
    }

    @Test
    void jarAgentsMainClassServicesNativeAndNestedJars() {
        byte[] nested = Archives.zip().add("lib/libinner.so", ContentFixtures.elf()).bytes();
        byte[] jar = Archives.jar("Main-Class: com.example.Main", "premain-class: com.example.Ag",
                        " ent", "Launcher-Agent-Class: com.example.Launch")
                .add("META-INF/services/java.sql.Driver", "# drivers\ncom.example.Driver # the driver\n\ncom.example.Other\n")
                .add("META-INF/services/sub/ignored", "x.Y\n")
                .add("META-INF/native/libnetty.so", ContentFixtures.elf())
                .add("com/example/payload.bin", ContentFixtures.elf())
                .add("com/example/Main.class", ContentFixtures.classFile())
                .stored("BOOT-INF/lib/inner-1.0.jar", nested)
                .bytes();
        ContentSummary s = inspect(jar, "app-1.0.jar", "maven");
        assertEquals(PackageKind.JAR, s.packageKind());
        assertEquals(List.of(
                "JAVA_AGENT Launcher-Agent-Class=com.example.Launch @META-INF/MANIFEST.MF",
                "JAVA_AGENT Premain-Class=com.example.Agent @META-INF/MANIFEST.MF",
                "MAIN_CLASS Main-Class=com.example.Main @META-INF/MANIFEST.MF",
                "SERVICE_PROVIDER java.sql.Driver=com.example.Driver @META-INF/services/java.sql.Driver",
                "SERVICE_PROVIDER java.sql.Driver=com.example.Other @META-INF/services/java.sql.Driver",
                "NATIVE_BINARY libinner.so= @BOOT-INF/lib/inner-1.0.jar!/lib/libinner.so",
                "NATIVE_BINARY libnetty.so= @META-INF/native/libnetty.so",
                "NATIVE_BINARY payload.bin= @com/example/payload.bin",
                "NESTED_ARCHIVE BOOT-INF/lib/inner-1.0.jar= @BOOT-INF/lib/inner-1.0.jar"), hooks(s));
    }

    @Test
    void aPyprojectThatIsNotTomlLeavesTheHooksUnknown() {
        ContentSummary s = inspect(Archives.tar().file("d-1/pyproject.toml", "[build-system]\nbuild-backend = \"a\"\n"
                + "build-backend = \"b\"\n").gzip(), "d-1.tar.gz", "pypi");
        assertTrue(s.problem() != null && s.problem().contains("pyproject.toml is not valid TOML"), s.problem());
    }

    @Test
    void aManifestTheJdkRefusesLeavesTheHooksUnknown() {
        byte[] jar = Archives.zip().add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nPremain-Class a.B\r\n\r\n").bytes();
        ContentSummary s = inspect(jar, "a.jar", "maven");
        assertTrue(s.problem() != null && s.problem().contains("is not a manifest the JDK reads"), s.problem());
    }

    @Test
    void manifestSectionsAfterTheMainOneAreNotAttributesOfTheJar() {
        byte[] jar = Archives.zip().add("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\r\n\r\nName: com/example/\r\nPremain-Class: not.the.Main\r\n").bytes();
        assertEquals(List.of(), hooks(inspect(jar, "a.jar", "maven")));
    }

    @Test
    void aClassFileIsNotANativeBinaryButAUniversalMachOIs() {
        byte[] fat = new byte[64];
        System.arraycopy(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 2}, 0, fat, 0, 8);
        byte[] jar = Archives.zip().add("A.class", ContentFixtures.classFile()).add("mac/helper", fat).bytes();
        assertEquals(List.of("NATIVE_BINARY helper= @mac/helper"), hooks(inspect(jar, "a.jar", "maven")));
    }

    @Test
    void theRulesOfOneEcosystemDoNotApplyToAnother() {
        // A top-level .pth in a jar is not run by anything; package.json in a wheel is not an npm package.
        byte[] zip = Archives.zip().add("evil.pth", "import os\n").add("package.json",
                "{\"scripts\":{\"postinstall\":\"x\"}}").bytes();
        assertEquals(List.of(), hooks(inspect(zip, "a.jar", "maven")));
        assertEquals(List.of("PTH_IMPORT evil.pth=import os @evil.pth"), hooks(inspect(zip, "a-1-py3-none-any.whl", "pypi")));
    }

    @Test
    void packageKindFollowsPurlTypeThenFileName() {
        assertEquals(PackageKind.NPM, PackageKind.of("x.tgz", null, ArchiveFormat.TAR_GZIP));
        assertEquals(PackageKind.SDIST, PackageKind.of("x.tar.gz", null, ArchiveFormat.TAR_GZIP));
        assertEquals(PackageKind.NPM, PackageKind.of("x.tar.gz", "npm", ArchiveFormat.TAR_GZIP));
        assertEquals(PackageKind.OTHER, PackageKind.of("x.crate", "cargo", ArchiveFormat.TAR_GZIP));
        assertEquals(PackageKind.SDIST, PackageKind.of("x.zip", "pypi", ArchiveFormat.ZIP));
        assertEquals(PackageKind.WHEEL, PackageKind.of("x.whl", "pypi", ArchiveFormat.ZIP));
        assertEquals(PackageKind.JAR, PackageKind.of("x.zip", "maven", ArchiveFormat.ZIP));
        assertEquals(PackageKind.JAR, PackageKind.of("x.war", null, ArchiveFormat.ZIP));
        assertEquals(PackageKind.OTHER, PackageKind.of("x.nupkg", "nuget", ArchiveFormat.ZIP));
    }

    @Test
    void aFileThatIsNotAnArchiveRecordsItsSizeOnly() {
        byte[] pom = utf8("<project/>\n");
        ContentSummary s = inspect(pom, "a-1.0.pom", "maven");
        assertEquals(ContentSummary.notAnArchive(pom.length), s);
        assertEquals(ContentSummary.notAnArchive(0), inspect(new byte[0], "empty.jar", "maven"));
    }

    @Test
    void aGzipThatIsNotATarballIsOnlyAProblemWhereATarballIsExpected() {
        byte[] gz = Archives.gzip(utf8("just some text, not a tar header at all".repeat(20)));
        assertEquals(ArchiveFormat.NONE, inspect(gz, "notes.gz", null).format());
        ContentSummary npm = inspect(gz, "x-1.0.0.tgz", "npm");
        assertTrue(npm.problem().startsWith("archive cannot be read: not a tar archive"), npm.problem());
    }

    @Test
    void anUnparseablePackageJsonIsAProblemNotAnException() {
        ContentSummary s = inspect(Archives.npm("{\"scripts\": {"), "x.tgz", "npm");
        assertTrue(s.problem().startsWith("install hooks cannot be read: package.json is not valid JSON"), s.problem());
    }

    @Test
    void largeMinifiedAndPackedScriptsAreRecordedReadableOnesAreNot() {
        String minified = ContentFixtures.minifiedJs(20, 2_000);
        String readable = ContentFixtures.readableJs(64 * 1024);
        String packed = ContentFixtures.base64Payload(40_000, 7);
        byte[] tgz = Archives.npm("{}", "dist/bundle.js", minified, "lib/index.js", readable, "tools/drop.py", packed,
                "small.min.js", ContentFixtures.minifiedJs(2, 1_000), "data/blob.bin", packed);
        ContentSummary s = inspect(tgz, "x.tgz", "npm");
        List<String> paths = s.opaqueFiles().stream().map(OpaqueFile::path).toList();
        assertEquals(List.of("dist/bundle.js", "tools/drop.py"), paths);
        OpaqueFile bundle = s.opaqueFiles().get(0);
        assertEquals(minified.length(), bundle.size());
        assertEquals(2_000, bundle.longestLine());
        assertTrue(bundle.minified() && !bundle.packed(), bundle.describe());
        OpaqueFile drop = s.opaqueFiles().get(1);
        assertTrue(drop.packed() && !drop.minified(), drop.describe());
    }

    @Test
    void controlAndBidiCharactersInNamesAreEscaped() {
        byte[] tgz = Archives.npm("{}", "lib/evil\u202e.so", ContentFixtures.elf());
        Hook hook = inspect(tgz, "x.tgz", "npm").hooks().get(0);
        assertEquals("lib/evil\\u202e.so", hook.path());
    }

    @Test
    void hostileAndNormalLongValuesAreBoundedWithTheirDigest() {
        String script = "node -e " + "x".repeat(5_002);
        ContentSummary s = inspect(Archives.npm("{\"scripts\":{\"install\":\"" + script + "\"}}"), "x.tgz", "npm");
        Hook hook = s.hooks().get(0);
        assertTrue(hook.value().startsWith(script.substring(0, Hook.MAX_VALUE) + "… (5010 characters, SHA-256 "), hook.value());
        assertEquals("\"" + script.substring(0, Hook.QUOTE) + "\"… (more than 1024 characters)", hook.quote());
    }

    @Test
    void cutsNeverSplitASurrogatePairAndHostileNamesAreBoundedToo() {
        String emoji = "\uD83D\uDE00";
        String value = "x".repeat(Hook.MAX_VALUE - 1) + emoji + "tail";
        Hook hook = Hook.of(HookKind.NPM_SCRIPT, "n".repeat(10_000), value, "package.json");
        assertTrue(hook.value().startsWith("x".repeat(Hook.MAX_VALUE - 1) + "… ("), hook.value());
        assertTrue(hook.name().startsWith("n".repeat(Hook.MAX_VALUE) + "… (10000 characters, SHA-256 "), hook.name());
        String quoted = Hook.of(HookKind.NPM_SCRIPT, "s", "y".repeat(Hook.QUOTE - 1) + emoji + "z", "p").quote();
        assertEquals("\"" + "y".repeat(Hook.QUOTE - 1) + "\"… (" + (Hook.QUOTE + 2) + " characters)", quoted);
    }

    @Test
    void anEntryHiddenBehindTheEndOfArchiveMarkerIsStillRead() {
        byte[] tgz = Archives.tar().file("package/index.js", "1").end()
                .file("package/package.json", "{\"scripts\":{\"postinstall\":\"node x\"}}").gzip();
        assertEquals(List.of("NPM_SCRIPT postinstall=node x @package.json"), hooks(inspect(tgz, "x.tgz", "npm")));
    }

    @Test
    void longNamesFromGnuAndPaxHeaders() {
        String deep = "package/" + "d/".repeat(60) + "addon.node";
        byte[] tgz = Archives.tar().gnuLongName(deep, ContentFixtures.elf())
                .paxPath("package/pax/" + "p".repeat(120) + ".so", ContentFixtures.elf()).gzip();
        List<String> paths = inspect(tgz, "x.tgz", "npm").hooks().stream().map(Hook::path).toList();
        assertEquals(List.of(deep.substring("package/".length()), "pax/" + "p".repeat(120) + ".so"), paths);
    }
}
