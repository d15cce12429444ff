package dev.sbomgate.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sbomgate.model.HashAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DigestsTest {

    /**
     * Published vectors: FIPS 180-4 / FIPS 202 examples, RFC 1321, RFC 7693 (BLAKE2b-512 "abc"), the BLAKE3
     * team's test_vectors.json; cross-checked with Python's hashlib. The 1025-byte BLAKE3 input (bytes
     * {@code i % 251}) crosses BLAKE3's 1024-byte chunk boundary.
     */
    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(HashAlgorithm.MD5, "", "d41d8cd98f00b204e9800998ecf8427e"),
                Arguments.of(HashAlgorithm.MD5, "abc", "900150983cd24fb0d6963f7d28e17f72"),
                Arguments.of(HashAlgorithm.SHA_1, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
                Arguments.of(HashAlgorithm.SHA_1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
                Arguments.of(HashAlgorithm.SHA_256, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Arguments.of(HashAlgorithm.SHA_256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                Arguments.of(HashAlgorithm.SHA_384, "", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
                        + "274edebfe76f65fbd51ad2f14898b95b"),
                Arguments.of(HashAlgorithm.SHA_384, "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                        + "8086072ba1e7cc2358baeca134c825a7"),
                Arguments.of(HashAlgorithm.SHA_512, "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                        + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
                Arguments.of(HashAlgorithm.SHA_512, "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
                Arguments.of(HashAlgorithm.SHA3_256, "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
                Arguments.of(HashAlgorithm.SHA3_256, "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
                Arguments.of(HashAlgorithm.SHA3_384, "", "0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2a"
                        + "c3713831264adb47fb6bd1e058d5f004"),
                Arguments.of(HashAlgorithm.SHA3_384, "abc", "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2"
                        + "98d88cea927ac7f539f1edf228376d25"),
                Arguments.of(HashAlgorithm.SHA3_512, "", "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a6"
                        + "15b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26"),
                Arguments.of(HashAlgorithm.SHA3_512, "abc", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
                        + "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0"),
                Arguments.of(HashAlgorithm.BLAKE2B_256, "", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"),
                Arguments.of(HashAlgorithm.BLAKE2B_256, "abc", "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"),
                Arguments.of(HashAlgorithm.BLAKE2B_384, "", "b32811423377f52d7862286ee1a72ee540524380fda1724a6f25d7978c6fd324"
                        + "4a6caf0498812673c5e05ef583825100"),
                Arguments.of(HashAlgorithm.BLAKE2B_384, "abc", "6f56a82c8e7ef526dfe182eb5212f7db9df1317e57815dbda46083fc30f54ee6"
                        + "c66ba83be64b302d7cba6ce15bb556f4"),
                Arguments.of(HashAlgorithm.BLAKE2B_512, "", "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                        + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce"),
                Arguments.of(HashAlgorithm.BLAKE2B_512, "abc", "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"),
                Arguments.of(HashAlgorithm.BLAKE3, "", "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"),
                Arguments.of(HashAlgorithm.BLAKE3, "abc", "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"),
                Arguments.of(HashAlgorithm.BLAKE3, "#1025", "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444"));
    }

    /** "#n" means the BLAKE3 test-vector input of n bytes: 0, 1, …, 250, 0, 1, … */
    private static byte[] input(String spec) {
        if (spec.startsWith("#")) {
            byte[] bytes = new byte[Integer.parseInt(spec.substring(1))];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i % 251);
            }
            return bytes;
        }
        return spec.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0} of \"{1}\"")
    @MethodSource("vectors")
    void knownVectorFromBytes(HashAlgorithm algorithm, String in, String expected) {
        FileDigests digests = Digests.compute(input(in), Set.of(algorithm));
        assertEquals(expected, digests.get(algorithm).orElseThrow().hex());
        assertEquals(input(in).length, digests.size());
    }

    @ParameterizedTest(name = "{0} of file \"{1}\"")
    @MethodSource("vectors")
    void knownVectorFromFile(HashAlgorithm algorithm, String in, String expected, @TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("f"), input(in));
        assertEquals(expected, Digests.compute(file, Set.of(algorithm)).get(algorithm).orElseThrow().hex());
    }

    @Test
    void sha256IsAlwaysComputedAndOnlyWhatWasAskedBesides() {
        FileDigests digests = Digests.compute(input("abc"), Set.of(HashAlgorithm.SHA3_256, HashAlgorithm.MD5));
        assertEquals(EnumSet.of(HashAlgorithm.MD5, HashAlgorithm.SHA_256, HashAlgorithm.SHA3_256), digests.digests().keySet());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digests.sha256().hex());
        assertEquals(Set.of(HashAlgorithm.SHA_256), Digests.compute(new byte[0], Set.of()).digests().keySet());
    }

    @Test
    void multiMegabyteFileInOnePassEqualsMessageDigestOfItsBytes(@TempDir Path dir) throws Exception {
        // 5 MiB + 17 bytes: many full buffers and a ragged tail.
        byte[] bytes = new byte[5 * 1024 * 1024 + 17];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(dir.resolve("big.bin"), bytes);
        FileDigests digests = Digests.compute(file, EnumSet.allOf(HashAlgorithm.class));
        assertEquals(bytes.length, digests.size());
        for (HashAlgorithm jdk : List.of(HashAlgorithm.MD5, HashAlgorithm.SHA_1, HashAlgorithm.SHA_256,
                HashAlgorithm.SHA_384, HashAlgorithm.SHA_512, HashAlgorithm.SHA3_256, HashAlgorithm.SHA3_512)) {
            byte[] expected = MessageDigest.getInstance(jdk.jcaName()).digest(bytes);
            assertArrayEquals(expected, HexFormat.of().parseHex(digests.get(jdk).orElseThrow().hex()), jdk.name());
        }
        // BLAKE2b/BLAKE3 have no JDK reference: the streamed file must equal the one-shot array.
        FileDigests oneShot = Digests.compute(bytes, EnumSet.allOf(HashAlgorithm.class));
        assertEquals(oneShot, digests);
        assertEquals(oneShot, Digests.compute(new ByteArrayInputStream(bytes), EnumSet.allOf(HashAlgorithm.class)));
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Digests.compute(dir.resolve("absent"), Set.of()));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void directoryIsRefusedRatherThanRead(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Digests.compute(dir, Set.of()));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void symbolicLinkIsRefused(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("target"), input("abc"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        IOException e = assertThrows(IOException.class, () -> Digests.compute(link, Set.of()));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void fileDigestsRejectsDigestsFiledUnderTheWrongAlgorithm() {
        FileDigests ok = Digests.compute(input("abc"), Set.of(HashAlgorithm.MD5));
        var wrong = new java.util.EnumMap<HashAlgorithm, dev.sbomgate.model.Digest>(HashAlgorithm.class);
        wrong.put(HashAlgorithm.SHA_256, ok.get(HashAlgorithm.MD5).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new FileDigests(3, wrong));
        assertThrows(IllegalArgumentException.class, () -> new FileDigests(3, java.util.Map.of()));
    }
}
