package dev.sbomgate.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The in-memory zip reader ({@link ZipDirectory}) is a parser of hostile input: every archive below is a valid jar
 * with random damage (flipped bytes, cut ends, repeated or moved regions, fields set to extreme values), and each
 * must come back as a summary, possibly with a problem, never as an exception, a hang or an out-of-memory. The seed
 * is fixed, so a failure names a reproducible case. A deeper run by hand:
 * {@code mvn test -Dtest=MutatedZipTest -DargLine="-Dsbomgate.fuzzCases=100000 -Dsbomgate.fuzzSeed=2"} (seeds 1 and
 * 2 at 100,000 cases each passed when this test was written).
 */
class MutatedZipTest {
    private static final long SEED = Long.getLong("sbomgate.fuzzSeed", 0x5B0A7EL);
    private static final int CASES = Integer.getInteger("sbomgate.fuzzCases", 3000);

    @Test
    void theUndamagedJarIsReadWhole() {
        ContentSummary summary = ContentInspector.inspect(jar(), "demo-1.0.jar", "maven");
        assertNull(summary.problem());
        assertEquals(1, summary.hooks(HookKind.JAVA_AGENT).size(), summary.toString());
    }

    @Test
    void everyDamagedJarGivesASummaryNeverAnException() {
        byte[] jar = jar();
        Random random = new Random(SEED);
        int[] withProblem = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] damaged = damage(jar, random);
                ContentSummary summary;
                try {
                    summary = ContentInspector.inspect(damaged, "demo-1.0.jar", "maven");
                } catch (RuntimeException | OutOfMemoryError e) {
                    throw new AssertionError("case " + i + " (seed " + SEED + ") threw " + e, e);
                }
                assertNotNull(summary, "case " + i);
                if (summary.problem() != null) {
                    withProblem[0]++;
                }
            }
        });
        // the damage reaches the parser: many cases are refused, and not all (some bytes do not matter)
        assertTrue(withProblem[0] > CASES / 4 && withProblem[0] < CASES, withProblem[0] + " of " + CASES + " with a problem");
    }

    private static byte[] damage(byte[] jar, Random random) {
        byte[] out = jar.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip a few bytes anywhere
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length)); // cut
            case 2 -> { // a region copied over another
                int len = 1 + random.nextInt(64);
                int from = random.nextInt(out.length - len);
                int to = random.nextInt(out.length - len);
                System.arraycopy(jar, from, out, to, len);
            }
            case 3 -> { // a 2- or 4-byte field set to an extreme value, in the last 256 bytes (the central directory)
                int at = Math.max(0, out.length - 1 - random.nextInt(Math.min(256, out.length)) - 4);
                int width = random.nextBoolean() ? 2 : 4;
                byte value = random.nextBoolean() ? (byte) 0xFF : 0;
                for (int k = 0; k < width && at + k < out.length; k++) {
                    out[at + k] = value;
                }
            }
            default -> { // the same with flipped bytes in the first 128 bytes (a local header)
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    out[random.nextInt(Math.min(128, out.length))] ^= (byte) (1 + random.nextInt(255));
                }
            }
        }
        return out;
    }

    /** A small jar with what the inspector reads: a manifest with an agent, a service file, a nested jar, classes. */
    private static byte[] jar() {
        try {
            ByteArrayOutputStream nested = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(nested)) {
                put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: inner.Main\n\n");
                put(zip, "inner/Main.class", "\u00ca\u00fe\u00ba\u00be inner");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nPremain-Class: demo.Agent\n\n");
                put(zip, "META-INF/services/java.security.Provider", "demo.Provider\n");
                for (int i = 0; i < 6; i++) {
                    put(zip, "demo/C" + i + ".class", "class body " + i + " ".repeat(200));
                }
                zip.putNextEntry(new ZipEntry("lib/inner.jar"));
                zip.write(nested.toByteArray());
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.ISO_8859_1));
        zip.closeEntry();
    }
}
