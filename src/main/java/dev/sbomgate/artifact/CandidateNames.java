package dev.sbomgate.artifact;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Purl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a component's artifact may sit below a root, most specific first. Pure: names only, no file system.
 * Order:
 * <ol>
 *   <li>Maven repository layout {@code group/path/artifactId/version/artifactId-version[-classifier].ext} (pkg:maven);</li>
 *   <li>the purl's own {@code file_name} qualifier, then the file name of its {@code download_url} qualifier
 *       (purl-spec qualifiers; they name the exact file);</li>
 *   <li>the ecosystem's conventional file name, flat in the root (see {@link #ecosystemNames});</li>
 *   <li>the file name of each {@code distribution} external reference (CycloneDX {@code externalReferences[].url}).</li>
 * </ol>
 * A name that is not a safe single file name (see {@link SafeName}) is skipped, never cleaned up.
 */
final class CandidateNames {

    /** CycloneDX external reference type whose URL is the artifact's download location. */
    static final String DISTRIBUTION = "distribution";

    private CandidateNames() {
    }

    static List<Candidate> of(Component component) {
        Map<String, Candidate> out = new LinkedHashMap<>();
        Purl purl = component.purl();
        String version = purl != null && purl.version() != null ? purl.version() : component.version();
        if (purl != null) {
            if ("maven".equals(purl.type())) {
                mavenLayout(purl, version).ifPresent(c -> out.putIfAbsent(c.display(), c));
            }
            if ("npm".equals(purl.type()) && version != null) {
                npmLayout(purl, version).ifPresent(c -> out.putIfAbsent(c.display(), c));
            }
            if ("pypi".equals(purl.type()) && version != null) {
                for (Candidate c : pypiLayout(purl, version)) {
                    out.putIfAbsent(c.display(), c);
                }
            }
            Optional.ofNullable(purl.qualifier("file_name")).filter(SafeName::isSafe).map(CandidateNames::exact)
                    .ifPresent(c -> out.putIfAbsent(c.display(), c));
            Optional.ofNullable(purl.qualifier("download_url")).flatMap(SafeName::fileNameOfUrl).map(CandidateNames::exact)
                    .ifPresent(c -> out.putIfAbsent(c.display(), c));
            if (version != null) {
                for (Candidate c : ecosystemNames(purl, version)) {
                    out.putIfAbsent(c.display(), c);
                }
            }
        }
        for (String url : component.references(DISTRIBUTION)) {
            SafeName.fileNameOfUrl(url).map(CandidateNames::exact).ifPresent(c -> out.putIfAbsent(c.display(), c));
        }
        return List.copyOf(out.values());
    }

    /**
     * Flat file names by ecosystem:
     * <ul>
     *   <li>maven: {@code artifactId-version[-classifier].ext};</li>
     *   <li>npm: {@code name-version.tgz}, scoped {@code @scope/name} as {@code npm pack} names it,
     *       {@code scope-name-version.tgz};</li>
     *   <li>pypi: wheels {@code {name}-{version}-*.whl} (all matches, sorted), the PEP 625 sdist
     *       {@code {name}-{version}.tar.gz}, then legacy sdists whatever their name spelling;</li>
     *   <li>gem {@code name-version[-platform].gem}, cargo {@code name-version.crate},
     *       nuget {@code Id.version.nupkg} and its lower-case form (the NuGet global-packages folder).</li>
     * </ul>
     */
    static List<Candidate> ecosystemNames(Purl purl, String version) {
        List<Candidate> out = new ArrayList<>();
        String name = purl.name();
        switch (purl.type()) {
            case "maven" -> mavenFileName(purl, version).ifPresent(n -> addExact(out, n));
            case "npm" -> {
                String ns = purl.namespace();
                String scope = ns == null ? "" : (ns.startsWith("@") ? ns.substring(1) : ns) + "-";
                addExact(out, scope + name + "-" + version + ".tgz");
            }
            case "pypi" -> pypi(out, name, version);
            case "gem" -> {
                String platform = purl.qualifier("platform");
                addExact(out, name + "-" + version + (platform == null || "ruby".equals(platform) ? "" : "-" + platform) + ".gem");
            }
            case "cargo" -> addExact(out, name + "-" + version + ".crate");
            case "nuget" -> {
                addExact(out, name + "." + version + ".nupkg");
                addExact(out, (name + "." + version).toLowerCase(Locale.ROOT) + ".nupkg");
            }
            default -> {
                // generic and others: only the purl qualifiers and distribution references name a file.
            }
        }
        return out;
    }

    private static void pypi(List<Candidate> out, String name, String version) {
        String key = PypiNames.projectKey(name);
        String fileName = PypiNames.fileNamePart(name);
        String fileVersion = PypiNames.fileVersion(version);
        if (!SafeName.isSafe(fileName + "-" + fileVersion + ".tar.gz")) {
            return;
        }
        out.add(new Candidate.Listing(fileName + "-" + fileVersion + "-*.whl",
                f -> PypiNames.isWheelOf(f, key, version)));
        addExact(out, fileName + "-" + fileVersion + ".tar.gz");
        out.add(new Candidate.Listing("legacy sdist " + key + "-" + version + ".{tar.gz,zip,tar.bz2} (any name spelling)",
                f -> PypiNames.isLegacySdistOf(f, key, version)));
    }

    /**
     * The evidence layout of docs/evidence.md: {@code pypi/PROJECT/VERSION/} (PROJECT as PEP 503 normalises it, VERSION
     * as the purl writes it), the purl's {@code file_name} there, else its wheels and sdists.
     */
    static List<Candidate> pypiLayout(Purl purl, String version) {
        List<String> dir = List.of("pypi", purl.name().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-"), version);
        if (!SafeName.isSafe(dir)) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        String named = purl.qualifier("file_name");
        if (named != null && SafeName.isSafe(named)) {
            List<String> exact = new ArrayList<>(dir);
            exact.add(named);
            out.add(new Candidate.Exact(exact));
        }
        String key = PypiNames.projectKey(purl.name());
        out.add(new Candidate.Listing(String.join("/", dir) + "/ (wheels and sdists of " + key + " " + version + ")",
                f -> PypiNames.isWheelOf(f, key, version) || PypiNames.isLegacySdistOf(f, key, version)
                        || f.equals(PypiNames.fileNamePart(purl.name()) + "-" + PypiNames.fileVersion(version) + ".tar.gz"),
                dir));
        return out;
    }

    /** The evidence layout of docs/evidence.md: {@code npm/[@scope/]name/version/[scope-]name-version.tgz}. */
    static Optional<Candidate> npmLayout(Purl purl, String version) {
        List<String> segments = new ArrayList<>(List.of("npm"));
        String ns = purl.namespace();
        if (ns != null) {
            segments.add(ns);
        }
        segments.add(purl.name());
        segments.add(version);
        segments.add((ns == null ? "" : (ns.startsWith("@") ? ns.substring(1) : ns) + "-") + purl.name() + "-" + version + ".tgz");
        return SafeName.isSafe(segments) ? Optional.of(new Candidate.Exact(segments)) : Optional.empty();
    }

    /** The Maven repository layout (maven-resolver's default layout: groupId dots become directories). */
    static Optional<Candidate> mavenLayout(Purl purl, String version) {
        if (purl.namespace() == null || version == null) {
            return Optional.empty();
        }
        Optional<String> file = mavenFileName(purl, version);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>(List.of(purl.namespace().split("\\.", -1)));
        segments.add(purl.name());
        segments.add(version);
        segments.add(file.get());
        return SafeName.isSafe(segments) ? Optional.of(new Candidate.Exact(segments)) : Optional.empty();
    }

    /**
     * {@code artifactId-version[-classifier].extension}. The purl {@code type} qualifier is the Maven type
     * (default {@code jar}); types whose extension differs are mapped as Maven's artifact handlers do, with
     * their implied classifier when the purl gives none.
     */
    static Optional<String> mavenFileName(Purl purl, String version) {
        String type = Optional.ofNullable(purl.qualifier("type")).orElse("jar");
        String classifier = purl.qualifier("classifier");
        String extension = type;
        String impliedClassifier = null;
        switch (type) {
            case "test-jar" -> {
                extension = "jar";
                impliedClassifier = "tests";
            }
            case "ejb-client" -> {
                extension = "jar";
                impliedClassifier = "client";
            }
            case "java-source" -> {
                extension = "jar";
                impliedClassifier = "sources";
            }
            case "javadoc" -> {
                extension = "jar";
                impliedClassifier = "javadoc";
            }
            case "maven-plugin", "ejb", "bundle" -> extension = "jar";
            default -> {
                // "jar", "pom", "war", "zip", "aar", …: the type is the extension.
            }
        }
        if (classifier == null) {
            classifier = impliedClassifier;
        }
        String file = purl.name() + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + extension;
        return SafeName.isSafe(file) ? Optional.of(file) : Optional.empty();
    }

    private static void addExact(List<Candidate> out, String name) {
        if (SafeName.isSafe(name)) {
            out.add(exact(name));
        }
    }

    private static Candidate exact(String name) {
        return new Candidate.Exact(List.of(name));
    }
}
