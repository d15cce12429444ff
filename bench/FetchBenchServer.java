import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Maven repository for bench/fetch-bench.sh, run as a single-file program (JDK only):
 *
 *   java bench/FetchBenchServer.java N SIZE_KIB SBOM_OUT PORT_FILE
 *
 * Serves N synthetic components bench.g&lt;i%50&gt;:a&lt;i&gt;:1.0.&lt;i&gt; on 127.0.0.1 (an ephemeral port, written to
 * PORT_FILE): each jar is SIZE_KIB KiB of seeded random bytes with its .sha1, .sha256 and .sha512 files; .asc and
 * .sigstore.json answer 404 (not published), like most of Maven Central. Writes a CycloneDX 1.6 JSON SBOM of them to
 * SBOM_OUT, then serves until killed, counting requests (printed to stderr on SIGTERM).
 */
public final class FetchBenchServer {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]) * 1024;
        Path sbom = Path.of(args[2]);
        Path portFile = Path.of(args[3]);
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        StringBuilder components = new StringBuilder();
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            String group = "bench.g" + (i % 50);
            String name = "a" + i;
            String version = "1.0." + i;
            String dir = "/" + group.replace('.', '/') + "/" + name + "/" + version + "/" + name + "-" + version + ".jar";
            byte[] jar = new byte[size];
            random.nextBytes(jar);
            files.put(dir, jar);
            files.put(dir + ".sha1", hex("SHA-1", jar).getBytes(StandardCharsets.US_ASCII));
            files.put(dir + ".sha256", hex("SHA-256", jar).getBytes(StandardCharsets.US_ASCII));
            files.put(dir + ".sha512", hex("SHA-512", jar).getBytes(StandardCharsets.US_ASCII));
            components.append(i == 0 ? "" : ",\n").append("    {\"type\": \"library\", \"bom-ref\": \"c").append(i)
                    .append("\", \"group\": \"").append(group).append("\", \"name\": \"").append(name)
                    .append("\", \"version\": \"").append(version).append("\", \"purl\": \"pkg:maven/").append(group)
                    .append('/').append(name).append('@').append(version).append("?type=jar\"}");
        }
        Files.writeString(sbom, "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n  \"version\": 1,\n"
                + "  \"components\": [\n" + components + "\n  ]\n}\n");
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", (HttpExchange ex) -> {
            requests.incrementAndGet();
            byte[] body = files.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.getResponseHeaders().add("Last-Modified", "Mon, 02 Nov 2026 10:00:00 GMT");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
                bytes.addAndGet(body.length);
            }
            ex.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(
                "server: " + requests.get() + " requests, " + bytes.get() + " bytes served")));
        Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
        Thread.currentThread().join();
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
