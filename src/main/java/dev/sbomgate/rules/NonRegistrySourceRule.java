package dev.sbomgate.rules;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;

import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * NON_REGISTRY_SOURCE: a component resolved from a git or other VCS URL, a local path, or an archive from a code
 * host or an unknown host, rather than from its ecosystem's registry.
 */
public final class NonRegistrySourceRule implements Rule {
    private static final int SHOWN_ORIGINS = 4;
    /** Purl types whose CycloneDX 'distribution' references say where the package was resolved from. */
    private static final Set<String> DISTRIBUTION_JUDGED_TYPES = Set.of("npm", "pypi", "generic");

    @Override
    public RuleId id() {
        return RuleId.NON_REGISTRY_SOURCE;
    }

    @Override
    public String explain() {
        return """
                NON_REGISTRY_SOURCE flags a component that was not resolved from a package registry, as the SBOM
                tells it. What counts, and where it is read:
                  - the purl's download_url qualifier, an npm-style version spec in the version field, and the
                    CycloneDX 'distribution' external references of npm, PyPI and generic purls (where their
                    generators record the resolved location; cyclonedx-maven-plugin records the project's
                    deploy repository there, syft an OS package's upstream): a VCS URL (git+https:, git+ssh:,
                    git:, ssh:, git@host:, svn+, hg+, bzr+, an http(s) URL ending in .git, the npm shorthands
                    github:, gitlab:, bitbucket:, gist:), a local path (file:, link:, portal:, workspace:, /,
                    ./, ../, ~/), and for npm, PyPI, Maven and generic purls an archive from a code host
                    (github.com, codeload.github.com, raw.githubusercontent.com, gitlab.com, bitbucket.org) or
                    an http(s) download from a host that is neither a known registry, nor the host of the
                    purl's repository_url, nor laid out like a registry (npm NAME/-/NAME-VERSION.tgz, the Maven
                    repository layout, PyPI /packages/ or /simple/, so that Artifactory, Nexus and Verdaccio
                    proxies are not flagged);
                  - the purl's vcs_url qualifier: a package identified by its VCS repository
                    (cyclonedx-node-npm writes it for packages it found no registry tarball for, such as
                    workspace and linked packages);
                  - purl types github and bitbucket, which name source repositories.
                Registry URLs, unknown schemes and http(s) URLs of other purl types (Composer's GitHub zipballs
                are how Packagist serves packages) are not claimed.

                It reports a component whose approved version did not come from the same places; a component
                already approved from the same repository or path is silent even when its commit or version
                changed (the other change rules judge that). Without a baseline every component is judged, so
                that the first baseline does not take in a git dependency unseen.

                Why it matters: a git or tarball dependency bypasses the registry's immutable versions, its
                signatures and provenance and its malware scanning, and can change under the same reference. The
                TanStack compromise (npm, 2026) arrived with valid provenance but a new github: optional
                dependency with a prepare script.

                Fix: depend on a released version from the registry. If this source is intended (a fork you
                maintain, a workspace package), approve it with the command in the finding.
                """;
    }

    /** One place the SBOM says the component comes from. */
    private record Origin(String where, String value, SourceLocations.Kind kind, String location) {
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Component c : context.candidate().components()) {
            List<Origin> origins = origins(c);
            if (origins.isEmpty()) {
                continue;
            }
            Optional<BaselineComponent> approved = context.approvedVersionOf(c);
            if (approved.isPresent()) {
                Set<String> approvedLocations = new TreeSet<>();
                origins(approved.get().component()).forEach(o -> approvedLocations.add(o.location()));
                if (origins.stream().allMatch(o -> approvedLocations.contains(o.location()))) {
                    continue;
                }
            }
            findings.add(finding(context, c, origins, approved.isPresent()));
        }
        return findings;
    }

    private Finding finding(RuleContext context, Component c, List<Origin> origins, boolean hadApproved) {
        Origin first = origins.get(0);
        List<String> shown = origins.stream()
                .map(o -> o.where() + " " + ChangeRuleTexts.plain(o.value()) + " (" + o.kind().description() + ")")
                .toList();
        String registry = c.purl() == null ? "its ecosystem's registry"
                : "a registry (" + SourceLocations.registry(c.purl().type(), c.purl().qualifier("repository_url")) + ")";
        String title = "resolved from " + first.kind().description() + ", not from a registry";
        String expected = "a package resolved from " + registry
                + (hadApproved ? ", or from the places its approved version came from" : "");
        String found = ChangeRuleTexts.label(c) + ": " + ChangeRuleTexts.joinLimited(shown, SHOWN_ORIGINS);
        String fix = "Depend on a released version from the registry: a git or tarball dependency bypasses the registry's "
                + "immutable versions, signatures and scanning. If this source is intended, approve: "
                + context.approveCommand(id(), c);
        return context.finding(id(), c, title, expected, found, fix);
    }

    /** Every non-registry place the SBOM names for the component, one per kind and location, in reading order. */
    private static List<Origin> origins(Component c) {
        Map<String, Origin> out = new LinkedHashMap<>();
        Purl purl = c.purl();
        if (purl != null) {
            if (SourceLocations.SOURCE_REPOSITORY_TYPES.contains(purl.type())) {
                String repo = purl.type() + ".com";
                if ("bitbucket".equals(purl.type())) {
                    repo = "bitbucket.org";
                }
                String value = repo + "/" + (purl.namespace() == null ? "" : purl.namespace() + "/") + purl.name();
                add(out, "purl type " + purl.type(), value, SourceLocations.Kind.SOURCE_REPOSITORY_TYPE);
            }
            add(out, "purl download_url", purl.qualifier("download_url"),
                    SourceLocations.classify(purl.qualifier("download_url"), purl));
            String vcs = purl.qualifier("vcs_url");
            if (vcs != null && !vcs.isBlank()) {
                SourceLocations.Kind kind = SourceLocations.classify(vcs, purl);
                add(out, "purl vcs_url", vcs, kind == SourceLocations.Kind.LOCAL_PATH ? kind : SourceLocations.Kind.VCS);
            }
            add(out, "purl version", purl.version(), SourceLocations.classify(purl.version(), purl));
        }
        if (c.version() != null && (purl == null || !Objects.equals(c.version(), purl.version()))) {
            add(out, "version", c.version(), SourceLocations.classify(c.version(), purl));
        }
        // cyclonedx-node-npm and cyclonedx-python write where the package was fetched from; cyclonedx-maven-plugin
        // writes the project's deploy repository and syft an OS package's upstream project: not a resolution.
        if (purl != null && DISTRIBUTION_JUDGED_TYPES.contains(purl.type())) {
            for (String url : c.references("distribution")) {
                add(out, "distribution reference", url, SourceLocations.classify(url, purl));
            }
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, Origin> out, String where, String value, SourceLocations.Kind kind) {
        if (kind == null || value == null || value.isBlank()) {
            return;
        }
        String location = SourceLocations.location(value);
        out.putIfAbsent(kind + " " + location, new Origin(where, value, kind, location));
    }
}
