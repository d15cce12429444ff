package dev.sbomgate.cli;

import dev.sbomgate.fetch.FetchConfig;
import dev.sbomgate.fetch.FileKind;
import dev.sbomgate.fetch.MavenSettings;
import dev.sbomgate.fetch.Npmrc;
import dev.sbomgate.text.Untrusted;
import java.util.Map;
import dev.sbomgate.fetch.Fetcher;
import dev.sbomgate.fetch.LogEntry;
import dev.sbomgate.fetch.Outcome;
import dev.sbomgate.fetch.Transport;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.ExitCode;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.sbom.SbomReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sbomgate fetch}: the one online command; downloads evidence into the layout of docs/evidence.md. */
@Command(name = "fetch",
        description = {"Download every component's artifact, signatures, checksums and registry documents into DIR "
                + "(layout: docs/evidence.md), for check/verify/init/approve --artifacts DIR. The only command that uses the network."},
        footer = {"", "Exit codes: 0 every artifact fetched, 1 an artifact could not be fetched, 2 bad input.",
                "", "Example:", "  sbomgate fetch --sbom target/bom.json --into target/evidence",
                "  sbomgate check --sbom target/bom.json --artifacts target/evidence --metadata target/evidence/release-times.json"})
final class FetchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "The SBOM (CycloneDX JSON or XML).")
    Path sbom;

    @Option(names = "--into", required = true, paramLabel = "DIR", description = "The evidence directory to write.")
    Path into;

    @Option(names = "--maven-repository", paramLabel = "URL",
            description = "A Maven repository, tried in order (repeatable; default Maven Central).")
    List<URI> mavenRepositories = new ArrayList<>();

    @Option(names = "--npm-registry", paramLabel = "URL",
            description = "The npm registry (default: the registry of the .npmrc, else https://registry.npmjs.org).")
    URI npmRegistry;

    @Option(names = "--maven-settings", paramLabel = "FILE",
            description = "Maven settings: mirrors, profile repositories, <server> credentials (default ~/.m2/settings.xml; 'none' for none).")
    String mavenSettings;

    @Option(names = "--npmrc", paramLabel = "FILE",
            description = "npm configuration: registry, @scope:registry, //host/:_authToken (default ~/.npmrc; 'none' for none).")
    String npmrc;

    @Option(names = "--pypi-index", paramLabel = "URL", description = "The PyPI index (default https://pypi.org).")
    URI pypiIndex;

    @Option(names = "--keyserver", paramLabel = "URL",
            description = "A keyserver asked for signers' keys, VKS then HKP (repeatable; default keys.openpgp.org, keyserver.ubuntu.com).")
    List<URI> keyservers = new ArrayList<>();

    @Option(names = "--no-keys", description = "Do not ask keyservers for signers' keys.")
    boolean noKeys;

    @Option(names = "--local-repository", paramLabel = "DIR",
            description = "A Maven local repository whose files are copied instead of downloaded (default ~/.m2/repository; 'none' for none).")
    String localRepository;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "8", description = "Components fetched at once (default ${DEFAULT-VALUE}).")
    int jobs;

    @Mixin
    DownloadOptions download = new DownloadOptions();

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Time limit for the whole fetch (default ${DEFAULT-VALUE}).")
    int deadlineSeconds;

    @Option(names = "--dry-run", description = "List what would be fetched and from where; fetch nothing.")
    boolean dryRun;

    @Option(names = "--timings", description = "Print the elapsed time on stderr.")
    boolean timings;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (jobs < 1 || jobs > 256 || deadlineSeconds < 1) {
            throw new BadInputException("--jobs must be 1..256 and --deadline positive");
        }
        download.check();
        Inventory inventory = SbomReader.read(sbom);
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        MavenSettings.Result settings = "none".equals(mavenSettings) ? MavenSettings.central()
                : MavenSettings.read(mavenSettings == null ? home.resolve(".m2/settings.xml") : Path.of(mavenSettings), env);
        Npmrc.Result npm = Npmrc.read("none".equals(npmrc) ? null : npmrc == null ? home.resolve(".npmrc") : Path.of(npmrc), env);
        List<URI> repos = mavenRepositories.isEmpty() ? settings.repositories() : mavenRepositories;
        Path local = localRepository == null ? home.resolve(".m2/repository")
                : localRepository.equals("none") ? null : Path.of(localRepository);
        List<Transport.Credential> credentials = new ArrayList<>(settings.credentials());
        credentials.addAll(npm.credentials());
        List<URI> servers = noKeys ? List.of() : keyservers.isEmpty() ? FetchConfig.KEYSERVERS : keyservers;
        FetchConfig config = new FetchConfig(into, repos, npmRegistry == null ? npm.registry() : npmRegistry, npm.scopes(),
                pypiIndex == null ? FetchConfig.PYPI : pypiIndex, servers, credentials, local, jobs,
                Duration.ofSeconds(deadlineSeconds));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Transport transport = download.open(env)) {
            List<URI> bases = new ArrayList<>(repos);
            bases.add(config.npmRegistry());
            bases.addAll(config.npmScopes().values());
            bases.add(config.pypiIndex());
            bases.addAll(servers);
            for (URI base : bases) {
                String refused = transport.refusal(base);
                if (refused != null) {
                    throw new BadInputException("registry " + Untrusted.oneLine(Transport.redactUrl(base)) + ": " + refused);
                }
            }
            Fetcher fetcher = new Fetcher(config, transport, Clock.systemUTC()).declared(inventory.components());
            long planned = System.nanoTime();
            if (dryRun) {
                for (Fetcher.Planned p : fetcher.plan(inventory.components())) {
                    String then = switch (p.path().get(0)) {
                        case "npm" -> "  (then dist.tarball and dist.attestations.url)";
                        case "pypi" -> "  (then the distribution files and their PEP 740 provenance)";
                        default -> p.kind() == FileKind.SIGNATURE && !servers.isEmpty() ? "  (then the signer's key)" : "";
                    };
                    out.println(Untrusted.oneLine(p.relativePath()) + "  <-  "
                            + (p.urls().isEmpty() ? "(refused: unsafe name)" : Untrusted.oneLine(Transport.redactUrl(p.urls().get(0))))
                            + then);
                }
                out.flush();
                return ExitCode.OK.code();
            }
            int total = fetcher.fetchable(inventory.components());
            if (System.console() != null && total > 0) {
                fetcher.onProgress(done -> {
                    synchronized (err) {
                        err.printf("\rfetch: %d/%d components", done, total);
                        if (done == total) {
                            err.print("\r\033[K");
                        }
                        err.flush();
                    }
                });
            }
            Fetcher.Summary summary = fetcher.run(inventory.components());
            long fetched = System.nanoTime();
            for (LogEntry e : summary.entries()) {
                if (e.outcome() == Outcome.FAILED) {
                    err.println("sbomgate fetch: " + Untrusted.oneLine(e.path()) + ": " + Untrusted.oneLine(e.reason())
                            + (e.kind().required() ? "" : " (optional)"));
                }
            }
            out.println("fetched " + summary.count(Outcome.FETCHED) + " files, " + summary.count(Outcome.NOT_PUBLISHED)
                    + " not published, " + summary.count(Outcome.FAILED) + " failed; log in " + into.resolve(Fetcher.LOG));
            if (timings) {
                err.printf("timings: read SBOM and settings %d ms, fetch %d ms (%d components, %d requests, %d bytes "
                                + "downloaded, %d jobs), total %d ms%n", (planned - start) / 1_000_000,
                        (fetched - planned) / 1_000_000, total, summary.downloads(), summary.bytesDownloaded(), jobs,
                        (System.nanoTime() - start) / 1_000_000);
            }
            out.flush();
            err.flush();
            return summary.complete() ? ExitCode.OK.code() : ExitCode.GATE_FAILED.code();
        }
    }
}
