package dev.sbomgate.manifest;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps an SBOM's components back to the manifest lines that declare them, so that findings point at a line a
 * developer owns: a component a manifest names points at that line; a transitive one at the nearest ancestor in the
 * SBOM's dependency graph that a manifest names (the direct dependency that brings it in), saying so; anything else
 * keeps its SBOM line. Only files inside the repository are read, each through {@link InputFiles} under
 * {@link Limits#MANIFEST}.
 */
public final class Manifests {
    /** Manifests found in the repository at most: a monorepo's worth. */
    public static final int MAX_DISCOVERED = 500;
    /** Directories below the repository's top level searched for manifests. */
    public static final int MAX_DEPTH = 8;
    /** Never searched: build outputs, installed dependencies, VCS and sbomgate's own state. */
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "dist", "out", "venv", "__pycache__");

    private Manifests() {
    }

    /** The git top level: the nearest directory at or above {@code start} holding {@code .git}; empty outside a repository. */
    public static Optional<Path> gitTop(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * The manifests under the repository's top level, sorted by path: at most {@link #MAX_DISCOVERED}, at most
     * {@link #MAX_DEPTH} directories deep, no symbolic link followed, hidden and build-output directories skipped.
     */
    public static List<Path> discover(Path top) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(top, Set.of(), MAX_DEPTH + 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(top) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && ManifestScan.kind(file.getFileName().toString()) != null) {
                        found.add(file);
                    }
                    return found.size() >= MAX_DISCOVERED ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BadInputException(top + ": cannot search for manifests (" + Untrusted.message(String.valueOf(e.getMessage())) + ")");
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    /**
     * Candidate bom-ref → where a manifest declares it.
     *
     * @param top       the repository's top level; a manifest outside it is refused (bad input)
     * @param manifests the manifests to read, in priority order (the first declaring a package wins)
     */
    public static Map<String, Declaration> locate(Inventory inventory, Path top, List<Path> manifests) {
        Path realTop = real(top);
        Map<String, Declaration> byKey = new HashMap<>();
        for (Path manifest : manifests) {
            ManifestScan.Kind kind = ManifestScan.kind(manifest.getFileName() == null ? "" : manifest.getFileName().toString());
            if (kind == null) {
                throw new BadInputException("--manifest " + manifest + ": not a manifest sbomgate reads (pom.xml, build.gradle(.kts), "
                        + "*.versions.toml, package.json, requirements*.txt, pyproject.toml)");
            }
            Path realFile = real(manifest);
            if (!realFile.startsWith(realTop)) {
                throw new BadInputException("--manifest " + manifest + ": is outside the repository " + top + "; only files inside it are read");
            }
            for (Map.Entry<String, Integer> e : new TreeMap<>(ManifestScan.scan(kind, lines(manifest))).entrySet()) {
                byKey.putIfAbsent(e.getKey(), new Declaration(realFile, e.getValue(), null));
            }
        }
        Map<String, Declaration> direct = new LinkedHashMap<>();
        Map<String, Component> byRef = new HashMap<>();
        for (Component c : inventory.components()) {
            byRef.put(c.bomRef(), c);
            if (c.purl() != null) {
                Declaration d = byKey.get(ManifestScan.key(c.purl()));
                if (d != null) {
                    direct.put(c.bomRef(), d);
                }
            }
        }
        Map<String, Declaration> result = new TreeMap<>(direct);
        Map<String, SortedSetView> parents = parents(inventory);
        for (Component c : inventory.components()) {
            if (!direct.containsKey(c.bomRef())) {
                nearestDeclared(c.bomRef(), parents, direct).ifPresent(ancestor -> {
                    Declaration d = direct.get(ancestor);
                    result.put(c.bomRef(), new Declaration(d.file(), d.line(), byRef.get(ancestor).label()));
                });
            }
        }
        return result;
    }

    /** Child bom-ref → its parents, sorted: the reverse of the SBOM's dependency graph. */
    private static Map<String, SortedSetView> parents(Inventory inventory) {
        Map<String, SortedSetView> parents = new HashMap<>();
        inventory.dependencies().forEach((parent, children) -> children.forEach(child ->
                parents.computeIfAbsent(child, k -> new SortedSetView()).refs.add(parent)));
        return parents;
    }

    private static final class SortedSetView {
        final TreeSet<String> refs = new TreeSet<>();
    }

    /** Breadth first up the graph, parents in bom-ref order: the nearest ancestor a manifest declares. */
    private static Optional<String> nearestDeclared(String start, Map<String, SortedSetView> parents, Map<String, Declaration> direct) {
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>(List.of(start));
        while (!queue.isEmpty()) {
            String ref = queue.removeFirst();
            SortedSetView up = parents.get(ref);
            if (up == null) {
                continue;
            }
            for (String parent : up.refs) {
                if (direct.containsKey(parent)) {
                    return Optional.of(parent);
                }
                if (seen.add(parent)) {
                    queue.addLast(parent);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(Path manifest) {
        try {
            return new String(InputFiles.read(manifest, Limits.MANIFEST), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new BadInputException("--manifest " + manifest + ": cannot be read (" + Untrusted.message(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(path + ": no such file or directory");
        }
    }
}
