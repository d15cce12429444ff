package dev.sbomgate.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A package URL (https://github.com/package-url/purl-spec): {@code pkg:type/namespace/name@version?qualifiers#subpath}.
 * Parsed by us rather than by packageurl-java so that no foreign type leaves the {@code sbom} package.
 */
public record Purl(String type, String namespace, String name, String version,
                   SortedMap<String, String> qualifiers, String subpath) {

    /** Qualifiers that name a distinct artifact of the same package (a sources jar is not the main jar). */
    private static final Set<String> IDENTIFYING_QUALIFIERS = Set.of("classifier", "type", "arch", "os", "distro");
    private static final java.util.regex.Pattern PYPI_SEPARATORS = java.util.regex.Pattern.compile("[-_.]+");

    public Purl {
        if (!isValidType(type)) {
            throw new IllegalArgumentException("purl type is missing or malformed: '" + type + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("purl name is missing");
        }
        type = SharedWords.shared(type.toLowerCase(Locale.ROOT));
        namespace = emptyToNull(namespace);
        version = emptyToNull(version);
        subpath = emptyToNull(subpath);
        if ("pypi".equals(type)) {
            name = normalisePypiName(name);
        } else if ("npm".equals(type) || "github".equals(type) || "bitbucket".equals(type)) {
            name = name.toLowerCase(Locale.ROOT);
            namespace = namespace == null ? null : namespace.toLowerCase(Locale.ROOT);
        }
        TreeMap<String, String> copy = new TreeMap<>();
        if (qualifiers != null) {
            qualifiers.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    copy.put(SharedWords.shared(k.toLowerCase(Locale.ROOT)), SharedWords.shared(v));
                }
            });
        }
        qualifiers = copy.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(copy);
    }

    /** purl-spec: the type is ASCII letters, digits, '.', '+' and '-', and does not start with a digit. */
    private static boolean isValidType(String type) {
        if (type == null || type.isEmpty()) {
            return false;
        }
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean digit = c >= '0' && c <= '9';
            if (!(letter || c == '.' || c == '+' || c == '-' || (digit && i > 0))) {
                return false;
            }
        }
        return true;
    }

    /** Parses a purl; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Purl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty purl");
        }
        String rest = text.trim();
        if (!rest.regionMatches(true, 0, "pkg:", 0, 4)) {
            throw new IllegalArgumentException("purl must start with 'pkg:': '" + text + "'");
        }
        rest = rest.substring(4);
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        String subpath = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            subpath = stripSlashes(decode(rest.substring(hash + 1)));
            rest = rest.substring(0, hash);
        }
        SortedMap<String, String> qualifiers = new TreeMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("malformed purl qualifier '" + pair + "' in '" + text + "'");
                }
                qualifiers.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
            }
            rest = rest.substring(0, question);
        }
        rest = stripSlashes(rest);
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at > rest.lastIndexOf('/')) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        int firstSlash = rest.indexOf('/');
        if (firstSlash <= 0) {
            throw new IllegalArgumentException("purl needs a type and a name: '" + text + "'");
        }
        String type = rest.substring(0, firstSlash);
        String path = stripSlashes(rest.substring(firstSlash + 1));
        int lastSlash = path.lastIndexOf('/');
        String namespace = null;
        String name = path;
        if (lastSlash >= 0) {
            StringBuilder ns = new StringBuilder();
            for (String segment : path.substring(0, lastSlash).split("/")) {
                if (!segment.isEmpty()) {
                    ns.append(ns.length() == 0 ? "" : "/").append(decode(segment));
                }
            }
            namespace = ns.toString();
            name = path.substring(lastSlash + 1);
        }
        name = decode(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("purl has no name: '" + text + "'");
        }
        return new Purl(type, namespace, name, version, qualifiers, subpath);
    }

    /** The same purl without its version: what stays the same across releases of one package. */
    public Purl withoutVersion() {
        return new Purl(type, namespace, name, null, qualifiers, subpath);
    }

    public Purl withVersion(String newVersion) {
        return new Purl(type, namespace, name, newVersion, qualifiers, subpath);
    }

    /**
     * The package's identity across versions: type, namespace, name and the qualifiers that name a
     * distinct artifact (Maven {@code classifier} and {@code type}, OS packages' {@code arch}/{@code distro}).
     * Maven's default {@code type=jar} is dropped so that {@code ?type=jar} and no type match.
     */
    public String identity() {
        StringBuilder sb = new StringBuilder("pkg:").append(type).append('/');
        if (namespace != null) {
            sb.append(encodePath(namespace)).append('/');
        }
        sb.append(encode(name));
        String sep = "?";
        for (Map.Entry<String, String> q : qualifiers.entrySet()) {
            if (!IDENTIFYING_QUALIFIERS.contains(q.getKey())) {
                continue;
            }
            if ("maven".equals(type) && "type".equals(q.getKey()) && "jar".equals(q.getValue())) {
                continue;
            }
            sb.append(sep).append(q.getKey()).append('=').append(encode(q.getValue()));
            sep = "&";
        }
        return sb.toString();
    }

    public String qualifier(String key) {
        return qualifiers.get(key);
    }

    /** Canonical form: lower-case type, percent-encoded segments, qualifiers sorted by key. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("pkg:").append(type).append('/');
        if (namespace != null) {
            sb.append(encodePath(namespace)).append('/');
        }
        sb.append(encode(name));
        if (version != null) {
            sb.append('@').append(encode(version));
        }
        String sep = "?";
        for (Map.Entry<String, String> q : qualifiers.entrySet()) {
            sb.append(sep).append(q.getKey()).append('=').append(encode(q.getValue()));
            sep = "&";
        }
        if (subpath != null) {
            sb.append('#').append(encodePath(subpath));
        }
        return sb.toString();
    }

    /** PEP 503 name normalisation: lower case, runs of {@code -_.} become one {@code -}. */
    public static String normalisePypiName(String name) {
        return PYPI_SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    private static String stripSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String encodePath(String path) {
        if (isSafe(path, true) && !path.startsWith("/") && !path.endsWith("/")) {
            return path; // nothing to encode, and no empty segment at either end for the loop below to drop
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : path.split("/")) {
            sb.append(sb.length() == 0 ? "" : "/").append(encode(segment));
        }
        return sb.toString();
    }

    /** Whether every character is one {@link #encode} keeps as it is (and '/' too, for paths). */
    private static boolean isSafe(String s, boolean slashes) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':' || (slashes && c == '/'))) {
                return false;
            }
        }
        return true;
    }

    private static String encode(String s) {
        if (isSafe(s, false)) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed percent-encoding in purl segment '" + s + "'");
                }
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Purl other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
