package dev.sbomgate.rules;

import dev.sbomgate.model.Purl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled lists of popular package names per ecosystem ({@code popular/maven.txt}, {@code npm.txt},
 * {@code pypi.txt} beside this class; each file's header says where its names come from). Names are keys as
 * {@link TyposquatRule#key} builds them: lower case, npm {@code @scope/name}, Maven {@code group:artifact},
 * PyPI names PEP 503 normalised. Read once from the classpath; an ecosystem without a list has none.
 */
final class PopularNames {
    private static final Set<String> ECOSYSTEMS = Set.of("maven", "npm", "pypi");
    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private PopularNames() {
    }

    /** The popular names of one purl type, in file order; empty for a type without a bundled list. */
    static Set<String> of(String purlType) {
        if (purlType == null || !ECOSYSTEMS.contains(purlType)) {
            return Set.of();
        }
        return CACHE.computeIfAbsent(purlType, PopularNames::load);
    }

    private static Set<String> load(String type) {
        String resource = "popular/" + type + ".txt";
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = PopularNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                // The lists ship inside the jar; a build without them is broken, not a policy choice.
                throw new IllegalStateException("bundled resource " + resource + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                names.add(normalise(type, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
        return Collections.unmodifiableSet(names);
    }

    static String normalise(String type, String name) {
        return "pypi".equals(type) ? Purl.normalisePypiName(name) : name.toLowerCase(Locale.ROOT);
    }
}
