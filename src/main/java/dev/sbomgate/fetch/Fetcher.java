package dev.sbomgate.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.HashAlgorithm;
import dev.sbomgate.model.Purl;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Downloads each component's evidence into the layout of docs/evidence.md and writes {@code fetch-log.json} and
 * {@code release-times.json}. Components are fetched {@code jobs} at a time; one component's files in order (npm's
 * tarball and PyPI's distribution files come from their version documents, signers' keys from the signatures).
 */
public final class Fetcher {

    public static final String LOG = "fetch-log.json";
    public static final String RELEASE_TIMES = "release-times.json";
    /** The PEP 691 media type asked of a simple index when the JSON API is absent. */
    static final String PEP_691 = "application/vnd.pypi.simple.v1+json";

    /** One file to fetch: where it goes, what it is, and the URLs to try in order. */
    public record Planned(List<String> path, String purl, FileKind kind, List<URI> urls) {
        public Planned {
            path = List.copyOf(path);
            urls = List.copyOf(urls);
        }

        public String relativePath() {
            return String.join("/", path);
        }
    }

    /** The result: every log entry, sorted by path, and whether every required file was fetched. */
    public record Summary(List<LogEntry> entries, long bytesDownloaded, int downloads) {
        public Summary {
            entries = List.copyOf(entries);
        }

        public boolean complete() {
            return entries.stream().noneMatch(e -> e.outcome() == Outcome.FAILED && e.kind().required());
        }

        public long count(Outcome outcome) {
            return entries.stream().filter(e -> e.outcome() == outcome).count();
        }
    }

    private final FetchConfig config;
    private final Transport transport;
    private final Clock clock;
    private final Map<String, LogEntry> entries = new ConcurrentHashMap<>();
    private final Map<String, Instant> releaseTimes = new ConcurrentHashMap<>();
    private final Set<String> issuersAsked = ConcurrentHashMap.newKeySet();
    private final Map<String, LogEntry> previous;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger downloads = new AtomicInteger();
    private IntConsumer progress = done -> { };

    public Fetcher(FetchConfig config, Transport transport, Clock clock) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.previous = readPreviousLog(config.into().resolve(LOG));
        readPreviousReleaseTimes(config.into().resolve(RELEASE_TIMES));
    }

    /** Told the number of components finished, after each one (a progress bar). */
    public Fetcher onProgress(IntConsumer listener) {
        this.progress = listener;
        return this;
    }

    /** The first-stage files of every component, for {@code --dry-run} (later stages follow from what they hold). */
    public List<Planned> plan(List<Component> components) {
        List<Planned> out = new ArrayList<>();
        for (Component c : components) {
            out.addAll(planFor(c));
        }
        return out;
    }

    /** The number of components {@link #run} works on (those whose purl names a supported registry). */
    public int fetchable(List<Component> components) {
        return (int) components.stream().filter(c -> !planFor(c).isEmpty()).count();
    }

    private List<Planned> planFor(Component component) {
        Purl purl = component.purl();
        if (purl == null || purl.version() == null) {
            return List.of();
        }
        String id = purl.toString();
        switch (purl.type()) {
            case "maven" -> {
                if (purl.namespace() == null) {
                    return List.of(unsafe(id));
                }
                List<String> dir = new ArrayList<>(List.of(purl.namespace().split("\\.", -1)));
                dir.add(purl.name());
                dir.add(purl.version());
                String file = purl.name() + "-" + purl.version()
                        + (purl.qualifier("classifier") == null ? "" : "-" + purl.qualifier("classifier"))
                        + "." + Optional.ofNullable(purl.qualifier("type")).filter(t -> !t.equals("bundle")).orElse("jar");
                List<Planned> files = new ArrayList<>();
                files.add(maven(dir, file, id, FileKind.ARTIFACT));
                files.add(maven(dir, file + ".asc", id, FileKind.SIGNATURE));
                files.add(maven(dir, file + ".sigstore.json", id, FileKind.SIGSTORE));
                for (String sum : List.of(".sha512", ".sha256", ".sha1")) {
                    files.add(maven(dir, file + sum, id, FileKind.CHECKSUM));
                }
                return files;
            }
            case "npm" -> {
                List<String> dir = new ArrayList<>(List.of("npm"));
                String name = purl.name();
                URI registry = config.npmRegistry();
                if (purl.namespace() != null) {
                    String scope = purl.namespace().startsWith("@") ? purl.namespace() : "@" + purl.namespace();
                    dir.add(scope);
                    name = scope + "/" + purl.name();
                    registry = config.npmScopes().getOrDefault(scope, registry);
                }
                dir.add(purl.name());
                dir.add(purl.version());
                dir.add("version.json");
                URI doc = resolve(registry, encode(name).replace("%40", "@") + "/" + encode(purl.version()));
                return List.of(new Planned(dir, id, FileKind.METADATA, List.of(doc)));
            }
            case "pypi" -> {
                String project = pep503(purl.name());
                List<String> dir = List.of("pypi", project, purl.version(), "version.json");
                URI doc = resolve(config.pypiIndex(), "pypi/" + encode(project) + "/" + encode(purl.version()) + "/json");
                return List.of(new Planned(dir, id, FileKind.METADATA, List.of(doc)));
            }
            default -> {
                return List.of();
            }
        }
    }

    /** PEP 503: lower case, runs of {@code -_.} as one {@code -}. */
    static String pep503(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Planned maven(List<String> dir, String file, String purl, FileKind kind) {
        List<String> path = new ArrayList<>(dir);
        path.add(file);
        String rel = String.join("/", path);
        return new Planned(path, purl, kind, config.mavenRepositories().stream().map(r -> resolve(r, rel)).toList());
    }

    private static Planned unsafe(String purl) {
        return new Planned(List.of("(unsafe) " + purl), purl, FileKind.ARTIFACT, List.of());
    }

    private static URI resolve(URI base, String relative) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + relative);
    }

    /** Fetches everything, writes the log and release times, and returns the summary. */
    public Summary run(List<Component> components) {
        ExecutorService pool = Executors.newFixedThreadPool(config.jobs(), r -> {
            Thread t = new Thread(r, "sbomgate-fetch");
            t.setDaemon(true);
            return t;
        });
        List<Planned> all = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        try {
            List<List<Planned>> perComponent = components.stream().map(this::planFor).filter(l -> !l.isEmpty()).toList();
            perComponent.forEach(all::addAll);
            for (List<Planned> files : perComponent) {
                pool.submit(() -> {
                    try {
                        fetchComponent(files);
                    } finally {
                        progress.accept(done.incrementAndGet());
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(config.deadline().toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        for (Planned p : all) {
            entries.computeIfAbsent(p.relativePath(), k -> entry(p, null, Outcome.FAILED,
                    "overall time limit of " + config.deadline().toSeconds() + " s exceeded"));
        }
        List<LogEntry> sorted = entries.values().stream().sorted(Comparator.comparing(LogEntry::path)).toList();
        writeLog(sorted);
        writeReleaseTimes();
        return new Summary(sorted, bytes.get(), downloads.get());
    }

    private void fetchComponent(List<Planned> files) {
        for (Planned p : files) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LogEntry e = fetch(p);
            if (e.kind() == FileKind.METADATA && e.path().startsWith("npm/") && e.outcome() == Outcome.FETCHED) {
                npmSecondStage(p);
            } else if (e.kind() == FileKind.METADATA && e.path().startsWith("pypi/")) {
                pypiSecondStage(p, e);
            } else if (e.kind() == FileKind.SIGNATURE && e.outcome() == Outcome.FETCHED) {
                keys(target(p.path()));
            }
        }
    }

    private LogEntry fetch(Planned p) {
        return fetch(p, null);
    }

    private LogEntry fetch(Planned p, String accept) {
        LogEntry done;
        if (!SafePath.isSafe(p.path()) || p.urls().isEmpty()) {
            done = entry(p, null, Outcome.FAILED, "unsafe file name derived from the purl or registry; refused");
        } else {
            Path target = target(p.path());
            done = resumed(p, target).or(() -> local(p, target)).orElseGet(() -> download(p, target, accept));
        }
        entries.put(done.path(), done);
        return done;
    }

    private Transport.Credential credential(URI url) {
        return config.credentials().stream().filter(c -> c.appliesTo(url)).findFirst().orElse(null);
    }

    private LogEntry download(Planned p, Path target, String accept) {
        Transport.Result last = null;
        java.util.function.Function<Path, String> check = null;
        if (p.kind() == FileKind.KEY) {
            String issuer = p.path().get(1).replace(".asc", "");
            check = file -> {
                try {
                    return SignatureIssuers.holds(Files.readAllBytes(file), issuer);
                } catch (IOException e) {
                    return "unreadable: " + Untrusted.message(e.getMessage());
                }
            };
        }
        for (URI url : p.urls()) {
            last = transport.download(url, target, p.kind().cap(), !p.kind().required() || p.urls().size() > 1,
                    credential(url), accept, check);
            downloads.incrementAndGet();
            if (last.outcome() == Outcome.FETCHED) {
                bytes.addAndGet(last.size());
                if (p.kind() == FileKind.ARTIFACT && last.lastModified() != null && !p.path().get(0).equals("pypi")) {
                    releaseTimes.putIfAbsent(p.purl(), last.lastModified());
                }
                break;
            }
            if (last.outcome() == Outcome.FAILED && p.kind() != FileKind.KEY) {
                break;
            }
        }
        Outcome outcome = last.outcome();
        if (outcome == Outcome.NOT_PUBLISHED && p.kind().required()) {
            outcome = Outcome.FAILED;
        }
        return new LogEntry(p.relativePath(), p.purl(), p.kind(), Transport.redact(last.uri()), last.status(), last.size(),
                last.sha256(), clock.instant(), outcome, last.reason());
    }

    /** A file whose bytes still match a fetched entry of the previous log is not downloaded again. */
    private Optional<LogEntry> resumed(Planned p, Path target) {
        LogEntry before = previous.get(p.relativePath());
        if (before == null || before.outcome() != Outcome.FETCHED || !Files.isRegularFile(target)) {
            return Optional.empty();
        }
        try {
            if (Files.size(target) == before.size() && sha256(target).equals(before.sha256())) {
                return Optional.of(before);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Maven files already in the local repository are copied, not downloaded again. */
    private Optional<LogEntry> local(Planned p, Path target) {
        if (config.localRepository() == null || p.path().get(0).equals("npm") || p.path().get(0).equals("pypi")
                || p.path().get(0).equals("keys")) {
            return Optional.empty();
        }
        Path source = config.localRepository().resolve(String.join("/", p.path()));
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".fetch-", ".part");
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                AtomicWrite.rename(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            return Optional.of(new LogEntry(p.relativePath(), p.purl(), p.kind(), source.toUri().toString(), 0,
                    Files.size(target), sha256(target), clock.instant(), Outcome.FETCHED, "reused from the local repository"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private JsonNode readDocument(Planned doc) {
        try {
            return StrictJson.parse(InputFiles.read(target(doc.path()), doc.relativePath(), Limits.REGISTRY_DOCUMENT),
                    doc.relativePath());
        } catch (IOException | BadInputException e) {
            entries.put(doc.relativePath(), entry(doc, null, Outcome.FAILED,
                    "registry document is not valid JSON: " + Untrusted.message(e.getMessage())));
            return null;
        }
    }

    /** npm: the tarball at dist.tarball and the attestations at dist.attestations.url, named from the purl. */
    private void npmSecondStage(Planned versionDoc) {
        List<String> dir = versionDoc.path().subList(0, versionDoc.path().size() - 1);
        JsonNode doc = readDocument(versionDoc);
        if (doc == null) {
            return;
        }
        JsonNode dist = doc.path("dist");
        String tarball = dist.path("tarball").asText(null);
        String scope = dir.size() == 4 ? dir.get(1).replace("@", "") + "-" : "";
        String name = dir.get(dir.size() - 2);
        String version = dir.get(dir.size() - 1);
        Planned tar = new Planned(plus(dir, scope + name + "-" + version + ".tgz"), versionDoc.purl(), FileKind.ARTIFACT,
                tarball == null ? List.of() : List.of(url(tarball)));
        if (tarball == null) {
            entries.put(tar.relativePath(), entry(tar, null, Outcome.FAILED, "version document has no dist.tarball"));
        } else {
            fetch(tar);
        }
        String attUrl = dist.path("attestations").path("url").asText(null);
        Planned attestations = new Planned(plus(dir, "attestations.json"), versionDoc.purl(), FileKind.ATTESTATION,
                attUrl == null ? List.of() : List.of(url(attUrl)));
        if (attUrl == null) {
            entries.put(attestations.relativePath(), entry(attestations, null, Outcome.NOT_PUBLISHED,
                    "version document has no dist.attestations.url"));
        } else {
            fetch(attestations);
        }
    }

    /** One distribution file of a PyPI release, from the JSON API or a PEP 691 page. */
    private record Dist(String filename, String url, String sha256, Instant uploaded) {
    }

    /**
     * PyPI: the distribution files the purl names ({@code file_name}) or the SBOM's SHA-256 matches, else all of the
     * release's; the PEP 740 provenance of each from the Integrity API. Without a JSON API (a 404), the PEP 691 simple
     * page of the project is asked instead and kept as {@code simple.json}.
     */
    private void pypiSecondStage(Planned versionDoc, LogEntry fetched) {
        List<String> dir = versionDoc.path().subList(0, versionDoc.path().size() - 1);
        String project = dir.get(1);
        String version = dir.get(2);
        List<Dist> dists = new ArrayList<>();
        if (fetched.outcome() == Outcome.FETCHED) {
            JsonNode doc = readDocument(versionDoc);
            if (doc == null) {
                return;
            }
            for (JsonNode u : doc.path("urls")) {
                dists.add(new Dist(u.path("filename").asText(""), u.path("url").asText(""),
                        u.path("digests").path("sha256").asText(null), time(u.path("upload_time_iso_8601").asText(null))));
            }
        } else if (fetched.status() == 404) {
            Planned simple = new Planned(plus(dir, "simple.json"), versionDoc.purl(), FileKind.METADATA,
                    List.of(resolve(config.pypiIndex(), "simple/" + encode(project) + "/")));
            LogEntry s = fetch(simple, PEP_691);
            if (s.outcome() != Outcome.FETCHED) {
                return;
            }
            entries.put(versionDoc.relativePath(), new LogEntry(fetched.path(), fetched.purl(), fetched.kind(), fetched.url(),
                    fetched.status(), -1, null, fetched.time(), Outcome.NOT_PUBLISHED,
                    "no JSON API (HTTP 404); the PEP 691 simple API was used"));
            JsonNode doc = readDocument(simple);
            if (doc == null) {
                return;
            }
            for (JsonNode f : doc.path("files")) {
                String name = f.path("filename").asText("");
                if (ofRelease(name, project, version)) {
                    dists.add(new Dist(name, f.path("url").asText(""), f.path("hashes").path("sha256").asText(null),
                            time(f.path("upload-time").asText(null))));
                }
            }
        } else {
            return;
        }
        Purl purl = Purl.parse(versionDoc.purl());
        String named = purl.qualifier("file_name");
        List<Dist> chosen = dists.stream().filter(d -> d.filename().equals(named)).toList();
        if (chosen.isEmpty()) {
            String want = declaredSha256.get(versionDoc.purl());
            chosen = want == null ? List.of() : dists.stream().filter(d -> want.equalsIgnoreCase(d.sha256())).toList();
        }
        if (chosen.isEmpty()) {
            chosen = dists;
        }
        if (chosen.isEmpty()) {
            Planned none = new Planned(plus(dir, "(no distribution file)"), versionDoc.purl(), FileKind.ARTIFACT, List.of());
            entries.put(none.relativePath(), entry(none, null, Outcome.FAILED, "the release lists no distribution file"));
            return;
        }
        for (Dist d : chosen) {
            Planned file = new Planned(plus(dir, d.filename()), versionDoc.purl(), FileKind.ARTIFACT, List.of(url(d.url())));
            fetch(file);
            if (d.uploaded() != null) {
                releaseTimes.merge(versionDoc.purl(), d.uploaded(), (a, b) -> a.isBefore(b) ? a : b);
            }
            Planned provenance = new Planned(plus(dir, d.filename() + ".provenance"), versionDoc.purl(), FileKind.PROVENANCE,
                    List.of(resolve(config.pypiIndex(), "integrity/" + encode(project) + "/" + encode(version) + "/"
                            + encode(d.filename()) + "/provenance")));
            fetch(provenance, "application/vnd.pypi.integrity.v1+json");
        }
    }

    /** Whether a file of a PEP 691 project page belongs to this release: a wheel or sdist of that version. */
    static boolean ofRelease(String filename, String project, String version) {
        String f = filename.toLowerCase(Locale.ROOT);
        String v = version.toLowerCase(Locale.ROOT);
        if (f.endsWith(".whl")) {
            String[] parts = f.split("-");
            return parts.length >= 5 && pep503(parts[0]).equals(project) && parts[1].equals(v);
        }
        for (String ext : List.of(".tar.gz", ".zip", ".tar.bz2")) {
            if (f.endsWith(ext)) {
                String stem = f.substring(0, f.length() - ext.length());
                int dash = stem.lastIndexOf('-');
                return dash > 0 && pep503(stem.substring(0, dash)).equals(project) && stem.substring(dash + 1).equals(v);
            }
        }
        return false;
    }

    /** SHA-256 the SBOM declares, by purl, to choose among a PyPI release's files. */
    private final Map<String, String> declaredSha256 = new ConcurrentHashMap<>();

    /** Records the SBOM's declared SHA-256 of each component, before {@link #run}. */
    public Fetcher declared(List<Component> components) {
        for (Component c : components) {
            if (c.purl() != null) {
                c.hash(HashAlgorithm.SHA_256).ifPresent(d -> declaredSha256.put(c.purl().toString(), d.hex()));
            }
        }
        return this;
    }

    /** The public keys of a signature's issuers, as candidates under keys/, each asked for once per run. */
    private void keys(Path signature) {
        if (config.keyservers().isEmpty()) {
            return;
        }
        byte[] data;
        try {
            if (Files.size(signature) > FileKind.SIGNATURE.cap()) {
                return;
            }
            data = Files.readAllBytes(signature);
        } catch (IOException e) {
            return;
        }
        for (String issuer : SignatureIssuers.of(data)) {
            if (!issuersAsked.add(issuer)) {
                continue;
            }
            List<URI> urls = new ArrayList<>();
            for (URI server : config.keyservers()) {
                urls.add(resolve(server, "vks/v1/" + (issuer.length() == 16 ? "by-keyid/" : "by-fingerprint/") + issuer));
                urls.add(resolve(server, "pks/lookup?op=get&options=mr&search=0x" + issuer));
            }
            fetch(new Planned(List.of("keys", issuer + ".asc"), null, FileKind.KEY, urls));
        }
    }

    private static List<String> plus(List<String> dir, String name) {
        List<String> out = new ArrayList<>(dir);
        out.add(name);
        return out;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static URI url(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            return URI.create("invalid:/");
        }
    }

    private Path target(List<String> segments) {
        Path p = config.into();
        for (String s : segments) {
            p = p.resolve(s);
        }
        return p;
    }

    private LogEntry entry(Planned p, String url, Outcome outcome, String reason) {
        return new LogEntry(p.relativePath(), p.purl(), p.kind(), url, 0, -1, null, clock.instant(), outcome, reason);
    }

    private void writeLog(List<LogEntry> sorted) {
        write(LOG, LogEntry.logJson(sorted));
    }

    private void writeReleaseTimes() {
        ObjectNode root = StrictJson.object();
        ArrayNode releases = root.putArray("releases");
        new TreeMap<>(releaseTimes).forEach((purl, time) -> {
            ObjectNode o = releases.addObject();
            o.put("purl", purl);
            o.put("published", time.toString());
        });
        write(RELEASE_TIMES, StrictJson.pretty(root));
    }

    private void write(String name, byte[] content) {
        try {
            Files.createDirectories(config.into());
            AtomicWrite.write(config.into().resolve(name), content);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + config.into().resolve(name) + ": "
                    + Untrusted.message(e.getMessage()), e);
        }
    }

    private static Map<String, LogEntry> readPreviousLog(Path log) {
        Map<String, LogEntry> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(log)) {
            return out;
        }
        try {
            JsonNode root = StrictJson.parse(InputFiles.read(log, Limits.FETCH_LOG), log.toString());
            for (JsonNode f : root.path("files")) {
                if (!"fetched".equals(f.path("outcome").asText())) {
                    continue;
                }
                FileKind kind = FileKind.valueOf(f.path("kind").asText().toUpperCase(Locale.ROOT));
                LogEntry e = new LogEntry(f.path("path").asText(), f.path("purl").asText(null), kind,
                        f.path("url").asText(null), f.path("status").asInt(), f.path("size").asLong(-1),
                        f.path("sha256").asText(null), Instant.parse(f.path("time").asText()), Outcome.FETCHED,
                        f.path("reason").asText(null));
                out.put(e.path(), e);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable old log only means nothing is resumed
            return new LinkedHashMap<>();
        }
        return out;
    }

    /** Release times of an earlier run are kept: a resumed artifact is not asked again for its Last-Modified. */
    private void readPreviousReleaseTimes(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode root = StrictJson.parse(InputFiles.read(file, Limits.METADATA), file.toString());
            for (JsonNode r : root.path("releases")) {
                Instant t = time(r.path("published").asText(null));
                if (t != null && r.path("purl").isTextual()) {
                    releaseTimes.put(r.path("purl").asText(), t);
                }
            }
        } catch (IOException | RuntimeException e) {
            releaseTimes.clear();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
