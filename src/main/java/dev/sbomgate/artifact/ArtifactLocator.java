package dev.sbomgate.artifact;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a component's artifact file, and the signature files beside it, under the {@code --artifacts} roots.
 *
 * <p>Order: roots in the order given; within a root, the candidates of {@link CandidateNames} in their order
 * (Maven repository layout, purl {@code file_name}/{@code download_url}, the ecosystem's file name, the
 * {@code distribution} reference's file name); several files matching one wheel pattern are taken by name.
 * {@link #locate} returns the first match, {@link #locateAll} every match in that order.
 *
 * <p>Containment: every candidate is resolved to its real path and must lie under the root's real path and be
 * a regular file. A symbolic link inside the root whose target is also inside the root is followed (the real
 * target is returned); one whose target is outside, or dangling, is refused and reported in
 * {@link ArtifactFiles#refused()}. Names from the SBOM that are not a safe single file name ({@code ..},
 * absolute, separators, NUL, colon, over 255 bytes) are never looked up. Files are only examined, never read.
 */
public final class ArtifactLocator {

    /**
     * Signature files looked for beside an artifact, in this order: OpenPGP armoured, detached binary, Sigstore bundle,
     * PEP 740 provenance (PyPI, docs/evidence.md).
     */
    public static final List<String> SIGNATURE_SUFFIXES = List.of(".asc", ".sig", ".sigstore.json", ".provenance");

    /** Bound on the names read from one root's listing (wheel and legacy sdist patterns need it). */
    static final int MAX_LISTING = 1_000_000;

    private final List<Path> roots;
    private final ConcurrentHashMap<Path, List<String>> listings = new ConcurrentHashMap<>();

    /**
     * A locator over {@code roots} (real paths are taken, duplicates dropped). Throws {@link BadInputException}
     * naming the first root that is not an existing directory.
     */
    public ArtifactLocator(List<Path> roots) {
        Objects.requireNonNull(roots, "roots");
        Set<Path> real = new LinkedHashSet<>();
        for (Path root : roots) {
            Objects.requireNonNull(root, "root");
            if (!Files.isDirectory(root)) {
                throw new BadInputException("--artifacts " + root + ": " + (Files.exists(root) ? "not a directory" : "no such directory")
                        + "; pass a folder that holds the artifacts, e.g. ~/.m2/repository");
            }
            try {
                real.add(root.toRealPath());
            } catch (IOException e) {
                throw new BadInputException("--artifacts " + root + ": cannot resolve the directory (" + e.getMessage() + ")", e);
            }
        }
        this.roots = List.copyOf(real);
    }

    /** The roots' real paths, in lookup order. */
    public List<Path> roots() {
        return roots;
    }

    /** The first matching artifact and its signatures; {@code artifact} is null when nothing matched. */
    public ArtifactFiles locate(Component component) {
        Search search = search(component, false);
        if (search.matches.isEmpty()) {
            return new ArtifactFiles(null, List.of(), search.tried, search.refusedList());
        }
        return search.matches.get(0);
    }

    /**
     * Every matching artifact, in lookup order, each with its signatures; empty when nothing matched. Used when
     * one purl fits several files (platform wheels of one release) and the caller wants to know, e.g. to
     * report the ambiguity or to pick the file whose digest the SBOM declares.
     */
    public List<ArtifactFiles> locateAll(Component component) {
        return search(component, true).matches;
    }

    private Search search(Component component, boolean all) {
        Objects.requireNonNull(component, "component");
        List<Candidate> candidates = CandidateNames.of(component);
        Search search = new Search(candidates.stream().map(Candidate::display).toList());
        List<Match> found = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        outer:
        for (Path root : roots) {
            for (Candidate candidate : candidates) {
                for (List<String> segments : expand(root, candidate)) {
                    Path real = resolve(root, segments, search.refused);
                    if (real != null && seen.add(real)) {
                        found.add(new Match(root, segments, real));
                        if (!all) {
                            break outer;
                        }
                    }
                }
            }
        }
        List<List<Path>> signatures = new ArrayList<>();
        for (Match match : found) {
            signatures.add(signatures(match, search.refused));
        }
        // Refusals are complete only once every lookup is done; every result carries all of them.
        List<String> refused = search.refusedList();
        for (int i = 0; i < found.size(); i++) {
            search.matches.add(new ArtifactFiles(found.get(i).real(), signatures.get(i), search.tried, refused));
        }
        return search;
    }

    /** Signature files beside the name that matched (not beside a symbolic link's target), those that exist. */
    private static List<Path> signatures(Match match, Set<String> refused) {
        List<Path> out = new ArrayList<>();
        for (String suffix : SIGNATURE_SUFFIXES) {
            List<String> segments = new ArrayList<>(match.segments());
            segments.set(segments.size() - 1, segments.get(segments.size() - 1) + suffix);
            if (SafeName.isSafe(segments)) {
                Path real = resolve(match.root(), segments, refused);
                if (real != null) {
                    out.add(real);
                }
            }
        }
        return out;
    }

    private record Match(Path root, List<String> segments, Path real) {
    }

    private List<List<String>> expand(Path root, Candidate candidate) {
        if (candidate instanceof Candidate.Exact exact) {
            return List.of(exact.segments());
        }
        Candidate.Listing listing = (Candidate.Listing) candidate;
        List<List<String>> out = new ArrayList<>();
        Path dir = root;
        for (String segment : listing.directory()) {
            dir = dir.resolve(segment);
        }
        if (!listing.directory().isEmpty() && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        for (String name : listing(dir)) {
            if (listing.matches().test(name)) {
                List<String> segments = new ArrayList<>(listing.directory());
                segments.add(name);
                out.add(segments);
            }
        }
        return out;
    }

    /** The root's own entries' names that are safe names, sorted; read once per root and kept. */
    private List<String> listing(Path root) {
        return listings.computeIfAbsent(root, r -> {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(r)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (SafeName.isSafe(name)) {
                        names.add(name);
                    }
                    if (names.size() >= MAX_LISTING) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
            names.sort(null);
            return List.copyOf(names);
        });
    }

    /**
     * The real path of {@code root/segments} when it is a regular file inside {@code root}; null otherwise,
     * adding to {@code refused} when something exists there but may not be used.
     */
    private static Path resolve(Path root, List<String> segments, Set<String> refused) {
        Path path = root;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        // Segments are safe names, so this holds by construction; checked anyway (defence in depth).
        if (!path.normalize().equals(path) || !path.startsWith(root)) {
            return null;
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String where = String.join("/", segments) + " in " + root;
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException | SecurityException e) {
            refused.add(where + ": dangling or unreadable symbolic link");
            return null;
        }
        if (!real.startsWith(root)) {
            refused.add(where + ": symbolic link leads outside the root");
            return null;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                refused.add(where + ": not a regular file");
                return null;
            }
        } catch (IOException | SecurityException e) {
            refused.add(where + ": cannot read its attributes");
            return null;
        }
        return real;
    }

    private static final class Search {
        final List<String> tried;
        final Set<String> refused = new LinkedHashSet<>();
        final List<ArtifactFiles> matches = new ArrayList<>();

        Search(List<String> tried) {
            this.tried = List.copyOf(tried);
        }

        List<String> refusedList() {
            return List.copyOf(refused);
        }
    }
}
