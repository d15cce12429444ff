package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.diff.Change;
import dev.sbomgate.diff.ChangeKind;
import dev.sbomgate.model.Component;
import java.util.ArrayList;
import java.util.List;

/**
 * SOURCE_CHANGED: the VCS URL of a component changed, or its purl's {@code repository_url} moved within the same
 * registry host. A move to another registry, namespace or type is DEPENDENCY_CONFUSION's.
 */
public final class SourceChangedRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.SOURCE_CHANGED;
    }

    @Override
    public String explain() {
        return """
                SOURCE_CHANGED flags a component whose source changed since its approved version: its CycloneDX
                'vcs' external references (compared without scheme, scm:git:/git+ prefixes, user, .git suffix,
                trailing slash and case, as 'sbomgate diff' does), or its purl's repository_url qualifier when
                the new URL is on the same registry host (another repository path on the same Artifactory or
                Nexus, say; a public registry's URL spelled another way, or the default registry written out,
                is the same place and not reported). A repository_url that now points at another registry
                host, and a package that appears under another namespace, belong to DEPENDENCY_CONFUSION, which
                blocks; each change is reported by one rule only.

                Why it matters: a project whose repository moved to an unknown account or organisation is what a
                hijacked, forked or abandoned-and-taken-over package looks like; with SUPPLIER_CHANGED it is
                the trace of a project changing hands. Repositories do move legitimately (a transfer to a
                foundation, a rename), so this warns by default.

                Fix: check that the project really moved (its website, release notes, the registry's page) and
                that the new repository is the one the releases are built from. If so, approve with the command
                in the finding.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Change change : context.changes()) {
            if (change.kind() != ChangeKind.SOURCE_CHANGED) {
                continue;
            }
            Component c = change.newComponent();
            if (change.aspect().equals("vcs")) {
                findings.add(finding(context, c, "VCS URL changed",
                        "VCS URL " + urls(change.before()), "VCS URL " + urls(change.after()), change));
            } else if (change.aspect().equals("repository_url") && c.purl() != null && !registryMoved(change)) {
                String registry = SourceLocations.registry(c.purl().type(), change.after());
                if (SourceLocations.isPublicRegistry(registry)) {
                    // The default registry written out, or one of its aliases: the same place.
                    continue;
                }
                findings.add(finding(context, c, "repository_url changed within " + ChangeRuleTexts.plain(registry),
                        "repository_url " + urls(change.before()), "repository_url " + urls(change.after()), change));
            }
        }
        return findings;
    }

    /** Whether a repository_url change points at another registry host (then it is DEPENDENCY_CONFUSION's). */
    static boolean registryMoved(Change change) {
        String type = change.newComponent().purl() == null ? null : change.newComponent().purl().type();
        return !SourceLocations.registry(type, change.before()).equals(SourceLocations.registry(type, change.after()));
    }

    private Finding finding(RuleContext context, Component c, String title, String expected, String found, Change change) {
        String fix = "Check that the project really moved (its website, release notes, the registry's page) and that the new "
                + "source is where its releases are built from; if so, approve: " + context.approveCommand(id(), c);
        return context.finding(id(), c, title, expected + ", as approved for " + ChangeRuleTexts.label(change.oldComponent()),
                found + " in " + ChangeRuleTexts.label(c), fix);
    }

    private static String urls(String value) {
        return value == null ? "(none)" : ChangeRuleTexts.plain(value);
    }
}
