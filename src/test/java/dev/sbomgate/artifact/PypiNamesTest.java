package dev.sbomgate.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PypiNamesTest {

    /** Cases from PEP 440's "Normalization" section, checked against the packaging library's Version(). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "1.0, 1.0",
            "v1.0, 1.0",
            "01.02.003, 1.2.3",
            "1.0.0-RC1, 1.0.0rc1",
            "1.0a, 1.0a0",
            "1.0-alpha.1, 1.0a1",
            "1.0BETA2, 1.0b2",
            "1.0c1, 1.0rc1",
            "1.0preview2, 1.0rc2",
            "1.0.post, 1.0.post0",
            "1.0-1, 1.0.post1",
            "1.0rev2, 1.0.post2",
            "1.0-r3, 1.0.post3",
            "1.0-dev, 1.0.dev0",
            "1.0.DEV5, 1.0.dev5",
            "0!1.0, 1.0",
            "2!01.02, 2!1.2",
            "1.0+Ubuntu-01, 1.0+ubuntu.1",
            "1.0a1.post2.dev3+local_7, 1.0a1.post2.dev3+local.7",
            "' 1.0 ', 1.0",
            "1.0.0.Final, null",
            "not a version, null",
            "1.0/../x, null"})
    void normalisesVersions(String in, String expected) {
        assertEquals(expected, PypiNames.normaliseVersion(in));
    }

    @Test
    void namesNormaliseForFilesAndKeys() {
        assertEquals("foo_bar_baz", PypiNames.fileNamePart("Foo.Bar_baz"));
        assertEquals("foo_bar_baz", PypiNames.fileNamePart("foo--bar...baz"));
        assertEquals("foo-bar-baz", PypiNames.projectKey("Foo.Bar_baz"));
    }

    @Test
    void wheelNames() {
        assertTrue(PypiNames.isWheelOf("foo_bar-1.0-py3-none-any.whl", "foo-bar", "1.0"));
        assertTrue(PypiNames.isWheelOf("Foo.Bar-1.0-1-py3-none-any.whl", "foo-bar", "1.0"), "build tag");
        assertTrue(PypiNames.isWheelOf("foo-1.0rc1-py3-none-any.WHL", "foo", "1.0-RC1"));
        assertFalse(PypiNames.isWheelOf("foo-1.0.1-py3-none-any.whl", "foo", "1.0"));
        assertFalse(PypiNames.isWheelOf("foobar-1.0-py3-none-any.whl", "foo", "1.0"));
        assertFalse(PypiNames.isWheelOf("foo-1.0-any.whl", "foo", "1.0"), "too few tags");
        assertFalse(PypiNames.isWheelOf("foo-1.0.tar.gz", "foo", "1.0"));
    }

    @Test
    void legacySdistNames() {
        assertTrue(PypiNames.isLegacySdistOf("python-dateutil-2.8.2.tar.gz", "python-dateutil", "2.8.2"));
        assertTrue(PypiNames.isLegacySdistOf("Foo.Bar_baz-1.0.zip", "foo-bar-baz", "1.0"));
        assertTrue(PypiNames.isLegacySdistOf("foo-1.0-1.tar.bz2", "foo", "1.0.post1"));
        assertFalse(PypiNames.isLegacySdistOf("foo-bar-1.0.tar.gz", "foo", "1.0"), "that is project foo-bar");
        assertFalse(PypiNames.isLegacySdistOf("foo-1.0.tar.xz", "foo", "1.0"));
        assertFalse(PypiNames.isLegacySdistOf("foo-1.00.1.tar.gz", "foo", "1.0"));
    }
}
