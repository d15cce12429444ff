package dev.sbomgate.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.sbomgate.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loopback HTTPS registry whose self-signed certificate (made by the JDK's keytool for 127.0.0.1) is trusted only
 * through {@code --ca-file}: without it the handshake fails and the artifact is "failed"; with it the fetch succeeds.
 */
@Timeout(60)
class FetchHttpsTest {

    @TempDir
    Path tmp;

    private static int keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private int fetch(Path sbom, Path into, String base, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("fetch", "--sbom", sbom.toString(), "--into", into.toString(),
                "--local-repository", "none", "--maven-settings", "none", "--npmrc", "none", "--no-keys", "--retries", "1",
                "--maven-repository", base + "/maven2"));
        args.addAll(List.of(extra));
        return Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    }

    @Test
    void selfSignedLoopbackRegistryIsTrustedOnlyWithCaFile() throws Exception {
        Path ks = tmp.resolve("server.p12");
        Path pem = tmp.resolve("ca.pem");
        assumeTrue(keytool("-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "changeit", "-keypass", "changeit") == 0, "keytool available");
        assertEquals(0, keytool("-exportcert", "-rfc", "-alias", "s", "-keystore", ks.toString(), "-storepass", "changeit",
                "-file", pem.toString()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        byte[] jar = FetchTest.resource("maven/" + FetchTest.JAR);
        server.createContext("/", ex -> {
            boolean hit = ex.getRequestURI().getPath().equals(FetchTest.DIR + FetchTest.JAR);
            ex.sendResponseHeaders(hit ? 200 : 404, hit ? jar.length : -1);
            if (hit) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(jar);
                }
            }
            ex.close();
        });
        server.start();
        try {
            String base = "https://127.0.0.1:" + server.getAddress().getPort();
            Path sbom = tmp.resolve("bom.json");
            Files.writeString(sbom, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":["
                    + "{\"type\":\"library\",\"name\":\"opentest4j\",\"version\":\"1.2.0\",\"purl\":\"" + FetchTest.PURL + "\"}]}");
            assertEquals(1, fetch(sbom, tmp.resolve("untrusted"), base), "an unknown CA fails the handshake");
            assertEquals(0, fetch(sbom, tmp.resolve("trusted"), base, "--ca-file", pem.toString()));
            assertTrue(Files.isRegularFile(tmp.resolve("trusted/org/opentest4j/opentest4j/1.2.0/" + FetchTest.JAR)));
        } finally {
            server.stop(0);
        }
    }
}
