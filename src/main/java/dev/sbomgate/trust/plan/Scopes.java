package dev.sbomgate.trust.plan;

import dev.sbomgate.model.Purl;
import dev.sbomgate.trust.PurlPattern;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The narrowest scopes that cover what a key signed (issue 14): one {@code pkg:maven/GROUP/*} per groupId, one
 * {@code pkg:npm/@scope/*} per npm scope, the package itself otherwise (an unscoped npm package, a PyPI project). Never
 * wider: no wildcard in a namespace, and for other ecosystems none at all.
 */
public final class Scopes {

    private Scopes() {
    }

    /** The narrowest scope covering this purl; empty when it cannot be written exactly (a {@code *} in the purl itself). */
    public static Optional<PurlPattern> narrowest(Purl purl) {
        List<String> namespace = purl.namespace() == null ? List.of() : List.of(purl.namespace().split("/", -1));
        if (purl.name().contains("*") || namespace.stream().anyMatch(s -> s.contains("*") || s.isEmpty())) {
            return Optional.empty();
        }
        boolean wholeNamespace = ("maven".equals(purl.type()) && !namespace.isEmpty())
                || ("npm".equals(purl.type()) && namespace.size() == 1 && namespace.get(0).startsWith("@"));
        try {
            return Optional.of(new PurlPattern(purl.type(), namespace, wholeNamespace ? "*" : purl.name(), null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The narrowest scopes covering all these purls, sorted, each once; purls that cannot be scoped exactly are left out. */
    public static List<PurlPattern> narrowest(Collection<Purl> purls) {
        TreeSet<PurlPattern> scopes = new TreeSet<>();
        for (Purl purl : purls) {
            narrowest(purl).ifPresent(scopes::add);
        }
        return List.copyOf(scopes);
    }

    /**
     * Whether a pin's scope is wider than the narrowest form {@code trust suggest} would propose: a wildcard in a
     * namespace segment (every Maven group or npm scope it could stand for), or a wildcard in the name where the
     * narrowest form names the package (anything but a Maven group or an npm scope).
     */
    public static boolean isWide(PurlPattern scope) {
        if (scope.namespace().stream().anyMatch(s -> s.contains("*"))) {
            return true;
        }
        boolean wholeNamespace = ("maven".equals(scope.type()) && !scope.namespace().isEmpty())
                || ("npm".equals(scope.type()) && scope.namespace().size() == 1 && scope.namespace().get(0).startsWith("@"));
        return !wholeNamespace && scope.name().contains("*");
    }
}
