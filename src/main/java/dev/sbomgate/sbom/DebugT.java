package dev.sbomgate.sbom;

final class DebugT {
    private static long last;
    static final boolean ON = Boolean.getBoolean("sbomgate.timing");
    static void t(String what) {
        if (!ON) return;
        long now = System.nanoTime();
        if (what != null) System.err.println("  " + what + ": " + (now - last) / 1_000_000 + " ms");
        last = now;
    }
}
