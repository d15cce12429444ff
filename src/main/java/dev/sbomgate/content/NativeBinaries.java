package dev.sbomgate.content;

import java.util.List;
import java.util.regex.Pattern;

/** Recognising native code in an archive: by file name (.so, .dll, .dylib, .node…) and by magic bytes (ELF, PE, Mach-O). */
final class NativeBinaries {
    private static final List<String> NATIVE = List.of(".so", ".dll", ".dylib", ".jnilib", ".pyd", ".node", ".exe");
    private static final Pattern VERSIONED_SO = Pattern.compile(".*\\.so(\\.[0-9]+)+");

    private NativeBinaries() {
    }

    /** By extension: {@code .so} (also versioned, {@code libz.so.1}), {@code .dll}, {@code .dylib}, {@code .node}… */
    static boolean nativeName(String lower) {
        // A loop, not a stream: this runs for every entry of every archive.
        for (String extension : NATIVE) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return lower.contains(".so.") && VERSIONED_SO.matcher(lower).matches();
    }

    /** ELF (7f 'E' 'L' 'F'), Mach-O (32/64-bit, either byte order) and Mach-O universal binaries. */
    static boolean nativeMagic(byte[] head, int length) {
        if (length < 4) {
            return false;
        }
        int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        switch (magic) {
            case 0x7f454c46, 0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe:
                return true;
            case 0xcafebabe, 0xcafebabf:
                // Java class files share CAFEBABE; their next word is the class version (major >= 45), a universal
                // binary's is its small count of architectures.
                if (length < 8) {
                    return false;
                }
                int next = ((head[4] & 0xff) << 24) | ((head[5] & 0xff) << 16) | ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                return next > 0 && next < 45;
            default:
                return false;
        }
    }
}
