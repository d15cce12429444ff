package dev.sbomgate.fetch;

import dev.sbomgate.model.BadInputException;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy variables curl, pip and npm honour: {@code https_proxy} for HTTPS, {@code http_proxy} for HTTP (the
 * lower-case spelling first, then upper case), {@code no_proxy} a comma-separated list of host suffixes or
 * {@code *}. Loopback addresses are never proxied. A proxy URL with user info is refused: sbomgate does not send
 * proxy credentials.
 */
public final class EnvProxy extends ProxySelector {

    private final InetSocketAddress https;
    private final InetSocketAddress http;
    private final List<String> noProxy;

    private EnvProxy(InetSocketAddress https, InetSocketAddress http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** The selector for these environment variables, or null when none names a proxy. */
    public static EnvProxy fromEnvironment(Map<String, String> env) {
        InetSocketAddress https = address(env, "https_proxy");
        InetSocketAddress http = address(env, "http_proxy");
        if (https == null && http == null) {
            return null;
        }
        List<String> none = new ArrayList<>();
        String list = variable(env, "no_proxy");
        if (list != null) {
            for (String part : list.split(",")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                if (!p.isEmpty()) {
                    none.add(p.startsWith(".") ? p.substring(1) : p);
                }
            }
        }
        return new EnvProxy(https, http, List.copyOf(none));
    }

    private static String variable(Map<String, String> env, String lower) {
        String v = env.get(lower);
        if (v == null || v.isBlank()) {
            v = env.get(lower.toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static InetSocketAddress address(Map<String, String> env, String name) {
        String value = variable(env, name);
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + " is not a URL: " + Untrusted.message(e.getMessage()));
        }
        if (uri.getHost() == null) {
            throw new BadInputException(name + " names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new BadInputException(name + " carries credentials; sbomgate does not send proxy credentials");
        }
        return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        InetSocketAddress proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (proxy == null || Transport.isLoopback(host) || excluded(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, proxy));
    }

    private boolean excluded(String host) {
        for (String suffix : noProxy) {
            if (suffix.equals("*") || host.equals(suffix) || host.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: the request fails and is retried like any connection failure
    }
}
