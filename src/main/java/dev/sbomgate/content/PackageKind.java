package dev.sbomgate.content;

import java.util.Locale;

/**
 * Which ecosystem's install rules apply to an archive: they decide which entries are hooks (a top-level
 * {@code .pth} runs in a wheel, not in a jar). Chosen from the purl type and the file name; an unknown pairing
 * is {@link #OTHER}, which still gets the generic checks (limits, unsafe entries, native binaries, opaque files).
 */
public enum PackageKind {
    /** An npm package tarball ({@code npm pack}): {@code package/package.json} scripts, bin, binding.gyp. */
    NPM,
    /** A Python wheel (PEP 427): top-level and {@code .data/purelib|platlib} {@code .pth} files, entry points. */
    WHEEL,
    /** A Python source distribution (PEP 625 / PEP 517): {@code setup.py} and the pyproject build backend. */
    SDIST,
    /** A Java archive: MANIFEST agent and main classes, {@code META-INF/services} providers, nested jars. */
    JAR,
    /** Any other archive. */
    OTHER;

    /**
     * @param fileName the artifact's file name
     * @param purlType the component's purl type, or null
     * @param format   the container, as sniffed from the bytes
     */
    public static PackageKind of(String fileName, String purlType, ArchiveFormat format) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = purlType == null ? "" : purlType.toLowerCase(Locale.ROOT);
        if (format == ArchiveFormat.NONE) {
            return OTHER;
        }
        if (format == ArchiveFormat.ZIP) {
            if (name.endsWith(".whl")) {
                return WHEEL;
            }
            if (type.equals("pypi")) {
                return SDIST;
            }
            if (type.equals("maven") || name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".ear")
                    || name.endsWith(".aar") || name.endsWith(".hpi") || name.endsWith(".jpi")) {
                return JAR;
            }
            return OTHER;
        }
        if (type.equals("npm")) {
            return NPM;
        }
        if (type.equals("pypi")) {
            return SDIST;
        }
        // No purl type to go by: npm names its tarballs .tgz, Python sdists end in .tar.gz (PEP 625).
        if (type.isEmpty() && name.endsWith(".tgz")) {
            return NPM;
        }
        if (type.isEmpty() && name.endsWith(".tar.gz")) {
            return SDIST;
        }
        return OTHER;
    }
}
