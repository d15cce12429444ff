package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * DEPENDENCY_CONFUSION: an approved package now resolves from another registry, namespace or purl type under the
 * same name.
 */
public final class DependencyConfusionRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.DEPENDENCY_CONFUSION;
    }

    @Override
    public String explain() {
        return """
                DEPENDENCY_CONFUSION flags an approved package that the candidate resolves from somewhere else
                under the same name:
                  - another namespace: the approved package left its namespace (npm scope, Maven groupId...) and
                    a package of the same name and purl type appeared in another one, the diff's 'moved' pair;
                    likewise for components without purl that changed group;
                  - another registry: the purl's repository_url qualifier now names another registry host (an
                    absent repository_url means the type's default registry, and known aliases such as
                    repo1.maven.org for repo.maven.apache.org count as one host); a move within one host is
                    SOURCE_CHANGED's;
                  - another purl type: the approved package is gone and the only package of the same name that
                    appeared has a type that names a source repository or a bare download (github, bitbucket,
                    generic), or the other way round;
                  - a package that gained or lost its purl under the same name is reported at warn at most: the
                    SBOM generator may simply have changed.

                Real attack: torchtriton (PyPI, December 2022). PyTorch nightly builds depended on torchtriton
                from PyTorch's own index; an attacker published torchtriton on PyPI, which pip preferred, and
                it stole SSH keys and secrets. From CI the only visible change was where the same name came
                from.

                Fix: pin the registry (npm scoped registries, pip --index-url rather than --extra-index-url, a
                Maven repository order or mirror) so the name resolves where it was approved, then regenerate
                the SBOM. If the move is intended, approve it with the command in the finding.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Change change : context.changes()) {
            if (change.kind() != ChangeKind.SOURCE_CHANGED) {
                continue;
            }
            switch (change.aspect()) {
                case "namespace", "group" -> findings.add(moved(context, change, context.severity(id())));
                // A purl that appeared or vanished may be the generator's doing, not another source.
                case "purl" -> findings.add(moved(context, change, context.severity(id()).atMost(Severity.WARN)));
                case "repository_url" -> {
                    if (change.newComponent().purl() != null && SourceChangedRule.registryMoved(change)) {
                        findings.add(registryChanged(context, change));
                    }
                }
                default -> {
                }
            }
        }
        findings.addAll(typeChanges(context));
        return findings;
    }

    private Finding moved(RuleContext context, Change change, Severity severity) {
        Component o = change.oldComponent();
        Component n = change.newComponent();
        String title = "'" + ChangeRuleTexts.plain(n.purl() != null ? n.purl().name() : n.name()) + "' now comes from "
                + (change.aspect().equals("purl") ? "a component identified differently" : "another namespace");
        String expected = ChangeRuleTexts.plain(change.before()) + ", as approved (" + ChangeRuleTexts.label(o) + ")";
        String found = ChangeRuleTexts.plain(change.after()) + " (" + ChangeRuleTexts.label(n) + ")"
                + (change.note() == null ? "" : "; " + ChangeRuleTexts.plain(change.note()));
        return context.finding(id(), severity, n, title, expected, found, fix(context, n));
    }

    private Finding registryChanged(RuleContext context, Change change) {
        Component n = change.newComponent();
        String type = n.purl().type();
        String before = SourceLocations.registry(type, change.before());
        String after = SourceLocations.registry(type, change.after());
        String title = "'" + ChangeRuleTexts.plain(n.purl().name()) + "' now resolves from registry "
                + ChangeRuleTexts.plain(after) + " instead of " + ChangeRuleTexts.plain(before);
        String expected = "registry " + ChangeRuleTexts.plain(before) + " (repository_url "
                + (change.before() == null ? "absent: the default registry" : ChangeRuleTexts.plain(change.before()))
                + "), as approved for " + ChangeRuleTexts.label(change.oldComponent());
        String found = "registry " + ChangeRuleTexts.plain(after) + " (repository_url "
                + (change.after() == null ? "absent: the default registry" : ChangeRuleTexts.plain(change.after()))
                + ") for " + ChangeRuleTexts.label(n);
        return context.finding(id(), n, title, expected, found, fix(context, n));
    }

    /**
     * Removed and added components of the same name whose purl types differ, when one side is a type that names a
     * source repository or a bare download: the diff does not pair different types (one name in two registries
     * is usually a coincidence), but a registry package replaced by a download of the same name is not.
     */
    private List<Finding> typeChanges(RuleContext context) {
        Map<String, List<Component>> removed = new TreeMap<>();
        Map<String, List<Component>> added = new TreeMap<>();
        for (Change change : context.changes()) {
            if (change.kind() == ChangeKind.REMOVED && change.oldComponent().purl() != null) {
                removed.computeIfAbsent(name(change.oldComponent()), k -> new ArrayList<>()).add(change.oldComponent());
            } else if (change.kind() == ChangeKind.ADDED && change.newComponent().purl() != null) {
                added.computeIfAbsent(name(change.newComponent()), k -> new ArrayList<>()).add(change.newComponent());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<Component>> e : removed.entrySet()) {
            List<Component> come = added.getOrDefault(e.getKey(), List.of());
            if (e.getValue().size() != 1 || come.size() != 1) {
                continue;
            }
            Component o = e.getValue().get(0);
            Component n = come.get(0);
            String ot = o.purl().type();
            String nt = n.purl().type();
            if (ot.equals(nt) || !(isDownloadType(ot) || isDownloadType(nt))) {
                continue;
            }
            String title = "'" + ChangeRuleTexts.plain(n.purl().name()) + "' now comes as purl type " + nt + " instead of " + ot;
            String expected = ChangeRuleTexts.plain(o.identity()) + ", as approved (" + ChangeRuleTexts.label(o) + ")";
            String found = ChangeRuleTexts.label(n) + ": same name, purl type " + nt + "; the approved " + ot
                    + " package is gone";
            findings.add(context.finding(id(), n, title, expected, found, fix(context, n)));
        }
        return findings;
    }

    private static boolean isDownloadType(String type) {
        return SourceLocations.SOURCE_REPOSITORY_TYPES.contains(type) || "generic".equals(type);
    }

    private static String name(Component c) {
        return c.purl().name().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private String fix(RuleContext context, Component n) {
        return "Pin where this name resolves (an npm scope registry, pip --index-url instead of --extra-index-url, the Maven "
                + "repository order) so it comes from the approved source, and regenerate the SBOM; if the move is intended, "
                + "approve: " + context.approveCommand(id(), n);
    }
}
