package dev.sbomgate.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for the numeric release parts that every version scheme shares. */
final class Numbers {

    private static final Pattern LEADING_RELEASE = Pattern.compile("^[vV=]*([0-9]+(?:\\.[0-9]+)*)");

    private Numbers() {
    }

    /** Compares two lists of numbers, the shorter padded with zeros ({@code 1.2 == 1.2.0}). */
    static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The dot-separated numbers a version starts with ({@code 2.11.0-RC1} gives 2, 11, 0); empty when none. */
    static List<BigInteger> leadingRelease(String version) {
        List<BigInteger> numbers = new ArrayList<>();
        Matcher m = LEADING_RELEASE.matcher(version.strip());
        if (m.find()) {
            for (String part : m.group(1).split("\\.")) {
                numbers.add(new BigInteger(part));
            }
        }
        return numbers;
    }
}
