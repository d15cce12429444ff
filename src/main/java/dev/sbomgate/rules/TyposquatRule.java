package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import dev.sbomgate.policy.RuleParameter;
import java.util.ArrayList;
import dev.sbomgate.rules.TyposquatClasses.Technique;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * TYPOSQUAT: a new component named like a known package of the same ecosystem (a popular one from the bundled
 * lists, or an approved one from the baseline) but not exactly like it.
 */
public final class TyposquatRule implements Rule {
    /** Names shorter than this are neither checked nor targets: a 3-letter name is one edit from hundreds. */
    static final int MIN_NAME_LENGTH = 4;
    /** Longer comparison keys are not checked: no popular name is this long, and it bounds the work per name. */
    static final int MAX_KEY_LENGTH = 100;
    /** Largest maxDistance honoured; beyond it every name is near every other. */
    static final int MAX_DISTANCE_CAP = 8;
    private static final int SHOWN_MATCHES = 3;

    @Override
    public RuleId id() {
        return RuleId.TYPOSQUAT;
    }

    @Override
    public String explain() {
        return """
                TYPOSQUAT flags a new component whose name imitates a package you know, and names the class of
                look-alike that matched, after the transformations found in real npm and PyPI squats (Taylor et
                al., "SpellBound", arXiv:2003.03471, now TypoGard; Vu et al., "Typosquatting and Combosquatting
                Attacks on the Python Ecosystem", EuroS&PW 2020; Jiang et al., "TypoSmart", arXiv:2502.20528):
                separator swap (crossenv for cross-env), homoglyph (the same once 0/o, 1/l/i, 5/s, rn/m, vv/w are
                read as one: jeIlyfish for jellyfish), transposition (electorn for electron), doubled, dropped,
                extra or substituted letter (mongose for mongoose, python3-dateutil for python-dateutil, djanga
                for django), a misspelling within the policy's maxDistance (Damerau-Levenshtein, default 1), a
                combo name (a popular name plus js, node, utils, dev, lib, py, python, 2...: nodemailer-js), an
                npm scope dropped (core-http for @azure/core-http) or glued into the name (types-node), a
                look-alike npm scope (@typescript_eslinter for @typescript-eslint, @types-node for @types), a scope
                named like a package (@lodash/core), and a Maven artifact under the same groupId with another
                first segment (org.fasterxml.jackson.core for com.fasterxml.jackson.core). Known names are the
                approved components of the same ecosystem (purl type) in the baseline and the bundled lists of
                popular Maven, npm and PyPI packages (combos: the popular lists only). Without a baseline (first
                use) every component is checked against the popular lists only, so that a squat is not approved
                into the first baseline.

                Not flagged, to keep the signal clean (measured on 17,900 components of real SBOMs): a name
                identical to a known one or itself on the popular list; names shorter than 4 characters; two
                packages in the same npm scope or Maven groupId, which only that namespace's owner can publish;
                one version digit for another (eventemitter2, eventemitter3); one plain letter replaced in a name
                shorter than 6 (glob, blob; zlib, glib); two members of one dotted family (lodash.map,
                lodash.max); and a popular name merely under a new scope (@tootallnate/once). Reported at warn at
                most: a resemblance only through an npm scope (@types/x mirrors x by design, and many scoped
                packages are the new home of an old unscoped one), a combo name (ports and plugins are named that
                way: acorn-node, asn1.js), a plural (cookie, cookies; yet shadowsock imitated shadowsocks), and
                every finding of a first inventory, where two similar names are usually two old, legitimate
                packages.

                Real attacks: crossenv (npm, 2017) imitated cross-env and sent the environment variables of every
                install to its author, beside nodemailer-js, jquery.js and mongose; jeIlyfish and python3-dateutil
                (PyPI, 2019) stole SSH and GPG keys; hundreds of npm packages in 2022 copied @azure/* names without
                the scope. The axios 1.14.1 compromise (2026, THREATS.md) pulled in plain-crypto-js, named after
                crypto-js with a prefix word no list predicts; NEW_DEPENDENCY_IN_PATCH catches such names.

                Fix: check that this is the package you meant (publisher, repository, age, downloads). If the name
                is a typo, depend on the real package and remove this one. If it is a genuine, different package,
                approve it with the command in the finding.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        int maxDistance = (int) Math.max(0, Math.min(MAX_DISTANCE_CAP,
                context.policy().number(RuleParameter.TYPOSQUAT_MAX_DISTANCE)));
        List<Component> queries = new ArrayList<>();
        Map<String, List<String>> keysByType = new LinkedHashMap<>();
        for (Component c : newComponents(context)) {
            Purl purl = c.purl();
            if (purl == null || purl.name().length() < MIN_NAME_LENGTH) {
                continue;
            }
            String key = key(purl);
            if (key.length() > MAX_KEY_LENGTH || PopularNames.of(purl.type()).contains(key)) {
                continue;
            }
            queries.add(c);
            keysByType.computeIfAbsent(purl.type(), type -> new ArrayList<>()).add(key);
        }
        // One matcher per ecosystem, searched for all of its new names at once: few new names against many known
        // ones is the common case, and a batch search costs one pass over the known names instead of an index of them.
        Map<String, Matcher> matchers = new HashMap<>();
        keysByType.forEach((type, keys) -> matchers.put(type, new Matcher(type, context, maxDistance, keys)));
        List<Finding> findings = new ArrayList<>();
        for (Component c : queries) {
            List<Match> matches = matchers.get(c.purl().type()).matches(c.purl());
            if (!matches.isEmpty()) {
                findings.add(finding(context, c, key(c.purl()), matches, maxDistance));
            }
        }
        return findings;
    }

    /** With a baseline, the components it does not have (in candidate order); without one, every component. */
    private static List<Component> newComponents(RuleContext context) {
        if (!context.hasBaseline()) {
            return context.candidate().components();
        }
        Set<String> added = new HashSet<>();
        for (Change change : context.changes()) {
            if (change.kind() == ChangeKind.ADDED) {
                added.add(change.newComponent().bomRef());
            }
        }
        return context.candidate().components().stream().filter(c -> added.contains(c.bomRef())).toList();
    }

    private Finding finding(RuleContext context, Component c, String key, List<Match> matches, int maxDistance) {
        Match best = matches.get(0);
        String ecosystem = c.purl().type();
        String title = "'" + ChangeRuleTexts.plain(key) + "' looks like '" + ChangeRuleTexts.plain(best.known.key) + "', "
                + (best.known.popular ? "a popular " + ecosystem + " package" : "an approved component");
        List<String> parts = new ArrayList<>();
        for (Match m : matches) {
            parts.add(ChangeRuleTexts.plain(m.known.key) + " (" + m.describe() + "; " + m.known.origin() + ")");
        }
        String found = "new component " + ChangeRuleTexts.label(c) + " is named like "
                + ChangeRuleTexts.joinLimited(parts, SHOWN_MATCHES) + "; the closest: "
                + best.technique.describe(key, best.known.key);
        String expected = "a new " + ecosystem + " component whose name is neither a look-alike of a popular or approved "
                + "package nor within " + maxDistance + (maxDistance == 1 ? " edit" : " edits") + " of one";
        String fix = "Check that " + ChangeRuleTexts.plain(key) + " is the package you meant: compare its publisher, "
                + "repository and age with " + ChangeRuleTexts.plain(best.known.key) + "'s. If the name is a typo, depend on "
                + ChangeRuleTexts.plain(best.known.key) + " instead and remove it; if it is a different, legitimate package, approve: "
                + context.approveCommand(id(), c);
        // Milder sub-cases, warn at most: a resemblance only through an npm scope (@types/x mirrors x by design, and
        // many scoped packages are the new home of an old unscoped one), and a first inventory, where two similar
        // names are usually two old, legitimate packages the project already uses.
        Severity severity = context.severity(id());
        if (best.mild() || !context.hasBaseline()) {
            severity = severity.atMost(Severity.WARN);
        }
        return context.finding(id(), severity, c, title, expected, found, fix);
    }

    /**
     * The comparison key of a package: npm {@code @scope/name}, Maven {@code group:artifact}, otherwise
     * {@code namespace/name} or the name, lower case (the purl already normalised PyPI and npm names).
     */
    static String key(Purl purl) {
        String separator = "maven".equals(purl.type()) ? ":" : "/";
        String k = purl.namespace() == null ? purl.name() : purl.namespace() + separator + purl.name();
        return PopularNames.normalise(purl.type(), k);
    }

    /**
     * A Maven key without its groupId's first segment ({@code fasterxml.jackson.core:jackson-databind} for
     * {@code com.fasterxml.jackson.core:jackson-databind}): two keys with the same tail name the same artifact under
     * groupIds that differ only where a reader looks least (com/org/io/net…). Empty for other ecosystems and for
     * one-segment groupIds, whose tail would be the artifact alone.
     */
    static java.util.Optional<String> groupTail(String type, String key) {
        int colon = key.indexOf(':');
        int dot = key.indexOf('.');
        if (!"maven".equals(type) || colon < 0 || dot < 0 || dot > colon) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(key.substring(dot + 1));
    }

    /**
     * The look-alike form of a name: lower case, only letters and digits, 0, 1, i, 5 read as o, l, l, s, and rn, vv
     * read as m, w (homoglyphs in a terminal's font); two different names with the same skeleton differ only in
     * separators or easily confused characters.
     */
    static String skeleton(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = Character.toLowerCase(key.charAt(i));
            switch (c) {
                case '0' -> sb.append('o');
                case '1', 'i' -> sb.append('l');
                case '5' -> sb.append('s');
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                        sb.append(c);
                    }
                }
            }
            int n = sb.length();
            if (n >= 2 && sb.charAt(n - 2) == 'r' && sb.charAt(n - 1) == 'n') {
                sb.setLength(n - 2);
                sb.append('m');
            } else if (n >= 2 && sb.charAt(n - 2) == 'v' && sb.charAt(n - 1) == 'v') {
                sb.setLength(n - 2);
                sb.append('w');
            }
        }
        return sb.toString();
    }

    /**
     * A name the gate knows: from a popular list, or the baseline's {@code approved} component (null for a popular
     * name). Its origin text is built only for the few names a finding shows.
     */
    private record Known(String key, String namespace, String name, boolean popular, String type, Component approved) {
        String origin() {
            return popular ? "popular " + type + " list" : "approved " + ChangeRuleTexts.label(approved);
        }
    }

    /**
     * One known name a new name resembles, and how.
     *
     * @param mild whether the resemblance alone is reported at warn at most: an npm scope dropped, glued into the
     *             name or named like a package, a combo name, and a plural
     * @param technique the class of look-alike name, for the finding's words
     */
    private record Match(Known known, int distance, boolean lookAlike, boolean scopeDropped, boolean mild,
                         boolean groupRootSwapped, Technique technique) {
        /** Smaller is more telling: a look-alike, then by distance, then a resemblance through the scope only. */
        int strength() {
            if (mild) {
                return MAX_DISTANCE_CAP + 1;
            }
            if (lookAlike || groupRootSwapped || technique == Technique.SCOPE_LOOK_ALIKE) {
                return 0;
            }
            return technique == Technique.COMBO ? Math.max(1, distance) : distance;
        }

        String describe() {
            List<String> how = new ArrayList<>();
            if (distance > 0) {
                how.add(distance + (distance == 1 ? " edit" : " edits") + " away");
            }
            if (lookAlike) {
                how.add("the same once separators and look-alike characters (0/o, 1/l/i, 5/s, rn/m, vv/w) are ignored");
            }
            if (scopeDropped) {
                how.add("the same name without its npm scope " + ChangeRuleTexts.plain(known.namespace));
            }
            if (groupRootSwapped) {
                how.add("the same artifact and groupId but for the groupId's first segment");
            }
            switch (technique) {
                case COMBO -> how.add("the popular name with a common word added");
                case SCOPE_LOOK_ALIKE -> how.add("an npm scope that imitates " + ChangeRuleTexts.plain(known.namespace));
                case SCOPE_NAMED_LIKE_PACKAGE -> how.add("an npm scope named like the package");
                default -> {
                }
            }
            return String.join(", ", how);
        }
    }

    /** The known names of one ecosystem, indexed for each kind of resemblance. */
    private static final class Matcher {
        private final List<Known> known = new ArrayList<>();
        private final Map<String, List<Integer>> near = new HashMap<>();
        private final Map<String, List<Integer>> bySkeleton = new HashMap<>();
        private final Map<String, List<Integer>> scopedByName = new HashMap<>();
        private final Map<String, List<Integer>> byGroupTail = new HashMap<>();
        /** Popular names a combo of the new names could be made of, by key. */
        private final Map<String, Integer> comboTargets = new HashMap<>();
        /** npm: the first known name of each scope ('@babel'), and the unscoped names a new scope or name resembles. */
        private final Map<String, Integer> firstOfScope = new HashMap<>();
        private final Map<String, Integer> byKey = new HashMap<>();
        private final Map<String, List<Integer>> unscopedBySkeleton = new HashMap<>();
        /** npm: for each new scope nobody known uses, the known scopes it imitates. */
        private final Map<String, List<String>> scopeLookAlikes = new HashMap<>();
        private final int maxDistance;

        /** The known names of {@code type}, searched for the names within {@code maxDistance} of each of {@code keys}. */
        Matcher(String type, RuleContext context, int maxDistance, List<String> keys) {
            this.maxDistance = maxDistance;
            Map<String, Known> knownByKey = new LinkedHashMap<>();
            String separator = "maven".equals(type) ? ":" : "/";
            for (String name : PopularNames.of(type)) {
                int cut = name.lastIndexOf(separator);
                String namespace = cut > 0 ? name.substring(0, cut) : null;
                knownByKey.put(name, new Known(name, namespace, name.substring(cut + 1), true, type, null));
            }
            if (context.hasBaseline()) {
                for (BaselineComponent b : context.baseline().components()) {
                    Purl p = b.component().purl();
                    if (p == null || !p.type().equals(type)) {
                        continue;
                    }
                    String k = key(p);
                    if (!knownByKey.containsKey(k)) {
                        knownByKey.put(k, new Known(k, p.namespace() == null ? null : p.namespace().toLowerCase(Locale.ROOT),
                                p.name().toLowerCase(Locale.ROOT), false, type, b.component()));
                    }
                }
            }
            boolean npm = "npm".equals(type);
            // Only the skeletons, names and scopes the new names can look up are kept.
            Set<String> skeletons = new HashSet<>();
            keys.forEach(key -> skeletons.add(skeleton(key)));
            Set<String> unscoped = new HashSet<>(keys);
            Set<String> groupTails = new HashSet<>();
            keys.forEach(key -> groupTail(type, key).ifPresent(groupTails::add));
            Set<String> comboBases = new HashSet<>();
            keys.forEach(key -> comboBases.addAll(TyposquatClasses.comboBases(key)));
            Set<String> newScopeSkeletons = new HashSet<>();
            for (String key : keys) {
                int slash = key.indexOf('/');
                if (npm && key.startsWith("@") && slash > 0) {
                    newScopeSkeletons.add(skeleton(key.substring(1, slash)));
                }
            }
            for (Known k : knownByKey.values()) {
                if (k.name.length() < MIN_NAME_LENGTH || k.key.length() > MAX_KEY_LENGTH) {
                    continue;
                }
                int i = known.size();
                known.add(k);
                String sk = skeleton(k.key);
                if (skeletons.contains(sk)) {
                    bySkeleton.computeIfAbsent(sk, s -> new ArrayList<>()).add(i);
                }
                if (npm && k.namespace != null && unscoped.contains(k.name)) {
                    scopedByName.computeIfAbsent(k.name, s -> new ArrayList<>()).add(i);
                }
                groupTail(type, k.key).filter(groupTails::contains)
                        .ifPresent(tail -> byGroupTail.computeIfAbsent(tail, t -> new ArrayList<>()).add(i));
                if (k.popular && comboBases.contains(k.key)) {
                    comboTargets.put(k.key, i);
                }
                if (npm) {
                    byKey.put(k.key, i);
                    if (k.namespace != null) {
                        firstOfScope.putIfAbsent(k.namespace, i);
                    } else {
                        if (newScopeSkeletons.contains(sk)) {
                            unscopedBySkeleton.computeIfAbsent(sk, s -> new ArrayList<>()).add(i);
                        }
                    }
                }
            }
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
            List<List<Integer>> found = NameDistance.nearAll(known.stream().map(Known::key).toList(), distinct, maxDistance);
            for (int i = 0; i < distinct.size(); i++) {
                near.put(distinct.get(i), found.get(i));
            }
            if (npm) {
                indexScopeLookAlikes(distinct);
            }
        }

        /**
         * The known scopes each new, unknown scope imitates: within maxDistance once separators are dropped, the same
         * skeleton, or the longest known scope it extends (eight letters or more, or a whole word of five or more) ({@code @typescript_eslinter} for
         * {@code @typescript-eslint}, {@code @types-node} for {@code @types}). One batched search over the known scopes.
         */
        private void indexScopeLookAlikes(List<String> keys) {
            List<String> scopes = new ArrayList<>(firstOfScope.keySet());
            Collections.sort(scopes);
            List<String> stripped = scopes.stream().map(TyposquatClasses::withoutSeparators).toList();
            Map<String, List<String>> byStripped = new HashMap<>();
            Map<String, List<String>> bySkel = new HashMap<>();
            for (int i = 0; i < scopes.size(); i++) {
                byStripped.computeIfAbsent(stripped.get(i), s -> new ArrayList<>()).add(scopes.get(i));
                bySkel.computeIfAbsent(skeleton(scopes.get(i)), s -> new ArrayList<>()).add(scopes.get(i));
            }
            List<String> unknown = new ArrayList<>();
            for (String key : keys) {
                int slash = key.indexOf('/');
                if (key.startsWith("@") && slash > 0 && !firstOfScope.containsKey(key.substring(0, slash))) {
                    unknown.add(key.substring(0, slash));
                }
            }
            unknown = new ArrayList<>(new LinkedHashSet<>(unknown));
            List<List<Integer>> near = NameDistance.nearAll(stripped,
                    unknown.stream().map(TyposquatClasses::withoutSeparators).toList(), maxDistance);
            for (int j = 0; j < unknown.size(); j++) {
                String scope = unknown.get(j);
                Set<String> like = new java.util.TreeSet<>();
                near.get(j).forEach(i -> like.add(scopes.get(i)));
                like.addAll(bySkel.getOrDefault(skeleton(scope), List.of()));
                String s = TyposquatClasses.withoutSeparators(scope);
                // The longest known scope it extends: @typescript_eslinter extends @typescript-eslint, not @types.
                for (int len = s.length() - 1; len >= 5; len--) {
                    List<String> extended = byStripped.get(s.substring(0, len));
                    // A short known scope counts only as a whole word (@types-node, not @typescrpt-eslint).
                    if (extended != null && (len >= 8 || wordEndsAt(scope, len))) {
                        like.addAll(extended);
                        break;
                    }
                }
                if (!like.isEmpty()) {
                    scopeLookAlikes.put(scope, List.copyOf(like));
                }
            }
        }

        /** Whether the {@code letters}-th letter or digit of {@code scope} is followed by a separator. */
        private static boolean wordEndsAt(String scope, int letters) {
            int seen = 0;
            for (int i = 0; i < scope.length(); i++) {
                if (Character.isLetterOrDigit(scope.charAt(i)) && ++seen == letters) {
                    return i + 1 < scope.length() && !Character.isLetterOrDigit(scope.charAt(i + 1));
                }
            }
            return false;
        }

        List<Match> matches(Purl purl) {
            String key = key(purl);
            String namespace = purl.namespace() == null ? null : purl.namespace().toLowerCase(Locale.ROOT);
            boolean npm = "npm".equals(purl.type());
            Map<Integer, Match> found = new LinkedHashMap<>();
            for (int i : near.get(key)) {
                Known k = known.get(i);
                if (!TyposquatClasses.ordinaryNeighbours(key, k.key) || skeleton(key).equals(skeleton(k.key))) {
                    found.put(i, new Match(k, NameDistance.bounded(key, k.key, maxDistance), false, false,
                            TyposquatClasses.plural(key, k.key), false, TyposquatClasses.classify(key, k.key)));
                }
            }
            for (int i : bySkeleton.getOrDefault(skeleton(key), List.of())) {
                Match m = found.get(i);
                Known k = known.get(i);
                // '@types/node' and 'types-node' share a skeleton only through the scope glued into the name.
                boolean throughScope = m == null && npm && namespace == null && k.namespace != null;
                Technique technique = throughScope ? Technique.SCOPE_GLUED : TyposquatClasses.classify(key, k.key);
                found.put(i, new Match(k, m == null ? 0 : m.distance, true, false, throughScope, false, technique));
            }
            if (npm && namespace == null) {
                for (int i : scopedByName.getOrDefault(key, List.of())) {
                    Match m = found.get(i);
                    boolean edited = m != null && m.distance > 0;
                    found.put(i, new Match(known.get(i), m == null ? 0 : m.distance, m != null && m.lookAlike, true, !edited,
                            false, edited ? m.technique : Technique.SCOPE_DROPPED));
                }
            }
            for (int i : groupTail(purl.type(), key).map(t -> byGroupTail.getOrDefault(t, List.of())).orElse(List.of())) {
                Match m = found.get(i);
                found.put(i, new Match(known.get(i), m == null ? 0 : m.distance, m != null && m.lookAlike, false, false, true,
                        Technique.GROUP_ROOT_SWAP));
            }
            for (String base : TyposquatClasses.comboBases(key)) {
                Integer i = comboTargets.get(base);
                if (i != null && !found.containsKey(i)) {
                    // Warn at most: a name plus a word is also how ports and plugins are named (acorn-node, asn1.js,
                    // ts-node-dev: all ordinary on the real corpus), so it asks for a look, it does not block.
                    found.put(i, new Match(known.get(i), 0, false, false, true, false, Technique.COMBO));
                }
            }
            if (npm && namespace != null && !firstOfScope.containsKey(namespace)) {
                scopeMatches(purl, namespace, found);
            }
            List<Match> out = new ArrayList<>();
            for (Match m : found.values()) {
                boolean identical = m.known.key.equals(key);
                // Only a namespace's owner can publish in it (npm scope, Maven groupId): no squat within one.
                boolean sameNamespace = namespace != null && Objects.equals(namespace, m.known.namespace);
                if (!identical && !sameNamespace) {
                    out.add(m);
                }
            }
            out.sort(Comparator.comparingInt(Match::strength)
                    .thenComparing(m -> !m.known.popular)
                    .thenComparing(m -> m.known.key));
            return out;
        }

        /**
         * Scope tricks of a new npm scope that no known package uses: a look-alike of a known scope (blocks, like any
         * look-alike), and a scope named like a known package ({@code @lodash/core}), which warns: many organisations
         * name their scope after their package (@colors/colors is the new home of colors). A popular name merely
         * under a new scope is not flagged: on the real corpus all three such names were ordinary
         * (@tootallnate/once, @nlpjs/request, @ant-design/colors).
         */
        private void scopeMatches(Purl purl, String namespace, Map<Integer, Match> found) {
            String name = purl.name().toLowerCase(Locale.ROOT);
            for (String scope : scopeLookAlikes.getOrDefault(namespace, List.of())) {
                Integer i = byKey.get(scope + "/" + name);
                int target = i != null ? i : firstOfScope.get(scope);
                found.putIfAbsent(target, new Match(known.get(target), 0, false, false, false, false,
                        Technique.SCOPE_LOOK_ALIKE));
            }
            for (int i : unscopedBySkeleton.getOrDefault(skeleton(namespace), List.of())) {
                found.putIfAbsent(i, new Match(known.get(i), 0, false, false, true, false,
                        Technique.SCOPE_NAMED_LIKE_PACKAGE));
            }
        }
    }
}
