package dev.sbomgate.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.signature.sigstore.TrustedPublisher;
import dev.sbomgate.signature.sigstore.TrustedPublisher.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trusted Publisher claims (the publishers of the real provenance fixtures) against identity pin claim matchers. */
class TrustedPublisherMatchTest {

    /** As the real pypi-attestations 0.0.19 provenance names it (src/test/resources/pypi/). */
    static final TrustedPublisher GITHUB = new TrustedPublisher(Kind.GITHUB, "trailofbits/pypi-attestations", "release.yml",
            null, null);
    static final TrustedPublisher GITLAB = new TrustedPublisher(Kind.GITLAB, "facutuesca/gitlab-oidc-project",
            ".gitlab-ci.yml", null, null);
    static final TrustedPublisher GOOGLE = new TrustedPublisher(Kind.GOOGLE, null, null, null,
            "919436158236-compute@developer.gserviceaccount.com");

    @Test
    void thePinnedRepositoryAndWorkflowMatchTheGithubPublisher() {
        TrustedPublisherMatch pin = new TrustedPublisherMatch("https://GitHub.com/trailofbits/pypi-attestations",
                ".github/workflows/release.yml", null);
        assertEquals("https://github.com/trailofbits/pypi-attestations", pin.repository(), "host lower-cased");
        assertTrue(pin.matches(GITHUB), pin.mismatches(GITHUB).toString());
    }

    @Test
    void aForkIsAnotherRepository() {
        TrustedPublisher fork = new TrustedPublisher(Kind.GITHUB, "attacker/pypi-attestations", "release.yml", null, null);
        TrustedPublisherMatch pin = new TrustedPublisherMatch("https://github.com/trailofbits/pypi-attestations", null, null);
        assertEquals(List.of("repository: expected https://github.com/trailofbits/pypi-attestations, found"
                + " https://github.com/attacker/pypi-attestations"), pin.mismatches(fork));
    }

    @Test
    void anotherWorkflowDoesNotMatch() {
        TrustedPublisherMatch pin = new TrustedPublisherMatch(null, ".github/workflows/publish.yml", null);
        assertEquals(List.of("workflow: expected .github/workflows/publish.yml, found .github/workflows/release.yml"),
                pin.mismatches(GITHUB));
    }

    @Test
    void aRequiredEnvironmentMustBeTheOnePypiNames() {
        TrustedPublisherMatch pin = new TrustedPublisherMatch(null, null, "pypi");
        assertEquals(List.of("environment: expected pypi, found none"), pin.mismatches(GITHUB));
        assertTrue(pin.matches(new TrustedPublisher(Kind.GITHUB, "trailofbits/pypi-attestations", "release.yml", "pypi",
                null)));
        assertFalse(pin.matches(new TrustedPublisher(Kind.GITHUB, "trailofbits/pypi-attestations", "release.yml",
                "pypi-test", null)));
    }

    @Test
    void gitlabProjectPathAndCiFileMatch() {
        assertTrue(new TrustedPublisherMatch("https://gitlab.com/facutuesca/gitlab-oidc-project", ".gitlab-ci.yml", null)
                .matches(GITLAB));
        assertFalse(new TrustedPublisherMatch("https://github.com/facutuesca/gitlab-oidc-project", null, null)
                .matches(GITLAB), "the same path on another host is another repository");
    }

    @Test
    void aGooglePublisherHasNoRepositoryOrWorkflow() {
        assertFalse(new TrustedPublisherMatch("https://github.com/trailofbits/pypi-attestations", null, null).matches(GOOGLE));
        assertEquals("Google service account 919436158236-compute@developer.gserviceaccount.com", GOOGLE.summary());
    }

    @Test
    void malformedMatchersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedPublisherMatch(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TrustedPublisherMatch("http://github.com/o/r", null, null));
        assertThrows(IllegalArgumentException.class, () -> new TrustedPublisherMatch("https://github.com/o", null, null));
        assertThrows(IllegalArgumentException.class, () -> new TrustedPublisherMatch("https://github.com/o/r/", null, null));
        assertThrows(IllegalArgumentException.class, () -> new TrustedPublisherMatch(null, "release.yml@refs/tags/v1", null));
        assertThrows(IllegalArgumentException.class, () -> new TrustedPublisherMatch(null, null, " pypi"));
    }
}
