package dev.sbomgate.trust;

import dev.sbomgate.model.Purl;
import dev.sbomgate.text.Untrusted;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scope of a pinned key: which purls it may sign for. Syntax {@code pkg:TYPE/NAMESPACE/NAME[@VERSION]}, where the
 * namespace has zero or more segments, and {@code *} in a namespace segment, the name or the version matches any run
 * of characters (possibly none) inside that one segment: it never crosses a {@code /}, and a pattern matches only
 * purls with the same number of namespace segments. The type is literal. Without {@code @VERSION} every version
 * matches. Qualifiers and subpath are not part of a pattern and are ignored when matching (a sources jar is signed by
 * the same key as the main jar). Segments are compared after the same normalisation {@link Purl} applies (npm names
 * lower case, PyPI names per PEP 503); everything else is case-sensitive. A literal {@code *} cannot be expressed.
 *
 * @param type      the purl type, lower case, literal
 * @param namespace the namespace segments, decoded, each possibly with {@code *}
 * @param name      the name, decoded, possibly with {@code *}
 * @param version   the version glob, or null for any version
 */
public record PurlPattern(String type, List<String> namespace, String name, String version)
        implements Comparable<PurlPattern> {

    private static final int MAX_LENGTH = 512;

    public PurlPattern {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if (!type.matches("[a-z.+-][a-z0-9.+-]*")) {
            throw new IllegalArgumentException("scope type '" + type + "' is not a literal purl type");
        }
        namespace = List.copyOf(namespace == null ? List.of() : namespace);
        for (String segment : namespace) {
            checkSegment(segment, "namespace segment");
        }
        checkSegment(name, "name");
        if (version != null) {
            checkSegment(version, "version");
        }
        if ("npm".equals(type) || "github".equals(type) || "bitbucket".equals(type)) {
            name = name.toLowerCase(Locale.ROOT);
            List<String> lower = new ArrayList<>();
            namespace.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
            namespace = List.copyOf(lower);
        } else if ("pypi".equals(type)) {
            name = Purl.normalisePypiName(name);
        }
    }

    /** Parses a scope pattern; throws {@link IllegalArgumentException} with a one-line reason. */
    public static PurlPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty scope pattern");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("scope pattern longer than " + MAX_LENGTH + " characters");
        }
        String rest = text.strip();
        if (!rest.regionMatches(true, 0, "pkg:", 0, 4)) {
            throw new IllegalArgumentException("scope pattern must start with 'pkg:', like 'pkg:maven/org.example/*': '"
                    + shown(text) + "'");
        }
        rest = rest.substring(4);
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            throw new IllegalArgumentException("scope pattern '" + shown(text) + "' has qualifiers or a subpath; a scope is"
                    + " pkg:TYPE/NAMESPACE/NAME[@VERSION] and matches any qualifiers");
        }
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at > rest.lastIndexOf('/')) {
            version = decode(rest.substring(at + 1), text);
            rest = rest.substring(0, at);
            if (version.isEmpty()) {
                throw new IllegalArgumentException("scope pattern '" + shown(text) + "' has an empty version after '@'");
            }
        }
        String[] segments = rest.split("/", -1);
        if (segments.length < 2) {
            throw new IllegalArgumentException("scope pattern '" + shown(text) + "' needs a type and a name, like"
                    + " 'pkg:npm/@acme/*'");
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("scope pattern '" + shown(text) + "' has an empty segment");
            }
        }
        String type = segments[0].toLowerCase(Locale.ROOT);
        if (type.contains("*")) {
            throw new IllegalArgumentException("scope pattern '" + shown(text) + "' has a wildcard in the type; name one"
                    + " ecosystem per pattern");
        }
        List<String> namespace = new ArrayList<>();
        for (int i = 1; i < segments.length - 1; i++) {
            namespace.add(decode(segments[i], text));
        }
        String name = decode(segments[segments.length - 1], text);
        try {
            return new PurlPattern(type, namespace, name, version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scope pattern '" + shown(text) + "': " + e.getMessage());
        }
    }

    /** Whether this pattern covers the purl (its version too, when the pattern names one). */
    public boolean matches(Purl purl) {
        if (!type.equals(purl.type())) {
            return false;
        }
        List<String> purlNamespace = purl.namespace() == null ? List.of() : List.of(purl.namespace().split("/", -1));
        if (purlNamespace.size() != namespace.size()) {
            return false;
        }
        for (int i = 0; i < namespace.size(); i++) {
            if (!glob(namespace.get(i), purlNamespace.get(i))) {
                return false;
            }
        }
        if (!glob(name, purl.name())) {
            return false;
        }
        return version == null || (purl.version() != null && glob(version, purl.version()));
    }

    /** Whether the pattern has no wildcard at all: it names exactly one package (or one release). */
    public boolean isExact() {
        return !toString().contains("*");
    }

    /** The canonical text: lower-case type, segments percent-encoded as in {@link Purl}, {@code *} and a namespace {@code @} kept. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("pkg:").append(type);
        for (String segment : namespace) {
            sb.append('/').append(encode(segment, true));
        }
        sb.append('/').append(encode(name, false));
        if (version != null) {
            sb.append('@').append(encode(version, false));
        }
        return sb.toString();
    }

    @Override
    public int compareTo(PurlPattern other) {
        return toString().compareTo(other.toString());
    }

    /** Matches {@code text} against {@code pattern} where {@code *} is any run of characters; linear, no regex. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The pattern as echoed in a message: one line, hidden characters visible ({@link Untrusted#printable}). */
    private static String shown(String text) {
        return Untrusted.printable(text);
    }

    private static void checkSegment(String segment, String what) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        if (segment.contains("**")) {
            throw new IllegalArgumentException(what + " '" + segment + "' has '**'; '*' already matches any run of"
                    + " characters within one segment, and nothing matches across '/'");
        }
        if (segment.contains("/")) {
            throw new IllegalArgumentException(what + " '" + segment + "' contains '/'");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " '" + shown(segment) + "' contains white space or a control character");
            }
        }
    }

    private static String decode(String segment, String text) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '%') {
                int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int lo = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("scope pattern '" + shown(text) + "' has malformed percent-encoding");
                }
                int b = hi * 16 + lo;
                if (b == '*') {
                    throw new IllegalArgumentException("scope pattern '" + shown(text) + "' has an encoded '*' (%2A);"
                            + " a literal asterisk cannot be matched");
                }
                out.write(b);
                i += 3;
            } else {
                int cp = segment.codePointAt(i);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String segment, boolean keepAt) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~' || c == ':' || c == '*' || (keepAt && c == '@')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
