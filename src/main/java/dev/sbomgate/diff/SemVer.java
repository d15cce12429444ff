package dev.sbomgate.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version (https://semver.org), ordered by its precedence rules (section 11):
 * numeric core first, a pre-release is lower than its release, pre-release identifiers compare numerically
 * when both are numeric, numeric ones sort before alphanumeric ones, a longer identifier list wins a tie;
 * build metadata is ignored (section 10).
 *
 * <p>Parsing is lenient in the ways package managers are: a leading {@code v} or {@code =} is dropped (npm,
 * Go modules), and the core may have any number of numeric parts, missing ones counting as zero
 * ({@code 1.2 == 1.2.0}, NuGet's four-part versions).
 */
record SemVer(List<BigInteger> core, List<String> preRelease) implements Comparable<SemVer> {

    private static final Pattern CORE = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z-]+");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    SemVer {
        core = List.copyOf(core);
        preRelease = List.copyOf(preRelease);
    }

    /** Parses a version, or returns empty when it is not SemVer-shaped (a tag such as {@code latest}, a URL). */
    static Optional<SemVer> parse(String version) {
        String s = version.strip();
        while (!s.isEmpty() && (s.charAt(0) == 'v' || s.charAt(0) == 'V' || s.charAt(0) == '=')) {
            s = s.substring(1);
        }
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        int dash = s.indexOf('-');
        String coreText = dash < 0 ? s : s.substring(0, dash);
        if (!CORE.matcher(coreText).matches()) {
            return Optional.empty();
        }
        List<BigInteger> core = new ArrayList<>();
        for (String part : coreText.split("\\.")) {
            core.add(new BigInteger(part));
        }
        List<String> pre = new ArrayList<>();
        if (dash >= 0) {
            for (String id : s.substring(dash + 1).split("\\.", -1)) {
                if (!IDENTIFIER.matcher(id).matches()) {
                    return Optional.empty();
                }
                pre.add(id);
            }
        }
        return Optional.of(new SemVer(core, pre));
    }

    @Override
    public int compareTo(SemVer other) {
        int c = Numbers.compare(core, other.core);
        if (c != 0) {
            return c;
        }
        // Section 11.3: a version without pre-release identifiers has higher precedence.
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numA = NUMERIC.matcher(a).matches();
        boolean numB = NUMERIC.matcher(b).matches();
        if (numA && numB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numA != numB) {
            return numA ? -1 : 1;
        }
        return a.compareTo(b); // ASCII order; identifiers are [0-9A-Za-z-] only
    }
}
