package dev.sbomgate.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.text.Untrusted;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Reads the hooks out of the few files that declare them. Pure: bytes in, hooks out. Each parser reads the
 * file the way its installer does, so that what the installer would run is what gets recorded.
 */
final class HookParsers {

    /** The npm lifecycle scripts that run when a package is installed or packed (docs.npmjs.com, "Scripts"). */
    static final List<String> NPM_SCRIPTS = List.of("preinstall", "install", "postinstall", "prepare", "prepack");

    private HookParsers() {
    }

    /** Thrown when a hook file cannot be parsed: the artifact's hooks are then unknown. */
    static final class Unparseable extends Exception {
        private static final long serialVersionUID = 1L;

        Unparseable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * package.json: the install-time scripts (with their command text) and the bin commands. Duplicate keys
     * keep the last value, as JavaScript's JSON.parse (and so npm) does.
     */
    static List<Hook> packageJson(byte[] bytes, String path) throws Unparseable {
        JsonNode root;
        try {
            root = Mappers.lastKeyWins().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new Unparseable(path + " is not valid JSON: " + oneLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new Unparseable(path + " cannot be read: " + oneLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new Unparseable(path + " is not a JSON object");
        }
        List<Hook> hooks = new ArrayList<>();
        JsonNode scripts = root.get("scripts");
        if (scripts != null && scripts.isObject()) {
            for (String script : NPM_SCRIPTS) {
                JsonNode command = scripts.get(script);
                if (command != null && !command.isNull()) {
                    hooks.add(Hook.of(HookKind.NPM_SCRIPT, script, command.isTextual() ? command.textValue()
                            : command.toString(), path));
                }
            }
        }
        JsonNode bin = root.get("bin");
        if (bin != null && bin.isTextual()) {
            // A string bin is one command named after the package, without its scope (npm's package.json docs).
            JsonNode name = root.get("name");
            String command = name != null && name.isTextual() ? name.textValue() : "(unnamed)";
            int slash = command.lastIndexOf('/');
            command = slash >= 0 ? command.substring(slash + 1) : command;
            hooks.add(Hook.of(HookKind.NPM_BIN, command.isBlank() ? "(unnamed)" : command, bin.textValue(), path));
        } else if (bin != null && bin.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = bin.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String command = e.getKey().isBlank() ? "(blank)" : Untrusted.printable(e.getKey());
                hooks.add(Hook.of(HookKind.NPM_BIN, command, e.getValue().isTextual() ? e.getValue().textValue()
                        : e.getValue().toString(), path));
            }
        }
        return hooks;
    }

    /**
     * A {@code .pth} file, read as CPython's {@code site.addpackage} does: lines starting with {@code #} are
     * skipped, lines starting with {@code import} followed by a space or tab are executed, the others are paths.
     * Named by its file name, which is where the installer puts it in site-packages.
     */
    static Hook pth(byte[] bytes, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        List<String> imports = new ArrayList<>();
        for (String line : text(bytes).split("\r\n|\r|\n", -1)) {
            if (line.startsWith("import ") || line.startsWith("import\t")) {
                imports.add(line);
            }
        }
        return imports.isEmpty() ? Hook.of(HookKind.PTH_PATH, name, "", path)
                : Hook.of(HookKind.PTH_IMPORT, name, String.join("\n", imports), path);
    }

    /**
     * A wheel's {@code entry_points.txt} (the PyPA entry points specification: INI sections, {@code name =
     * object reference}): the {@code console_scripts} and {@code gui_scripts} groups, which installers turn into
     * commands.
     */
    static List<Hook> entryPoints(byte[] bytes, String path) {
        List<Hook> hooks = new ArrayList<>();
        String group = null;
        for (String raw : text(bytes).split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || group == null || !(group.equals("console_scripts") || group.equals("gui_scripts"))) {
                continue;
            }
            String script = line.substring(0, equals).strip();
            hooks.add(Hook.of(HookKind.PYTHON_SCRIPT, group + ":" + Untrusted.printable(script),
                    line.substring(equals + 1).strip(), path));
        }
        return hooks;
    }

    /**
     * {@code pyproject.toml}'s {@code [build-system]} table (PEP 517/518): {@code build-backend} and
     * {@code backend-path}, read with a TOML parser ({@link Mappers#toml()}): pip refuses a pyproject.toml that is not
     * TOML, so one that does not parse is a problem, not an empty list. Without the table, pip falls back on setup.py
     * (recorded apart). With the table but no backend, pip uses {@code setuptools.build_meta:__legacy__}.
     */
    static List<Hook> pyproject(byte[] bytes, String path) throws Unparseable {
        JsonNode root;
        try {
            root = Mappers.toml().readTree(text(bytes));
        } catch (JsonProcessingException e) {
            throw new Unparseable(path + " is not valid TOML: " + oneLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new Unparseable(path + " cannot be read: " + oneLine(e.getMessage()));
        }
        JsonNode table = root == null ? null : root.get("build-system");
        if (table == null || !table.isObject()) {
            return List.of();
        }
        JsonNode backend = table.get("build-backend");
        List<String> backendPath = new ArrayList<>();
        for (JsonNode entry : table.path("backend-path")) {
            backendPath.add(entry.asText());
        }
        String value = (backend == null || !backend.isTextual() ? "setuptools.build_meta:__legacy__ (no build-backend given)"
                : backend.textValue()) + (backendPath.isEmpty() ? "" : " from backend-path " + backendPath);
        return List.of(Hook.of(HookKind.BUILD_BACKEND, "build-backend", value, path));
    }

    /**
     * A MANIFEST's main section, read by the JDK's own {@link Manifest} (so this reads exactly what the JVM reads:
     * continuation lines, case-insensitive names); only the main section is given to it, since the entry sections
     * after it may have been cut at the read limit. A manifest the JDK refuses is a problem: its hooks are unknown.
     */
    static List<Hook> manifest(byte[] bytes, String path) throws Unparseable {
        int end = mainSectionLength(bytes, bytes.length);
        byte[] main = Arrays.copyOf(bytes, end < 0 ? bytes.length : end);
        if (main.length == 0 || main[main.length - 1] != '\n') {
            main = Arrays.copyOf(main, main.length + 1);
            main[main.length - 1] = '\n';
        }
        Attributes attributes;
        try {
            attributes = new Manifest(new ByteArrayInputStream(main)).getMainAttributes();
        } catch (java.io.IOException | RuntimeException e) {
            throw new Unparseable(path + " is not a manifest the JDK reads: " + oneLine(e.getMessage()));
        }
        List<Hook> hooks = new ArrayList<>();
        for (String name : List.of("Premain-Class", "Agent-Class", "Launcher-Agent-Class", "Main-Class")) {
            String value = attributes.getValue(name);
            if (value != null && !value.isBlank()) {
                hooks.add(Hook.of(name.equals("Main-Class") ? HookKind.MAIN_CLASS : HookKind.JAVA_AGENT, name,
                        value.strip(), path));
            }
        }
        return hooks;
    }

    /**
     * The length of a manifest's main section (up to and including the empty line that ends it) within the first
     * {@code length} bytes, or -1 when those bytes do not hold its end.
     */
    static int mainSectionLength(byte[] bytes, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (bytes[i] == '\n' && bytes[i + 1] == '\r' && i + 2 < length && bytes[i + 2] == '\n') {
                return i + 3;
            }
            if (bytes[i] == '\r' && bytes[i + 1] == '\r') {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * A {@code META-INF/services/<service>} file (java.util.ServiceLoader): one provider class per line,
     * {@code #} starts a comment.
     */
    static List<Hook> services(byte[] bytes, String path) {
        String service = Untrusted.printable(path.substring(path.lastIndexOf('/') + 1));
        List<Hook> hooks = new ArrayList<>();
        for (String raw : text(bytes).split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String provider = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (!provider.isEmpty()) {
                hooks.add(Hook.of(HookKind.SERVICE_PROVIDER, service, Untrusted.printable(provider), path));
            }
        }
        return hooks;
    }

    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
