package dev.sbomgate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.rules.TyposquatClasses.Technique;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each class of look-alike name on real squats (year and registry in the comment) and on near misses. */
class TyposquatClassesTest {

    @Test
    void separatorSwap() {
        // crossenv for cross-env (npm, 2017); nodesass for node-sass (npm, 2017, the same author's batch)
        assertTrue(TyposquatClasses.separatorSwap("crossenv", "cross-env"));
        assertTrue(TyposquatClasses.separatorSwap("node_sass", "node-sass"));
        assertTrue(TyposquatClasses.separatorSwap("cross.env", "cross-env"));
        assertFalse(TyposquatClasses.separatorSwap("cross-env", "cross-env"));
        assertFalse(TyposquatClasses.separatorSwap("crossenv2", "cross-env"));
        assertEquals(Technique.SEPARATOR_SWAP, TyposquatClasses.classify("crossenv", "cross-env"));
    }

    @Test
    void homoglyph() {
        // jeIlyfish for jellyfish (PyPI, 2019: a capital I for the first l; PyPI names compare in lower case)
        assertTrue(TyposquatClasses.homoglyph("jeilyfish", "jellyfish"));
        assertTrue(TyposquatClasses.homoglyph("rnoment", "moment"), "rn for m");
        assertTrue(TyposquatClasses.homoglyph("vvebpack", "webpack"), "vv for w");
        assertTrue(TyposquatClasses.homoglyph("l0dash", "lodash"), "0 for o");
        assertTrue(TyposquatClasses.homoglyph("co1ors", "colors"), "1 for l");
        assertFalse(TyposquatClasses.homoglyph("crossenv", "cross-env"), "a separator swap is its own class");
        assertFalse(TyposquatClasses.homoglyph("lodahs", "lodash"));
        assertEquals(Technique.HOMOGLYPH, TyposquatClasses.classify("jeilyfish", "jellyfish"));
    }

    @Test
    void transposition() {
        // electorn for electron (npm, 2018)
        assertTrue(TyposquatClasses.transposition("electorn", "electron"));
        assertTrue(TyposquatClasses.transposition("lodahs", "lodash"));
        assertFalse(TyposquatClasses.transposition("electron", "electron"));
        assertFalse(TyposquatClasses.transposition("elcetorn", "electron"), "two swaps");
        assertFalse(TyposquatClasses.transposition("electrno", "electron-"), "lengths differ");
        assertEquals(Technique.TRANSPOSITION, TyposquatClasses.classify("electorn", "electron"));
        assertEquals("transposition of 'lodahs' for 'lodash'", Technique.TRANSPOSITION.describe("lodahs", "lodash"));
    }

    @Test
    void doubledAndDroppedLetters() {
        // mongose for mongoose (npm, 2017): one of a doubled letter dropped; TypoGard's "repeated characters" the other way
        assertTrue(TyposquatClasses.doubledLetter("mongoose", "mongose"));
        assertEquals(Technique.DROPPED_LETTER, TyposquatClasses.classify("mongose", "mongoose"));
        assertEquals(Technique.DOUBLED_LETTER, TyposquatClasses.classify("expresss", "express"));
        assertFalse(TyposquatClasses.doubledLetter("expressx", "express"), "an added letter that repeats nothing");
        // requets for requests: an omitted character that was not doubled
        assertTrue(TyposquatClasses.oneDeletion("requests", "requets"));
        assertEquals(Technique.DROPPED_LETTER, TyposquatClasses.classify("requets", "requests"));
    }

    @Test
    void extraAndSubstitutedLetters() {
        // python3-dateutil for python-dateutil (PyPI, 2019, with jeIlyfish); djanga for django (PyPI, 2017)
        assertEquals(Technique.EXTRA_LETTER, TyposquatClasses.classify("python3-dateutil", "python-dateutil"));
        assertTrue(TyposquatClasses.substitution("djanga", "django"));
        assertFalse(TyposquatClasses.substitution("djangoo", "django"));
        assertEquals(Technique.SUBSTITUTION, TyposquatClasses.classify("djanga", "django"));
        assertEquals(Technique.EDITS, TyposquatClasses.classify("requ3stz", "requests"));
    }

    @Test
    void comboBases() {
        // nodemailer-js and jquery.js (npm, 2017), noderequest (glued prefix), py-requests, through2
        assertTrue(TyposquatClasses.comboBases("nodemailer-js").contains("nodemailer"));
        assertEquals(List.of("jquery"), TyposquatClasses.comboBases("jquery.js"));
        assertTrue(TyposquatClasses.comboBases("noderequest").contains("request"));
        assertEquals(List.of("requests"), TyposquatClasses.comboBases("py-requests"));
        assertEquals(List.of("through"), TyposquatClasses.comboBases("through2"));
        assertTrue(TyposquatClasses.comboBases("lodashutils").isEmpty(), "a word glued on without a separator");
        assertTrue(TyposquatClasses.comboBases("@types/node-js").isEmpty(), "inside a scope only its owner publishes");
        assertTrue(TyposquatClasses.comboBases("vue-js").isEmpty(), "a base shorter than four letters");
    }

    @Test
    void pluralsAndOrdinaryNeighbours() {
        assertTrue(TyposquatClasses.plural("cookies", "cookie"));
        assertTrue(TyposquatClasses.plural("shadowsock", "shadowsocks"));
        assertFalse(TyposquatClasses.plural("requets", "requests"));
        // pairs of ordinary packages found on the real corpus
        assertTrue(TyposquatClasses.ordinaryNeighbours("eventemitter2", "eventemitter3"), "a version digit");
        assertTrue(TyposquatClasses.ordinaryNeighbours("blob", "glob"), "a short name's letter");
        assertTrue(TyposquatClasses.ordinaryNeighbours("lodash.max", "lodash.map"), "a dotted family");
        assertFalse(TyposquatClasses.ordinaryNeighbours("djanga", "django"));
        assertFalse(TyposquatClasses.ordinaryNeighbours("lodash.map", "lodahs.map"));
        assertFalse(TyposquatClasses.ordinaryNeighbours("requets", "requests"));
    }
}
