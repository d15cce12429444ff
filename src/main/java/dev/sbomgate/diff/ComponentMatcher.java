package dev.sbomgate.diff;

import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Pairs baseline components with candidate components. The rule (docs/diff-format.md, "Matching"):
 * <ol>
 *   <li>Components match only within one {@link Component#identity()}.</li>
 *   <li>Within an identity, equal version strings pair first, lowest version first.</li>
 *   <li>The rest pair by nearest version: repeatedly the (old, new) pair whose versions are closest in the
 *       ecosystem's order (distance = difference of ranks among the remaining versions of both sides); ties go
 *       to an upgrade over a downgrade, then to the lower old version, then to the lower new version.</li>
 *   <li>What is left is removed (baseline) or added (candidate).</li>
 * </ol>
 * Every order used is total (version order, then the version string, then the bom-ref), so the result never
 * depends on document order.
 */
public final class ComponentMatcher {

    /** Above this many candidate pairs in one identity the remaining versions pair in order, lowest first. */
    static final int MAX_PAIRWISE = 250_000;

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    /** A baseline component and the candidate component it was matched with. */
    public record Pair(Component oldComponent, Component newComponent) {
    }

    /** All pairs, and what stayed unpaired, each sorted by identity then version. */
    public record Result(List<Pair> pairs, List<Component> removed, List<Component> added) {
    }

    private ComponentMatcher() {
    }

    public static Result match(List<Component> baseline, List<Component> candidate) {
        Map<String, List<Component>> oldById = byIdentity(baseline);
        Map<String, List<Component>> newById = byIdentity(candidate);
        Set<String> all = new HashSet<>(oldById.keySet());
        all.addAll(newById.keySet());
        String[] identities = all.toArray(new String[0]);
        Arrays.sort(identities);
        List<Pair> pairs = new ArrayList<>();
        List<Component> removed = new ArrayList<>();
        List<Component> added = new ArrayList<>();
        for (String identity : identities) {
            List<Component> olds = oldById.getOrDefault(identity, List.of());
            List<Component> news = newById.getOrDefault(identity, List.of());
            // The common case, one version on each side or on one side only, needs no ordering: a single old and a
            // single new always pair (by equal version, else as the nearest), and a lone one is removed or added.
            if (olds.size() <= 1 && news.size() <= 1) {
                if (olds.isEmpty()) {
                    added.add(news.get(0));
                } else if (news.isEmpty()) {
                    removed.add(olds.get(0));
                } else {
                    pairs.add(new Pair(olds.get(0), news.get(0)));
                }
                continue;
            }
            String ecosystem = ecosystem(olds.isEmpty() ? news.get(0) : olds.get(0));
            Comparator<Component> order = versionOrder(ecosystem);
            matchIdentity(ecosystem, sorted(olds, order), sorted(news, order), pairs, removed, added);
        }
        return new Result(List.copyOf(pairs), List.copyOf(removed), List.copyOf(added));
    }

    private static void matchIdentity(String ecosystem, List<Component> olds, List<Component> news,
                                      List<Pair> pairs, List<Component> removed, List<Component> added) {
        boolean[] newUsed = new boolean[news.size()];
        List<Component> restOld = new ArrayList<>();
        for (Component o : olds) {
            int match = -1;
            for (int j = 0; j < news.size() && match < 0; j++) {
                if (!newUsed[j] && Objects.equals(o.effectiveVersion(), news.get(j).effectiveVersion())) {
                    match = j;
                }
            }
            if (match >= 0) {
                newUsed[match] = true;
                pairs.add(new Pair(o, news.get(match)));
            } else {
                restOld.add(o);
            }
        }
        List<Component> restNew = new ArrayList<>();
        for (int j = 0; j < news.size(); j++) {
            if (!newUsed[j]) {
                restNew.add(news.get(j));
            }
        }
        if (restOld.isEmpty() || restNew.isEmpty()) {
            removed.addAll(restOld);
            added.addAll(restNew);
            return;
        }
        if ((long) restOld.size() * restNew.size() > MAX_PAIRWISE) {
            int n = Math.min(restOld.size(), restNew.size());
            for (int i = 0; i < n; i++) {
                pairs.add(new Pair(restOld.get(i), restNew.get(i)));
            }
            removed.addAll(restOld.subList(n, restOld.size()));
            added.addAll(restNew.subList(n, restNew.size()));
            return;
        }
        nearestVersions(ecosystem, restOld, restNew, pairs, removed, added);
    }

    private static void nearestVersions(String ecosystem, List<Component> olds, List<Component> news,
                                        List<Pair> pairs, List<Component> removed, List<Component> added) {
        // Dense ranks: versions the ecosystem considers equal (1.0, 1.0.0) share a rank.
        List<String> versions = new ArrayList<>();
        olds.forEach(c -> versions.add(c.effectiveVersion()));
        news.forEach(c -> versions.add(c.effectiveVersion()));
        versions.sort(VersionOrder.comparator(ecosystem));
        Map<String, Integer> rank = new HashMap<>();
        int r = 0;
        for (int i = 0; i < versions.size(); i++) {
            if (i > 0 && VersionOrder.compare(ecosystem, versions.get(i - 1), versions.get(i)) != 0) {
                r++;
            }
            rank.putIfAbsent(versions.get(i), r);
        }
        int[][] candidates = new int[olds.size() * news.size()][];
        int k = 0;
        for (int i = 0; i < olds.size(); i++) {
            int ro = rank.get(olds.get(i).effectiveVersion());
            for (int j = 0; j < news.size(); j++) {
                int rn = rank.get(news.get(j).effectiveVersion());
                candidates[k++] = new int[] {Math.abs(rn - ro), rn >= ro ? 0 : 1, i, j};
            }
        }
        Arrays.sort(candidates, Arrays::compare);
        boolean[] oldUsed = new boolean[olds.size()];
        boolean[] newUsed = new boolean[news.size()];
        for (int[] c : candidates) {
            if (!oldUsed[c[2]] && !newUsed[c[3]]) {
                oldUsed[c[2]] = true;
                newUsed[c[3]] = true;
                pairs.add(new Pair(olds.get(c[2]), news.get(c[3])));
            }
        }
        for (int i = 0; i < olds.size(); i++) {
            if (!oldUsed[i]) {
                removed.add(olds.get(i));
            }
        }
        for (int j = 0; j < news.size(); j++) {
            if (!newUsed[j]) {
                added.add(news.get(j));
            }
        }
    }

    /**
     * Among removed and added components, the pairs that look like one package moved to another namespace
     * (or gained or lost its purl): the same normalised name, exactly one removed and one added with it,
     * and the same purl type. Different purl types are different registries, where one name is a coincidence.
     */
    public static List<Pair> moved(List<Component> removed, List<Component> added) {
        SortedMap<String, List<Component>> removedByName = byName(removed);
        SortedMap<String, List<Component>> addedByName = byName(added);
        List<Pair> moved = new ArrayList<>();
        for (Map.Entry<String, List<Component>> e : removedByName.entrySet()) {
            List<Component> gone = e.getValue();
            List<Component> come = addedByName.getOrDefault(e.getKey(), List.of());
            if (gone.size() != 1 || come.size() != 1) {
                continue;
            }
            Component o = gone.get(0);
            Component n = come.get(0);
            if (o.purl() != null && n.purl() != null) {
                if (!o.purl().type().equals(n.purl().type())
                        || Objects.equals(lower(o.purl().namespace()), lower(n.purl().namespace()))
                        || isTypings(o) || isTypings(n)) {
                    continue;
                }
            } else if (o.purl() == null && n.purl() == null && Objects.equals(lower(o.group()), lower(n.group()))) {
                continue;
            }
            moved.add(new Pair(o, n));
        }
        return moved;
    }

    /** npm's {@code @types/x} holds the TypeScript declarations of {@code x} (DefinitelyTyped): another package by convention. */
    private static boolean isTypings(Component c) {
        return "npm".equals(c.purl().type()) && "@types".equals(c.purl().namespace());
    }

    static String ecosystem(Component c) {
        return c.purl() == null ? null : c.purl().type();
    }

    /** Version order of the ecosystem, then the exact version string, then the bom-ref. */
    static Comparator<Component> versionOrder(String ecosystem) {
        return Comparator.comparing(Component::effectiveVersion, VersionOrder.comparator(ecosystem))
                .thenComparing(Component::effectiveVersion, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Component::bomRef);
    }

    private static List<Component> sorted(List<Component> components, Comparator<Component> order) {
        List<Component> copy = new ArrayList<>(components);
        copy.sort(order);
        return copy;
    }

    private static Map<String, List<Component>> byIdentity(List<Component> components) {
        Map<String, List<Component>> map = new HashMap<>(components.size() * 2);
        for (Component c : components) {
            map.computeIfAbsent(c.identity(), k -> new ArrayList<>(1)).add(c);
        }
        return map;
    }

    private static SortedMap<String, List<Component>> byName(List<Component> components) {
        SortedMap<String, List<Component>> map = new TreeMap<>();
        for (Component c : components) {
            String name = c.purl() != null ? c.purl().name() : c.name();
            map.computeIfAbsent(SEPARATORS.matcher(lower(name)).replaceAll("-"), k -> new ArrayList<>()).add(c);
        }
        return map;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
