package dev.sbomgate.content;

import java.util.List;
import java.util.Objects;

/**
 * What an artifact's content says it will run, and whether it could be read safely: recorded in the baseline
 * when the artifact is approved, so that a later check compares without the old artifact.
 *
 * @param size          the artifact's size in bytes
 * @param format        how it was read
 * @param packageKind   which ecosystem's install rules were applied
 * @param hooks         the install hooks found, sorted
 * @param opaqueFiles   minified or packed script files of at least {@link OpaqueFile#FLOOR_BYTES}, sorted by path
 * @param unsafeEntries entries that are special files, absolute paths, climb out with {@code ..}, or links whose
 *                      target is outside the archive, in archive order (at most {@link ArchiveLimits#maxListed()},
 *                      then one line counting the rest)
 * @param links         links whose target stays inside the archive ({@code name -> target}), listed the same way:
 *                      never followed here; extractors that keep links (Python's tarfile "data" filter) accept them
 * @param problem       why the archive was not read to its end ({@code archive exceeds limits: …}, {@code archive
 *                      cannot be read: …}), or null when it was; the other fields then hold what was seen before
 */
public record ContentSummary(long size, ArchiveFormat format, PackageKind packageKind, List<Hook> hooks,
                             List<OpaqueFile> opaqueFiles, List<String> unsafeEntries, List<String> links,
                             String problem) {

    public ContentSummary {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(packageKind, "packageKind");
        hooks = List.copyOf(hooks == null ? List.of() : hooks.stream().sorted().distinct().toList());
        opaqueFiles = List.copyOf(opaqueFiles == null ? List.of() : opaqueFiles.stream().sorted().distinct().toList());
        unsafeEntries = List.copyOf(unsafeEntries == null ? List.of() : unsafeEntries);
        links = List.copyOf(links == null ? List.of() : links);
        if (problem != null && problem.isBlank()) {
            problem = null;
        }
    }

    /** The summary of a file that is not an archive: its size only. */
    public static ContentSummary notAnArchive(long size) {
        return new ContentSummary(size, ArchiveFormat.NONE, PackageKind.OTHER, List.of(), List.of(), List.of(), List.of(), null);
    }

    public List<Hook> hooks(HookKind kind) {
        return hooks.stream().filter(h -> h.kind() == kind).toList();
    }

    /** Whether the archive was read to its end within limits. */
    public boolean complete() {
        return problem == null;
    }
}
