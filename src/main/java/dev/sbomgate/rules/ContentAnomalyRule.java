package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.content.ArchiveFormat;
import dev.sbomgate.content.ContentSummary;
import dev.sbomgate.content.Hook;
import dev.sbomgate.content.HookKind;
import dev.sbomgate.content.OpaqueFile;
import dev.sbomgate.model.Component;
import dev.sbomgate.policy.RuleParameter;
import dev.sbomgate.verify.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CONTENT_ANOMALY: an artifact whose content changed in a way releases rarely do (its size by more than the
 * policy's ratio, a new native binary, a new link, a new minified or packed script), or an archive that is hostile
 * in itself (over the inspector's limits, unreadable, or with special files, absolute paths, {@code ..} entries or
 * links out of the archive). The hostile
 * cases block even though the rule warns by default: see {@link #evaluate}.
 */
public final class ContentAnomalyRule implements Rule {

    /** Items named in one finding; the rest are counted. */
    private static final int LISTED = 10;

    @Override
    public RuleId id() {
        return RuleId.CONTENT_ANOMALY;
    }

    @Override
    public String explain() {
        return """
                CONTENT_ANOMALY: the artifact's content changed in a way releases rarely do, or the archive is
                hostile in itself.

                Compared with the content summary the baseline recorded for the approved version of the same
                package, one finding each for: the artifact's size changed by more than the policy's sizeRatio
                (x3 by default, either way); a native binary (ELF or Mach-O by its first bytes; .so, .dll,
                .dylib, .jnilib, .pyd, .node, .exe by name) that the approved version did not have; a link
                inside the archive that it did not have; a script file (.js, .py, .sh, .ps1…) of at least
                opaqueFileBytes (32 KiB by default) that is minified (lines of 200 bytes or more on average) or
                packed (5.8 bits of entropy per byte or more, as base64 or encrypted payloads have), and that
                the approved version did not have. These warn by default, and need a recorded summary: without
                one (a new component, an old baseline) they are not judged.

                Whatever the baseline: an archive that goes past the inspector's limits (entries, uncompressed
                size, compression ratio, path length and depth, nesting; docs/content.md), that cannot be read,
                or that holds device files, absolute paths, entries that climb out with "..", or links whose
                target is outside the archive, is reported too, and BLOCKS when this rule's policy severity is
                warn or block: such an archive is built to attack whatever unpacks it (a zip bomb, a
                path-traversal tarball), and its hooks could not all be read. A policy that sets the rule to
                info keeps these at info.

                Real attacks: the Shai-Hulud worm (npm, 2025) added a 3 MB minified bundle.js to the packages it
                republished; LiteLLM 1.82.8 (PyPI, 2026) carried its payload base64-encoded; zip bombs and
                tarballs with ../ entries or outward links (the node-tar and Python tarfile path-traversal CVEs)
                target installers and scanners alike.

                Fix: look at what changed in the artifact (unpack it in a throw-away container, never on a build
                machine) and compare it with the project's repository. If the change is legitimate (a package
                that now bundles its dependencies, a new prebuilt native module), approve the finding with the
                command given; the baseline then records the new content.
                """;
    }

    /**
     * The hostile-archive findings are raised to block when the policy severity is warn (a policy's block stays
     * block, info stays info): the one documented case, with SUPPLIER_CHANGED's, where a rule weighs more than
     * its policy severity says (docs/policy.md). The other findings keep the policy's severity.
     */
    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        Severity policy = context.severity(id());
        Severity hostile = policy == Severity.WARN ? Severity.BLOCK : policy;
        for (Evidence evidence : context.evidence()) {
            ContentSummary now = evidence.content();
            if (now == null) {
                continue;
            }
            Component c = evidence.component();
            String artifact = evidence.artifact() == null ? c.name() : evidence.artifact().getFileName().toString();
            if (now.problem() != null) {
                findings.add(context.finding(id(), hostile, c, now.problem(),
                        "an archive sbomgate can read to its end within its limits (docs/content.md)",
                        ChangeRuleTexts.oneLine(now.problem()) + " in " + ChangeRuleTexts.plain(artifact)
                                + "; what was read before that point is recorded, the rest is unknown",
                        "Do not install it: an archive built to exhaust or crash what reads it is hostile, and its hooks "
                                + "could not all be read. If it is a genuine, very large package, approve: "
                                + context.approveCommand(id(), c)));
            }
            if (!now.unsafeEntries().isEmpty()) {
                findings.add(context.finding(id(), hostile, c,
                        "archive has unsafe entries: special files, absolute paths, ../ or links out of the archive",
                        "plain files, directories and links with relative paths that stay inside the archive",
                        ChangeRuleTexts.oneLine(String.join("; ", now.unsafeEntries())) + " (in "
                                + ChangeRuleTexts.plain(artifact) + ")",
                        "Do not unpack it: such entries make extractors write outside their directory or read through "
                                + "links. Packaging tools do not produce them. If the package really ships them, approve: "
                                + context.approveCommand(id(), c)));
            }
            BaselineComponent approved = context.approvedVersionOf(c).orElse(null);
            if (approved == null || approved.content() == null) {
                continue;
            }
            ContentSummary before = approved.content();
            String version = ChangeRuleTexts.plain(approved.component().version());
            size(context, c, version, before, now).ifPresent(findings::add);
            if (before.format() == ArchiveFormat.NONE || now.format() == ArchiveFormat.NONE) {
                continue;
            }
            nativeBinaries(context, c, version, before, now).ifPresent(findings::add);
            links(context, c, version, before, now).ifPresent(findings::add);
            opaqueFiles(context, c, version, before, now).ifPresent(findings::add);
        }
        return findings;
    }

    private Optional<Finding> size(RuleContext context, Component c, String version, ContentSummary before,
                                             ContentSummary now) {
        double limit = context.policy().decimal(RuleParameter.CONTENT_ANOMALY_SIZE_RATIO);
        long was = before.size();
        long is = now.size();
        double factor = is >= was ? (double) is / Math.max(was, 1) : (double) was / Math.max(is, 1);
        if (was == is || factor <= limit) {
            return Optional.empty();
        }
        String direction = is > was ? "larger" : "smaller";
        return Optional.of(context.finding(id(), c,
                String.format(Locale.ROOT, "artifact is %.1f times %s than the approved version's", factor, direction),
                String.format(Locale.ROOT, "within x%s of the approved version %s's %,d bytes (sizeRatio)",
                        trim(limit), version, was),
                String.format(Locale.ROOT, "%,d bytes (x%.1f %s)", is, factor, direction),
                "Find out what was added or removed (compare the file lists of both versions). If the change is "
                        + "legitimate, approve: " + context.approveCommand(id(), c)));
    }

    private Optional<Finding> nativeBinaries(RuleContext context, Component c, String version,
                                                       ContentSummary before, ContentSummary now) {
        Set<String> known = before.hooks(HookKind.NATIVE_BINARY).stream().map(Hook::name).collect(Collectors.toSet());
        List<Hook> added = now.hooks(HookKind.NATIVE_BINARY).stream().filter(h -> !known.contains(h.name())).toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        List<String> approvedNames = before.hooks(HookKind.NATIVE_BINARY).stream().map(Hook::name).distinct().toList();
        return Optional.of(context.finding(id(), c,
                "new native binar" + (added.size() == 1 ? "y: " : "ies: ")
                        + ChangeRuleTexts.joinLimited(added.stream().map(Hook::name).distinct().toList(), 3),
                "the native binaries of the approved version " + version + ": "
                        + (approvedNames.isEmpty() ? "none" : ChangeRuleTexts.joinLimited(approvedNames, LISTED)),
                ChangeRuleTexts.joinLimited(added.stream().map(Hook::path).toList(), LISTED),
                "Machine code cannot be reviewed like source: check that the project announced a native module and "
                        + "builds it in the open. If it is legitimate, approve: " + context.approveCommand(id(), c)));
    }

    /** Links that stay inside the archive: harmless to extractors that check them, but packaging tools rarely make them. */
    private Optional<Finding> links(RuleContext context, Component c, String version, ContentSummary before,
                                    ContentSummary now) {
        Set<String> known = Set.copyOf(before.links());
        List<String> added = now.links().stream().filter(l -> !l.startsWith("… and ") && !known.contains(l)).toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context.finding(id(), c,
                "new link" + (added.size() == 1 ? "" : "s") + " inside the archive: "
                        + ChangeRuleTexts.joinLimited(added, 3),
                "the links of the approved version " + version + ": "
                        + (before.links().isEmpty() ? "none" : ChangeRuleTexts.joinLimited(before.links(), LISTED)),
                ChangeRuleTexts.oneLine(ChangeRuleTexts.joinLimited(added, LISTED)),
                "npm and most packaging tools never write links; an extractor that follows them can be turned against "
                        + "the files it writes next. Find out why the package has them; if legitimate, approve: "
                        + context.approveCommand(id(), c)));
    }

    private Optional<Finding> opaqueFiles(RuleContext context, Component c, String version,
                                                    ContentSummary before, ContentSummary now) {
        long threshold = Math.max(context.policy().number(RuleParameter.CONTENT_ANOMALY_OPAQUE_FILE_BYTES),
                OpaqueFile.FLOOR_BYTES);
        Set<String> known = before.opaqueFiles().stream().map(OpaqueFile::path).collect(Collectors.toSet());
        List<OpaqueFile> added = now.opaqueFiles().stream()
                .filter(f -> f.size() >= threshold && !known.contains(f.path())).toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context.finding(id(), c,
                "new minified or packed script" + (added.size() == 1 ? ": " : "s: ")
                        + ChangeRuleTexts.joinLimited(added.stream().map(OpaqueFile::path).toList(), 3),
                String.format(Locale.ROOT, "no minified or packed scripts of %,d bytes or more beyond those of the approved "
                        + "version %s (%d)", threshold, version, known.size()),
                ChangeRuleTexts.joinLimited(added.stream().map(OpaqueFile::describe).toList(), LISTED),
                "A large file nobody can read is where payloads hide (Shai-Hulud's bundle.js): find out which build "
                        + "step produced it and compare it with the project's repository. If it is legitimate, approve: "
                        + context.approveCommand(id(), c)));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : String.valueOf(value);
    }
}
