package dev.sbomgate.signature.sigstore;

import dev.sbomgate.model.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who signed a keyless Sigstore bundle: the signing certificate's subject (its one subject alternative name: a URI such
 * as a GitHub workflow ref, or an e-mail address) and the OIDC issuer that vouched for it (Fulcio extension
 * 1.3.6.1.4.1.57264.1.8, or the older 1.1), plus what Fulcio records about a CI run (extensions 1.3.6.1.4.1.57264.1.*,
 * docs/oid-info.md of sigstore/fulcio). Only {@code subject} and {@code issuer} are ever matched against pins; the
 * rest is shown.
 *
 * @param subject    the certificate identity, e.g.
 *                   {@code https://github.com/sigstore/sigstore-java/.github/workflows/release.yaml@refs/tags/v1.3.0}
 * @param issuer     the OIDC issuer, e.g. {@code https://token.actions.githubusercontent.com}
 * @param repository the source repository (1.12 Source Repository URI, or 1.5 GitHub Workflow Repository), or null
 * @param ref        the source ref (1.14, or 1.6), or null
 * @param commit     the source commit (1.13 Source Repository Digest, or 1.3 GitHub Workflow SHA), or null
 * @param workflow   the build signer (1.9 Build Signer URI: the workflow file at its ref), or null
 * @param trigger    the event that started the run (1.20 Build Trigger, or 1.2), or null
 * @param runUri     the run (1.21 Run Invocation URI), or null
 * @param buildConfig the top-level build instructions (1.18 Build Config URI: for GitHub Actions the workflow file of
 *                    the repository at its ref, {@code https://github.com/O/R/.github/workflows/x.yml@refs/tags/v1}), or null
 * @param runner     where the build ran (1.11 Runner Environment: {@code github-hosted}, {@code self-hosted}), or null
 */
public record CertificateIdentity(String subject, String issuer, String repository, String ref, String commit,
                                  String workflow, String trigger, String runUri, String buildConfig, String runner) {

    public CertificateIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
    }

    public CertificateIdentity(String subject, String issuer, String repository, String ref, String commit,
                               String workflow, String trigger, String runUri) {
        this(subject, issuer, repository, ref, commit, workflow, trigger, runUri, null, null);
    }

    /**
     * SHA-256 of {@code issuer LF subject} (UTF-8): the identity as a 64-hex {@link Fingerprint}, the same value an
     * exact identity pin for it has (docs/trust-store.md, "Identity pins").
     */
    public Fingerprint fingerprint() {
        return fingerprintOf(issuer, subject);
    }

    /** SHA-256 of {@code issuer LF identity}, UTF-8. */
    public static Fingerprint fingerprintOf(String issuer, String identity) {
        try {
            return Fingerprint.of(MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "\n" + identity).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The publisher identity the certificate's Fulcio extensions name (docs/formats.md §1.4): repository (1.12),
     * workflow (the path of the Build Config URI 1.18 without {@code @ref}), ref, commit, trigger and runner.
     */
    public dev.sbomgate.signature.Publisher publisher() {
        String repo = dev.sbomgate.signature.npm.Provenance.normaliseRepository(repository);
        return new dev.sbomgate.signature.Publisher(issuer, repo,
                dev.sbomgate.signature.npm.Provenance.workflowPath(buildConfig, repo),
                ref, commit == null ? null : commit.toLowerCase(java.util.Locale.ROOT), trigger, runner, null);
    }

    /** {@code SUBJECT (OIDC issuer ISSUER)}. */
    public String summary() {
        return subject + " (OIDC issuer " + issuer + ")";
    }

    /**
     * The CI facts present, e.g. {@code repository https://github.com/o/r, ref refs/tags/v1, commit 0a1b…}; may be
     * empty. The workflow is left out when it is the subject itself (as for GitHub Actions).
     */
    public String ciDetails() {
        List<String> parts = new ArrayList<>();
        add(parts, "repository", repository);
        add(parts, "ref", ref);
        add(parts, "commit", commit);
        if (!subject.equals(workflow)) {
            add(parts, "workflow", workflow);
        }
        add(parts, "trigger", trigger);
        add(parts, "run", runUri);
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(name + " " + value);
        }
    }
}
