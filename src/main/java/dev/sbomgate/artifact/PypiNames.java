package dev.sbomgate.artifact;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python packaging's file-name rules: PEP 440 version normalisation, the wheel file name (PEP 427 / binary
 * distribution format spec) and the sdist file name (PEP 625), plus recognising legacy sdist names.
 */
final class PypiNames {

    /** PEP 440 appendix B's regular expression (as in the {@code packaging} library), matched case-insensitively. */
    private static final Pattern VERSION = Pattern.compile(
            "v?"
            + "(?:(?<epoch>[0-9]+)!)?"
            + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?<pre>[-_.]?(?<preL>alpha|beta|preview|pre|a|b|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
            + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    private static final int MAX_VERSION_CHARS = 128;

    private PypiNames() {
    }

    /** PEP 503 name normalisation (lower case, runs of {@code -_.} become {@code -}), as Purl applies it. */
    static String projectKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** The name as wheel and PEP 625 sdist file names spell it: runs of {@code -_.} become {@code _}, lower case. */
    static String fileNamePart(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
    }

    /**
     * The PEP 440 normal form of {@code version} ({@code 1.0.0-RC1} gives {@code 1.0.0rc1}, {@code 2!01.2-post3}
     * gives {@code 2!1.2.post3}), or null when it is not a PEP 440 version.
     */
    static String normaliseVersion(String version) {
        if (version == null || version.length() > MAX_VERSION_CHARS) {
            return null;
        }
        Matcher m = VERSION.matcher(version.strip());
        if (!m.matches()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (m.group("epoch") != null && !number(m.group("epoch")).equals("0")) {
            sb.append(number(m.group("epoch"))).append('!');
        }
        String[] release = m.group("release").split("\\.");
        for (int i = 0; i < release.length; i++) {
            sb.append(i == 0 ? "" : ".").append(number(release[i]));
        }
        if (m.group("pre") != null) {
            String label = m.group("preL").toLowerCase(Locale.ROOT);
            label = switch (label) {
                case "alpha" -> "a";
                case "beta" -> "b";
                case "c", "pre", "preview" -> "rc";
                default -> label;
            };
            sb.append(label).append(number(m.group("preN")));
        }
        if (m.group("post") != null) {
            sb.append(".post").append(number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2")));
        }
        if (m.group("dev") != null) {
            sb.append(".dev").append(number(m.group("devN")));
        }
        if (m.group("local") != null) {
            sb.append('+');
            String[] parts = m.group("local").toLowerCase(Locale.ROOT).split("[-_.]");
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                sb.append(i == 0 ? "" : ".").append(part.chars().allMatch(Character::isDigit) ? number(part) : part);
            }
        }
        return sb.toString();
    }

    /** Decimal digits without leading zeros; an omitted number is 0 (PEP 440 "implicit ... number"). */
    private static String number(String digits) {
        return digits == null ? "0" : new BigInteger(digits).toString();
    }

    /** Whether two versions are the same release: equal PEP 440 normal forms, or equal text when either is not PEP 440. */
    static boolean sameVersion(String a, String b) {
        String na = normaliseVersion(a);
        String nb = normaliseVersion(b);
        if (na != null && nb != null) {
            return na.equals(nb);
        }
        return a.equalsIgnoreCase(b) || a.replace('-', '_').equalsIgnoreCase(b.replace('-', '_'));
    }

    /** The version as a file name carries it: normalised when possible, with {@code -} escaped as {@code _}. */
    static String fileVersion(String version) {
        String normal = normaliseVersion(version);
        return (normal != null ? normal : version).replace('-', '_');
    }

    /**
     * Whether {@code fileName} is a wheel of project {@code key} (PEP 503-normalised) at {@code version}:
     * {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl}. Compares normalised forms, so legacy
     * wheels that spell the name {@code Foo.Bar} or {@code Foo_Bar} match too.
     */
    static boolean isWheelOf(String fileName, String key, String version) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".whl")) {
            return false;
        }
        String[] parts = fileName.substring(0, fileName.length() - 4).split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            return false;
        }
        return projectKey(parts[0]).equals(key) && sameVersion(parts[1], version);
    }

    /** Legacy sdist archive suffixes (PEP 527 kept .tar.gz and .zip; older uploads used .tar.bz2). */
    static final String[] LEGACY_SDIST_SUFFIXES = {".tar.gz", ".zip", ".tar.bz2"};

    /**
     * Whether {@code fileName} is a legacy sdist {@code {name}-{version}.{tar.gz|zip|tar.bz2}} of project {@code key}
     * at {@code version}, whatever the name's spelling ({@code python-dateutil-2.8.2.tar.gz},
     * {@code Foo.Bar-1.0.zip}). The name may itself contain {@code -}, so every split point is tried.
     */
    static boolean isLegacySdistOf(String fileName, String key, String version) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String suffix : LEGACY_SDIST_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                String stem = fileName.substring(0, fileName.length() - suffix.length());
                for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
                    if (projectKey(stem.substring(0, dash)).equals(key) && sameVersion(stem.substring(dash + 1), version)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
