package dev.sbomgate.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fallback order for ecosystems without a scheme of their own: a version is a list of tokens, digit
 * runs and letter runs, split at every other character ({@code 1.0-beta2} is {@code 1, 0, beta, 2}).
 *
 * <p>Tokens order as: well-known pre-release words ({@code dev < alpha < beta < milestone < pre = preview
 * < rc = cr < snapshot}) &lt; numbers (numerically; a missing token counts as 0, so {@code 1.0 == 1}) &lt;
 * other words (case-insensitively, lexically; {@code 1.1.1a > 1.1.1}). {@code final}, {@code ga} and
 * {@code release} are dropped. This is a total order, so sorting with it is safe.
 */
final class GenericVersion implements Comparable<GenericVersion> {

    private static final Map<String, Integer> PRE_RELEASE_WORDS = Map.ofEntries(
            Map.entry("dev", 0), Map.entry("alpha", 1), Map.entry("beta", 2), Map.entry("milestone", 3),
            Map.entry("pre", 4), Map.entry("preview", 4), Map.entry("rc", 5), Map.entry("cr", 5),
            Map.entry("snapshot", 6));

    /** One token: class 0 = pre-release word, 1 = number, 2 = other word. */
    private record Token(int kind, int preRank, BigInteger number, String word) {
        static final Token NONE = new Token(1, 0, BigInteger.ZERO, null);

        int compareTo(Token other) {
            if (kind != other.kind) {
                return Integer.compare(kind, other.kind);
            }
            return switch (kind) {
                case 0 -> Integer.compare(preRank, other.preRank);
                case 1 -> number.compareTo(other.number);
                default -> word.compareTo(other.word);
            };
        }
    }

    private final List<Token> tokens;

    private GenericVersion(List<Token> tokens) {
        this.tokens = tokens;
    }

    static GenericVersion parse(String version) {
        String s = version.toLowerCase(Locale.ROOT);
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (isDigit(c)) {
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(1, 0, new BigInteger(s.substring(start, i)), null));
            } else if (Character.isLetter(c)) {
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                Integer pre = PRE_RELEASE_WORDS.get(word);
                if (pre != null) {
                    tokens.add(new Token(0, pre, null, null));
                } else if (!word.equals("final") && !word.equals("ga") && !word.equals("release")) {
                    tokens.add(new Token(2, 0, null, word));
                }
            } else {
                i++;
            }
        }
        return new GenericVersion(tokens);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public int compareTo(GenericVersion other) {
        for (int i = 0; i < Math.max(tokens.size(), other.tokens.size()); i++) {
            Token a = i < tokens.size() ? tokens.get(i) : Token.NONE;
            Token b = i < other.tokens.size() ? other.tokens.get(i) : Token.NONE;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
