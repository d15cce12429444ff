package dev.sbomgate.rules;

import java.util.List;
import java.util.Optional;

/**
 * The ways a typosquat's name is made from the name it imitates, one named test each. The classes follow the
 * transformations that Taylor et al. found in real npm and PyPI typosquats and that their tool applies
 * ("SpellBound", arXiv:2003.03471, later TypoGard: repeated, omitted and swapped characters, delimiter changes,
 * common typos, version numbers, scope confusion), the combosquatting names of Vu et al. ("Typosquatting and
 * Combosquatting Attacks on the Python Ecosystem", EuroS&amp;PW 2020: a known name plus a word such as -python, py-,
 * -dev) and the homoglyphs of Jiang et al. ("TypoSmart", arXiv:2502.20528). Every test takes a comparison key and a
 * known key of the same ecosystem and is exact: it says whether that one transformation turns the known name into the
 * new one.
 */
final class TyposquatClasses {
    /** Characters that separate words in package names; swapping, adding or dropping one is a separator swap. */
    private static final String SEPARATORS = "-_.";
    /**
     * Words added to a known name in combosquats seen in the wild: crossenv's siblings (cross-env.js), the PyPI
     * squats of Vu et al. (python-, py-, -python, -dev), and version-like digits (through2 after through).
     */
    static final List<String> COMBO_WORDS = List.of("js", "node", "nodejs", "util", "utils", "dev", "devel", "lib",
            "python", "python3", "py", "py3", "2", "3");

    private TyposquatClasses() {
    }

    /** A class of look-alike name, with the words a finding uses for it. */
    enum Technique {
        SEPARATOR_SWAP("separator swap"),
        HOMOGLYPH("homoglyph"),
        TRANSPOSITION("transposition"),
        DOUBLED_LETTER("doubled letter"),
        DROPPED_LETTER("dropped letter"),
        EXTRA_LETTER("extra letter"),
        SUBSTITUTION("substituted letter"),
        EDITS("misspelling"),
        COMBO("combo name"),
        SCOPE_DROPPED("scope dropped"),
        SCOPE_GLUED("scope glued into the name"),
        SCOPE_LOOK_ALIKE("look-alike scope"),
        SCOPE_NAMED_LIKE_PACKAGE("scope named like a package"),
        GROUP_ROOT_SWAP("groupId root swap");

        private final String label;

        Technique(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** The finding's words: {@code transposition of 'lodahs' for 'lodash'}. */
        String describe(String found, String known) {
            return label + " of '" + ChangeRuleTexts.plain(found) + "' for '" + ChangeRuleTexts.plain(known) + "'";
        }
    }

    /**
     * The most specific class for a name within a few edits of, or with the same skeleton as, a known one: separator
     * swap, homoglyph, transposition, doubled, dropped, extra or substituted letter, else a misspelling of several
     * edits.
     */
    static Technique classify(String found, String known) {
        if (separatorSwap(found, known)) {
            return Technique.SEPARATOR_SWAP;
        }
        if (homoglyph(found, known)) {
            return Technique.HOMOGLYPH;
        }
        if (transposition(found, known)) {
            return Technique.TRANSPOSITION;
        }
        if (doubledLetter(found, known)) {
            return Technique.DOUBLED_LETTER;
        }
        if (doubledLetter(known, found)) {
            // 'jellyfish' without one of its two l: the omitted character of a repeated letter
            return Technique.DROPPED_LETTER;
        }
        if (oneDeletion(known, found)) {
            return Technique.DROPPED_LETTER;
        }
        if (oneDeletion(found, known)) {
            return Technique.EXTRA_LETTER;
        }
        if (substitution(found, known)) {
            return Technique.SUBSTITUTION;
        }
        return Technique.EDITS;
    }

    /** The same words with other separators, or none: {@code crossenv}, {@code cross_env}, {@code cross.env}. */
    static boolean separatorSwap(String found, String known) {
        return !found.equals(known) && withoutSeparators(found).equals(withoutSeparators(known));
    }

    /**
     * The same once characters that look alike are read as one ({@link TyposquatRule#skeleton}: 0/o, 1/l/i, 5/s,
     * rn/m, vv/w), and not merely a separator swap: {@code jeIlyfish} for {@code jellyfish}, {@code rnocha} for
     * {@code mocha}.
     */
    static boolean homoglyph(String found, String known) {
        return !separatorSwap(found, known) && !found.equals(known)
                && TyposquatRule.skeleton(found).equals(TyposquatRule.skeleton(known));
    }

    /** Two adjacent characters swapped: {@code electorn} for {@code electron}. */
    static boolean transposition(String found, String known) {
        if (found.length() != known.length()) {
            return false;
        }
        int i = 0;
        while (i < found.length() && found.charAt(i) == known.charAt(i)) {
            i++;
        }
        return i + 1 < found.length() && found.charAt(i) == known.charAt(i + 1) && found.charAt(i + 1) == known.charAt(i)
                && found.substring(i + 2).equals(known.substring(i + 2));
    }

    /** One character of {@code known} typed twice: {@code expresss} for {@code express}. */
    static boolean doubledLetter(String found, String known) {
        if (found.length() != known.length() + 1) {
            return false;
        }
        for (int i = 1; i < found.length(); i++) {
            if (found.charAt(i) == found.charAt(i - 1) && (found.substring(0, i) + found.substring(i + 1)).equals(known)) {
                return true;
            }
        }
        return false;
    }

    /** {@code shorter} is {@code longer} with one character deleted: {@code requets} from {@code requests}. */
    static boolean oneDeletion(String longer, String shorter) {
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    /** One character replaced by another: {@code requestz} for {@code requests}. */
    static boolean substitution(String found, String known) {
        if (found.length() != known.length()) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < found.length(); i++) {
            if (found.charAt(i) != known.charAt(i)) {
                differences++;
            }
        }
        return differences == 1;
    }

    /**
     * The known name that {@code found} is made of by adding one of {@link #COMBO_WORDS} before or after it, with or
     * without a separator ({@code lodash-js}, {@code py-requests}, {@code through2}); empty when it is not a combo.
     * Only unscoped names are combos: inside an npm scope or a Maven groupId only the owner publishes.
     */
    static List<String> comboBases(String found) {
        if (found.indexOf('/') >= 0 || found.indexOf(':') >= 0) {
            return List.of();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>(2);
        for (String word : COMBO_WORDS) {
            if (found.endsWith(word)) {
                trimSeparators(found.substring(0, found.length() - word.length()), word).ifPresent(out::add);
            }
            if (found.startsWith(word)) {
                trimSeparators(found.substring(word.length()), word).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The base left of a combo once its separator is cut; a word glued on without a separator counts only for digits
     * and for js, py and node, which are glued on in practice (uglifyjs, pyyaml); others would cut ordinary words.
     */
    private static Optional<String> trimSeparators(String rest, String word) {
        String base = rest;
        boolean separated = false;
        while (!base.isEmpty() && SEPARATORS.indexOf(base.charAt(0)) >= 0) {
            base = base.substring(1);
            separated = true;
        }
        while (!base.isEmpty() && SEPARATORS.indexOf(base.charAt(base.length() - 1)) >= 0) {
            base = base.substring(0, base.length() - 1);
            separated = true;
        }
        boolean glueable = Character.isDigit(word.charAt(0)) || word.equals("js") || word.equals("py") || word.equals("node");
        if (base.length() < TyposquatRule.MIN_NAME_LENGTH || (!separated && !glueable)) {
            return Optional.empty();
        }
        return Optional.of(base);
    }

    /**
     * A singular for a plural or back ({@code cookies}, {@code cookie}): five of the corpus's one-edit pairs were
     * such two ordinary packages, yet squats use it too (shadowsock for shadowsocks, npm 2017), so it warns.
     */
    static boolean plural(String found, String known) {
        return found.equals(known + "s") || known.equals(found + "s");
    }

    /**
     * Pairs that are one edit apart yet name two ordinary packages, measured on the real SBOMs of the corpus
     * (TyposquatCorpusTest): one version digit for another ({@code eventemitter2}, {@code eventemitter3}), one letter
     * replaced in a name shorter than six characters ({@code glob}, {@code blob}; {@code zlib}, {@code glib};
     * {@code exit}, {@code exif}), and two members of one dotted family ({@code lodash.map}, {@code lodash.max}).
     * Not applied to homoglyphs and separator swaps.
     */
    static boolean ordinaryNeighbours(String found, String known) {
        if (found.length() == known.length()) {
            int i = 0;
            while (i < found.length() && found.charAt(i) == known.charAt(i)) {
                i++;
            }
            if (i < found.length() && substitution(found, known)) {
                if (Character.isDigit(found.charAt(i)) && Character.isDigit(known.charAt(i))) {
                    return true;
                }
                if (found.length() < 6) {
                    return true;
                }
            }
        }
        int dot = found.lastIndexOf('.');
        return dot >= TyposquatRule.MIN_NAME_LENGTH && known.lastIndexOf('.') == dot
                && found.regionMatches(0, known, 0, dot + 1);
    }

    static String withoutSeparators(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (SEPARATORS.indexOf(c) < 0 && c != '/' && c != '@' && c != ':') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
