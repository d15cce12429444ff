package dev.sbomgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.artifact.ArtifactLocator;
import dev.sbomgate.baseline.BaselineStore;
import dev.sbomgate.baseline.StoredBaseline;
import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.gate.GateInput;
import dev.sbomgate.json.Mappers;
import dev.sbomgate.feed.FeedSnapshot;
import dev.sbomgate.feed.SnapshotFile;
import dev.sbomgate.metadata.ReleaseMetadataLoader;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.model.ReleaseDates;
import dev.sbomgate.policy.Policy;
import dev.sbomgate.policy.PolicyLoader;
import dev.sbomgate.sbom.SbomReader;
import dev.sbomgate.trust.TrustStore;
import dev.sbomgate.trust.TrustStoreLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The file adapters of the gate commands: turns options into a {@link GateInput}. */
final class GateInputs {
    /** Where init and approve record the SBOM and artifact directories, so that a bare {@code check} reuses them. */
    static final String INPUTS_FILE = "inputs.json";

    private GateInputs() {
    }

    /**
     * Loads every input of a gate run. The report files to be written are {@code report}'s: one that is an input of
     * the run is refused (exit 2) before anything is read or evaluated; when a report points at SBOM lines, the SBOM
     * reader records them during its one read.
     */
    static GateInput load(GateOptions options, ReportOptions report, Environment environment, Instant now) {
        if (options.sbomFromStdin()) {
            // init and approve record the SBOM's path in inputs.json for a bare check to repeat; a pipe has none.
            throw new BadInputException("--sbom -: standard input is read by 'sbomgate check' only; init and approve record "
                    + "the SBOM's path for later checks, so give them a file");
        }
        return load(options, report, environment, now, InputStream.nullInputStream(), false);
    }

    /**
     * As {@link #load(GateOptions, ReportOptions, Environment, Instant)}, with {@code --sbom -} read from {@code stdin}
     * (whole, under {@link Limits#SBOM}; never recorded in inputs.json). With {@code reuseApproved} (check without
     * {@code --full}), an SBOM whose bytes are the approved ones, recorded as passing their schema, is not validated
     * against the schema again (docs/formats.md §1.7); the loaded baseline must confirm it, else the SBOM is read again
     * and validated in full.
     */
    static GateInput load(GateOptions options, ReportOptions report, Environment environment, Instant now, InputStream stdin,
                          boolean reuseApproved) {
        resolveDefaults(options);
        refuseOutputsOntoInputs(options, report.outputs);
        // a pipe cannot be read a second time (below), so --sbom - is always validated
        String schemaValidHint = reuseApproved && !options.sbomFromStdin()
                ? new BaselineStore(options.baselineDir).schemaValidSbomHint() : null;
        SbomReader reader = report.sbomReader(environment).approved(schemaValidHint);
        // Start-up: each loader's first use is mostly class loading and cold code (Jackson and the JSON schema for
        // the SBOM, Bouncy Castle for the trust store), so on two cores they overlap well; for large documents the
        // baseline's reader (one thread) runs beside the SBOM's. Neither builds a tree of its whole document, so
        // overlapping them does not raise the peak heap. Failures are reported in the same order as when run one by one.
        ExecutorService pool = loaderThread();
        try {
            Future<StoredBaseline> storedLater = pool.submit(() -> new BaselineStore(options.baselineDir).load().orElse(null));
            Future<TrustStore> trustLater = pool.submit(() -> TrustStoreLoader.load(options.trustDir()));
            // the SHA-256 recorded in reports and approvals is that of the bytes parsed, not of a second read
            SbomReader.Document sbom = options.sbomFromStdin() ? reader.loadDocument(GateOptions.STDIN, stdin)
                    : reader.loadDocument(options.sbom);
            StoredBaseline stored = join(storedLater);
            TrustStore trust = join(trustLater);
            if (schemaValidHint != null && schemaValidHint.equals(sbom.sha256()) && !confirmed(stored, sbom.sha256())) {
                // the skip is not backed by the authenticated baseline (tampered, or changed since its first bytes
                // were read): read the SBOM again, validated as always
                sbom = report.sbomReader(environment).loadDocument(options.sbom);
            }
            return assemble(options, now, sbom, stored, trust);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The SBOM was read without its schema pass because the baseline's first bytes said these bytes passed it at the
     * approval: true when the baseline as loaded and authenticated (no tamper evidence) says so too.
     */
    private static boolean confirmed(StoredBaseline stored, String sha256) {
        return stored != null && !stored.tampered() && stored.baseline() != null
                && stored.baseline().sbomSchemaValid()
                && sha256.equals(stored.baseline().sbomSha256());
    }

    /**
     * A report written over an input would destroy it: {@code --output bom.json} over the SBOM, or over the baseline,
     * the approval log, the policy. Real paths are compared, through symbolic links; an output that does not exist
     * yet is its parent's real path plus its name.
     */
    static void refuseOutputsOntoInputs(GateOptions options, List<Path> outputs) {
        if (outputs.isEmpty()) {
            return;
        }
        Map<Path, String> files = new LinkedHashMap<>();
        Map<Path, String> trees = new LinkedHashMap<>();
        if (!options.sbomFromStdin()) {
            files.put(options.sbom, "the SBOM");
        }
        files.put(options.policy != null ? options.policy : options.baselineDir.resolve("policy.yaml"), "the policy");
        for (String name : List.of(BaselineStore.BASELINE_FILE, BaselineStore.LOG_FILE, BaselineStore.PENDING_FILE,
                BaselineStore.LOCK_FILE, INPUTS_FILE)) {
            files.put(options.baselineDir.resolve(name), "the baseline's " + name);
        }
        if (options.metadata != null) {
            files.put(options.metadata, "the --metadata file");
        }
        trees.put(options.feedDir(), "the feed directory");
        trees.put(options.trustDir(), "the trust store");
        options.artifacts.forEach(dir -> trees.put(dir, "the --artifacts directory " + dir));
        refuseOutputsOnto(files, trees, outputs);
    }

    /**
     * Refuses an output that is one of {@code files} or lies under one of {@code trees} (each mapped to the words that
     * name it in the error).
     */
    static void refuseOutputsOnto(Map<Path, String> files, Map<Path, String> trees, List<Path> outputs) {
        for (Path output : outputs) {
            Path real = realPath(output);
            files.forEach((input, what) -> {
                if (real.equals(realPath(input)) || sameFile(output, input)) {
                    throw new BadInputException("--output " + output + " is " + what + " this run reads; write the"
                            + " report to another file");
                }
            });
            trees.forEach((dir, what) -> {
                if (real.startsWith(realPath(dir))) {
                    throw new BadInputException("--output " + output + " is inside " + what + ", an input of this run;"
                            + " write the report to another file");
                }
            });
        }
    }

    /** The real path through symbolic links; for a path that does not exist, its nearest existing ancestor's. */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null || absolute.getFileName() == null ? absolute.normalize()
                    : realPath(parent).resolve(absolute.getFileName()).normalize();
        }
    }

    /** Hard links: two names of one file. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** One daemon thread for the loaders that run beside the SBOM reader; shut it down when done. */
    static ExecutorService loaderThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "sbomgate-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The task's result, or its exception as thrown (a BadInputException stays one). */
    static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the gate's inputs", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static GateInput assemble(GateOptions options, Instant now, SbomReader.Document sbom, StoredBaseline stored,
                                      TrustStore trust) {
        ArtifactLocator locator = options.artifacts.isEmpty() ? null : new ArtifactLocator(options.artifacts);
        Policy policy = policy(options);
        ReleaseDates releases = options.metadata == null ? ReleaseDates.none() : ReleaseMetadataLoader.load(options.metadata);
        FeedSnapshot feed = feed(options.feed, options.feedDir());
        Inventory candidate = sbom.inventory();
        return new GateInput(options.sbom, sbom.sha256(), candidate, stored, trust, locator, policy, releases, now,
                approvePrefix(options), sbom.lines().of(candidate.components()), feed);
    }

    /**
     * The feed snapshot in {@code dir}; none when the default directory holds none. A {@code --feed} given on the
     * command line must hold one: a typo must not silently turn the feed off.
     */
    static FeedSnapshot feed(Path given, Path dir) {
        java.util.Optional<FeedSnapshot> snapshot = SnapshotFile.read(dir);
        if (snapshot.isEmpty() && given != null) {
            throw new BadInputException("--feed " + given + " holds no " + SnapshotFile.NAME
                    + "; run 'sbomgate feed update --into " + given + "' first");
        }
        return snapshot.orElse(null);
    }

    private static Policy policy(GateOptions options) {
        return policy(options.policy, options.baselineDir);
    }

    /** The policy given, else the baseline directory's policy.yaml when there is one, else the built-in default. */
    static Policy policy(Path given, Path baselineDir) {
        if (given != null) {
            return PolicyLoader.load(given);
        }
        Path inBaseline = baselineDir.resolve("policy.yaml");
        return Files.isRegularFile(inBaseline) ? PolicyLoader.load(inBaseline) : Policy.defaults();
    }

    /**
     * Without --sbom, take the SBOM (and, without --artifacts, the artifact directories) recorded at the last approval,
     * relative to the directory that holds the baseline directory.
     */
    private static void resolveDefaults(GateOptions options) {
        resolveFeed(options);
        if (options.sbom != null) {
            return;
        }
        Path recorded = options.baselineDir.resolve(INPUTS_FILE);
        if (!Files.exists(recorded)) {
            throw new BadInputException("no --sbom given, and " + recorded + " does not exist to name one; pass --sbom FILE");
        }
        try {
            JsonNode node = Mappers.strictJson().readTree(new String(InputFiles.read(recorded, Limits.INPUTS_RECORD),
                    StandardCharsets.UTF_8));
            if (node == null || !node.path("sbom").isTextual()) {
                throw new BadInputException(recorded + ": expected {\"sbom\": \"...\", \"artifacts\": [...]}");
            }
            Path project = projectDir(options);
            options.recordedInputs = true;
            options.sbom = project.resolve(node.get("sbom").asText()).normalize();
            if (options.artifacts.isEmpty()) {
                for (JsonNode dir : node.path("artifacts")) {
                    options.artifacts.add(project.resolve(expandHome(dir.asText())).normalize());
                }
            }
        } catch (IOException e) {
            throw new BadInputException(recorded + ": cannot read (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * Without --feed, the feed directory recorded at the last approval, whatever else was given: a check must not
     * silently run without the feed its baseline was approved with.
     */
    private static void resolveFeed(GateOptions options) {
        Path recorded = options.baselineDir.resolve(INPUTS_FILE);
        if (options.feed != null || !Files.isRegularFile(recorded)) {
            return;
        }
        try {
            JsonNode node = Mappers.strictJson().readTree(new String(InputFiles.read(recorded, Limits.INPUTS_RECORD),
                    StandardCharsets.UTF_8));
            if (node != null && node.path("feed").isTextual()) {
                options.feed = projectDir(options).resolve(expandHome(node.get("feed").asText())).normalize();
            }
        } catch (IOException e) {
            throw new BadInputException(recorded + ": cannot read (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Records the inputs of an approval (atomically) so that a bare {@code sbomgate check} can repeat it. */
    static void recordInputs(GateOptions options) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Path project = projectDir(options).toAbsolutePath().normalize();
        node.put("sbom", relative(project, options.sbom));
        ArrayNode dirs = node.putArray("artifacts");
        options.artifacts.forEach(d -> dirs.add(relative(project, d)));
        if (options.feed != null) {
            node.put("feed", relative(project, options.feed));
        }
        Path target = options.baselineDir.resolve(INPUTS_FILE);
        try {
            String json = Mappers.writer(Mappers.indented(false)).writeValueAsString(node) + "\n";
            AtomicWrite.write(target, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(target + ": cannot record the approval's inputs (" + e.getMessage() + ")");
        }
    }

    /** The project the baseline belongs to: the directory holding the baseline directory. inputs.json paths are relative to it. */
    private static Path projectDir(GateOptions options) {
        Path parent = options.baselineDir.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** Relative to the project when inside it; {@code ~/...} when inside the user's home (e.g. ~/.m2/repository); else absolute. */
    private static String relative(Path project, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(project)) {
            return project.relativize(absolute).toString();
        }
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        return absolute.startsWith(home) ? "~/" + home.relativize(absolute) : absolute.toString();
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(path.substring(2)).toString() : path;
    }

    private static String approvePrefix(GateOptions options) {
        List<String> parts = new ArrayList<>(List.of("sbomgate", "approve"));
        if (!options.baselineDir.equals(Path.of(".sbomgate"))) {
            parts.add("--baseline");
            parts.add(quote(options.baselineDir.toString()));
        }
        if (!options.recordedInputs) {
            // approve, like check, falls back to the inputs recorded in the baseline: repeat only what was typed.
            parts.add("--sbom");
            parts.add(quote(options.sbom.toString()));
            for (Path dir : options.artifacts) {
                parts.add("--artifacts");
                parts.add(quote(dir.toString()));
            }
        }
        if (options.trust != null) {
            parts.add("--trust");
            parts.add(quote(options.trust.toString()));
        }
        if (options.policy != null) {
            parts.add("--policy");
            parts.add(quote(options.policy.toString()));
        }
        return String.join(" ", parts);
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
