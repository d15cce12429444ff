package dev.sbomgate.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The publisher identity a verified Sigstore-based check proved (docs/formats.md §1.4): the signing certificate's
 * Fulcio extensions, agreed with the provenance's claims (npm SLSA provenance) or the Trusted Publisher (PEP 740)
 * where both exist. {@code repository} and {@code workflow} identify who publishes; the rest moves with every release.
 *
 * @param issuer      the OIDC issuer (Fulcio 1.3.6.1.4.1.57264.1.8)
 * @param repository  {@code https://github.com/OWNER/REPO} (1.12), or null
 * @param workflow    the workflow path without {@code @ref}, {@code .github/workflows/release.yml} (path of 1.18), or null
 * @param ref         {@code refs/tags/v1.14.0} (1.14), or null
 * @param commit      the source commit (1.13), or null
 * @param trigger     {@code push}, {@code release}… (1.20), or null
 * @param runner      {@code github-hosted}, {@code self-hosted} (1.11), or null
 * @param environment PEP 740 {@code publisher.environment} (PyPI's claim, not in the certificate), or null
 */
public record Publisher(String issuer, String repository, String workflow, String ref, String commit, String trigger,
                        String runner, String environment) {

    public Publisher {
        Objects.requireNonNull(issuer, "issuer");
    }

    /** {@code OWNER/REPO} of a {@code https://HOST/OWNER/REPO} repository (as the issue's messages name it), else the URI. */
    public String shortRepository() {
        if (repository == null) {
            return "(no repository)";
        }
        int scheme = repository.indexOf("://");
        int slash = scheme < 0 ? -1 : repository.indexOf('/', scheme + 3);
        return slash < 0 ? repository : repository.substring(slash + 1);
    }

    /** The workflow's file name ({@code release.yml}), or null. */
    public String workflowFile() {
        return workflow == null ? null : workflow.substring(workflow.lastIndexOf('/') + 1);
    }

    /** {@code repository@ref, workflow W, commit C, trigger T, runner R, environment E}: how reports show it. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add((repository == null ? "(no repository)" : repository) + (ref == null ? "" : "@" + ref));
        if (workflow != null) {
            parts.add("workflow " + workflow);
        }
        if (commit != null) {
            parts.add("commit " + commit);
        }
        if (trigger != null) {
            parts.add("trigger " + trigger);
        }
        if (runner != null) {
            parts.add("runner " + runner);
        }
        if (environment != null) {
            parts.add("environment " + environment);
        }
        return String.join(", ", parts);
    }
}
