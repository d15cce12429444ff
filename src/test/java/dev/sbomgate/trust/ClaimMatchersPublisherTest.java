package dev.sbomgate.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.signature.Publisher;
import dev.sbomgate.signature.sigstore.CertificateIdentity;
import dev.sbomgate.signature.sigstore.TrustedPublisher;
import dev.sbomgate.signature.sigstore.TrustedPublisher.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One claim matcher for every Sigstore-based kind: PyPI Trusted Publishers (the publishers of the real provenance
 * fixtures, src/test/resources/pypi/) matched by an identity pin's {@link ClaimMatchers}, as npm provenance is.
 */
class ClaimMatchersPublisherTest {

    static final CertificateIdentity GITHUB_CERT = new CertificateIdentity(
            "https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19",
            "https://token.actions.githubusercontent.com", "https://github.com/trailofbits/pypi-attestations",
            "refs/tags/v0.0.19", "ABCDEF0123456789ABCDEF0123456789ABCDEF01", null, "release", null, null, "github-hosted");

    static Publisher github(String repository, String workflow, String environment) {
        return new TrustedPublisher(Kind.GITHUB, repository, workflow, environment, null).publisher(GITHUB_CERT);
    }

    static final Publisher GITHUB = github("trailofbits/pypi-attestations", "release.yml", null);

    static ClaimMatchers matchers(String repository, String workflow, String environment) {
        return new ClaimMatchers(repository, workflow, null, List.of(), null, environment);
    }

    @Test
    void aTrustedPublisherIsAPublisherIdentity() {
        assertEquals("https://github.com/trailofbits/pypi-attestations", GITHUB.repository());
        assertEquals(".github/workflows/release.yml", GITHUB.workflow());
        assertEquals("refs/tags/v0.0.19", GITHUB.ref());
        assertEquals("abcdef0123456789abcdef0123456789abcdef01", GITHUB.commit(), "commit lower-cased");
        assertEquals("github-hosted", GITHUB.runner());
    }

    @Test
    void thePinnedRepositoryAndWorkflowMatch() {
        ClaimMatchers pin = matchers("https://GitHub.com/trailofbits/pypi-attestations", ".github/workflows/release.yml", null);
        assertTrue(pin.matches(GITHUB), pin.mismatches(GITHUB).toString());
    }

    @Test
    void aForkIsAnotherRepository() {
        Publisher fork = github("attacker/pypi-attestations", "release.yml", null);
        assertEquals(List.of("repository: expected https://github.com/trailofbits/pypi-attestations, found"
                + " https://github.com/attacker/pypi-attestations"),
                matchers("https://github.com/trailofbits/pypi-attestations", null, null).mismatches(fork));
    }

    @Test
    void anotherWorkflowDoesNotMatch() {
        assertEquals(List.of("workflow: expected .github/workflows/publish.yml, found .github/workflows/release.yml"),
                matchers(null, ".github/workflows/publish.yml", null).mismatches(GITHUB));
    }

    @Test
    void aRequiredEnvironmentMustBeTheOnePypiNames() {
        ClaimMatchers pin = matchers(null, null, "pypi");
        assertEquals(List.of("environment: expected pypi, found none"), pin.mismatches(GITHUB));
        assertTrue(pin.matches(github("trailofbits/pypi-attestations", "release.yml", "pypi")));
        assertFalse(pin.matches(github("trailofbits/pypi-attestations", "release.yml", "pypi-test")));
    }

    @Test
    void gitlabProjectPathAndCiFileMatchOnItsOwnHost() {
        CertificateIdentity cert = new CertificateIdentity("https://gitlab.com/facutuesca/gitlab-oidc-project//.gitlab-ci.yml@refs/heads/main",
                "https://gitlab.com", "https://gitlab.com/facutuesca/gitlab-oidc-project", "refs/heads/main", null, null,
                null, null, null, null);
        Publisher gitlab = new TrustedPublisher(Kind.GITLAB, "facutuesca/gitlab-oidc-project", ".gitlab-ci.yml", null, null)
                .publisher(cert);
        assertTrue(matchers("https://gitlab.com/facutuesca/gitlab-oidc-project", ".gitlab-ci.yml", null).matches(gitlab));
        assertFalse(matchers("https://github.com/facutuesca/gitlab-oidc-project", null, null).matches(gitlab),
                "the same path on another host is another repository");
    }

    @Test
    void aGooglePublisherHasNoRepositoryOrWorkflow() {
        CertificateIdentity cert = new CertificateIdentity("919436158236-compute@developer.gserviceaccount.com",
                "https://accounts.google.com", null, null, null, null, null, null);
        Publisher google = new TrustedPublisher(Kind.GOOGLE, null, null, null,
                "919436158236-compute@developer.gserviceaccount.com").publisher(cert);
        assertFalse(matchers("https://github.com/trailofbits/pypi-attestations", null, null).matches(google));
        assertTrue(ClaimMatchers.NONE.matches(google), "a pin without matchers accepts its exact identity");
    }
}
