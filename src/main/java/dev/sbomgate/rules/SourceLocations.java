package dev.sbomgate.rules;

import dev.sbomgate.model.Purl;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a component's bytes come from, read from the strings an SBOM gives (purl qualifiers, external
 * references, npm-style version specs): registries by host, git and other VCS URLs, local paths, archives from
 * code hosts. Pure string work; nothing is fetched.
 */
final class SourceLocations {

    /** What kind of non-registry place a string names. */
    enum Kind {
        VCS("a VCS repository"),
        LOCAL_PATH("a local path"),
        SOURCE_REPOSITORY_TYPE("a source repository (by purl type)"),
        CODE_HOST_ARCHIVE("an archive from a code host"),
        OTHER_HOST("a download from a host that is not a known registry");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /**
     * The default registry of each purl type (purl-spec PURL-TYPES), then hosts that serve the same registry
     * under another name. The first host of each list is the registry's canonical name in messages.
     */
    private static final Map<String, List<String>> DEFAULT_REGISTRIES = Map.ofEntries(
            Map.entry("npm", List.of("registry.npmjs.org", "registry.npmjs.com", "registry.yarnpkg.com")),
            Map.entry("pypi", List.of("pypi.org", "files.pythonhosted.org", "pypi.python.org", "upload.pypi.org")),
            Map.entry("maven", List.of("repo.maven.apache.org", "repo1.maven.org", "central.maven.org")),
            Map.entry("gem", List.of("rubygems.org", "index.rubygems.org")),
            Map.entry("cargo", List.of("crates.io", "static.crates.io", "index.crates.io")),
            Map.entry("nuget", List.of("www.nuget.org", "api.nuget.org", "globalcdn.nuget.org")),
            Map.entry("composer", List.of("packagist.org", "repo.packagist.org")),
            Map.entry("hex", List.of("repo.hex.pm")),
            Map.entry("pub", List.of("pub.dev", "pub.dartlang.org")),
            Map.entry("cocoapods", List.of("cdn.cocoapods.org")),
            Map.entry("conda", List.of("repo.anaconda.com", "conda.anaconda.org")),
            Map.entry("golang", List.of("proxy.golang.org")));

    /** Package registries that are not a type's default but are registries all the same. */
    private static final Set<String> OTHER_REGISTRIES = Set.of(
            "npm.pkg.github.com", "maven.pkg.github.com", "nuget.pkg.github.com", "rubygems.pkg.github.com",
            "plugins.gradle.org", "maven.google.com", "dl.google.com", "registry.npmmirror.com",
            "oss.sonatype.org", "s01.oss.sonatype.org", "repository.apache.org", "repository.jboss.org");

    /** Hosts of source code, not of released packages: an archive from them is a snapshot of a repository. */
    private static final Set<String> CODE_HOSTS = Set.of(
            "github.com", "www.github.com", "codeload.github.com", "raw.githubusercontent.com",
            "objects.githubusercontent.com", "gist.github.com", "gist.githubusercontent.com",
            "gitlab.com", "www.gitlab.com", "bitbucket.org", "www.bitbucket.org");

    /** Purl types whose http(s) download URLs are judged: their registries' hosts and layouts are known. */
    static final Set<String> HTTP_JUDGED_TYPES = Set.of("npm", "pypi", "maven", "generic");

    /** Purl types that name a source repository rather than a registry package. */
    static final Set<String> SOURCE_REPOSITORY_TYPES = Set.of("github", "bitbucket");

    private static final List<String> VCS_PREFIXES = List.of(
            "git+", "git://", "git@", "ssh://", "svn+", "svn://", "hg+", "bzr+",
            "github:", "gitlab:", "bitbucket:", "gist:");
    private static final List<String> LOCAL_PREFIXES = List.of("file:", "link:", "portal:", "workspace:");

    private SourceLocations() {
    }

    /**
     * The non-registry kind of place {@code value} names for a component with this purl, or null when it is a
     * registry, or when nothing can be claimed (a plain version, an unknown scheme, an http(s) URL of a purl type
     * outside {@link #HTTP_JUDGED_TYPES}).
     */
    static Kind classify(String value, Purl purl) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (startsWithAny(v, VCS_PREFIXES)) {
            return Kind.VCS;
        }
        if (startsWithAny(v, LOCAL_PREFIXES) || v.startsWith("/") || v.startsWith("./") || v.startsWith("../")
                || v.startsWith("~/") || v.matches("^[a-z]:[\\\\/].*")) {
            return Kind.LOCAL_PATH;
        }
        if (!v.startsWith("http://") && !v.startsWith("https://")) {
            return null;
        }
        String host = host(v);
        String path = path(v);
        if (host == null) {
            return null;
        }
        if (path.endsWith(".git")) {
            return Kind.VCS;
        }
        if (purl == null || !HTTP_JUDGED_TYPES.contains(purl.type())) {
            // Composer's dist zipballs come from GitHub by design, OS packages name their upstream: not ours to judge.
            return null;
        }
        if (CODE_HOSTS.contains(host)) {
            return Kind.CODE_HOST_ARCHIVE;
        }
        if (isKnownRegistry(host)) {
            return null;
        }
        String repository = purl.qualifier("repository_url");
        if (repository != null && host.equals(host(repository.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        return registryLayout(purl, path) ? null : Kind.OTHER_HOST;
    }

    /**
     * Whether a URL path has the layout a registry (or a proxy of one: Artifactory, Nexus, Verdaccio) serves this
     * ecosystem's packages under: npm tarballs {@code NAME/-/NAME-VERSION.tgz}, the Maven repository layout
     * {@code GROUP/PATH/ARTIFACT/VERSION/}, PyPI's {@code /packages/} and {@code /simple/}.
     */
    private static boolean registryLayout(Purl purl, String path) {
        return switch (purl.type()) {
            case "npm" -> path.contains("/-/") && path.endsWith(".tgz");
            case "maven" -> purl.namespace() != null && path.contains(
                    "/" + purl.namespace().toLowerCase(Locale.ROOT).replace('.', '/') + "/"
                            + purl.name().toLowerCase(Locale.ROOT) + "/");
            case "pypi" -> path.contains("/packages/") || path.contains("/simple/");
            default -> false;
        };
    }

    /** Whether {@code registry} (as {@link #registry} returns it) is a public registry we know by host. */
    static boolean isPublicRegistry(String registry) {
        return isKnownRegistry(registry);
    }

    static boolean isKnownRegistry(String host) {
        if (OTHER_REGISTRIES.contains(host)) {
            return true;
        }
        for (List<String> hosts : DEFAULT_REGISTRIES.values()) {
            if (hosts.contains(host)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The registry a purl's {@code repository_url} names, as one comparable name: its host, with known aliases
     * folded to the canonical host; an absent {@code repository_url} means the type's default registry
     * ({@code (default)} when the type has none we know).
     */
    static String registry(String purlType, String repositoryUrl) {
        List<String> defaults = DEFAULT_REGISTRIES.get(purlType);
        if (repositoryUrl == null || repositoryUrl.isBlank()) {
            return defaults == null ? "(default)" : defaults.get(0);
        }
        String host = host(repositoryUrl.strip().toLowerCase(Locale.ROOT));
        if (host == null) {
            return repositoryUrl.strip().toLowerCase(Locale.ROOT);
        }
        for (List<String> hosts : DEFAULT_REGISTRIES.values()) {
            if (hosts.contains(host)) {
                return hosts.get(0);
            }
        }
        return host;
    }

    /**
     * A normalised place, so that two references to the same repository or directory compare equal: lower case,
     * no scheme, user, query, fragment (a commit or tag) or {@code .git}; npm shorthands expanded; for code hosts
     * only {@code host/owner/repository}; for other URLs the directory (a release's file name dropped).
     */
    static String location(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (String local : LOCAL_PREFIXES) {
            if (v.startsWith(local)) {
                return "local:" + v.substring(local.length());
            }
        }
        if (v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/")) {
            return "local:" + v;
        }
        v = v.replaceFirst("^github:", "github.com/").replaceFirst("^gitlab:", "gitlab.com/")
                .replaceFirst("^bitbucket:", "bitbucket.org/").replaceFirst("^gist:", "gist.github.com/");
        v = v.replaceFirst("^(git|svn|hg|bzr)\\+", "");
        int cut = indexOfAny(v, '#', '?');
        if (cut >= 0) {
            v = v.substring(0, cut);
        }
        v = v.replaceFirst("^[a-z][a-z0-9+.-]*://", "").replaceFirst("^git@([^:/]+):", "$1/");
        v = v.replaceFirst("^[^@/]*@", "");
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.endsWith(".git")) {
            v = v.substring(0, v.length() - 4);
        }
        String[] segments = v.split("/");
        if (CODE_HOSTS.contains(segments[0]) && segments.length > 3) {
            return segments[0] + "/" + segments[1] + "/" + segments[2];
        }
        int slash = v.lastIndexOf('/');
        if (slash > 0 && v.substring(slash + 1).contains(".") && !CODE_HOSTS.contains(segments[0])) {
            return v.substring(0, slash);
        }
        return v;
    }

    /** The lower-case host of a URL (with or without scheme, scp-style {@code git@host:path} too), or null. */
    static String host(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^(git|svn|hg|bzr)\\+", "");
        u = u.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        int slash = indexOfAny(u, '/', '?', '#');
        String authority = slash >= 0 ? u.substring(0, slash) : u;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 ? authority.substring(0, close + 1) : null;
        }
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            authority = authority.substring(0, colon);
        }
        return authority.isEmpty() ? null : authority;
    }

    /** The path of an http(s) URL, without query and fragment. */
    private static String path(String url) {
        String u = url.replaceFirst("^[a-z]+://", "");
        int cut = indexOfAny(u, '?', '#');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        int slash = u.indexOf('/');
        return slash >= 0 ? u.substring(slash) : "/";
    }

    private static boolean startsWithAny(String s, List<String> prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, char... chars) {
        int best = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
