package dev.sbomgate.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** A registry on 127.0.0.1 and an ephemeral port, serving canned answers per path; stops itself on close. */
public final class LoopbackServer implements AutoCloseable {

    /** What one path answers; may look at how often it was asked. */
    public interface Handler {
        void handle(HttpExchange exchange, int call) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, String> authorization = new ConcurrentHashMap<>();

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            int call = calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorization.put(path, auth == null ? "(none)" : auth);
            try {
                Handler h = routes.get(path);
                if (h == null) {
                    send(exchange, 404, new byte[0]);
                } else {
                    h.handle(exchange, call);
                }
            } catch (IOException e) {
                // the client went away (time limit tests): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    public LoopbackServer serve(String path, byte[] body) {
        routes.put(path, (ex, call) -> send(ex, 200, body));
        return this;
    }

    public LoopbackServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public int calls(String path) {
        AtomicInteger n = calls.get(path);
        return n == null ? 0 : n.get();
    }

    public static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
