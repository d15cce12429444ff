package dev.sbomgate.rules;

import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Deviation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SBOM_DEVIATION: the SBOM violates its schema in a field the gate does not judge, in a way a real generator is known
 * to, and was loaded anyway; one finding per field, naming the field and the generator.
 */
public final class SbomDeviationRule implements Rule {

    @Override
    public RuleId id() {
        return RuleId.SBOM_DEVIATION;
    }

    @Override
    public String explain() {
        return """
                SBOM_DEVIATION reports each place where the SBOM violates its format's schema in a way that
                real generators are known to, in a field the gate does not judge, and that sbomgate therefore
                loaded instead of refusing the document. The finding names the field (its JSON pointer), the
                value, the generator as the SBOM names it (CycloneDX metadata.tools, SPDX
                creationInfo.creators) and the entry of the documented list (docs/sbom-formats.md, "Real
                generators' deviations"), e.g. cdx-external-reference-url: npm sbom copies a package's
                repository URL such as git@github.com:owner/repo.git, which is not the IRI-reference the
                CycloneDX schema requires. The value is kept as written, so the rules that read the field
                (SOURCE_CHANGED, NON_REGISTRY_SOURCE for a VCS URL) still see it. A violation in what the gate
                judges (hashes and checksums, purls and package identifiers, versions, dependencies and
                relationships, bom-refs and SPDX IDs) is never tolerated: the SBOM is refused, exit 2.

                Why it matters: a schema violation means at least one consumer may read the document
                differently from the others; the gate tolerates only the documented ones, where nothing it
                decides depends on the value, so that the real output of common tools can be checked at all.
                The finding keeps the deviation visible, and a policy can make it block (strict.yaml does).

                Fix: report the violation to the generator's maintainers, or post-process the SBOM. The value
                does not affect the gate's decisions, so accepting it is safe; approve it with the command in
                the finding, or set SBOM_DEVIATION to info in the policy.
                """;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Map<String, Component> byRef = new HashMap<>();
        for (Component c : context.candidate().components()) {
            byRef.putIfAbsent(c.bomRef(), c);
        }
        Component root = context.candidate().root();
        if (root != null) {
            byRef.putIfAbsent(root.bomRef(), root);
        }
        List<Finding> findings = new ArrayList<>();
        for (Deviation d : context.candidate().deviations()) {
            Component subject = d.componentRef() == null ? null : byRef.get(d.componentRef());
            String field = ChangeRuleTexts.plain(d.pointer());
            String title = "the SBOM deviates from its schema at " + field + ", as " + ChangeRuleTexts.plain(d.generator())
                    + " writes it";
            String found = ChangeRuleTexts.plain(d.detail()) + " (documented deviation " + d.entry()
                    + "; loaded because the gate does not judge this field)";
            String fix = "Report it to the generator's maintainers or post-process the SBOM; to accept it: "
                    + context.approveCommand(id(), subject);
            findings.add(context.finding(id(), subject, title, "a value the schema allows at " + field, found, fix));
        }
        return findings;
    }
}
