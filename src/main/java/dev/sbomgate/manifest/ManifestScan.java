package dev.sbomgate.manifest;

import dev.sbomgate.model.Purl;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, line by line, the dependencies one manifest declares, each under its package key ({@link #key(Purl)}):
 * a text scan, not a build-tool model, because only the line that names the dependency is wanted and the file is
 * untrusted (no entity expansion, no evaluation of Gradle scripts). The first declaration of a key wins.
 */
final class ManifestScan {
    private static final Pattern XML_VALUE = Pattern.compile("<(groupId|artifactId)>\\s*([^<\\s]+)\\s*</\\1>");
    /** Gradle and version catalogs: "group:name" or "group:name:version" in quotes. */
    private static final Pattern COORDINATE = Pattern.compile("[\"']([A-Za-z0-9_.\\-]+):([A-Za-z0-9_.\\-]+)(?::[^\"']*)?[\"']");
    /** Gradle map notation and catalog tables: group = "g", name = "n" (or group: 'g', name: 'n'). */
    private static final Pattern GROUP_NAME = Pattern.compile(
            "group\\s*[:=]\\s*[\"']([^\"']+)[\"']\\s*,\\s*name\\s*[:=]\\s*[\"']([^\"']+)[\"']");
    private static final Pattern JSON_KEY = Pattern.compile("^\\s*\"((?:@[^\"/]+/)?[^\"@/][^\"]*)\"\\s*:\\s*\"");
    private static final Pattern PYTHON_NAME = Pattern.compile("^\\s*[\"']?([A-Za-z0-9][A-Za-z0-9._-]*)(\\[[^]]*])?\\s*(?:[=<>!~;@\"',]|$)");

    private ManifestScan() {
    }

    /** The package key a purl is declared under: {@code maven:group:name}, {@code npm:name}, {@code pypi:name}. */
    static String key(Purl purl) {
        return switch (purl.type()) {
            case "maven" -> "maven:" + purl.namespace() + ":" + purl.name();
            case "npm" -> "npm:" + (purl.namespace() == null || purl.namespace().isEmpty() ? "" : purl.namespace() + "/") + purl.name();
            case "pypi" -> "pypi:" + Purl.normalisePypiName(purl.name());
            default -> purl.type() + ":" + purl.name();
        };
    }

    /** The file's kind from its name, or null when it is no manifest sbomgate reads. */
    static Kind kind(String fileName) {
        if (fileName.equals("pom.xml")) {
            return Kind.POM;
        }
        if (fileName.equals("build.gradle") || fileName.equals("build.gradle.kts") || fileName.endsWith(".versions.toml")) {
            return Kind.GRADLE;
        }
        if (fileName.equals("package.json")) {
            return Kind.PACKAGE_JSON;
        }
        if (fileName.matches("requirements[^/]*\\.txt") || fileName.equals("pyproject.toml")) {
            return Kind.PYTHON;
        }
        return null;
    }

    enum Kind { POM, GRADLE, PACKAGE_JSON, PYTHON }

    /** Package key → 1-based line of its first declaration. */
    static Map<String, Integer> scan(Kind kind, List<String> lines) {
        Map<String, Integer> found = new HashMap<>();
        switch (kind) {
            case POM -> pom(lines, found);
            case GRADLE -> gradle(lines, found);
            case PACKAGE_JSON -> packageJson(lines, found);
            case PYTHON -> python(lines, found);
        }
        return found;
    }

    /**
     * Each {@code <dependency>} block, in {@code <dependencies>} or {@code <dependencyManagement>} (a parent or BOM in
     * the repository that manages the version is where the version is owned), at its {@code <artifactId>} line.
     */
    private static void pom(List<String> lines, Map<String, Integer> found) {
        boolean inDependency = false;
        String group = null;
        String artifact = null;
        int artifactLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("<dependency>") || line.contains("<dependency ")) {
                inDependency = true;
                group = null;
                artifact = null;
            }
            if (inDependency) {
                Matcher m = XML_VALUE.matcher(line);
                while (m.find()) {
                    if (m.group(1).equals("groupId")) {
                        group = m.group(2);
                    } else {
                        artifact = m.group(2);
                        artifactLine = i + 1;
                    }
                }
            }
            if (inDependency && line.contains("</dependency>")) {
                inDependency = false;
                if (group != null && artifact != null) {
                    found.putIfAbsent("maven:" + group + ":" + artifact, artifactLine);
                }
            }
        }
    }

    private static void gradle(List<String> lines, Map<String, Integer> found) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (Pattern p : List.of(COORDINATE, GROUP_NAME)) {
                Matcher m = p.matcher(line);
                while (m.find()) {
                    found.putIfAbsent("maven:" + m.group(1) + ":" + m.group(2), i + 1);
                }
            }
            // version catalogs: module = "group:name" is matched by COORDINATE
        }
    }

    /** Keys of the dependency objects ({@code dependencies}, {@code devDependencies}, …), not the package's own fields. */
    private static void packageJson(List<String> lines, Map<String, Integer> found) {
        boolean inDependencies = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches("\\s*\"(dependencies|devDependencies|optionalDependencies|peerDependencies)\"\\s*:\\s*\\{.*")) {
                inDependencies = true;
                continue;
            }
            if (inDependencies && line.trim().startsWith("}")) {
                inDependencies = false;
                continue;
            }
            if (inDependencies) {
                Matcher m = JSON_KEY.matcher(line);
                if (m.find()) {
                    found.putIfAbsent("npm:" + m.group(1), i + 1);
                }
            }
        }
    }

    /** requirements lines ({@code name==1.0}, {@code name[extra]>=1}) and pyproject dependency strings or Poetry keys. */
    private static void python(List<String> lines, Map<String, Integer> found) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("-") || trimmed.startsWith("[")) {
                continue;
            }
            Matcher m = PYTHON_NAME.matcher(line);
            if (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (!List.of("name", "version", "description", "requires-python", "dependencies", "python", "readme", "license",
                        "authors", "requires", "build-backend").contains(name)) {
                    found.putIfAbsent("pypi:" + Purl.normalisePypiName(name), i + 1);
                }
            }
        }
    }
}
