package dev.sbomgate.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.ExternalReference;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.Property;
import dev.sbomgate.model.Purl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an npm {@code package-lock.json} of lockfile version 2 or 3 (npm 7 and later; the {@code packages} section,
 * npm docs "package-lock.json") into an {@link Inventory}, for a project that has no SBOM. There is no official
 * schema: every field that is mapped is checked for its type and form here, and a lockfile that breaks one is
 * refused. The mapping (links, workspaces, aliases, bundled dependencies) is documented in docs/sbom-formats.md.
 */
final class NpmLockReader {

    /** Deepest {@code node_modules} nesting of one entry's path; npm's real trees stay far below. */
    static final int MAX_PATH_DEPTH = 64;
    private static final String NM = "node_modules/";

    private final Path file;

    private NpmLockReader(Path file) {
        this.file = file;
    }

    static Inventory read(Path file, JsonNode root) {
        return new NpmLockReader(file).map(root);
    }

    private Inventory map(JsonNode root) {
        JsonNode lockfileVersion = root.path("lockfileVersion");
        if (!lockfileVersion.isInt() || lockfileVersion.intValue() < 2 || lockfileVersion.intValue() > 3) {
            throw Parsed.bad(file, "npm lockfile version " + Text.quote(lockfileVersion.toString())
                    + " is not read; sbomgate reads lockfileVersion 2 and 3 (npm 7 and later: run npm install "
                    + "with a current npm to rewrite it)");
        }
        JsonNode packages = root.path("packages");
        if (!packages.isObject()) {
            throw Parsed.bad(file, "npm lockfile without a \"packages\" object");
        }
        // link entries: node_modules/x → the path of the package they point at (a workspace or a file: dependency)
        Map<String, String> links = new LinkedHashMap<>();
        Map<String, String> linkNames = new LinkedHashMap<>();
        packages.fields().forEachRemaining(e -> {
            JsonNode entry = e.getValue();
            if (!entry.isObject()) {
                throw Parsed.bad(file, "packages " + Text.quote(e.getKey()) + " is not an object");
            }
            if (entry.path("link").asBoolean(false)) {
                String target = text(entry, "resolved", e.getKey());
                if (target == null) {
                    throw Parsed.bad(file, "link packages " + Text.quote(e.getKey()) + " has no \"resolved\" target");
                }
                links.put(e.getKey(), target);
                linkNames.putIfAbsent(target, nameFromPath(e.getKey()));
            }
        });
        Component rootComponent = null;
        List<Component> components = new ArrayList<>();
        Map<String, SortedSet<String>> deps = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : iterable(packages)) {
            String key = e.getKey();
            JsonNode entry = e.getValue();
            if (links.containsKey(key)) {
                continue;
            }
            if (key.split(NM, -1).length - 1 > MAX_PATH_DEPTH) {
                throw Parsed.bad(file, "packages " + Text.quote(key) + " is nested more than " + MAX_PATH_DEPTH
                        + " node_modules deep (refused as hostile)");
            }
            Component c = component(key, entry, linkNames.get(key), packages);
            if (key.isEmpty()) {
                rootComponent = c;
            } else {
                components.add(c);
            }
            SortedSet<String> out = new TreeSet<>();
            for (String field : List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")) {
                JsonNode declared = entry.path(field);
                if (!declared.isMissingNode() && !declared.isObject()) {
                    throw Parsed.bad(file, "packages " + Text.quote(key) + " \"" + field + "\" is not an object");
                }
                declared.fieldNames().forEachRemaining(dep -> {
                    String target = resolve(packages, links, key, dep);
                    if (target != null) {
                        out.add(bomRef(target, packages.path(target)));
                    }
                });
            }
            if (!out.isEmpty()) {
                deps.put(c.bomRef(), out);
            }
        }
        return new Inventory(file, "json", "npm-lockfile-" + lockfileVersion.intValue(), null, 1, null, rootComponent,
                List.of("npm (package-lock.json)"), components, new TreeMap<>(deps));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    /** npm's lookup: the nearest {@code node_modules/NAME} going up from the entry's own folder; links followed. */
    private static String resolve(JsonNode packages, Map<String, String> links, String from, String dep) {
        String base = from;
        while (true) {
            String candidate = (base.isEmpty() ? "" : base + "/") + NM + dep;
            if (packages.has(candidate)) {
                return links.getOrDefault(candidate, candidate);
            }
            if (base.isEmpty()) {
                return null;
            }
            int cut = base.lastIndexOf("/" + NM.substring(0, NM.length() - 1) + "/");
            if (cut >= 0) {
                base = base.substring(0, cut);
            } else if (base.startsWith(NM)) {
                base = "";
            } else {
                base = ""; // a workspace folder (packages/ws-a): its own node_modules, then the root's
            }
        }
    }

    /** The component's bom-ref: the entry's path in the lockfile (unique by construction), the root's "." . */
    private static String bomRef(String key, JsonNode entry) {
        return key.isEmpty() ? "." : key;
    }

    private static String nameFromPath(String key) {
        int i = key.lastIndexOf(NM);
        String tail = i >= 0 ? key.substring(i + NM.length()) : key;
        if (i < 0 && tail.contains("/")) {
            tail = tail.substring(tail.lastIndexOf('/') + 1);
        }
        return tail;
    }

    private Component component(String key, JsonNode entry, String linkName, JsonNode packages) {
        String what = "packages " + Text.quote(key.isEmpty() ? "\"\"" : key);
        String version = text(entry, "version", key);
        String installedAs = key.isEmpty() ? null : key.contains(NM) ? nameFromPath(key) : linkName;
        // "name" is present when it differs from the folder: an npm: alias (old-ms → ms) or the root/workspace
        String name = text(entry, "name", key);
        if (name == null) {
            name = installedAs != null ? installedAs : nameFromPath(key);
        }
        if (name == null || name.isBlank()) {
            throw Parsed.bad(file, what + " has no name (the root entry \"\" needs \"name\")");
        }
        boolean local = !key.isEmpty() && !key.contains(NM); // a workspace or file: package's own folder
        boolean bundled = entry.path("inBundle").asBoolean(false);
        Purl purl = null;
        if (version != null) {
            String ns = name.startsWith("@") && name.contains("/") ? name.substring(0, name.indexOf('/')) : null;
            String simple = ns == null ? name : name.substring(name.indexOf('/') + 1);
            try {
                purl = Purl.parse("pkg:npm/" + (ns == null ? "" : "%40" + ns.substring(1) + "/")
                        + encode(simple) + "@" + encode(version));
            } catch (IllegalArgumentException e) {
                throw Parsed.bad(file, what + " gives a name or version that makes no purl: " + Text.quote(name)
                        + "@" + Text.quote(version));
            }
        }
        List<Digest> hashes = integrity(entry, what);
        List<ExternalReference> refs = new ArrayList<>();
        String resolved = text(entry, "resolved", key);
        if (resolved != null) {
            refs.add(new ExternalReference("distribution", resolved));
        } else if (local) {
            refs.add(new ExternalReference("distribution", "file:" + key));
        }
        List<String> licences = new ArrayList<>();
        String license = text(entry, "license", key);
        if (license != null) {
            licences.add(license);
        }
        List<Property> properties = new ArrayList<>();
        if (installedAs != null && !installedAs.equals(name)) {
            properties.add(new Property("npm:alias", installedAs));
        }
        if (bundled) {
            properties.add(new Property("npm:inBundle", "true"));
        }
        if (local) {
            properties.add(new Property("npm:workspaceOrLink", key));
        }
        String scope = entry.path("dev").asBoolean(false) ? "excluded"
                : entry.path("optional").asBoolean(false) || entry.path("devOptional").asBoolean(false) ? "optional"
                : "required";
        String parent = bundled ? bundler(key, packages) : null;
        return new Component(bomRef(key, entry), purl, key.isEmpty() ? "application" : "library", null, name, version,
                hashes, null, null, null, null, licences, refs, key.isEmpty() ? null : scope, properties, parent);
    }

    /** A bundled package came inside the tarball of the nearest enclosing package that is not itself bundled. */
    private static String bundler(String key, JsonNode packages) {
        String base = key;
        while (true) {
            int cut = base.lastIndexOf("/" + NM);
            if (cut < 0) {
                return null;
            }
            base = base.substring(0, cut);
            if (!packages.path(base).path("inBundle").asBoolean(false)) {
                return packages.has(base) ? base : null;
            }
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * {@code integrity} is a Subresource Integrity value (W3C SRI): space-separated {@code ALG-BASE64} entries. Each
     * known algorithm becomes a hash of the component, SHA-512 as npm writes it today; a SHA-1-only value (lockfiles
     * carried over from npm 5/6) stays SHA-1, which WEAK_CRYPTO judges. A malformed entry refuses the lockfile.
     */
    private List<Digest> integrity(JsonNode entry, String what) {
        JsonNode node = entry.path("integrity");
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isTextual()) {
            throw Parsed.bad(file, what + " \"integrity\" is not a string");
        }
        Map<HashAlgorithm, Digest> out = new TreeMap<>();
        for (String part : node.textValue().strip().split("\\s+")) {
            int dash = part.indexOf('-');
            HashAlgorithm algorithm = dash <= 0 ? null : switch (part.substring(0, dash)) {
                case "sha512" -> HashAlgorithm.SHA_512;
                case "sha384" -> HashAlgorithm.SHA_384;
                case "sha256" -> HashAlgorithm.SHA_256;
                case "sha1" -> HashAlgorithm.SHA_1;
                default -> null;
            };
            if (algorithm == null) {
                throw Parsed.bad(file, what + " has an integrity entry sbomgate cannot read: " + Text.quote(part)
                        + "; expected sha512-BASE64 (or sha1-, sha256-, sha384-)");
            }
            String b64 = part.substring(dash + 1);
            int opt = b64.indexOf('?'); // SRI options
            b64 = opt >= 0 ? b64.substring(0, opt) : b64;
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw Parsed.bad(file, what + " has an integrity value that is not base64: " + Text.quote(part));
            }
            String hex = HexFormat.of().formatHex(raw);
            if (hex.length() != algorithm.hexLength()) {
                throw Parsed.bad(file, what + " has a " + algorithm.cycloneDxName() + " integrity of "
                        + raw.length + " bytes: " + Text.quote(part));
            }
            Digest previous = out.putIfAbsent(algorithm, new Digest(algorithm, hex));
            if (previous != null && !previous.hex().equals(hex)) {
                throw Parsed.bad(file, what + " has two different " + algorithm.cycloneDxName() + " integrity values");
            }
        }
        return new ArrayList<>(out.values());
    }

    private String text(JsonNode entry, String field, String key) {
        JsonNode node = entry.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Parsed.bad(file, "packages " + Text.quote(key) + " \"" + field + "\" is not a string");
        }
        return node.textValue().isBlank() ? null : node.textValue();
    }
}
