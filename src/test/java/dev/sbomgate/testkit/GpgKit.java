package dev.sbomgate.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real GnuPG in a throw-away home (tests only): keys generated, certified, revoked and files signed by {@code gpg}
 * itself, at fixed times ({@code --faked-system-time}), so rotation fixtures have the exact packets gpg writes.
 * Every call is {@code --batch --pinentry-mode loopback} with an empty passphrase. {@link #available()} tells whether
 * gpg is installed; tests that need it assume it.
 */
public final class GpgKit implements AutoCloseable {
    private final Path home;

    private GpgKit(Path home) {
        this.home = home;
    }

    /** Whether a {@code gpg} is on the PATH. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A fresh GnuPG home under {@code dir} (kept short: gpg-agent's socket path is bounded). */
    public static GpgKit create(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("g"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        return new GpgKit(home);
    }

    /** Generates an Ed25519 signing key with this user ID at {@code at}, valid for {@code validity} (gpg syntax, e.g. 2y). */
    public String generate(String userId, Instant at, String validity) throws IOException {
        run(at, null, "--quick-gen-key", userId, "ed25519", "sign", validity);
        for (String line : run(at, null, "--with-colons", "--list-keys", userId).split("\n")) {
            if (line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IllegalStateException("gpg generated no key for " + userId);
    }

    /**
     * Generates a certify-only Ed25519 primary key with an Ed25519 signing subkey (how many publishers keep the primary
     * offline): signatures then name the subkey, and sbomgate must resolve them to the primary.
     */
    public String generateWithSigningSubkey(String userId, Instant at, String validity) throws IOException {
        run(at, null, "--quick-gen-key", userId, "ed25519", "cert", validity);
        String primary = null;
        for (String line : run(at, null, "--with-colons", "--list-keys", userId).split("\n")) {
            if (line.startsWith("fpr:")) {
                primary = line.split(":")[9];
                break;
            }
        }
        if (primary == null) {
            throw new IllegalStateException("gpg generated no key for " + userId);
        }
        run(at, null, "--quick-add-key", primary, "ed25519", "sign", validity);
        return primary;
    }

    /** The fingerprint of {@code primary}'s first subkey. */
    public String subkey(String primary) throws IOException {
        boolean inSub = false;
        for (String line : run(Instant.now(), null, "--with-colons", "--list-keys", primary).split("\n")) {
            if (line.startsWith("sub:")) {
                inSub = true;
            } else if (inSub && line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IllegalStateException("key " + primary + " has no subkey");
    }

    /** {@code certifier} certifies every user ID of {@code target} (an exportable certification, type 0x10). */
    public void certify(String certifier, String target, Instant at) throws IOException {
        run(at, null, "-u", certifier, "--quick-sign-key", target);
    }

    /** Revokes {@code key} with reason "key superseded" (0x01) and a comment naming {@code successor}. */
    public void revokeSuperseded(String key, String successor, Instant at) throws IOException {
        revoke(key, 2, "Succeeded by " + successor, at);
    }

    /** Revokes {@code key} with reason "key compromised" (0x02). */
    public void revokeCompromised(String key, Instant at) throws IOException {
        revoke(key, 1, "leaked", at);
    }

    /** gpg's --gen-revoke menu: 0 no reason, 1 compromised, 2 superseded, 3 no longer used. */
    private void revoke(String key, int menuChoice, String comment, Instant at) throws IOException {
        Path rev = home.resolve("rev.asc");
        Files.deleteIfExists(rev);
        // --gen-revoke asks its questions even in batch mode; they are answered on the command fd.
        run(at, "y\n" + menuChoice + "\n" + comment + "\n\ny\n", "--no-batch", "--command-fd", "0", "--armor",
                "--output", rev.toString(), "--gen-revoke", key);
        run(at, null, "--import", rev.toString());
    }

    /** The armoured public key, as {@code gpg --armor --export} writes it (certifications by others included). */
    public byte[] export(String key) throws IOException {
        return run(Instant.now(), null, "--armor", "--export", key).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code file}.asc, an armoured detached signature by {@code key} made at {@code at}. */
    public Path sign(Path file, String key, Instant at) throws IOException {
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        Files.deleteIfExists(asc);
        run(at, null, "-u", key, "--armor", "--detach-sign", "--output", asc.toString(), file.toString());
        return asc;
    }

    private String run(Instant at, String input, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty",
                "--yes", "--pinentry-mode", "loopback", "--passphrase", "", "--faked-system-time",
                at.getEpochSecond() + "!"));
        command.addAll(List.of(args));
        if (command.contains("--no-batch")) {
            command.remove("--batch");
            command.remove("--no-batch");
        }
        Process p = new ProcessBuilder(command).redirectError(home.resolve("stderr.txt").toFile()).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("gpg " + String.join(" ", args) + " failed: "
                        + Files.readString(home.resolve("stderr.txt")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    /** Stops the agent this home started. */
    @Override
    public void close() throws IOException {
        try {
            Process p = new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
