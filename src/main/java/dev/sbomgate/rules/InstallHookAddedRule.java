package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.content.ArchiveFormat;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.Hook;
import dev.sbomgate.content.HookKind;
import dev.sbomgate.model.Component;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INSTALL_HOOK_ADDED: the candidate artifact holds an install hook (an npm install script, a {@code .pth} import
 * line, a Java agent…) that the approved version of the same package did not have, or has one whose command
 * changed. Compares the content summaries: the candidate's, inspected now, and the one the baseline recorded at
 * approval.
 */
public final class InstallHookAddedRule implements Rule {

    /** Hooks listed by name in a title; the found text lists every one. */
    private static final int TITLE_HOOKS = 3;

    @Override
    public RuleId id() {
        return RuleId.INSTALL_HOOK_ADDED;
    }

    @Override
    public String explain() {
        return """
                INSTALL_HOOK_ADDED: the update brings code that runs by being installed, imported or started.

                When an artifact is approved, sbomgate records its install hooks in the baseline: npm scripts
                preinstall, install, postinstall, prepare and prepack (with their command) and binding.gyp;
                .pth files in a wheel (Python executes their lines that start with "import" at every start);
                an sdist's setup.py and PEP 517 build backend; MANIFEST Premain-Class, Agent-Class and
                Launcher-Agent-Class. A candidate holding such a hook that the approved version of the same
                package did not, or the same hook with another command, is reported at the policy's severity
                (block by default), quoting the hook: the .pth line, the first 200 characters of the script.
                Entry points that run only when called (npm bin, console scripts, Main-Class, ServiceLoader
                providers) are reported at warn at most; a .pth file that only adds paths is not reported.

                Warn at most, too, in the cases with nothing recorded to compare with: a component new to the
                baseline that brings install hooks (axios 1.14.1's new dependency plain-crypto-js carried a
                postinstall), and an approved version whose hooks were never recorded (a format 1 baseline,
                approved before content inspection, or approved without its artifact). Approving records them.

                Real attacks: LiteLLM 1.82.8 (PyPI, 2026) added litellm_init.pth, which ran at every Python
                start; the Shai-Hulud worm (npm, 2025) republished packages with a new postinstall or
                preinstall; ua-parser-js (2021) added a preinstall; TanStack (2026) pulled in a prepare script;
                axios 1.14.1 (2026) added a dependency whose postinstall dropped the payload. All were
                published by the right accounts: only the artifacts' content gave them away.

                Fix: do not install the artifact until the hook is read. Compare it with the project's
                repository and release notes: a hook that downloads, decodes or executes something is the
                attack. If the hook is legitimate (a package that starts to build a native module), approve
                the finding with the command given; the baseline then records the hook.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        if (!context.hasBaseline()) {
            // First use: init records every hook; there is no earlier state to have added to.
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Evidence evidence : context.evidence()) {
            ContentSummary now = evidence.content();
            if (now == null) {
                continue;
            }
            Component c = evidence.component();
            Optional<BaselineComponent> approved = context.approvedVersionOf(c);
            ContentSummary before = approved.map(BaselineComponent::content).orElse(null);
            if (approved.isEmpty()) {
                unrecorded(context, c, now, "new component brings install hooks",
                        "no install hooks from a component new to the baseline (nothing approved to compare with)")
                        .ifPresent(findings::add);
            } else if (before == null || (before.format() == ArchiveFormat.NONE && now.format() != ArchiveFormat.NONE)) {
                String version = ChangeRuleTexts.plain(approved.get().component().version());
                unrecorded(context, c, now, "install hooks present, none recorded for the approved version",
                        before == null
                                ? "the approved version " + version + ": no hook summary recorded (approved before content"
                                + " inspection, or without its artifact)"
                                : "the approved version " + version + ": its artifact was not an archive, so no hooks were"
                                + " recorded").ifPresent(findings::add);
            } else {
                compare(context, c, approved.get(), before, now).ifPresent(findings::add);
            }
        }
        return findings;
    }

    /** A component with nothing recorded to compare with: its install-time hooks, at warn at most. */
    private Optional<Finding> unrecorded(RuleContext context, Component c, ContentSummary now, String title, String expected) {
        List<Hook> install = now.hooks().stream().filter(h -> h.kind().weight() == HookKind.Weight.INSTALL).toList();
        if (install.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context.finding(id(), context.severity(id()).atMost(Severity.WARN), c,
                title + ": " + titles(install),
                expected,
                String.join("; ", install.stream().map(Hook::describe).toList()),
                "Read each hook before installing: it runs with the installing user's rights. If they are expected, "
                        + "approve, which records them: " + context.approveCommand(id(), c)));
    }

    private Optional<Finding> compare(RuleContext context, Component c, BaselineComponent approved, ContentSummary before,
                                      ContentSummary now) {
        Map<String, List<Hook>> approvedByKey = new LinkedHashMap<>();
        for (Hook h : before.hooks()) {
            approvedByKey.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h);
        }
        List<Hook> added = new ArrayList<>();
        List<Hook> changed = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        boolean install = false;
        for (Hook h : now.hooks()) {
            if (h.kind().weight() == HookKind.Weight.RECORDED) {
                continue;
            }
            List<Hook> previous = approvedByKey.get(h.key());
            if (previous != null && previous.stream().anyMatch(p -> p.value().equals(h.value()))) {
                continue;
            }
            install |= h.kind().weight() == HookKind.Weight.INSTALL;
            if (previous == null) {
                added.add(h);
                expected.add("no " + h.title());
            } else {
                changed.add(h);
                previous.forEach(p -> expected.add(p.title() + (p.value().isEmpty() ? "" : " " + p.quote())));
            }
        }
        if (added.isEmpty() && changed.isEmpty()) {
            return Optional.empty();
        }
        Severity severity = install ? context.severity(id()) : context.severity(id()).atMost(Severity.WARN);
        List<String> title = new ArrayList<>();
        if (!added.isEmpty()) {
            title.add("adds " + titles(added));
        }
        if (!changed.isEmpty()) {
            title.add("changes " + titles(changed));
        }
        List<String> found = new ArrayList<>();
        added.forEach(h -> found.add("new " + h.describe()));
        changed.forEach(h -> found.add("changed " + h.describe()));
        return Optional.of(context.finding(id(), severity, c,
                String.join("; ", title) + (install ? "" : " (runs only when called)"),
                "as approved in version " + ChangeRuleTexts.plain(approved.component().version()) + ": "
                        + String.join("; ", expected),
                String.join("; ", found),
                "Do not install it until the hook is read: it runs with the installing user's rights. Compare it with "
                        + "the project's repository and release notes; a hook that downloads, decodes or executes "
                        + "something is the attack. If it is legitimate, approve: " + context.approveCommand(id(), c)));
    }

    private static String titles(List<Hook> hooks) {
        List<String> names = hooks.stream().map(Hook::title).distinct().toList();
        return ChangeRuleTexts.joinLimited(names, TITLE_HOOKS);
    }
}
