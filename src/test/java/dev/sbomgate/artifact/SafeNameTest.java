package dev.sbomgate.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a.jar", "my tool-2.0.zip", "..a", "a..", "...", "foo-2!1.0.tar.gz", "ünïcode.tgz"})
    void plainNamesAreSafe(String name) {
        assertTrue(SafeName.isSafe(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "/etc/passwd", "a/b", "a\\b", "..\\x", "C:evil", "a\u0000b", "a\nb", "a\u007fb"})
    void unsafeNamesAreRefused(String name) {
        assertFalse(SafeName.isSafe(name));
    }

    @Test
    void lengthIsBoundedInBytes() {
        assertTrue(SafeName.isSafe("a".repeat(255)));
        assertFalse(SafeName.isSafe("a".repeat(256)));
        assertFalse(SafeName.isSafe("é".repeat(128)), "256 bytes in UTF-8");
        assertFalse(SafeName.isSafe(List.of()));
        assertFalse(SafeName.isSafe(java.util.Collections.nCopies(33, "a")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "https://repo1.maven.org/maven2/g/a/1/a-1.jar, a-1.jar",
            "https://h/dl/my%20tool.zip?x=1#y, my tool.zip",
            "https://h/dl/na%C3%AFve.tgz, naïve.tgz",
            "file:///etc/passwd, passwd",
            "a-1.jar, a-1.jar",
            "https://h/dl/, null",
            "https://h/%2e%2e, null",
            "https://h/..%2Fx, null",
            "https://h/x%00, null",
            "https://h/x%zz, null",
            "https://h/x%4, null",
            "https://h/x%C3, null",
            "urn:uuid:123, null"})
    void fileNameOfUrl(String url, String expected) {
        assertEquals(Optional.ofNullable(expected), SafeName.fileNameOfUrl(url));
    }
}
