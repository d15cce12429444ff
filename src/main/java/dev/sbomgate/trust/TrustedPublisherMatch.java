package dev.sbomgate.trust;

import dev.sbomgate.signature.sigstore.TrustedPublisher;
import dev.sbomgate.text.Untrusted;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The claim matchers of an identity pin that a verified PyPI Trusted Publisher is compared with (formats.md §2.4:
 * {@code repository}, {@code workflow}, {@code environment}; each one given must match, an absent one matches
 * anything). A Google publisher is pinned by its service account as the pin's exact identity, so it matches no
 * repository or workflow matcher.
 *
 * <p>Values compared: {@code repository} with {@link TrustedPublisher#repositoryUri()} ({@code https://github.com/OWNER/REPO},
 * {@code https://gitlab.com/NAMESPACE/PROJECT}; the certificate's Source Repository URI says the same once the
 * provenance verified); {@code workflow} with {@link TrustedPublisher#workflowPath()} ({@code .github/workflows/release.yml},
 * the GitLab CI file path); {@code environment} with the publisher's environment, exactly. The environment is PyPI's
 * claim only (not in the certificate): a pin that requires one trusts PyPI to have enforced it.
 *
 * @param repository the repository URI, {@code https://HOST/PATH} with the host lower-cased, or null (any)
 * @param workflow   the workflow path in the repository, or null (any)
 * @param environment the CI environment, or null (any)
 */
public record TrustedPublisherMatch(String repository, String workflow, String environment) {

    static final int MAX_LENGTH = 1024;

    public TrustedPublisherMatch {
        if (repository == null && workflow == null && environment == null) {
            throw new IllegalArgumentException("a Trusted Publisher match names a repository, a workflow or an environment");
        }
        repository = repository == null ? null : repository(repository);
        check(workflow, "workflow");
        check(environment, "environment");
        if (workflow != null && (workflow.startsWith("/") || workflow.contains("@"))) {
            throw new IllegalArgumentException("workflow '" + Untrusted.printable(workflow) + "' is a path in the"
                    + " repository, without a leading '/' or an '@ref', e.g. .github/workflows/release.yml");
        }
    }

    private static String repository(String text) {
        check(text, "repository");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("repository '" + Untrusted.printable(text) + "' is not a URI");
        }
        String path = uri.getRawPath();
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getPort() != -1
                || path == null || !path.matches("(/[^/]+){2,}") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("repository '" + Untrusted.printable(text) + "' is not of the form"
                    + " https://github.com/OWNER/REPO (or https://gitlab.com/NAMESPACE/PROJECT)");
        }
        return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + path;
    }

    private static void check(String value, String what) {
        if (value != null && (value.isBlank() || value.length() > MAX_LENGTH || !value.strip().equals(value)
                || value.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException(what + " is 1 to " + MAX_LENGTH + " characters on one line, without"
                    + " surrounding white space, got '" + Untrusted.printable(value) + "'");
        }
    }

    /** Whether every matcher given matches the publisher. */
    public boolean matches(TrustedPublisher publisher) {
        return mismatches(publisher).isEmpty();
    }

    /** One {@code NAME: expected X, found Y} per matcher that does not match; empty when all match. */
    public List<String> mismatches(TrustedPublisher publisher) {
        List<String> out = new ArrayList<>();
        compare(out, "repository", repository, publisher.repositoryUri());
        compare(out, "workflow", workflow, publisher.workflowPath());
        compare(out, "environment", environment, publisher.environment());
        return List.copyOf(out);
    }

    private static void compare(List<String> out, String name, String expected, String found) {
        if (expected != null && !expected.equals(found)) {
            out.add(name + ": expected " + expected + ", found " + (found == null ? "none"
                    : Untrusted.printable(found)));
        }
    }

    /** E.g. {@code repository https://github.com/o/r, workflow .github/workflows/release.yml, environment pypi}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (repository != null) {
            parts.add("repository " + repository);
        }
        if (workflow != null) {
            parts.add("workflow " + workflow);
        }
        if (environment != null) {
            parts.add("environment " + environment);
        }
        return String.join(", ", parts);
    }
}
