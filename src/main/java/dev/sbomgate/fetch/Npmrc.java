package dev.sbomgate.fetch;

import dev.sbomgate.files.InputFiles;
import dev.sbomgate.files.Limits;
import dev.sbomgate.model.BadInputException;
import dev.sbomgate.text.Untrusted;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registries and tokens of an {@code .npmrc}, as npm reads them: {@code registry=URL}, {@code @scope:registry=URL},
 * {@code //host[:port]/path/:_authToken=TOKEN} (a bearer token for that host only) and {@code :_auth=BASE64} (basic);
 * {@code ${NAME}} references are expanded from the environment. Other keys are ignored.
 */
public final class Npmrc {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** The default registry, per-scope registries (scope with its {@code @}) and credentials. */
    public record Result(URI registry, Map<String, URI> scopes, List<Transport.Credential> credentials) {
        public Result {
            scopes = Map.copyOf(scopes);
            credentials = List.copyOf(credentials);
        }
    }

    private Npmrc() {
    }

    /** Reads {@code file}; a missing file means the public registry and no credentials. */
    public static Result read(Path file, Map<String, String> env) {
        if (file == null || !Files.exists(file)) {
            return new Result(FetchConfig.NPM_REGISTRY, Map.of(), List.of());
        }
        String text;
        try {
            text = new String(InputFiles.read(file, Limits.NPMRC), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": not readable: " + Untrusted.message(e.getMessage()), e);
        }
        URI registry = FetchConfig.NPM_REGISTRY;
        Map<String, URI> scopes = new LinkedHashMap<>();
        List<Transport.Credential> credentials = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("\r?\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = unquote(line.substring(eq + 1).strip());
            String where = file + ":" + lineNo;
            if (key.equals("registry")) {
                registry = url(where, expand(where, value, env));
            } else if (key.startsWith("@") && key.endsWith(":registry")) {
                scopes.put(key.substring(0, key.length() - ":registry".length()), url(where, expand(where, value, env)));
            } else if (key.startsWith("//") && (key.endsWith(":_authToken") || key.endsWith(":_auth"))) {
                boolean token = key.endsWith(":_authToken");
                String hostPath = key.substring(0, key.lastIndexOf(':'));
                URI base = url(where, "https:" + hostPath);
                String secret = expand(where, value, env);
                credentials.add(Transport.Credential.of(base, (token ? "Bearer " : "Basic ") + secret));
            }
        }
        return new Result(registry, scopes, credentials);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String expand(String where, String value, Map<String, String> env) {
        Matcher m = ENV.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                throw new BadInputException(where + ": ${" + m.group(1) + "} is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static URI url(String where, String text) {
        try {
            URI u = URI.create(text);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return u.toString().endsWith("/") ? u : URI.create(u + "/");
        } catch (IllegalArgumentException e) {
            // the line may hold a token: never quoted back
            throw new BadInputException(where + ": not a registry URL");
        }
    }
}
