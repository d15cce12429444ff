package dev.sbomgate.diff;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Inventory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares two SBOMs component by component. Pure: no I/O, same input gives the same list.
 * The change kinds and the matching rule are specified in docs/diff-format.md.
 */
public final class SbomDiff {

    private static final Pattern SCM_PREFIX = Pattern.compile("^scm:[a-z]+:");
    private static final Pattern GIT_PLUS = Pattern.compile("^git\\+");
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern SCP_LIKE = Pattern.compile("^git@([^:/]+):");
    private static final Pattern USER_INFO = Pattern.compile("^[^@/]*@");
    private static final Pattern PORT = Pattern.compile(":[0-9]+$");
    private static final Pattern WWW = Pattern.compile("^www\\.");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SbomDiff() {
    }

    /** The changes from {@code baseline} to {@code candidate}, sorted by {@link Change#ORDER}. Their root components are not compared. */
    public static List<Change> compare(Inventory baseline, Inventory candidate) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        return compare(baseline.components(), candidate.components());
    }

    /** The changes from one component list to another, sorted by {@link Change#ORDER}. */
    public static List<Change> compare(List<Component> baseline, List<Component> candidate) {
        return diff(baseline, candidate).changes();
    }

    /**
     * The changes and the pairing they were computed from.
     *
     * @param changes  as {@link #compare(List, List)} gives them
     * @param matching as {@link ComponentMatcher#match} gives it for the same lists
     */
    public record Result(List<Change> changes, ComponentMatcher.Result matching) {
        public Result {
            changes = List.copyOf(changes);
            Objects.requireNonNull(matching, "matching");
        }
    }

    /** The changes from one component list to another, and the pairing behind them (matched once, for both). */
    public static Result diff(List<Component> baseline, List<Component> candidate) {
        ComponentMatcher.Result matching = ComponentMatcher.match(baseline, candidate);
        List<Change> changes = new ArrayList<>();
        for (Component c : matching.removed()) {
            changes.add(new Change(ChangeKind.REMOVED, c.identity(), c, null, "version", c.effectiveVersion(), null, null, null));
        }
        for (Component c : matching.added()) {
            changes.add(new Change(ChangeKind.ADDED, c.identity(), null, c, "version", null, c.effectiveVersion(), null, null));
        }
        for (ComponentMatcher.Pair moved : ComponentMatcher.moved(matching.removed(), matching.added())) {
            changes.add(moved(moved.oldComponent(), moved.newComponent()));
        }
        for (ComponentMatcher.Pair pair : matching.pairs()) {
            compare(pair.oldComponent(), pair.newComponent(), changes);
        }
        changes.sort(Change.ORDER);
        return new Result(changes, matching);
    }

    /** A package that left one namespace and appeared, under the same name, in another (or lost/gained its purl). */
    private static Change moved(Component o, Component n) {
        String aspect;
        String note;
        if (o.purl() != null && n.purl() != null) {
            aspect = "namespace";
            note = "same name, other namespace: " + (o.purl().namespace() == null ? "(none)" : o.purl().namespace())
                    + " -> " + (n.purl().namespace() == null ? "(none)" : n.purl().namespace())
                    + "; also reported as removed and added";
        } else if (o.purl() == null && n.purl() == null) {
            aspect = "group";
            note = "same name, other group; also reported as removed and added";
        } else {
            aspect = "purl";
            note = (o.purl() == null ? "purl appeared" : "purl disappeared") + "; also reported as removed and added";
        }
        return new Change(ChangeKind.SOURCE_CHANGED, n.identity(), o, n, aspect, o.identity(), n.identity(), null, note);
    }

    /** A pair's identity, built on first use: most pairs of a large SBOM are unchanged and never need it. */
    private static final class Identity {
        private final Component component;
        private String value;

        Identity(Component component) {
            this.component = component;
        }

        String get() {
            if (value == null) {
                value = component.identity();
            }
            return value;
        }
    }

    private static void compare(Component o, Component n, List<Change> out) {
        Identity identity = new Identity(n);
        String ecosystem = ComponentMatcher.ecosystem(n);
        String ov = o.effectiveVersion();
        String nv = n.effectiveVersion();
        boolean sameVersion = Objects.equals(ov, nv);
        if (!sameVersion) {
            int order = ov == null || nv == null ? 0 : VersionOrder.compare(ecosystem, ov, nv);
            if (order < 0) {
                out.add(new Change(ChangeKind.UPGRADED, identity.get(), o, n, "version", ov, nv,
                        VersionOrder.classify(ecosystem, ov, nv), null));
            } else if (order > 0) {
                out.add(new Change(ChangeKind.DOWNGRADED, identity.get(), o, n, "version", ov, nv,
                        VersionOrder.classify(ecosystem, ov, nv), null));
            } else {
                out.add(new Change(ChangeKind.VERSION_CHANGED, identity.get(), o, n, "version", ov, nv, null,
                        ov == null || nv == null ? "version missing on one side: cannot order"
                                : "equal in " + VersionScheme.forEcosystem(ecosystem).name() + " version order"));
            }
        }
        compareHashes(o, n, identity, sameVersion, out);
        compareSupplier(o, n, identity, out);
        compareSource(o, n, identity, out);
        compareLicenses(o, n, identity, out);
    }

    /**
     * Hashes mean something only between identical versions: another version is another file. There, a
     * difference counts only for an algorithm both sides offer; with none in common nothing can be claimed,
     * which is what HASH_ALGORITHMS_CHANGED then says.
     */
    private static void compareHashes(Component o, Component n, Identity identity, boolean sameVersion, List<Change> out) {
        if (o.hashes().equals(n.hashes())) {
            return; // Both lists are sorted and distinct: same algorithms, same values, nothing to report.
        }
        Map<HashAlgorithm, SortedSet<String>> oldHashes = byAlgorithm(o);
        Map<HashAlgorithm, SortedSet<String>> newHashes = byAlgorithm(n);
        boolean common = oldHashes.keySet().stream().anyMatch(newHashes::containsKey);
        if (!oldHashes.keySet().equals(newHashes.keySet())) {
            String note = null;
            if (sameVersion && !oldHashes.isEmpty() && !newHashes.isEmpty() && !common) {
                note = "no hash algorithm in common: the hashes cannot be compared";
            } else if (newHashes.isEmpty()) {
                note = "the candidate gives no hashes";
            }
            out.add(new Change(ChangeKind.HASH_ALGORITHMS_CHANGED, identity.get(), o, n, "hash algorithms",
                    algorithms(oldHashes), algorithms(newHashes), null, note));
        }
        if (!sameVersion || !common) {
            return;
        }
        List<HashAlgorithm> differing = oldHashes.keySet().stream()
                .filter(a -> newHashes.containsKey(a) && !oldHashes.get(a).equals(newHashes.get(a)))
                .toList();
        if (!differing.isEmpty()) {
            out.add(new Change(ChangeKind.SAME_VERSION_DIFFERENT_HASHES, identity.get(), o, n,
                    differing.stream().map(HashAlgorithm::cycloneDxName).collect(Collectors.joining(", ")),
                    digests(oldHashes, differing), digests(newHashes, differing), null, null));
        }
    }

    private static Map<HashAlgorithm, SortedSet<String>> byAlgorithm(Component c) {
        Map<HashAlgorithm, SortedSet<String>> map = new EnumMap<>(HashAlgorithm.class);
        for (Digest d : c.hashes()) {
            map.computeIfAbsent(d.algorithm(), a -> new TreeSet<>()).add(d.hex());
        }
        return map;
    }

    private static String algorithms(Map<HashAlgorithm, SortedSet<String>> hashes) {
        return hashes.isEmpty() ? null
                : hashes.keySet().stream().map(HashAlgorithm::cycloneDxName).collect(Collectors.joining(", "));
    }

    private static String digests(Map<HashAlgorithm, SortedSet<String>> hashes, List<HashAlgorithm> algorithms) {
        List<String> parts = new ArrayList<>();
        for (HashAlgorithm a : algorithms) {
            for (String hex : hashes.get(a)) {
                parts.add(a.cycloneDxName() + ":" + hex);
            }
        }
        return String.join(" ", parts);
    }

    /** CycloneDX {@code supplier}, {@code publisher}, {@code author(s)}, {@code manufacturer}: each is its own change. */
    private static void compareSupplier(Component o, Component n, Identity identity, List<Change> out) {
        field(o, n, identity, "supplier", Component::supplier, out);
        field(o, n, identity, "publisher", Component::publisher, out);
        field(o, n, identity, "author", Component::author, out);
        field(o, n, identity, "manufacturer", Component::manufacturer, out);
    }

    private static void field(Component o, Component n, Identity identity, String aspect,
                              Function<Component, String> getter, List<Change> out) {
        String rawBefore = getter.apply(o);
        String rawAfter = getter.apply(n);
        if (Objects.equals(rawBefore, rawAfter)) {
            return;
        }
        String before = blankToNull(rawBefore);
        String after = blankToNull(rawAfter);
        // Case and spacing differences are spelling, not a new party.
        if (!Objects.equals(fold(before), fold(after))) {
            out.add(new Change(ChangeKind.SUPPLIER_CHANGED, identity.get(), o, n, aspect, before, after, null, null));
        }
    }

    /**
     * Where the code comes from: the {@code vcs} external references, and the purl {@code repository_url}
     * qualifier (the registry; absent means the ecosystem's default). URLs compare after dropping what does not
     * change the repository: see {@link #normaliseUrl}.
     */
    private static void compareSource(Component o, Component n, Identity identity, List<Change> out) {
        if (!o.externalReferences().equals(n.externalReferences())
                && !normalisedUrls(o.references("vcs")).equals(normalisedUrls(n.references("vcs")))) {
            out.add(new Change(ChangeKind.SOURCE_CHANGED, identity.get(), o, n, "vcs",
                    joinOrNull(o.references("vcs")), joinOrNull(n.references("vcs")), null, null));
        }
        String oldRepo = o.purl() == null ? null : o.purl().qualifier("repository_url");
        String newRepo = n.purl() == null ? null : n.purl().qualifier("repository_url");
        if (!Objects.equals(oldRepo, newRepo) && !Objects.equals(normaliseUrl(oldRepo), normaliseUrl(newRepo))) {
            out.add(new Change(ChangeKind.SOURCE_CHANGED, identity.get(), o, n, "repository_url", oldRepo, newRepo, null,
                    oldRepo == null ? "was the ecosystem's default registry" : newRepo == null
                            ? "now the ecosystem's default registry" : null));
        }
    }

    private static SortedSet<String> normalisedUrls(List<String> urls) {
        return urls.stream().map(SbomDiff::normaliseUrl).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The repository a URL names, for comparison: lower case, without the Maven {@code scm:git:} or npm
     * {@code git+} prefix, scheme, user info, {@code #fragment} (npm's committish or directory), trailing
     * slashes and {@code .git}; {@code git@host:path} is read as {@code host/path}. On GitHub, Bitbucket and
     * Codeberg only {@code owner/repo} names the repository ({@code /tree/main/packages/x} is a path inside it),
     * on GitLab everything before {@code /-/}.
     */
    static String normaliseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        u = SCM_PREFIX.matcher(u).replaceFirst("");
        u = GIT_PLUS.matcher(u).replaceFirst("");
        u = SCHEME.matcher(u).replaceFirst("");
        u = SCP_LIKE.matcher(u).replaceFirst("$1/");
        u = USER_INFO.matcher(u).replaceFirst("");
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        String[] segments = u.split("/", -1);
        String host = WWW.matcher(PORT.matcher(segments[0]).replaceFirst("")).replaceFirst("");
        if ((host.equals("github.com") || host.equals("bitbucket.org") || host.equals("codeberg.org")) && segments.length > 3) {
            u = String.join("/", segments[0], segments[1], segments[2]);
        } else if (host.equals("gitlab.com") && u.contains("/-/")) {
            u = u.substring(0, u.indexOf("/-/"));
        }
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        return u;
    }

    /** Licence ids, names and expressions compare case-insensitively, as SPDX matches identifiers. */
    private static void compareLicenses(Component o, Component n, Identity identity, List<Change> out) {
        if (o.licenses().equals(n.licenses())) {
            return;
        }
        SortedSet<String> before = o.licenses().stream().map(SbomDiff::fold).collect(Collectors.toCollection(TreeSet::new));
        SortedSet<String> after = n.licenses().stream().map(SbomDiff::fold).collect(Collectors.toCollection(TreeSet::new));
        if (!before.equals(after)) {
            out.add(new Change(ChangeKind.LICENSE_CHANGED, identity.get(), o, n, "licenses",
                    joinOrNull(o.licenses()), joinOrNull(n.licenses()), null,
                    n.licenses().isEmpty() ? "the candidate declares no licence" : null));
        }
    }

    private static String joinOrNull(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String fold(String s) {
        return s == null ? null : WHITESPACE.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
