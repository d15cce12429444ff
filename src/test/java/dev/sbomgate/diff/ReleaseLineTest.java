package dev.sbomgate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Release lines (docs/formats.md §1.3): the major version, for 0.x the minor, by each ecosystem's own parse. */
class ReleaseLineTest {

    @Test
    void theMajorVersionIsTheLine() {
        assertEquals(Optional.of("1"), VersionOrder.releaseLine("npm", "1.14.1"));
        assertEquals(Optional.of("2"), VersionOrder.releaseLine("maven", "2.21"));
        assertTrue(VersionOrder.sameReleaseLine("npm", "1.14.0", "1.99.3-beta.1"));
        assertFalse(VersionOrder.sameReleaseLine("npm", "1.14.0", "2.0.0"));
    }

    @Test
    void forZeroMajorTheMinorIsTheLine() {
        assertEquals(Optional.of("0.14"), VersionOrder.releaseLine("npm", "0.14.2"));
        assertTrue(VersionOrder.sameReleaseLine("npm", "0.14.2", "0.14.9"));
        assertFalse(VersionOrder.sameReleaseLine("npm", "0.14.2", "0.15.0"));
        assertEquals(Optional.of("0.0"), VersionOrder.releaseLine("pypi", "0"));
    }

    @Test
    void pep440EpochsAndNormalFormsCount() {
        assertEquals(Optional.of("1!2"), VersionOrder.releaseLine("pypi", "1!2.0"));
        assertFalse(VersionOrder.sameReleaseLine("pypi", "1!2.0", "2.0"));
        assertTrue(VersionOrder.sameReleaseLine("pypi", "3.0rc1", "3.1.post2"));
    }

    @Test
    void aVersionWithoutNumbersHasNoLine() {
        assertEquals(Optional.empty(), VersionOrder.releaseLine("npm", "latest"));
        assertEquals(Optional.empty(), VersionOrder.releaseLine("npm", null));
    }
}
