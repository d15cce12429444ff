package dev.sbomgate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UntrustedTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9B, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
            0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200D, 0xFEFF, 0x2028, 0x2029, 0xFFF9, 0xD800, 0xE000,
            0xE0001})
    void controlBidiAndFormatCharactersAreHidden(int cp) {
        assertTrue(Untrusted.hidden(cp), Integer.toHexString(cp));
        String shown = Untrusted.printable("a" + Character.toString(cp) + "b");
        assertTrue(shown.codePoints().noneMatch(Untrusted::hidden), shown);
        assertTrue(shown.startsWith("a\\u") && shown.endsWith("b"), shown);
    }

    @Test
    void visibleTextIsReturnedUnchanged() {
        String text = "pkg:npm/@scope/naïve-名前@1.0.0 😀";
        assertSame(text, Untrusted.printable(text));
        assertFalse(Untrusted.hidden('é'));
    }

    @Test
    void terminalEscapeSequenceIsShownNotInterpreted() {
        assertEquals("\\u001b[2J\\u001b]0;owned\\u0007", Untrusted.printable("\u001b[2J\u001b]0;owned\u0007"));
    }

    @Test
    void trojanSourceReorderingIsShown() {
        assertEquals("admin\\u202e\\u2066 // user\\u2069\\u2066", Untrusted.printable("admin\u202e\u2066 // user\u2069\u2066"));
    }

    @Test
    void aSupplementaryFormatCharacterIsShownAsItsUtf16Pair() {
        assertEquals("x\\udb40\\udc01", Untrusted.printable("x\uDB40\uDC01"));
    }

    @Test
    void oneLineTurnsLineBreaksAndTabsIntoSpacesOneEach() {
        assertEquals("a  b c\\u001b", Untrusted.oneLine("a\r\nb\tc\u001b"));
    }

    @Test
    void messageCollapsesWhiteSpaceEscapesAndBounds() {
        assertEquals("cannot read: x \\u202e y", Untrusted.message("  cannot read:\n   x \u202e\ty  "));
        String shortened = Untrusted.message("x".repeat(500), 10);
        assertEquals(10, shortened.length());
        assertTrue(shortened.endsWith("…"));
        assertEquals("x".repeat(500), Untrusted.wholeMessage("x".repeat(500)));
        assertEquals("", Untrusted.message(null));
    }
}
