package dev.sbomgate.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Edit distance between package names, and a search for the known names within a small distance of a new
 * one that does not compare every pair. The distance is Damerau-Levenshtein in its optimal-string-alignment
 * form: insertion, deletion, substitution and the transposition of two adjacent characters each cost 1.
 */
final class NameDistance {

    /** Above this many deletion variants in one index the search falls back to length buckets (memory bound). */
    static final int MAX_INDEX_ENTRIES = 20_000_000;
    /** The deletion index stores the known name's position in 24 bits. */
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private NameDistance() {
    }

    /**
     * The distance between {@code a} and {@code b} when it is at most {@code max}, else {@code max + 1}: rows stop
     * as soon as every entry exceeds {@code max}, so a far pair costs little.
     */
    static int bounded(String a, String b, int max) {
        if (max < 0) {
            return a.equals(b) ? 0 : max + 1;
        }
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[m], max + 1);
    }

    /**
     * An index over known names that finds, for a query, every known name within {@code maxDistance}. For
     * distances up to 2 it indexes each known name's deletion variants (every string left after deleting up to
     * {@code maxDistance} characters): two names within distance d always share a variant made by at most d
     * deletions from each, so a query looks up only its own variants and then checks the few candidates exactly.
     * Variants are stored as 40-bit hashes beside the name's position in one sorted {@code long[]}; a hash collision
     * only adds a candidate that the exact check then drops. Larger distances, or an index that would exceed
     * {@link #MAX_INDEX_ENTRIES}, compare against the known names of nearby lengths only.
     */
    static final class Index {
        private final List<String> known;
        private final int maxDistance;
        private final long[] entries;
        private final List<List<Integer>> byLength;

        Index(List<String> known, int maxDistance) {
            this.known = List.copyOf(known);
            this.maxDistance = Math.max(0, maxDistance);
            this.entries = this.maxDistance <= 2 && this.known.size() <= INDEX_MASK ? buildEntries() : null;
            this.byLength = entries == null ? buildBuckets() : List.of();
        }

        private long[] buildEntries() {
            long count = 0;
            List<Set<String>> variants = new ArrayList<>(known.size());
            for (String name : known) {
                Set<String> v = variants(name, maxDistance);
                count += v.size();
                if (count > MAX_INDEX_ENTRIES) {
                    return null;
                }
                variants.add(v);
            }
            long[] out = new long[(int) count];
            int k = 0;
            for (int i = 0; i < variants.size(); i++) {
                for (String v : variants.get(i)) {
                    out[k++] = (hash40(v) << INDEX_BITS) | i;
                }
            }
            Arrays.sort(out);
            return out;
        }

        private List<List<Integer>> buildBuckets() {
            int longest = known.stream().mapToInt(String::length).max().orElse(0);
            List<List<Integer>> buckets = new ArrayList<>(longest + 1);
            for (int i = 0; i <= longest; i++) {
                buckets.add(new ArrayList<>());
            }
            for (int i = 0; i < known.size(); i++) {
                buckets.get(known.get(i).length()).add(i);
            }
            return buckets;
        }

        /** Positions (in the known list) of the names within {@code maxDistance} of {@code query}, ascending. */
        List<Integer> near(String query) {
            if (maxDistance == 0) {
                return List.of();
            }
            Set<Integer> candidates = new TreeSet<>();
            if (entries != null) {
                for (String v : variants(query, maxDistance)) {
                    long lo = hash40(v) << INDEX_BITS;
                    long hi = lo | INDEX_MASK;
                    for (int p = lowerBound(entries, lo); p < entries.length && entries[p] <= hi; p++) {
                        candidates.add((int) (entries[p] & INDEX_MASK));
                    }
                }
            } else {
                for (int len = Math.max(0, query.length() - maxDistance);
                     len <= query.length() + maxDistance && len < byLength.size(); len++) {
                    candidates.addAll(byLength.get(len));
                }
            }
            List<Integer> out = new ArrayList<>();
            for (int i : candidates) {
                if (bounded(query, known.get(i), maxDistance) <= maxDistance) {
                    out.add(i);
                }
            }
            return out;
        }
    }

    /** The name and every string left after deleting up to {@code deletions} of its characters. */
    static Set<String> variants(String name, int deletions) {
        Set<String> out = new HashSet<>();
        out.add(name);
        Set<String> frontier = Set.of(name);
        for (int d = 0; d < deletions; d++) {
            Set<String> next = new HashSet<>();
            for (String s : frontier) {
                for (int i = 0; i < s.length(); i++) {
                    String v = s.substring(0, i) + s.substring(i + 1);
                    if (out.add(v)) {
                        next.add(v);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /** 64-bit FNV-1a over the UTF-16 units, top 40 bits. */
    static long hash40(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h ^= c & 0xff;
            h *= 0x100000001b3L;
            h ^= c >>> 8;
            h *= 0x100000001b3L;
        }
        return h >>> (64 - 40);
    }

    private static int lowerBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
