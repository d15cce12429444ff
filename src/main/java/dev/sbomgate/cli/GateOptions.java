package dev.sbomgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The inputs every gate command (check, init, approve) takes. */
final class GateOptions {
    @Option(names = "--sbom", paramLabel = "FILE",
            description = "The candidate CycloneDX SBOM (JSON or XML); '-' reads it from standard input (check only). "
                    + "Default: the one recorded in <baseline>/inputs.json by init/approve.")
    Path sbom;

    /** {@code --sbom -}: standard input, buffered whole under the SBOM size limit. */
    static final Path STDIN = Path.of("-");

    boolean sbomFromStdin() {
        return STDIN.equals(sbom);
    }

    @Option(names = "--baseline", paramLabel = "DIR", defaultValue = ".sbomgate",
            description = "The baseline directory (default: ${DEFAULT-VALUE}).")
    Path baselineDir;

    @Option(names = "--artifacts", paramLabel = "DIR",
            description = "A directory holding the artifacts and their signatures: a Maven repository (~/.m2/repository) or a flat folder. Repeatable.")
    List<Path> artifacts = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "DIR", description = "The trust store (default: <baseline>/trust).")
    Path trust;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The policy (default: <baseline>/policy.yaml when present, else the built-in defaults = policies/default.yaml).")
    Path policy;

    @Option(names = "--metadata", paramLabel = "FILE", description = "Release publish times (docs/metadata.md), for RELEASE_TOO_FRESH.")
    Path metadata;

    @Option(names = "--feed", paramLabel = "DIR", description = "The malicious-package feed snapshot's directory, written by"
            + " 'sbomgate feed update' (default: <baseline>/feed when it holds one), for KNOWN_MALICIOUS and FEED_STALE.")
    Path feed;

    /** Set when --sbom (and --artifacts) came from the baseline's inputs.json rather than the command line. */
    boolean recordedInputs;

    /** The feed directory: --feed, else the baseline's {@code feed/}. */
    Path feedDir() {
        return feed != null ? feed : baselineDir.resolve("feed");
    }

    Path trustDir() {
        return trust != null ? trust : baselineDir.resolve("trust");
    }
}
