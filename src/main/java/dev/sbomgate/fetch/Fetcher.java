package dev.sbomgate.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sbomgate.json.StrictJson;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Downloads each component's evidence into the layout of docs/evidence.md and writes {@code fetch-log.json} and
 * {@code release-times.json}. Components are fetched {@code jobs} at a time; one component's files in order
 * (npm's tarball URL comes from its version document).
 */
public final class Fetcher {

    public static final String LOG = "fetch-log.json";
    public static final String RELEASE_TIMES = "release-times.json";

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
    public record Summary(List<LogEntry> entries) {
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
    private final Map<String, LogEntry> previous;

    public Fetcher(FetchConfig config, Transport transport, Clock clock) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.previous = readPreviousLog(config.into().resolve(LOG));
    }

    /** The first-stage files of every component, for {@code --dry-run} (npm tarballs follow from version.json). */
    public List<Planned> plan(List<Component> components) {
        List<Planned> out = new ArrayList<>();
        for (Component c : components) {
            out.addAll(planFor(c));
        }
        return out;
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
                if (purl.namespace() != null) {
                    dir.add(purl.namespace());
                    name = purl.namespace() + "/" + purl.name();
                }
                dir.add(purl.name());
                dir.add(purl.version());
                dir.add("version.json");
                URI doc = resolve(config.npmRegistry(), URLEncoder.encode(name, StandardCharsets.UTF_8).replace("%40", "@")
                        + "/" + URLEncoder.encode(purl.version(), StandardCharsets.UTF_8));
                return List.of(new Planned(dir, id, FileKind.METADATA, List.of(doc)));
            }
            default -> {
                return List.of();
            }
        }
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
        try {
            List<List<Planned>> perComponent = components.stream().map(this::planFor).filter(l -> !l.isEmpty()).toList();
            perComponent.forEach(all::addAll);
            for (List<Planned> files : perComponent) {
                pool.submit(() -> fetchComponent(files));
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
        return new Summary(sorted);
    }

    private void fetchComponent(List<Planned> files) {
        for (Planned p : files) {
            LogEntry e = fetch(p);
            if (e.kind() == FileKind.METADATA && e.outcome() == Outcome.FETCHED && e.path().startsWith("npm/")) {
                npmSecondStage(p);
            }
        }
    }

    private LogEntry fetch(Planned p) {
        LogEntry done;
        if (!SafePath.isSafe(p.path()) || p.urls().isEmpty()) {
            done = entry(p, null, Outcome.FAILED, "unsafe file name derived from the purl or registry; refused");
        } else {
            Path target = target(p.path());
            done = resumed(p, target).or(() -> local(p, target)).orElseGet(() -> download(p, target));
        }
        entries.put(done.path(), done);
        return done;
    }

    private LogEntry download(Planned p, Path target) {
        Transport.Result last = null;
        for (URI url : p.urls()) {
            last = transport.download(url, target, p.kind().cap(), !p.kind().required() || p.urls().size() > 1, null);
            if (last.outcome() == Outcome.FETCHED) {
                if (p.kind() == FileKind.ARTIFACT && last.lastModified() != null) {
                    releaseTimes.put(p.purl(), last.lastModified());
                }
                break;
            }
            if (last.outcome() == Outcome.FAILED) {
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
        if (config.localRepository() == null || p.path().get(0).equals("npm")) {
            return Optional.empty();
        }
        Path source = config.localRepository().resolve(String.join("/", p.path()));
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".fetch-", ".part");
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new LogEntry(p.relativePath(), p.purl(), p.kind(), source.toUri().toString(), 0,
                    Files.size(target), sha256(target), clock.instant(), Outcome.FETCHED, "reused from the local repository"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** npm: the tarball at dist.tarball and the attestations at dist.attestations.url, named from the purl. */
    private void npmSecondStage(Planned versionDoc) {
        List<String> dir = versionDoc.path().subList(0, versionDoc.path().size() - 1);
        JsonNode doc;
        try {
            doc = StrictJson.parse(Files.readAllBytes(target(versionDoc.path())), versionDoc.relativePath());
        } catch (IOException | BadInputException e) {
            entries.put(versionDoc.relativePath(), entry(versionDoc, null, Outcome.FAILED,
                    "version document is not valid JSON: " + e.getMessage()));
            return;
        }
        JsonNode dist = doc.path("dist");
        String tarball = dist.path("tarball").asText(null);
        String scope = dir.size() == 4 ? dir.get(1).replace("@", "") + "-" : "";
        String name = dir.get(dir.size() - 2);
        String version = dir.get(dir.size() - 1);
        List<String> tgz = new ArrayList<>(dir);
        tgz.add(scope + name + "-" + version + ".tgz");
        Planned tar = new Planned(tgz, versionDoc.purl(), FileKind.ARTIFACT, tarball == null ? List.of() : List.of(url(tarball)));
        if (tarball == null) {
            entries.put(tar.relativePath(), entry(tar, null, Outcome.FAILED, "version document has no dist.tarball"));
        } else {
            fetch(tar);
        }
        List<String> att = new ArrayList<>(dir);
        att.add("attestations.json");
        String attUrl = dist.path("attestations").path("url").asText(null);
        Planned attestations = new Planned(att, versionDoc.purl(), FileKind.ATTESTATION,
                attUrl == null ? List.of() : List.of(url(attUrl)));
        if (attUrl == null) {
            entries.put(attestations.relativePath(), entry(attestations, null, Outcome.NOT_PUBLISHED,
                    "version document has no dist.attestations.url"));
        } else {
            fetch(attestations);
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
        ObjectNode root = StrictJson.object();
        root.put("version", 1);
        ArrayNode files = root.putArray("files");
        for (LogEntry e : sorted) {
            ObjectNode o = files.addObject();
            o.put("path", e.path());
            if (e.purl() != null) {
                o.put("purl", e.purl());
            }
            o.put("kind", e.kind().logName());
            if (e.url() != null) {
                o.put("url", e.url());
            }
            o.put("status", e.status());
            if (e.outcome() == Outcome.FETCHED) {
                o.put("size", e.size());
                o.put("sha256", e.sha256());
            }
            o.put("time", e.time().toString());
            o.put("outcome", e.outcome().logName());
            if (e.reason() != null) {
                o.put("reason", e.reason());
            }
        }
        write(LOG, StrictJson.pretty(root));
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

    private void write(String name, byte[] bytes) {
        try {
            Files.createDirectories(config.into());
            Path temp = Files.createTempFile(config.into(), ".fetch-", ".part");
            Files.write(temp, bytes);
            Files.move(temp, config.into().resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + config.into().resolve(name) + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, LogEntry> readPreviousLog(Path log) {
        Map<String, LogEntry> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(log)) {
            return out;
        }
        try {
            JsonNode root = StrictJson.parse(Files.readAllBytes(log), log.toString());
            for (JsonNode f : root.path("files")) {
                if (!"fetched".equals(f.path("outcome").asText())) {
                    continue;
                }
                FileKind kind = FileKind.valueOf(f.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
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
