package dev.sbomgate.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.text.Untrusted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the hooks out of the few files that declare them. Pure: bytes in, hooks out. Each parser reads the
 * file the way its installer does, so that what the installer would run is what gets recorded.
 */
final class HookParsers {

    /** The npm lifecycle scripts that run when a package is installed or packed (docs.npmjs.com, "Scripts"). */
    static final List<String> NPM_SCRIPTS = List.of("preinstall", "install", "postinstall", "prepare", "prepack");

    private static final ObjectMapper JSON = Mappers.lastKeyWins();

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
            root = JSON.readTree(bytes);
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
     * {@code backend-path}. A small reader of exactly these two keys, not a TOML parser: basic and literal strings,
     * arrays of them (possibly over several lines). Without the table, pip falls back on setup.py (recorded apart).
     * With the table but no backend, pip uses {@code setuptools.build_meta:__legacy__}.
     */
    static List<Hook> pyproject(byte[] bytes, String path) {
        String[] lines = text(bytes).split("\r\n|\r|\n");
        boolean inTable = false;
        boolean sawTable = false;
        String backend = null;
        List<String> backendPath = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("[")) {
                inTable = line.replace(" ", "").equals("[build-system]");
                sawTable |= inTable;
                continue;
            }
            if (!inTable) {
                continue;
            }
            if (line.startsWith("build-backend") && line.substring("build-backend".length()).strip().startsWith("=")) {
                backend = firstString(line.substring(line.indexOf('=') + 1));
            } else if (line.startsWith("backend-path") && line.substring("backend-path".length()).strip().startsWith("=")) {
                StringBuilder array = new StringBuilder(line.substring(line.indexOf('=') + 1));
                while (array.indexOf("]") < 0 && i + 1 < lines.length) {
                    array.append(' ').append(lines[++i].strip());
                }
                backendPath.addAll(strings(array.toString()));
            }
        }
        if (!sawTable) {
            return List.of();
        }
        String value = (backend == null ? "setuptools.build_meta:__legacy__ (no build-backend given)" : backend)
                + (backendPath.isEmpty() ? "" : " from backend-path " + backendPath);
        return List.of(Hook.of(HookKind.BUILD_BACKEND, "build-backend", value, path));
    }

    /**
     * A MANIFEST's main section (the JAR File Specification, "Manifest specification"): {@code Name: value}
     * lines, continuation lines start with one space, the section ends at the first empty line. Attribute names
     * are case-insensitive. Lenient on malformed lines, which the JDK would refuse anyway.
     */
    static List<Hook> manifest(byte[] bytes, String path) {
        List<Hook> hooks = new ArrayList<>();
        String current = null;
        StringBuilder value = new StringBuilder();
        for (String line : mainSection(text(bytes))) {
            if (line.startsWith(" ") && current != null) {
                value.append(line, 1, line.length());
                continue;
            }
            addManifestHook(hooks, current, value.toString(), path);
            int colon = line.indexOf(": ");
            current = colon > 0 ? line.substring(0, colon) : null;
            value.setLength(0);
            if (colon > 0) {
                value.append(line.substring(colon + 2));
            }
        }
        addManifestHook(hooks, current, value.toString(), path);
        return hooks;
    }

    /** The main section's lines, or null if the bytes end before it does (an empty line or the end of the file). */
    static List<String> mainSection(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            out.add(line);
        }
        return out;
    }

    /** Whether these leading bytes of a manifest already hold its whole main section. */
    static boolean mainSectionEnds(byte[] bytes, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (bytes[i] == '\n' && (bytes[i + 1] == '\n' || (bytes[i + 1] == '\r' && i + 2 < length && bytes[i + 2] == '\n'))) {
                return true;
            }
            if (bytes[i] == '\r' && bytes[i + 1] == '\r') {
                return true;
            }
        }
        return false;
    }

    private static void addManifestHook(List<Hook> hooks, String attribute, String value, String path) {
        if (attribute == null) {
            return;
        }
        String canonical = switch (attribute.toLowerCase(Locale.ROOT)) {
            case "premain-class" -> "Premain-Class";
            case "agent-class" -> "Agent-Class";
            case "launcher-agent-class" -> "Launcher-Agent-Class";
            case "main-class" -> "Main-Class";
            default -> null;
        };
        if (canonical == null || value.isBlank()) {
            return;
        }
        hooks.add(Hook.of(canonical.equals("Main-Class") ? HookKind.MAIN_CLASS : HookKind.JAVA_AGENT, canonical,
                value.strip(), path));
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

    private static String firstString(String text) {
        List<String> all = strings(text);
        return all.isEmpty() ? text.strip() : all.get(0);
    }

    /** The TOML basic ("…", with backslash escapes kept as written) and literal ('…') strings in {@code text}. */
    private static List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                break;
            }
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += c == '"' && text.charAt(end) == '\\' ? 2 : 1;
                }
                out.add(text.substring(i + 1, Math.min(end, text.length())));
                i = end + 1;
                continue;
            }
            i++;
        }
        return out;
    }

    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
