package dev.sbomgate.signature.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sbomgate.text.Untrusted;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A PyPI Trusted Publisher as a PEP 740 attestation bundle's {@code publisher} object names it (PEP 740, "Provenance
 * objects"; the kinds PyPI serves: GitHub, GitLab, Google). The object is PyPI's claim, not signed by the publisher:
 * it counts only where the signing certificate's Fulcio extensions say the same ({@link #checkAgainst}); the
 * {@code environment} is the one value only PyPI vouches for (it is not in the certificate) and is shown, never trusted.
 *
 * @param kind        who issued the publishing identity
 * @param repository  GitHub {@code OWNER/REPO} or GitLab {@code NAMESPACE/PROJECT} (as PyPI writes it); null for Google
 * @param workflow    GitHub the workflow file name ({@code release.yml}), GitLab the CI file path
 *                    ({@code .gitlab-ci.yml}); null for Google
 * @param environment the CI environment of the Trusted Publisher, or null (none configured; always null for Google)
 * @param email       the Google service account, or null for GitHub and GitLab
 */
public record TrustedPublisher(Kind kind, String repository, String workflow, String environment, String email) {

    /** The Trusted Publisher kinds PyPI serves, with the OIDC issuer and repository host each one's certificates carry. */
    public enum Kind {
        GITHUB("GitHub", "https://token.actions.githubusercontent.com", "https://github.com/"),
        GITLAB("GitLab", "https://gitlab.com", "https://gitlab.com/"),
        GOOGLE("Google", "https://accounts.google.com", null);

        private final String label;
        private final String issuer;
        private final String host;

        Kind(String label, String issuer, String host) {
            this.label = label;
            this.issuer = issuer;
            this.host = host;
        }

        /** As PEP 740's {@code kind} spells it. */
        public String label() {
            return label;
        }

        /** The OIDC issuer (Fulcio extension 1.3.6.1.4.1.57264.1.8) this kind's certificates name. */
        public String issuer() {
            return issuer;
        }

        static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.label.equals(text)) {
                    return kind;
                }
            }
            throw Failure.malformed("the attestation bundle's publisher kind '" + Json.shown(text) + "' is not one sbomgate"
                    + " verifies (GitHub, GitLab, Google)");
        }
    }

    private static final int MAX_LENGTH = 1024;

    public TrustedPublisher {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.GOOGLE) != (email != null) || (kind == Kind.GOOGLE) == (repository != null)
                || (repository == null) != (workflow == null) || (kind == Kind.GOOGLE && environment != null)) {
            throw new IllegalArgumentException("a " + kind.label + " publisher has "
                    + (kind == Kind.GOOGLE ? "an email only" : "a repository and a workflow"));
        }
    }

    /** Reads a PEP 740 {@code publisher} object; other keys (PEP 740's optional {@code claims}) are not used. */
    static TrustedPublisher parse(JsonNode node, String where) {
        Kind kind = Kind.parse(Json.text(node, "kind", where, true));
        return switch (kind) {
            case GITHUB -> new TrustedPublisher(kind, value(node, "repository", where, true),
                    value(node, "workflow", where, true), value(node, "environment", where, false), null);
            case GITLAB -> new TrustedPublisher(kind, value(node, "repository", where, true),
                    value(node, "workflow_filepath", where, true), value(node, "environment", where, false), null);
            case GOOGLE -> new TrustedPublisher(kind, null, null, null, value(node, "email", where, true));
        };
    }

    private static String value(JsonNode node, String field, String where, boolean required) {
        String text = Json.text(node, field, where, required);
        if (text == null) {
            return null;
        }
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw Failure.malformed(where + "." + field + " is empty, over " + MAX_LENGTH + " characters or holds control"
                    + " characters");
        }
        return text;
    }

    /** The repository as the certificate's Source Repository URI writes it ({@code https://github.com/OWNER/REPO}), or null. */
    public String repositoryUri() {
        return repository == null ? null : kind.host + repository;
    }

    /**
     * The workflow as a path in the repository: GitHub {@code .github/workflows/NAME}, GitLab the CI file path as
     * given; null for Google.
     */
    public String workflowPath() {
        if (workflow == null) {
            return null;
        }
        return kind == Kind.GITHUB ? ".github/workflows/" + workflow : workflow;
    }

    /**
     * Fails (BAD_SIGNATURE) unless the verified signing certificate was issued to this publisher, as PyPI itself
     * checks on upload: the OIDC issuer of the kind; for GitHub and GitLab the Source Repository URI (1.12) equal to
     * the repository, and the Build Config URI (1.18) equal to the workflow of that repository at the certificate's
     * own ref (1.14) or commit (1.13) — GitHub {@code https://github.com/R/.github/workflows/W@REF}, GitLab
     * {@code https://gitlab.com/R//W@REF}; for Google the certificate identity equal to the service account.
     *
     * @param identity       the verified certificate's identity
     * @param buildConfigUri its Build Config URI extension, or null when absent
     */
    void checkAgainst(CertificateIdentity identity, String buildConfigUri) {
        String claimed = "the attestation bundle names the publisher " + summary();
        if (!kind.issuer.equals(identity.issuer())) {
            throw Failure.bad(claimed + ", but the signing certificate was issued on a token of "
                    + Json.shown(identity.issuer()) + ", not of " + kind.issuer);
        }
        if (kind == Kind.GOOGLE) {
            if (!email.equals(identity.subject())) {
                throw Failure.bad(claimed + ", but the signing certificate certifies " + Untrusted.printable(identity.subject()));
            }
            return;
        }
        if (!repositoryUri().equals(identity.repository())) {
            throw Failure.bad(claimed + ", but the signing certificate's source repository is "
                    + (identity.repository() == null ? "not named" : Untrusted.printable(identity.repository()))
                    + ": the attestation was made in another repository (a fork?)");
        }
        if (buildConfigUri == null) {
            throw Failure.bad(claimed + ", but the signing certificate has no Build Config URI"
                    + " (1.3.6.1.4.1.57264.1.18), so its workflow cannot be confirmed");
        }
        String prefix = kind == Kind.GITHUB ? repositoryUri() + "/.github/workflows/" + workflow + "@"
                : repositoryUri() + "//" + workflow + "@";
        List<String> expected = new ArrayList<>();
        for (String suffix : new String[] {identity.ref(), identity.commit()}) {
            if (suffix != null) {
                expected.add(prefix + suffix);
            }
        }
        if (!expected.contains(buildConfigUri)) {
            throw Failure.bad(claimed + ", but the signing certificate's workflow is " + Untrusted.printable(buildConfigUri)
                    + ", not " + (expected.isEmpty() ? prefix + "REF" : String.join(" or ", expected)));
        }
    }

    /**
     * The publisher identity of an attestation verified against this Trusted Publisher ({@link #checkAgainst}): the
     * repository and workflow as the certificate confirmed them, its ref, commit, trigger and runner, and PyPI's
     * environment claim.
     */
    public dev.sbomgate.signature.Publisher publisher(CertificateIdentity identity) {
        return new dev.sbomgate.signature.Publisher(identity.issuer(), repositoryUri(), workflowPath(), identity.ref(),
                identity.commit() == null ? null : identity.commit().toLowerCase(java.util.Locale.ROOT),
                identity.trigger(), identity.runner(), environment);
    }

    /** E.g. {@code GitHub trailofbits/pypi-attestations, workflow release.yml, no environment}. */
    public String summary() {
        if (kind == Kind.GOOGLE) {
            return kind.label + " service account " + email;
        }
        return kind.label + " " + repository + ", workflow " + workflow + ", "
                + (environment == null ? "no environment" : "environment " + environment);
    }
}
