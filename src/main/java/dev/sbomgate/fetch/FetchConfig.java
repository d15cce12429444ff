package dev.sbomgate.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Fetcher} needs: where to write, which registries to ask, and its limits.
 *
 * @param into            the evidence directory
 * @param mavenRepositories tried in order; never empty
 * @param npmRegistry     the npm registry's base URL
 * @param localRepository a Maven local repository whose files are copied instead of downloaded, or null
 * @param jobs            components fetched at once
 * @param deadline        the overall time limit
 */
public record FetchConfig(Path into, List<URI> mavenRepositories, URI npmRegistry, Path localRepository, int jobs,
                          Duration deadline) {
    public static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");
    public static final URI NPM_REGISTRY = URI.create("https://registry.npmjs.org/");

    public FetchConfig {
        Objects.requireNonNull(into, "into");
        mavenRepositories = List.copyOf(mavenRepositories);
        if (mavenRepositories.isEmpty()) {
            throw new IllegalArgumentException("at least one Maven repository");
        }
        Objects.requireNonNull(npmRegistry, "npmRegistry");
        Objects.requireNonNull(deadline, "deadline");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }
}
