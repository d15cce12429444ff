package dev.sbomgate.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * For each query, what {@code new Index(known, maxDistance).near(query)} gives, computed the other way round for
     * few queries against many known names (a new component against a 100,000-component baseline): the queries'
     * deletion variants go into a small table, and each known name's variants are hashed in place (a polynomial hash
     * of the name with one or two characters left out, no string built) and looked up there. Distances above 2 use
     * the index.
     */
    static List<List<Integer>> nearAll(List<String> known, List<String> queries, int maxDistance) {
        int max = Math.max(0, maxDistance);
        List<List<Integer>> out = new ArrayList<>(queries.size());
        if (max > 2) {
            Index index = new Index(known, max);
            for (String q : queries) {
                out.add(index.near(q));
            }
            return out;
        }
        if (max == 0 || queries.isEmpty()) {
            for (int i = 0; i < queries.size(); i++) {
                out.add(List.of());
            }
            return out;
        }
        Map<Long, List<Integer>> byVariant = new HashMap<>();
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        VariantHashes hashes = new VariantHashes();
        for (int j = 0; j < queries.size(); j++) {
            String q = queries.get(j);
            shortest = Math.min(shortest, q.length());
            longest = Math.max(longest, q.length());
            int n = hashes.of(q, max);
            for (int k = 0; k < n; k++) {
                List<Integer> owners = byVariant.computeIfAbsent(hashes.values[k], h -> new ArrayList<>(1));
                if (owners.isEmpty() || owners.get(owners.size() - 1) != j) {
                    owners.add(j);
                }
            }
        }
        LongSet table = new LongSet(byVariant.keySet());
        List<Set<Integer>> candidates = new ArrayList<>(queries.size());
        for (int j = 0; j < queries.size(); j++) {
            candidates.add(new TreeSet<>());
        }
        for (int i = 0; i < known.size(); i++) {
            String name = known.get(i);
            if (name.length() < shortest - max || name.length() > longest + max) {
                continue;
            }
            int n = hashes.of(name, max);
            for (int k = 0; k < n; k++) {
                if (table.contains(hashes.values[k])) {
                    for (int j : byVariant.get(hashes.values[k])) {
                        candidates.get(j).add(i);
                    }
                }
            }
        }
        for (int j = 0; j < queries.size(); j++) {
            List<Integer> near = new ArrayList<>();
            for (int i : candidates.get(j)) {
                if (bounded(queries.get(j), known.get(i), max) <= max) {
                    near.add(i);
                }
            }
            out.add(near);
        }
        return out;
    }

    /**
     * Hashes of a name and of every string left after deleting one or two of its characters, computed from prefix
     * hashes (polynomial, mod 2^64) without building the strings: H(x + y) = H(x) * B^|y| + H(y). Equal strings hash
     * equal; a collision only adds a candidate that the exact distance then drops.
     */
    private static final class VariantHashes {
        private static final long B = 0x100000001b3L;
        private long[] prefix = new long[128];
        private long[] power = powers(128);
        long[] values = new long[1024];

        /** Fills {@link #values} with the variants' hashes (repeats possible) and returns how many there are. */
        int of(String s, int deletions) {
            int n = s.length();
            if (prefix.length < n + 1) {
                prefix = new long[n + 1];
                power = powers(n + 1);
            }
            prefix[0] = 0;
            for (int i = 0; i < n; i++) {
                prefix[i + 1] = prefix[i] * B + s.charAt(i);
            }
            int needed = 1 + n + (deletions >= 2 ? n * (n - 1) / 2 : 0);
            if (values.length < needed) {
                values = new long[needed];
            }
            int k = 0;
            values[k++] = mix(prefix[n], n);
            for (int i = 0; i < n; i++) {
                // s without s[i]: s[0..i) then s[i+1..n)
                values[k++] = mix(prefix[i] * power[n - 1 - i] + range(i + 1, n), n - 1);
                if (deletions >= 2) {
                    for (int j = i + 1; j < n; j++) {
                        // s without s[i] and s[j]: s[0..i), s[i+1..j), s[j+1..n)
                        values[k++] = mix(prefix[i] * power[n - 2 - i] + range(i + 1, j) * power[n - 1 - j]
                                + range(j + 1, n), n - 2);
                    }
                }
            }
            return k;
        }

        /** H(s[from..to)). */
        private long range(int from, int to) {
            return prefix[to] - prefix[from] * power[to - from];
        }

        private static long[] powers(int size) {
            long[] p = new long[size];
            p[0] = 1;
            for (int i = 1; i < size; i++) {
                p[i] = p[i - 1] * B;
            }
            return p;
        }

        /** Spreads the polynomial hash (and the length) over all 64 bits (MurmurHash3's finaliser). */
        private static long mix(long h, int length) {
            h += length * 0x9e3779b97f4a7c15L;
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }
    }

    /** An open-addressing set of longs, for the hot membership test of {@link #nearAll}. */
    private static final class LongSet {
        private final long[] slots;
        private final boolean[] used;
        private final int mask;

        LongSet(Set<Long> values) {
            int size = Integer.highestOneBit(Math.max(4, values.size() * 4 - 1)) << 1;
            slots = new long[size];
            used = new boolean[size];
            mask = size - 1;
            for (long v : values) {
                int i = (int) v & mask;
                while (used[i] && slots[i] != v) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                slots[i] = v;
            }
        }

        boolean contains(long v) {
            int i = (int) v & mask;
            while (used[i]) {
                if (slots[i] == v) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
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
