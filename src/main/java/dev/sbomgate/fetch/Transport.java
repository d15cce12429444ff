package dev.sbomgate.fetch;

import dev.sbomgate.files.AtomicWrite;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * HTTP GET with the rules of docs/evidence.md: HTTPS only (plain HTTP to loopback, or with {@code allowHttp}),
 * redirects followed here (never by the client) and only to an allowed URL, credentials only to their own host,
 * a time limit per request covering the whole body, a size cap, bytes streamed to a temporary file beside the
 * target, hashed, then renamed atomically. Timeouts and 5xx are retried with backoff; 404 never.
 */
public final class Transport implements AutoCloseable {

    static final int MAX_REDIRECTS = 5;

    /** The answer to one download. {@code uri} is the last URL asked, without credentials. */
    public record Result(Outcome outcome, int status, URI uri, long size, String sha256, String reason,
                         java.time.Instant lastModified) {
        Result(Outcome outcome, int status, URI uri, long size, String sha256, String reason) {
            this(outcome, status, uri, size, sha256, reason, null);
        }
    }

    /**
     * An Authorization header value for exactly one host (and port, unless {@code port} is -1): credentials never
     * follow a redirect elsewhere.
     */
    public record Credential(String host, int port, String authorization) {
        public Credential {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(authorization, "authorization");
        }

        public Credential(String host, String authorization) {
            this(host, -1, authorization);
        }

        /** A credential for the host and port of {@code base}. */
        public static Credential of(URI base, String authorization) {
            return new Credential(base.getHost(), effectivePort(base), authorization);
        }

        /** Whether this credential may be sent to {@code uri}. */
        public boolean appliesTo(URI uri) {
            return uri.getHost() != null && host.equalsIgnoreCase(uri.getHost()) && (port < 0 || port == effectivePort(uri));
        }

        private static int effectivePort(URI uri) {
            if (uri.getPort() >= 0) {
                return uri.getPort();
            }
            return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        }

        @Override
        public String toString() {
            return "Credential[" + host + (port < 0 ? "" : ":" + port) + ", ***]";
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final boolean allowHttp;
    private final int attempts;
    private final Duration backoff;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sbomgate-fetch-watchdog");
        t.setDaemon(true);
        return t;
    });

    public Transport(SSLContext ssl, Duration requestTimeout, boolean allowHttp, int attempts, Duration backoff) {
        this(ssl, null, requestTimeout, allowHttp, attempts, backoff);
    }

    /** With {@code proxy} (null: direct connections) choosing the proxy per URL. */
    public Transport(SSLContext ssl, ProxySelector proxy, Duration requestTimeout, boolean allowHttp, int attempts,
                     Duration backoff) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.client = builder.build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.allowHttp = allowHttp;
        this.attempts = Math.max(1, attempts);
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** Why this URL may not be asked, or null when it may. */
    public String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            return "URL has no host: " + redact(uri);
        }
        if (uri.getRawUserInfo() != null) {
            return "URL carries credentials; configure them in settings.xml or .npmrc instead";
        }
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && (allowHttp || isLoopback(uri.getHost()))) {
            return null;
        }
        return "refusing " + (scheme.isEmpty() ? "a URL without scheme" : scheme + "://") + " to " + uri.getHost()
                + ": only HTTPS (plain HTTP only to loopback, or with --allow-http)";
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here would be a network lookup whose answer a server controls.
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Downloads {@code uri} into {@code target}, retrying timeouts and 5xx; the target is written only when complete. */
    public Result download(URI uri, Path target, long cap, boolean optional, Credential credential) {
        return download(uri, target, cap, optional, credential, null, null);
    }

    /**
     * As {@link #download(URI, Path, long, boolean, Credential)}, asking for {@code accept} (null: any) and renaming
     * the bytes into place only when {@code check} (null: none) finds nothing wrong with them (it returns why not).
     */
    public Result download(URI uri, Path target, long cap, boolean optional, Credential credential, String accept,
                           Function<Path, String> check) {
        Attempt last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(backoff.toMillis() << (attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return last.result;
                }
            }
            last = once(uri, target, cap, optional, credential, accept, check);
            if (!last.retryable) {
                return last.result;
            }
        }
        return last.result;
    }

    private record Attempt(Result result, boolean retryable) {
    }

    private Attempt once(URI start, Path target, long cap, boolean optional, Credential credential, String accept,
                         Function<Path, String> check) {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String refused = refusal(uri);
            if (refused != null) {
                return new Attempt(failed(0, uri, refused), false);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                    .header("User-Agent", "sbomgate-fetch");
            if (accept != null) {
                request.header("Accept", accept);
            }
            // Only to the host the credential was configured for, and never over plain HTTP to another host.
            if (credential != null && credential.appliesTo(uri) && (hop == 0 || credential.appliesTo(start))) {
                request.header("Authorization", credential.authorization());
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return new Attempt(failed(0, uri, "no response: " + oneLine(e)), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Attempt(failed(0, uri, "interrupted"), false);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                drain(response);
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    return new Attempt(failed(status, uri, "redirect without Location"), false);
                }
                URI next;
                try {
                    next = uri.resolve(location);
                } catch (IllegalArgumentException e) {
                    return new Attempt(failed(status, uri, "redirect to a malformed URL"), false);
                }
                if ("https".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(next.getScheme()) && !allowHttp) {
                    return new Attempt(failed(status, uri, "refusing redirect from HTTPS to "
                            + Untrusted.oneLine(redact(next))), false);
                }
                uri = next;
                continue;
            }
            if (status == 404 || status == 410) {
                drain(response);
                return new Attempt(new Result(optional ? Outcome.NOT_PUBLISHED : Outcome.FAILED, status, uri, -1, null,
                        "HTTP " + status + " (not published)"), false);
            }
            if (status != 200) {
                drain(response);
                return new Attempt(failed(status, uri, "HTTP " + status), status >= 500 || status == 429);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > cap) {
                drain(response);
                return new Attempt(failed(status, uri, "body of " + declared + " bytes is over the cap of " + cap), false);
            }
            Attempt saved = save(response, uri, target, cap, declared, check);
            java.time.Instant modified = response.headers().firstValue("Last-Modified").map(Transport::httpDate).orElse(null);
            Result r = saved.result;
            return new Attempt(new Result(r.outcome(), r.status(), r.uri(), r.size(), r.sha256(), r.reason(), modified),
                    saved.retryable);
        }
        return new Attempt(failed(0, uri, "more than " + MAX_REDIRECTS + " redirects"), false);
    }

    private Attempt save(HttpResponse<InputStream> response, URI uri, Path target, long cap, long declared,
                         Function<Path, String> check) {
        int status = response.statusCode();
        Path temp = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        InputStream in = response.body();
        // The client's timeout ends when headers arrive; this one covers the body too (a server dripping bytes).
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            timedOut.set(true);
            closeQuietly(in);
        }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".fetch-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (in; OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > cap) {
                        return new Attempt(failed(status, uri, "body is over the cap of " + cap + " bytes"), false);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (declared >= 0 && size != declared) {
                return new Attempt(failed(status, uri, "truncated: " + size + " of " + declared + " bytes"), true);
            }
            String wrong = check == null ? null : check.apply(temp);
            if (wrong != null) {
                return new Attempt(failed(status, uri, wrong), false);
            }
            AtomicWrite.rename(temp, target);
            temp = null;
            return new Attempt(new Result(Outcome.FETCHED, status, uri, size, HexFormat.of().formatHex(sha256.digest()), null),
                    false);
        } catch (IOException e) {
            String reason = timedOut.get() ? "time limit of " + requestTimeout.toSeconds() + " s exceeded"
                    : "transfer failed: " + oneLine(e);
            return new Attempt(failed(status, uri, reason), true);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } finally {
            guard.cancel(false);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless: never read, replaced by the next run
                }
            }
        }
    }

    private static java.time.Instant httpDate(String value) {
        try {
            return java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Result failed(int status, URI uri, String reason) {
        return new Result(Outcome.FAILED, status, uri, -1, null, reason);
    }

    /** {@link #redact} for callers outside this package (dry runs, messages). */
    public static String redactUrl(URI uri) {
        return redact(uri);
    }

    /** The URL without user info or query (tokens travel in queries too). */
    static String redact(URI uri) {
        if (uri == null) {
            return null;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static void drain(HttpResponse<InputStream> response) {
        closeQuietly(response.body());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a response we no longer read
        }
    }

    /** An exception's message, which may quote what a server sent: sanitised and bounded. */
    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Untrusted.message(m);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
