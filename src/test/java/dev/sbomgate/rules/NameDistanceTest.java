package dev.sbomgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameDistanceTest {

    @Test
    void optimalStringAlignmentDistances() {
        assertEquals(0, NameDistance.bounded("requests", "requests", 3));
        assertEquals(1, NameDistance.bounded("requests", "requets", 3));
        assertEquals(1, NameDistance.bounded("requests", "reqeusts", 3), "a transposition is one edit");
        assertEquals(1, NameDistance.bounded("cross-env", "crossenv", 3));
        assertEquals(2, NameDistance.bounded("colors", "c0l0rs", 3));
        assertEquals(3, NameDistance.bounded("kitten", "sitting", 3));
        assertEquals(2, NameDistance.bounded("kitten", "sitting", 1), "capped at max + 1");
        assertEquals(2, NameDistance.bounded("a", "abcdef", 1), "length difference alone exceeds max");
    }

    @Test
    void theIndexFindsExactlyWhatComparingEveryPairFinds() {
        Random random = new Random(7);
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            known.add(word(random));
        }
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String base = known.get(random.nextInt(known.size()));
            queries.add(mutate(base, random, 1 + random.nextInt(3)));
            queries.add(word(random));
        }
        for (int max = 0; max <= 3; max++) {
            NameDistance.Index index = new NameDistance.Index(known, max);
            for (String q : queries) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < known.size(); i++) {
                    if (max > 0 && NameDistance.bounded(q, known.get(i), max) <= max) {
                        expected.add(i);
                    }
                }
                assertEquals(expected, index.near(q), "query " + q + ", max " + max);
            }
        }
    }

    @Test
    void theBatchSearchFindsExactlyWhatComparingEveryPairFinds() {
        Random random = new Random(11);
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            known.add(word(random));
        }
        known.add("aaaa"); // runs of one letter: many deletions give the same string
        List<String> queries = new ArrayList<>(List.of("aaa", "aaaaa", "abab", "baba"));
        for (int i = 0; i < 150; i++) {
            String base = known.get(random.nextInt(known.size()));
            queries.add(mutate(base, random, 1 + random.nextInt(3)));
            queries.add(word(random));
            queries.add(base);
        }
        for (int max = 0; max <= 3; max++) {
            List<List<Integer>> found = NameDistance.nearAll(known, queries, max);
            assertEquals(queries.size(), found.size());
            for (int j = 0; j < queries.size(); j++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < known.size(); i++) {
                    if (max > 0 && NameDistance.bounded(queries.get(j), known.get(i), max) <= max) {
                        expected.add(i);
                    }
                }
                assertEquals(expected, found.get(j), "query " + queries.get(j) + ", max " + max);
            }
        }
    }

    private static String word(Random random) {
        // A small alphabet makes near neighbours common.
        int length = 3 + random.nextInt(6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append("abcde-".charAt(random.nextInt(6)));
        }
        return sb.toString();
    }

    private static String mutate(String s, Random random, int edits) {
        StringBuilder sb = new StringBuilder(s);
        for (int e = 0; e < edits && sb.length() > 1; e++) {
            int i = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(i);
                case 1 -> sb.insert(i, 'x');
                case 2 -> sb.setCharAt(i, 'y');
                default -> {
                    if (i + 1 < sb.length()) {
                        char c = sb.charAt(i);
                        sb.setCharAt(i, sb.charAt(i + 1));
                        sb.setCharAt(i + 1, c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
