package dev.sbomgate.trust;

import dev.sbomgate.diff.MavenRange;
import dev.sbomgate.model.Purl;
import dev.sbomgate.text.Untrusted;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A scope of a pinned key: which purls it may sign for (docs/trust-store.md "Scope patterns", docs/formats.md 2.5).
 * Three forms:
 * <ul>
 *   <li><b>glob</b> (trust.json version 1): {@code pkg:TYPE/NAMESPACE/NAME[@VERSION]}, where the namespace has zero
 *   or more segments, and {@code *} in a namespace segment, the name or the version matches any run of characters
 *   (possibly none) inside that one segment: it never crosses a {@code /}, and a pattern matches only purls with the
 *   same number of namespace segments. The type is literal. Without {@code @VERSION} every version matches.</li>
 *   <li><b>Maven range</b> (version 2): a glob whose version is a Maven range ({@code pkg:maven/org.foo/bar@[1.0,2.0)},
 *   unions {@code (,1.5],[1.7,)}), ordered with {@code diff.MavenVersion}; type {@code maven} only.</li>
 *   <li><b>regex</b> (version 2): anchored Java regular expressions on a Maven purl's namespace, name and version, as
 *   Gradle's {@code verification-metadata.xml} writes them with {@code regex="true"}; an absent part matches
 *   anything. Canonical text {@code regex:pkg:maven/NS/NAME@VERSION} with absent parts as {@code .*}.</li>
 * </ul>
 * Qualifiers and subpath are not part of a pattern and are ignored when matching (a sources jar is signed by the
 * same key as the main jar). Glob segments are compared after the same normalisation {@link Purl} applies (npm names
 * lower case, PyPI names per PEP 503); everything else is case-sensitive. A literal {@code *} cannot be expressed.
 */
public final class PurlPattern implements Comparable<PurlPattern> {

    private static final int MAX_LENGTH = 512;
    /** A regex part longer than this is refused (docs/limits.md, trust.json). */
    public static final int MAX_REGEX_LENGTH = 1024;
    /**
     * Characters a regex may look at while matching one purl part: far above what any sane pattern needs on a purl,
     * far below a pathological backtracking pattern's appetite. Past it the scope does not match (fail closed).
     */
    static final int REGEX_STEP_BUDGET = 1_000_000;
    /** Namespaces a scope must all match to count as matching "everything" (docs/formats.md 2.5). */
    private static final List<String> WIDE_PROBES = List.of("a", "com.example", "org.apache.commons", "io.github.attacker",
            "x", "Z9", "net.evil-corp_1", "0", "com.fasterxml.jackson.core", "a.b.c.d.e.f");

    private final String type;
    private final List<String> namespace;
    private final String name;
    private final String version;
    private final MavenRange range;
    private final Regex regex;
    private final String text;

    /** The three parts of a regex scope, each an anchored Java regex or null for "any". */
    private record Regex(String namespace, String name, String version, Pattern namespacePattern, Pattern namePattern,
                         Pattern versionPattern) {
    }

    /**
     * A glob scope.
     *
     * @param type      the purl type, lower case, literal
     * @param namespace the namespace segments, decoded, each possibly with {@code *}
     * @param name      the name, decoded, possibly with {@code *}
     * @param version   the version glob, or null for any version
     */
    public PurlPattern(String type, List<String> namespace, String name, String version) {
        this(type, namespace, name, version, null);
    }

    private PurlPattern(String type, List<String> namespace, String name, String version, MavenRange range) {
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
        if (range != null) {
            if (!"maven".equals(type)) {
                throw new IllegalArgumentException("a version range scope is for type maven only, found type '" + type + "'");
            }
            version = range.toString();
        } else if (version != null) {
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
        this.type = type;
        this.namespace = namespace;
        this.name = name;
        this.version = version;
        this.range = range;
        this.regex = null;
        this.text = globText();
    }

    private PurlPattern(String type, Regex regex) {
        this.type = type;
        this.namespace = List.of();
        this.name = "*";
        this.version = null;
        this.range = null;
        this.regex = regex;
        this.text = "regex:pkg:" + type + "/" + orAny(regex.namespace()) + "/" + orAny(regex.name()) + "@"
                + orAny(regex.version());
    }

    /**
     * A regex scope (trust.json version 2, Gradle's {@code regex="true"}): each part an anchored Java regex
     * ({@code matches()}), null for any; at least one given. Only type {@code maven}.
     */
    public static PurlPattern regex(String type, String namespace, String name, String version) {
        if (!"maven".equals(type)) {
            throw new IllegalArgumentException("a regex scope is for type maven only, found type '"
                    + Untrusted.printable(String.valueOf(type)) + "'");
        }
        if (namespace == null && name == null && version == null) {
            throw new IllegalArgumentException("a regex scope needs at least one of namespace, name and version");
        }
        return new PurlPattern(type, new Regex(namespace, name, version, compile(namespace, "namespace"),
                compile(name, "name"), compile(version, "version")));
    }

    private static Pattern compile(String regex, String part) {
        if (regex == null) {
            return null;
        }
        if (regex.isEmpty() || regex.length() > MAX_REGEX_LENGTH) {
            throw new IllegalArgumentException("the " + part + " regex of a scope is 1 to " + MAX_REGEX_LENGTH
                    + " characters, found " + regex.length());
        }
        if (regex.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the " + part + " regex '" + Untrusted.printable(regex)
                    + "' holds a control character");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the " + part + " regex '" + Untrusted.printable(regex)
                    + "' is not a Java regular expression (" + Untrusted.printable(e.getDescription()) + ")");
        }
    }

    private static String orAny(String part) {
        return part == null ? ".*" : part;
    }

    /** Parses a glob or range scope pattern; throws {@link IllegalArgumentException} with a one-line reason. */
    public static PurlPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty scope pattern");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("scope pattern longer than " + MAX_LENGTH + " characters");
        }
        String rest = text.strip();
        if (rest.startsWith("regex:")) {
            throw new IllegalArgumentException("'" + shown(text) + "' is the display form of a regex scope; in"
                    + " trust.json a regex scope is an object like {\"type\": \"maven\", \"namespace\": \"com\\\\.example\\\\..*\"}");
        }
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
        MavenRange range = null;
        int at = rest.lastIndexOf('@');
        if (at > rest.lastIndexOf('/')) {
            String versionText = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (MavenRange.looksLikeRange(versionText)) {
                try {
                    range = MavenRange.parse(versionText);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("scope pattern '" + shown(text) + "': " + e.getMessage());
                }
            } else {
                version = decode(versionText, text);
                if (version.isEmpty()) {
                    throw new IllegalArgumentException("scope pattern '" + shown(text) + "' has an empty version after '@'");
                }
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
            return new PurlPattern(type, namespace, name, version, range);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scope pattern '" + shown(text) + "': " + e.getMessage());
        }
    }

    /** The purl type, lower case. */
    public String type() {
        return type;
    }

    /** The namespace segments of a glob or range scope (empty for a regex scope). */
    public List<String> namespace() {
        return namespace;
    }

    /** The name glob of a glob or range scope ({@code *} for a regex scope). */
    public String name() {
        return name;
    }

    /** The version glob, or a range's canonical text, or null for any version (and for a regex scope). */
    public String version() {
        return version;
    }

    /** Whether the version is a Maven range (trust.json version 2). */
    public boolean isRange() {
        return range != null;
    }

    /** Whether this is a regex scope (trust.json version 2). */
    public boolean isRegex() {
        return regex != null;
    }

    /** Whether a trust.json version 1 cannot hold this scope. */
    public boolean needsVersion2() {
        return isRange() || isRegex();
    }

    /** The regex on the namespace, name or version of a regex scope, or null when absent (or not a regex scope). */
    public String regexNamespace() {
        return regex == null ? null : regex.namespace();
    }

    public String regexName() {
        return regex == null ? null : regex.name();
    }

    public String regexVersion() {
        return regex == null ? null : regex.version();
    }

    /** Whether this pattern covers the purl (its version too, when the pattern names one). */
    public boolean matches(Purl purl) {
        if (!type.equals(purl.type())) {
            return false;
        }
        if (regex != null) {
            return regexMatches(regex.namespacePattern(), purl.namespace() == null ? "" : purl.namespace())
                    && regexMatches(regex.namePattern(), purl.name())
                    && (regex.versionPattern() == null
                    || (purl.version() != null && regexMatches(regex.versionPattern(), purl.version())));
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
        if (version == null) {
            return true;
        }
        if (purl.version() == null) {
            return false;
        }
        return range != null ? range.contains(purl.version()) : glob(version, purl.version());
    }

    /**
     * Whether the scope matches every namespace of its type: a glob or range whose one namespace segment is
     * {@code *}, or a regex whose namespace part is absent or matches a fixed set of unrelated probes ({@code .*},
     * {@code .+}, {@code ^.*$}…). {@code trust import} refuses such scopes unless {@code --allow-wide}.
     */
    public boolean matchesEveryNamespace() {
        if (regex != null) {
            if (regex.namespacePattern() == null) {
                return true;
            }
            return WIDE_PROBES.stream().allMatch(p -> regexMatches(regex.namespacePattern(), p));
        }
        if (namespace.isEmpty()) {
            return false;
        }
        return namespace.stream().allMatch("*"::equals);
    }

    /** Anchored match with a bounded number of character reads; a pattern past its budget does not match. */
    static boolean regexMatches(Pattern pattern, String text) {
        if (pattern == null) {
            return true;
        }
        try {
            return pattern.matcher(new BudgetedChars(text, new int[] {REGEX_STEP_BUDGET})).matches();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    /** A char sequence that counts the characters read from it: how a backtracking regex is stopped. */
    private static final class BudgetedChars implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private final int[] budget;

        BudgetedChars(String text, int[] budget) {
            this(text, 0, text.length(), budget);
        }

        private BudgetedChars(String text, int offset, int length, int[] budget) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.budget = budget;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedChars(text, offset + start, end - start, budget);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }

    /** Whether the pattern has no wildcard at all: it names exactly one package (or one release). */
    public boolean isExact() {
        return regex == null && range == null && !text.contains("*");
    }

    /**
     * The canonical text: lower-case type, segments percent-encoded as in {@link Purl}, {@code *} and a namespace
     * {@code @} kept, a range without white space; for a regex scope {@code regex:pkg:maven/NS/NAME@VERSION}.
     */
    @Override
    public String toString() {
        return text;
    }

    private String globText() {
        StringBuilder sb = new StringBuilder("pkg:").append(type);
        for (String segment : namespace) {
            sb.append('/').append(encode(segment, true));
        }
        sb.append('/').append(encode(name, false));
        if (version != null) {
            sb.append('@').append(range != null ? version : encode(version, false));
        }
        return sb.toString();
    }

    @Override
    public int compareTo(PurlPattern other) {
        int c = text.compareTo(other.text);
        if (c != 0 || regex == null || other.regex == null) {
            return c;
        }
        // two regex scopes whose display texts collide (a '/' inside a part): ordered by their parts
        c = String.valueOf(regex.namespace()).compareTo(String.valueOf(other.regex.namespace()));
        if (c == 0) {
            c = String.valueOf(regex.name()).compareTo(String.valueOf(other.regex.name()));
        }
        return c != 0 ? c : String.valueOf(regex.version()).compareTo(String.valueOf(other.regex.version()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PurlPattern other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return text.hashCode();
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
