package dev.sbomgate.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Fetcher} needs: where to write, which registries to ask with which credentials, and its limits.
 *
 * @param into              the evidence directory
 * @param mavenRepositories tried in order; never empty
 * @param npmRegistry       the npm registry's base URL
 * @param npmScopes         per-scope npm registries, keyed by scope with its {@code @}
 * @param pypiIndex         the PyPI index's base URL (JSON API, Integrity API, PEP 691 simple API)
 * @param keyservers        asked in order for signers' keys (VKS, then HKP, on each); empty: no keys fetched
 * @param credentials       Authorization values, each for one host
 * @param localRepository   a Maven local repository whose files are copied instead of downloaded, or null
 * @param jobs              components fetched at once
 * @param deadline          the overall time limit
 */
public record FetchConfig(Path into, List<URI> mavenRepositories, URI npmRegistry, Map<String, URI> npmScopes,
                          URI pypiIndex, List<URI> keyservers, List<Transport.Credential> credentials,
                          Path localRepository, int jobs, Duration deadline) {
    public static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");
    public static final URI NPM_REGISTRY = URI.create("https://registry.npmjs.org/");
    public static final URI PYPI = URI.create("https://pypi.org/");
    public static final List<URI> KEYSERVERS = List.of(URI.create("https://keys.openpgp.org/"),
            URI.create("https://keyserver.ubuntu.com/"));

    public FetchConfig {
        Objects.requireNonNull(into, "into");
        mavenRepositories = List.copyOf(mavenRepositories);
        if (mavenRepositories.isEmpty()) {
            throw new IllegalArgumentException("at least one Maven repository");
        }
        Objects.requireNonNull(npmRegistry, "npmRegistry");
        npmScopes = Map.copyOf(npmScopes);
        Objects.requireNonNull(pypiIndex, "pypiIndex");
        keyservers = List.copyOf(keyservers);
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(deadline, "deadline");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }

    /** Maven and npm only, public registries, no keyservers: for tests and simple callers. */
    public FetchConfig(Path into, List<URI> mavenRepositories, URI npmRegistry, Path localRepository, int jobs,
                       Duration deadline) {
        this(into, mavenRepositories, npmRegistry, Map.of(), PYPI, List.of(), List.of(), localRepository, jobs, deadline);
    }

    @Override
    public String toString() {
        return "FetchConfig[" + into + ", " + mavenRepositories + ", " + npmRegistry + ", " + credentials.size()
                + " credentials]";
    }
}
