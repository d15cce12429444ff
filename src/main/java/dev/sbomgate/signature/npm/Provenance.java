package dev.sbomgate.signature.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.signature.sigstore.CertificateIdentity;
import java.util.Locale;
import java.util.Objects;

/**
 * The publisher identity a verified npm provenance proves (docs/formats.md 1.4): the certificate's Fulcio extensions
 * (signed by the CA) merged with the SLSA statement's claims, which must agree with them where both exist.
 *
 * @param issuer      OIDC issuer (certificate)
 * @param repository  {@code https://github.com/OWNER/REPO}: extension 1.12; SLSA v1 {@code externalParameters.workflow.repository},
 *                    v0.2 {@code invocation.configSource.uri}
 * @param workflow    {@code .github/workflows/x.yml}: the path of Build Config URI 1.18; SLSA v1 {@code workflow.path}, v0.2 {@code entryPoint}
 * @param ref         {@code refs/tags/v1}: extension 1.14; SLSA v1 {@code workflow.ref}, v0.2 the configSource's {@code @ref}
 * @param commit      40 hex: extension 1.13; SLSA v1 {@code resolvedDependencies[0].digest.gitCommit}, v0.2 {@code configSource.digest.sha1}
 * @param trigger     extension 1.20; SLSA v1 {@code internalParameters.github.event_name}, v0.2 {@code GITHUB_EVENT_NAME}
 * @param runner      extension 1.11 ({@code github-hosted}); SLSA v1 the builder id's last segment
 * @param environment not in npm provenance (PyPI only): null
 */
public record Provenance(String issuer, String repository, String workflow, String ref, String commit, String trigger,
                         String runner, String environment) {

    public Provenance {
        Objects.requireNonNull(issuer, "issuer");
    }

    /** The same identity in the vocabulary every Sigstore-based check reports it in. */
    public dev.sbomgate.signature.Publisher publisher() {
        return new dev.sbomgate.signature.Publisher(issuer, repository, workflow, ref, commit, trigger, runner, environment);
    }

    /** {@code repository@ref, workflow, commit, …}: how reports show it ({@link dev.sbomgate.signature.Publisher#summary}). */
    public String summary() {
        return publisher().summary();
    }

    /**
     * The identity of a verified provenance bundle: the certificate's values, the statement's where the certificate
     * has none. Throws {@link IllegalArgumentException} naming the first claim on which the two disagree (the caller
     * reports BAD_SIGNATURE: a statement claiming another repository or workflow than its signing certificate).
     */
    static Provenance of(CertificateIdentity cert, JsonNode predicate, String predicateType) {
        Claims claims = predicateType.startsWith("https://slsa.dev/provenance/v0") ? v02(predicate) : v1(predicate);
        String certWorkflow = workflowPath(cert.buildConfig(), cert.repository());
        String repository = agree("repository", normaliseRepository(cert.repository()), normaliseRepository(claims.repository));
        String workflow = agree("workflow", certWorkflow, claims.workflow);
        String ref = agree("ref", cert.ref(), claims.ref);
        String commit = agree("commit", lower(cert.commit()), lower(claims.commit));
        String trigger = agree("trigger", cert.trigger(), claims.trigger);
        String runner = agree("runner", cert.runner(), claims.runner);
        return new Provenance(cert.issuer(), repository, workflow, ref, commit, trigger, runner, null);
    }

    private record Claims(String repository, String workflow, String ref, String commit, String trigger, String runner) {
    }

    private static Claims v1(JsonNode predicate) {
        JsonNode definition = predicate.path("buildDefinition");
        JsonNode workflow = definition.path("externalParameters").path("workflow");
        String builder = text(predicate.path("runDetails").path("builder").path("id"));
        String runner = builder == null || !builder.startsWith("https://github.com/actions/runner/") ? null
                : builder.substring("https://github.com/actions/runner/".length());
        return new Claims(text(workflow.path("repository")), text(workflow.path("path")), text(workflow.path("ref")),
                text(definition.path("resolvedDependencies").path(0).path("digest").path("gitCommit")),
                text(definition.path("internalParameters").path("github").path("event_name")), runner);
    }

    private static Claims v02(JsonNode predicate) {
        JsonNode invocation = predicate.path("invocation");
        JsonNode source = invocation.path("configSource");
        String uri = text(source.path("uri"));
        String repository = null;
        String ref = null;
        if (uri != null) {
            String bare = uri.startsWith("git+") ? uri.substring(4) : uri;
            int at = bare.indexOf('@');
            repository = at < 0 ? bare : bare.substring(0, at);
            ref = at < 0 ? null : bare.substring(at + 1);
        }
        return new Claims(repository, text(source.path("entryPoint")), ref, text(source.path("digest").path("sha1")),
                text(invocation.path("environment").path("GITHUB_EVENT_NAME")), null);
    }

    /** {@code https://github.com/O/R/.github/workflows/x.yml@refs/…} → {@code .github/workflows/x.yml}. */
    public static String workflowPath(String buildConfig, String repository) {
        if (buildConfig == null) {
            return null;
        }
        String path = buildConfig;
        int at = path.indexOf('@');
        if (at >= 0) {
            path = path.substring(0, at);
        }
        if (repository != null && path.startsWith(repository + "/")) {
            return path.substring(repository.length() + 1);
        }
        int workflows = path.indexOf(".github/workflows/");
        return workflows >= 0 ? path.substring(workflows) : path;
    }

    /** {@code https://github.com/OWNER/REPO} with the host lower-cased and no trailing {@code /} or {@code .git}. */
    public static String normaliseRepository(String repository) {
        if (repository == null) {
            return null;
        }
        String r = repository.endsWith("/") ? repository.substring(0, repository.length() - 1) : repository;
        r = r.endsWith(".git") ? r.substring(0, r.length() - 4) : r;
        int scheme = r.indexOf("://");
        if (scheme < 0) {
            return "https://github.com/" + r; // PyPI's and the old extension's "owner/repo" form
        }
        int slash = r.indexOf('/', scheme + 3);
        String host = slash < 0 ? r.substring(scheme + 3) : r.substring(scheme + 3, slash);
        return r.substring(0, scheme + 3) + host.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : r.substring(slash));
    }

    private static String agree(String what, String certificate, String claim) {
        if (certificate != null && claim != null && !certificate.equals(claim)) {
            throw new IllegalArgumentException("the provenance claims " + what + " '" + claim + "' but its signing"
                    + " certificate says '" + certificate + "'");
        }
        return certificate != null ? certificate : claim;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isEmpty() ? node.textValue() : null;
    }
}
