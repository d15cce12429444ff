package dev.sbomgate.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version under PEP 440 (packaging.python.org "Version specifiers"), normalised as pip
 * normalises it and ordered as pip orders it:
 * {@code epoch! release [{a|b|rc}N] [.postN] [.devN] [+local]}.
 *
 * <p>Normalisation: case-insensitive; {@code alpha/beta/c/pre/preview} spell {@code a/b/rc/rc/rc},
 * {@code rev}/{@code r} spell {@code post}, {@code 1.0-1} is {@code 1.0.post1}; {@code -}, {@code _} and
 * {@code .} separators are optional; a missing pre/post/dev number is 0; release parts compare with zero
 * padding, so {@code 1.0a1 == 1.0.0a1}. Order within one release:
 * {@code 1.0.dev0 < 1.0a1.dev0 < 1.0a1 < 1.0a1.post1 < 1.0b1 < 1.0rc1 < 1.0 < 1.0+local < 1.0.post1.dev0 < 1.0.post1}.
 */
record Pep440Version(BigInteger epoch, List<BigInteger> release, int preLabel, BigInteger preNumber,
                     BigInteger post, BigInteger dev, List<String> local) implements Comparable<Pep440Version> {

    /** The grammar of PEP 440 appendix B ("Parsing version strings with regular expressions"). */
    private static final Pattern VERSION = Pattern.compile(
            "v?"
                    + "(?:([0-9]+)!)?"                                                  // 1 epoch
                    + "([0-9]+(?:\\.[0-9]+)*)"                                          // 2 release
                    + "(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?"     // 3, 4 pre
                    + "(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?"                // 5 | 6, 7 post
                    + "(?:[-_.]?(dev)[-_.]?([0-9]+)?)?"                                 // 8, 9 dev
                    + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?",                         // 10 local
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    /** No pre-release label. */
    static final int NO_PRE = -1;

    Pep440Version {
        release = List.copyOf(release);
        local = local == null ? null : List.copyOf(local);
    }

    /** Parses a version, or returns empty when it is not valid PEP 440 (legacy versions such as {@code 2004d}). */
    static Optional<Pep440Version> parse(String version) {
        Matcher m = VERSION.matcher(version.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        BigInteger epoch = m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group(2).split("\\.")) {
            release.add(new BigInteger(part));
        }
        int preLabel = NO_PRE;
        BigInteger preNumber = null;
        if (m.group(3) != null) {
            preLabel = switch (m.group(3)) {
                case "alpha", "a" -> 0;
                case "beta", "b" -> 1;
                default -> 2; // c, pre, preview, rc
            };
            preNumber = number(m.group(4));
        }
        BigInteger post = null;
        if (m.group(5) != null) {
            post = new BigInteger(m.group(5));
        } else if (m.group(6) != null) {
            post = number(m.group(7));
        }
        BigInteger dev = m.group(8) == null ? null : number(m.group(9));
        List<String> local = m.group(10) == null ? null : List.of(m.group(10).split("[-_.]"));
        return Optional.of(new Pep440Version(epoch, release, preLabel, preNumber, post, dev, local));
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    @Override
    public int compareTo(Pep440Version other) {
        int c = epoch.compareTo(other.epoch);
        if (c == 0) {
            c = Numbers.compare(release, other.release);
        }
        if (c == 0) {
            c = Integer.compare(prePhase(), other.prePhase());
        }
        if (c == 0 && preLabel != NO_PRE) {
            c = Integer.compare(preLabel, other.preLabel);
            if (c == 0) {
                c = preNumber.compareTo(other.preNumber);
            }
        }
        if (c == 0) {
            // No post-release sorts before any post-release.
            c = post == null || other.post == null ? Boolean.compare(post != null, other.post != null) : post.compareTo(other.post);
        }
        if (c == 0) {
            // No dev-release sorts after any dev-release.
            c = dev == null || other.dev == null ? Boolean.compare(dev == null, other.dev == null) : dev.compareTo(other.dev);
        }
        if (c == 0) {
            c = compareLocal(local, other.local);
        }
        return c;
    }

    /** 0: a bare dev release of the final version (1.0.dev0), below every pre-release; 1: a pre-release; 2: neither. */
    private int prePhase() {
        if (preLabel != NO_PRE) {
            return 1;
        }
        return post == null && dev != null ? 0 : 2;
    }

    /** PEP 440 "Local version identifiers": absent sorts first; numeric segments beat alphanumeric ones. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean numX = NUMERIC.matcher(x).matches();
            boolean numY = NUMERIC.matcher(y).matches();
            int c;
            if (numX && numY) {
                c = new BigInteger(x).compareTo(new BigInteger(y));
            } else if (numX != numY) {
                c = numX ? 1 : -1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
