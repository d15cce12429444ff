package dev.sbomgate.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shared instance of each word that thousands of components repeat (a component's type and scope, an external
 * reference's type, a purl's type and its common qualifiers), so that a large SBOM holds each once instead of once
 * per component: a 100,000-component check held 4 million strings, 290 MB of its 440 MB live heap. Only a fixed
 * list of words is shared, never what the input brings, so hostile input cannot grow it. The value returned is
 * equal to the value given.
 */
final class SharedWords {
    private static final Map<String, String> WORDS = words(List.of(
            // CycloneDX 1.6 component types and scopes
            "application", "framework", "library", "container", "platform", "operating-system", "device",
            "device-driver", "firmware", "file", "machine-learning-model", "data", "cryptographic-asset",
            "required", "optional", "excluded",
            // CycloneDX 1.6 external reference types (the common ones)
            "vcs", "issue-tracker", "website", "advisories", "bom", "mailing-list", "social", "chat", "documentation",
            "support", "source-distribution", "distribution", "distribution-intake", "license", "build-meta",
            "build-system", "release-notes", "security-contact", "attestation", "other",
            // purl types (purl-spec) and the qualifiers sbomgate's users' SBOMs carry on every component
            "maven", "npm", "pypi", "golang", "nuget", "cargo", "gem", "composer", "deb", "rpm", "apk", "oci",
            "docker", "github", "generic", "conda", "swift", "hex", "pub", "cocoapods", "conan", "hackage",
            "type", "classifier", "arch", "distro", "os", "repository_url", "vcs_url", "download_url", "jar",
            "pom", "war", "aar", "sources", "javadoc", "tests", "amd64", "x86_64", "aarch64", "arm64", "noarch"));

    private SharedWords() {
    }

    private static Map<String, String> words(List<String> list) {
        Map<String, String> map = new HashMap<>();
        for (String word : list) {
            map.put(word, word);
        }
        return Map.copyOf(map);
    }

    /** The shared instance of {@code value} when it is one of the listed words, else {@code value} itself. */
    static String shared(String value) {
        if (value == null || value.length() > 24) {
            return value;
        }
        String word = WORDS.get(value);
        return word != null ? word : value;
    }

    /**
     * {@code candidate} when it equals {@code value}: a component's group, name and version are usually its purl's
     * namespace, name and version, and need not be held twice.
     */
    static String sameAs(String value, String candidate) {
        return value != null && value.equals(candidate) ? candidate : value;
    }
}
