package dev.sbomgate.diff;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * A Maven version ordered as Maven orders it (maven-artifact {@code ComparableVersion} as of Maven 3.9),
 * written here so that sbomgate needs no Maven runtime.
 *
 * <p>A version is a list of items: numbers, qualifiers and sub-lists. {@code .} separates items; {@code -}
 * and every switch between digits and letters start a sub-list ({@code 1.0-alpha1} is
 * {@code [1, [alpha, [1]]]}). Trailing zeros, empty qualifiers and release qualifiers are dropped, so
 * {@code 1 == 1.0 == 1.0.0 == 1.0.Final == 1-ga}. Known qualifiers order
 * {@code alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp}; unknown ones come
 * after {@code sp}, in lexical order. {@code a1}, {@code b1}, {@code m1} mean alpha-1, beta-1, milestone-1.
 */
public final class MavenVersion implements Comparable<MavenVersion> {

    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final int UNKNOWN = QUALIFIERS.size();

    /** One element of the parsed version; compared against another item or against "nothing" (null). */
    private interface Item {
        int compareTo(Item other);

        boolean isNull();
    }

    private record Num(BigInteger value) implements Item {
        static final Num ZERO = new Num(BigInteger.ZERO);

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return value.signum() == 0 ? 0 : 1; // 1.0 == 1, 1.1 > 1
            }
            if (other instanceof Num n) {
                return value.compareTo(n.value);
            }
            return 1; // 1.1 > 1-sp, 1.1 > 1-1
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }
    }

    private record Str(String value) implements Item {
        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return compareQualifiers(value, ""); // 1-rc < 1, 1-sp > 1
            }
            if (other instanceof Str s) {
                return compareQualifiers(value, s.value);
            }
            return -1; // 1.any < 1.1, 1.any < 1-1
        }

        @Override
        public boolean isNull() {
            return value.isEmpty();
        }
    }

    private static final class Lst implements Item {
        final List<Item> items = new ArrayList<>();

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                // The whole list decides, not only its first item (Maven MNG-6964): 1-0.1 > 1.
                for (Item item : items) {
                    int c = item.compareTo(null);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }
            if (other instanceof Num) {
                return -1; // 1-1 < 1.0.x
            }
            if (other instanceof Str) {
                return 1; // 1-1 > 1-sp
            }
            List<Item> right = ((Lst) other).items;
            for (int i = 0; i < Math.max(items.size(), right.size()); i++) {
                Item l = i < items.size() ? items.get(i) : null;
                Item r = i < right.size() ? right.get(i) : null;
                int c = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        /** Drops trailing "null" items (0, release qualifiers, empty lists), looking through nested lists. */
        void normalise() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof Lst)) {
                    break;
                }
            }
        }
    }

    private final Lst items;

    private MavenVersion(Lst items) {
        this.items = items;
    }

    /** Parses any string: every string is a Maven version (Maven never refuses one). */
    public static MavenVersion parse(String version) {
        String s = version.toLowerCase(Locale.ROOT);
        Lst root = new Lst();
        Lst list = root;
        Deque<Lst> lists = new ArrayDeque<>();
        lists.push(root);
        boolean digit = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                list.items.add(i == start ? Num.ZERO : item(digit, s.substring(start, i)));
                start = i + 1;
            } else if (c == '-') {
                list.items.add(i == start ? Num.ZERO : item(digit, s.substring(start, i)));
                start = i + 1;
                list = subList(list, lists);
            } else if (c >= '0' && c <= '9') {
                if (!digit && i > start) {
                    // A qualifier that follows other items opens its own sub-list: 1.0.0.x1 < 1.0.0-x2 (Maven 3.9).
                    if (!list.items.isEmpty()) {
                        list = subList(list, lists);
                    }
                    list.items.add(new Str(qualifier(s.substring(start, i), true)));
                    start = i;
                    list = subList(list, lists);
                }
                digit = true;
            } else {
                if (digit && i > start) {
                    list.items.add(new Num(new BigInteger(s.substring(start, i))));
                    start = i;
                    list = subList(list, lists);
                }
                digit = false;
            }
        }
        if (s.length() > start) {
            // A trailing ".X" qualifier counts as "-X" (Maven 3.9): 2.0.a < 2-1.
            if (!digit && !list.items.isEmpty()) {
                list = subList(list, lists);
            }
            list.items.add(item(digit, s.substring(start)));
        }
        while (!lists.isEmpty()) {
            lists.pop().normalise();
        }
        return new MavenVersion(root);
    }

    private static Lst subList(Lst parent, Deque<Lst> lists) {
        Lst child = new Lst();
        parent.items.add(child);
        lists.push(child);
        return child;
    }

    private static Item item(boolean digit, String text) {
        return digit ? new Num(new BigInteger(text)) : new Str(qualifier(text, false));
    }

    private static String qualifier(String text, boolean followedByDigit) {
        if (followedByDigit && text.length() == 1) {
            switch (text.charAt(0)) {
                case 'a':
                    return "alpha";
                case 'b':
                    return "beta";
                case 'm':
                    return "milestone";
                default:
                    break;
            }
        }
        switch (text) {
            case "ga":
            case "final":
            case "release":
                return "";
            case "cr":
                return "rc";
            default:
                return text;
        }
    }

    private static int compareQualifiers(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return ra == UNKNOWN ? a.compareTo(b) : 0;
    }

    private static int rank(String qualifier) {
        int i = QUALIFIERS.indexOf(qualifier);
        return i < 0 ? UNKNOWN : i;
    }

    @Override
    public int compareTo(MavenVersion other) {
        return items.compareTo(other.items);
    }
}
