package dev.sbomgate.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.Digest;
import dev.sbomgate.model.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigestComparisonTest {

    /** Digests of "abc" for every algorithm; "x" in a row below flips one declared value to a wrong one. */
    private static final Map<HashAlgorithm, Digest> ABC =
            Digests.compute("abc".getBytes(StandardCharsets.US_ASCII), EnumSet.allOf(HashAlgorithm.class)).digests();

    private static Digest right(HashAlgorithm a) {
        return ABC.get(a);
    }

    private static Digest wrong(HashAlgorithm a) {
        return new Digest(a, "0".repeat(a.hexLength()));
    }

    static Stream<Arguments> table() {
        HashAlgorithm md5 = HashAlgorithm.MD5;
        HashAlgorithm sha1 = HashAlgorithm.SHA_1;
        HashAlgorithm sha256 = HashAlgorithm.SHA_256;
        HashAlgorithm sha512 = HashAlgorithm.SHA_512;
        HashAlgorithm b3 = HashAlgorithm.BLAKE3;
        return Stream.of(
                Arguments.of("nothing declared", List.of(), IntegrityStatus.NONE_DECLARED),
                Arguments.of("sha256 matches", List.of(right(sha256)), IntegrityStatus.PROVEN),
                Arguments.of("blake3 alone matches", List.of(right(b3)), IntegrityStatus.PROVEN),
                Arguments.of("sha256 + sha512 + md5 match", List.of(right(sha256), right(sha512), right(md5)), IntegrityStatus.PROVEN),
                Arguments.of("md5 alone matches: not proof", List.of(right(md5)), IntegrityStatus.WEAK_ONLY),
                Arguments.of("sha1 alone matches: not proof", List.of(right(sha1)), IntegrityStatus.WEAK_ONLY),
                Arguments.of("md5 + sha1 match: still not proof", List.of(right(md5), right(sha1)), IntegrityStatus.WEAK_ONLY),
                Arguments.of("sha256 differs", List.of(wrong(sha256)), IntegrityStatus.MISMATCH),
                Arguments.of("md5 differs", List.of(wrong(md5)), IntegrityStatus.MISMATCH),
                Arguments.of("sha256 matches, md5 differs", List.of(right(sha256), wrong(md5)), IntegrityStatus.MISMATCH),
                Arguments.of("md5 matches, sha512 differs", List.of(right(md5), wrong(sha512)), IntegrityStatus.MISMATCH),
                Arguments.of("two sha256 values declared", List.of(right(sha256), wrong(sha256)), IntegrityStatus.MISMATCH));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("table")
    void verdictTable(String name, List<Digest> declared, IntegrityStatus expected) {
        DigestComparison comparison = DigestComparison.compare(declared, ABC);
        assertEquals(expected, comparison.status());
        assertEquals(declared.size(), comparison.checks().size());
        assertEquals(expected == IntegrityStatus.PROVEN, comparison.status().isProof());
    }

    @Test
    void uppercaseDeclaredHexMatches() {
        Digest upper = new Digest(HashAlgorithm.SHA_256, right(HashAlgorithm.SHA_256).hex().toUpperCase(Locale.ROOT));
        DigestComparison comparison = DigestComparison.compare(List.of(upper), ABC);
        assertEquals(DigestMatch.MATCH, comparison.checks().get(0).match());
        assertEquals(IntegrityStatus.PROVEN, comparison.status());
    }

    @Test
    void declaredAlgorithmNotComputedIsIncompleteNotProof() {
        Map<HashAlgorithm, Digest> onlySha256 = Map.of(HashAlgorithm.SHA_256, right(HashAlgorithm.SHA_256));
        DigestComparison comparison = DigestComparison.compare(
                List.of(right(HashAlgorithm.SHA_256), right(HashAlgorithm.SHA3_512)), onlySha256);
        assertEquals(IntegrityStatus.INCOMPLETE, comparison.status());
        assertFalse(comparison.status().isProof());
        DigestComparison.Check sha3 = comparison.checks().get(1);
        assertEquals(HashAlgorithm.SHA3_512, sha3.algorithm());
        assertEquals(DigestMatch.NOT_COMPUTED, sha3.match());
        assertEquals(null, sha3.computed());
    }

    @Test
    void mismatchOutranksNotComputed() {
        DigestComparison comparison = DigestComparison.compare(
                List.of(wrong(HashAlgorithm.SHA_256), right(HashAlgorithm.SHA3_512)),
                Map.of(HashAlgorithm.SHA_256, right(HashAlgorithm.SHA_256)));
        assertEquals(IntegrityStatus.MISMATCH, comparison.status());
        assertEquals(List.of(HashAlgorithm.SHA_256),
                comparison.mismatches().stream().map(DigestComparison.Check::algorithm).toList());
    }

    @Test
    void checksAreSortedAndCarryBothValues() {
        List<Digest> declared = new ArrayList<>(List.of(right(HashAlgorithm.BLAKE3), wrong(HashAlgorithm.MD5)));
        DigestComparison comparison = DigestComparison.compare(declared, ABC);
        assertEquals(HashAlgorithm.MD5, comparison.checks().get(0).algorithm());
        assertEquals(DigestMatch.MISMATCH, comparison.checks().get(0).match());
        assertEquals(right(HashAlgorithm.MD5), comparison.checks().get(0).computed());
        assertEquals(DigestMatch.MATCH, comparison.checks().get(1).match());
    }

    @Test
    void checkRefusesInconsistentStates() {
        assertThrows(IllegalArgumentException.class,
                () -> new DigestComparison.Check(right(HashAlgorithm.MD5), right(HashAlgorithm.SHA_1), DigestMatch.MATCH));
        assertThrows(IllegalArgumentException.class,
                () -> new DigestComparison.Check(right(HashAlgorithm.MD5), null, DigestMatch.MATCH));
        assertTrue(new DigestComparison.Check(right(HashAlgorithm.MD5), null, DigestMatch.NOT_COMPUTED).computed() == null);
    }
}
