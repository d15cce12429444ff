package dev.sbomgate.cli;

import dev.sbomgate.finding.RuleId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The rule IDs as picocli completion candidates ({@code sbomgate explain <TAB>}), and the nearest ones to a mistyped
 * ID ({@code explain HASH_MISMACH}: did you mean HASH_MISMATCH?).
 */
final class RuleIdCandidates implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(RuleId.values()).map(Enum::name).iterator();
    }

    /** Up to three rule IDs within a third of the typed text's length in edits (case-insensitive), nearest first. */
    static List<String> nearest(String typed) {
        return nearest(typed, Arrays.stream(RuleId.values()).map(Enum::name).toList());
    }

    static List<String> nearest(String typed, Collection<String> names) {
        String t = typed.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        int limit = Math.max(2, t.length() / 3);
        return names.stream()
                .filter(n -> distance(t, n) <= limit)
                .sorted(Comparator.comparingInt((String n) -> distance(t, n)).thenComparing(n -> n))
                .limit(3)
                .toList();
    }

    /** Levenshtein distance with adjacent transpositions (optimal string alignment): one swap is one typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
