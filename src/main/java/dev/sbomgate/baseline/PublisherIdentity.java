package dev.sbomgate.baseline;

import dev.sbomgate.model.Fingerprint;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The publisher identity the deciding Sigstore-based evidence proved (docs/formats.md §1.4), from the signing
 * certificate's Fulcio extensions and the provenance's claims. {@code repository} and {@code workflow} are compared
 * across releases; the rest move with every release and are only shown.
 *
 * @param issuer      the OIDC issuer
 * @param repository  {@code https://github.com/OWNER/REPO}, or null
 * @param workflow    the workflow path without {@code @ref}, e.g. {@code .github/workflows/release.yml}, or null
 * @param ref         e.g. {@code refs/tags/v1.14.0}, or null
 * @param commit      the source commit, 40 hex, or null
 * @param trigger     {@code push}, {@code release}, … or null
 * @param runner      {@code github-hosted} or {@code self-hosted}, or null
 * @param environment PEP 740 {@code publisher.environment}, or null
 * @param pin         the identity pin that matched (the check's signer)
 */
public record PublisherIdentity(String issuer, String repository, String workflow, String ref, String commit,
                                String trigger, String runner, String environment, Fingerprint pin) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    public PublisherIdentity {
        Objects.requireNonNull(pin, "pin");
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("a publisher identity names its OIDC issuer");
        }
        if (commit != null && !COMMIT.matcher(commit).matches()) {
            throw new IllegalArgumentException("a commit is 40 lower-case hex digits, got '" + commit + "'");
        }
    }

    /** The same identity in the vocabulary checks and reports speak ({@code signature.Publisher}); the pin is dropped. */
    public dev.sbomgate.signature.Publisher publisher() {
        return new dev.sbomgate.signature.Publisher(issuer, repository, workflow, ref, commit, trigger, runner, environment);
    }
}
