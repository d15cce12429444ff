package dev.sbomgate.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Maven version range as Maven writes it (maven-artifact {@code VersionRange}): {@code [1.0,2.0)}, {@code [1.0]}
 * (exactly 1.0), {@code (,1.5]}, {@code [1.7,)}, and unions of these separated by {@code ,}:
 * {@code (,1.5],[1.7,)}. {@code [} and {@code ]} include the bound, {@code (} and {@code )} exclude it; an empty bound
 * is unbounded. Versions are ordered with {@link MavenVersion}. White space is ignored; the canonical text has none.
 * A bare version ({@code 1.0}, Maven's "soft requirement") is not a range: it is refused here.
 */
public final class MavenRange {

    /** Longer range texts are refused: real ones are a few dozen characters. */
    public static final int MAX_LENGTH = 512;

    private record Restriction(String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {
        boolean contains(MavenVersion version) {
            if (lower != null) {
                int c = version.compareTo(MavenVersion.parse(lower));
                if (c < 0 || (c == 0 && !lowerInclusive)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = version.compareTo(MavenVersion.parse(upper));
                return c < 0 || (c == 0 && upperInclusive);
            }
            return true;
        }
    }

    private final String text;
    private final List<Restriction> restrictions;

    private MavenRange(String text, List<Restriction> restrictions) {
        this.text = text;
        this.restrictions = List.copyOf(restrictions);
    }

    /** Whether the text looks like a range (starts with {@code [} or {@code (}, after white space). */
    public static boolean looksLikeRange(String text) {
        String s = text == null ? "" : text.strip();
        return s.startsWith("[") || s.startsWith("(");
    }

    /** Parses a range; throws {@link IllegalArgumentException} with a one-line reason. */
    public static MavenRange parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("version range longer than " + MAX_LENGTH + " characters");
        }
        String s = spec.replaceAll("\\s+", "");
        if (!looksLikeRange(s)) {
            throw new IllegalArgumentException("version range '" + s + "' must start with '[' or '('");
        }
        List<Restriction> restrictions = new ArrayList<>();
        int i = 0;
        MavenVersion previousUpper = null;
        boolean previousUnbounded = false;
        while (i < s.length()) {
            char open = s.charAt(i);
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("version range '" + s + "': expected '[' or '(' at position " + (i + 1));
            }
            int close = indexOfClose(s, i + 1);
            if (close < 0) {
                throw new IllegalArgumentException("version range '" + s + "': a range opened with '" + open
                        + "' is not closed with ']' or ')'");
            }
            String inner = s.substring(i + 1, close);
            char end = s.charAt(close);
            Restriction restriction;
            int comma = inner.indexOf(',');
            if (comma < 0) {
                if (open != '[' || end != ']' || inner.isEmpty()) {
                    throw new IllegalArgumentException("version range '" + s + "': a single version is written [1.0]");
                }
                checkVersion(inner, s);
                restriction = new Restriction(inner, true, inner, true);
            } else {
                if (inner.indexOf(',', comma + 1) >= 0) {
                    throw new IllegalArgumentException("version range '" + s + "': '" + inner + "' has more than one ','");
                }
                String lower = inner.substring(0, comma);
                String upper = inner.substring(comma + 1);
                if (!lower.isEmpty()) {
                    checkVersion(lower, s);
                }
                if (!upper.isEmpty()) {
                    checkVersion(upper, s);
                }
                if ((lower.isEmpty() && open == '[') || (upper.isEmpty() && end == ']')) {
                    throw new IllegalArgumentException("version range '" + s + "': an unbounded side is written with"
                            + " '(' or ')', like (,1.0] or [1.0,)");
                }
                if (!lower.isEmpty() && !upper.isEmpty()) {
                    int c = MavenVersion.parse(lower).compareTo(MavenVersion.parse(upper));
                    if (c > 0 || (c == 0 && (open != '[' || end != ']'))) {
                        throw new IllegalArgumentException("version range '" + s + "': lower bound " + lower
                                + " is not below upper bound " + upper);
                    }
                }
                restriction = new Restriction(lower.isEmpty() ? null : lower, open == '[',
                        upper.isEmpty() ? null : upper, end == ']');
            }
            // Maven requires the ranges of a union in ascending order, not overlapping.
            if (!restrictions.isEmpty()) {
                if (previousUnbounded || restriction.lower() == null
                        || MavenVersion.parse(restriction.lower()).compareTo(previousUpper) < 0) {
                    throw new IllegalArgumentException("version range '" + s + "': the ranges of a union must be in"
                            + " ascending order and must not overlap");
                }
            }
            restrictions.add(restriction);
            previousUnbounded = restriction.upper() == null;
            previousUpper = previousUnbounded ? null : MavenVersion.parse(restriction.upper());
            i = close + 1;
            if (i < s.length()) {
                if (s.charAt(i) != ',' || i + 1 == s.length()) {
                    throw new IllegalArgumentException("version range '" + s + "': ranges of a union are separated by"
                            + " ',', like (,1.0],[1.2,)");
                }
                i++;
            }
        }
        return new MavenRange(s, restrictions);
    }

    private static int indexOfClose(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ']' || c == ')') {
                return i;
            }
            if (c == '[' || c == '(') {
                return -1;
            }
        }
        return -1;
    }

    private static void checkVersion(String version, String range) {
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (Character.isISOControl(c) || c == '*' || c == '/' || c == '@' || c == '?' || c == '#') {
                throw new IllegalArgumentException("version range '" + range + "': version '" + version
                        + "' has a character a range version cannot hold ('" + c + "')");
            }
        }
    }

    /** Whether the version lies in one of the ranges, in Maven's order. */
    public boolean contains(String version) {
        if (version == null || version.length() > MAX_LENGTH) {
            return false;
        }
        MavenVersion parsed = MavenVersion.parse(version);
        for (Restriction restriction : restrictions) {
            if (restriction.contains(parsed)) {
                return true;
            }
        }
        return false;
    }

    /** The canonical text: as written, without white space. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MavenRange other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
