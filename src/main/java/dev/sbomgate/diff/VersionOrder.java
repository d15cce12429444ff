package dev.sbomgate.diff;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders versions the way their own ecosystem does (see {@link VersionScheme}). Every order here is total:
 * a version the scheme cannot parse (an npm tag, a legacy Python version) sorts below every version it can,
 * and such versions are ordered among themselves by the generic order. {@code null} (no version) sorts first.
 * A version longer than {@value #MAX_LENGTH} characters counts as unparseable: no real release is that long,
 * and it bounds the work a hostile SBOM can cause.
 */
public final class VersionOrder {

    /** Longest version string parsed by its ecosystem's scheme. */
    public static final int MAX_LENGTH = 256;

    private VersionOrder() {
    }

    /**
     * Compares two versions of one package: negative when {@code a} is older, 0 when the ecosystem considers
     * them the same version ({@code 1.0} and {@code 1.0.0} in Maven), positive when {@code a} is newer.
     *
     * @param ecosystem the purl type ({@code maven}, {@code npm}, {@code pypi}…), or null
     */
    public static int compare(String ecosystem, String a, String b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        return switch (VersionScheme.forEcosystem(ecosystem)) {
            case MAVEN -> compareParsed(bounded(a).map(MavenVersion::parse), bounded(b).map(MavenVersion::parse), a, b);
            case SEMVER -> compareParsed(bounded(a).flatMap(SemVer::parse), bounded(b).flatMap(SemVer::parse), a, b);
            case PEP440 -> compareParsed(bounded(a).flatMap(Pep440Version::parse), bounded(b).flatMap(Pep440Version::parse), a, b);
            case GENERIC -> compareParsed(bounded(a).map(GenericVersion::parse), bounded(b).map(GenericVersion::parse), a, b);
        };
    }

    /** {@link #compare} as a comparator for one ecosystem. */
    public static Comparator<String> comparator(String ecosystem) {
        return (a, b) -> compare(ecosystem, a, b);
    }

    /**
     * The size of the step from {@code from} to {@code to} (in either direction), by the first numeric release
     * part that differs; see {@link UpdateKind}. A PEP 440 epoch change is MAJOR.
     */
    public static UpdateKind classify(String ecosystem, String from, String to) {
        if (from == null || to == null || from.length() > MAX_LENGTH || to.length() > MAX_LENGTH) {
            return UpdateKind.OTHER;
        }
        VersionScheme scheme = VersionScheme.forEcosystem(ecosystem);
        if (scheme == VersionScheme.PEP440) {
            Optional<Pep440Version> a = Pep440Version.parse(from);
            Optional<Pep440Version> b = Pep440Version.parse(to);
            if (a.isPresent() && b.isPresent()) {
                if (!a.get().epoch().equals(b.get().epoch())) {
                    return UpdateKind.MAJOR;
                }
                return classify(a.get().release(), b.get().release());
            }
        } else if (scheme == VersionScheme.SEMVER) {
            Optional<SemVer> a = SemVer.parse(from);
            Optional<SemVer> b = SemVer.parse(to);
            if (a.isPresent() && b.isPresent()) {
                return classify(a.get().core(), b.get().core());
            }
        }
        return classify(Numbers.leadingRelease(from), Numbers.leadingRelease(to));
    }

    /**
     * The release line a version belongs to (docs/formats.md §1.3): its major version, or for {@code 0.x} its minor
     * ({@code "1"}, {@code "0.14"}), by the ecosystem's own parse (SemVer core, PEP 440 release with a non-zero epoch
     * as a prefix {@code "1!2"}), else the version's leading numbers; empty when the version has none (an npm tag).
     * Evidence tiers are compared only within one line, so that an old line published without provenance does not
     * trip a newer one that has it (pnpm issues 10202, 10622).
     */
    public static Optional<String> releaseLine(String ecosystem, String version) {
        if (version == null || version.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<BigInteger> release = null;
        String prefix = "";
        VersionScheme scheme = VersionScheme.forEcosystem(ecosystem);
        if (scheme == VersionScheme.PEP440) {
            Optional<Pep440Version> v = Pep440Version.parse(version);
            if (v.isPresent()) {
                release = v.get().release();
                prefix = v.get().epoch().signum() == 0 ? "" : v.get().epoch() + "!";
            }
        } else if (scheme == VersionScheme.SEMVER) {
            release = SemVer.parse(version).map(SemVer::core).orElse(null);
        }
        if (release == null) {
            release = Numbers.leadingRelease(version);
        }
        if (release.isEmpty()) {
            return Optional.empty();
        }
        BigInteger major = release.get(0);
        if (major.signum() != 0) {
            return Optional.of(prefix + major);
        }
        return Optional.of(prefix + "0." + (release.size() > 1 ? release.get(1) : BigInteger.ZERO));
    }

    /** Whether two versions of one package are in the same {@link #releaseLine} (two without one count as one line). */
    public static boolean sameReleaseLine(String ecosystem, String a, String b) {
        return releaseLine(ecosystem, a).equals(releaseLine(ecosystem, b));
    }

    private static UpdateKind classify(List<BigInteger> a, List<BigInteger> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return UpdateKind.OTHER;
        }
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            if (!x.equals(y)) {
                return i == 0 ? UpdateKind.MAJOR : i == 1 ? UpdateKind.MINOR : UpdateKind.PATCH;
            }
        }
        return UpdateKind.OTHER;
    }

    private static Optional<String> bounded(String version) {
        return version.length() <= MAX_LENGTH ? Optional.of(version) : Optional.empty();
    }

    private static <T extends Comparable<T>> int compareParsed(Optional<T> pa, Optional<T> pb, String a, String b) {
        if (pa.isPresent() && pb.isPresent()) {
            return pa.get().compareTo(pb.get());
        }
        if (pa.isPresent() != pb.isPresent()) {
            return pa.isPresent() ? 1 : -1;
        }
        return GenericVersion.parse(a).compareTo(GenericVersion.parse(b));
    }
}
